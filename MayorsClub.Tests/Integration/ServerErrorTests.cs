using System.Net;
using MayorsClub.Web.Site.Rendering;
using MayorsClub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MayorsClub.Tests.Integration;

/// <summary>An unexpected failure while rendering shows the localized 500 page, not a stack trace.</summary>
public sealed class ServerErrorTests
{
    [TestCase("/uk/", "lang=\"uk\"")]
    [TestCase("/en/", "lang=\"en\"")]
    public async Task FailureWhileRendering_IsALocalized500(string url, string lang)
    {
        // The one way to make rendering fail on purpose: a renderer that throws, put in place of the real one.
        await using var site = await TestSite.StartAsync(DatabaseProvider.Sqlite, configureServices: services =>
            services.Replace(ServiceDescriptor.Singleton<IPageRenderer, FailingRenderer>()));
        using var client = site.CreateClient();

        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(html, Does.Contain(lang).And.Not.Contain("InvalidOperationException").And.Not.Contain("at MayorsClub"));
    }

    private sealed class FailingRenderer : IPageRenderer
    {
        public PageRendering Render(PageRequest request) => throw new InvalidOperationException("Rendering failed on purpose.");
    }
}
