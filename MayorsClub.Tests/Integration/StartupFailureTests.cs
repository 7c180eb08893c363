using System.Net;
using MayorsClub.Core.Setup;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>A site that cannot reach its database says so on /healthz with 503 and serves no pages; a site without its public address in Production does not start.</summary>
public sealed class StartupFailureTests
{
    [Test]
    public async Task DatabaseUnreachable_HealthzAndPagesAnswer503()
    {
        await using var site = new UnreachableDatabaseSite();
        using var client = site.CreateClient();
        var readiness = site.Services.GetRequiredService<SiteReadiness>();
        Assert.That(async () => await readiness.WhenReady.WaitAsync(TimeSpan.FromSeconds(30)), Throws.Exception);

        using var health = await client.GetAsync("/healthz");
        using var page = await client.GetAsync("/uk/");

        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await health.Content.ReadAsStringAsync(), Is.EqualTo("failed"));
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public void Production_WithoutThePublicAddress_RefusesToStart_NamingTheSetting()
    {
        using var site = new ProductionSiteWithoutPublicUrl();

        Assert.That(() => site.Server, Throws.InvalidOperationException.With.Message.Contains("MayorsClub:BackOffice:PublicUrl is not set"));
    }

    private sealed class ProductionSiteWithoutPublicUrl : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("MayorsClub:BackOffice:PublicUrl", "");
        }
    }

    private sealed class UnreachableDatabaseSite : WebApplicationFactory<Program>
    {
        private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "mayorsclub-tests", Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("MayorsClub:Database:Provider", "PostgreSQL");

            // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
            builder.UseSetting("ConnectionStrings:Default", "Host=127.0.0.1;Port=9;Username=nobody;Password=x;Timeout=2");
            builder.UseSetting("MayorsClub:DataPath", _dataPath);
            builder.UseSetting("MayorsClub:BackOffice:PublicUrl", "http://localhost");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (Directory.Exists(_dataPath))
            {
                Directory.Delete(_dataPath, recursive: true);
            }
        }
    }
}
