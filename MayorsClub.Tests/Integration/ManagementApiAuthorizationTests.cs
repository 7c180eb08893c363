using MayorsClub.Core.Users;
using System.Net;
using System.Text;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Web.BackOffice;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using static MayorsClub.Tests.Integration.ManagementApiClient;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// Every endpoint under /umbraco/management/api, found in the site's own routing table, has a rule; anonymous
/// callers get 401 everywhere; a Writers client gets 403 wherever editors' rights are needed. A new endpoint
/// without a rule fails these tests.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class ManagementApiAuthorizationTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    protected override IReadOnlyDictionary<string, string>? Settings => ManagementApiClient.Settings;

    private List<RouteEndpoint> ApiEndpoints() => Site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Where(e => ("/" + e.RoutePattern.RawText?.TrimStart('/')).StartsWith("/umbraco/management/api", StringComparison.OrdinalIgnoreCase))
        .ToList();

    private static IEnumerable<string> Policies(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>();

    /// <summary>Each way to call an endpoint: its methods, and its address with sample values in place of the route's parameters.</summary>
    private static IEnumerable<(HttpMethod Method, string Path, RouteEndpoint Endpoint)> Calls(IEnumerable<RouteEndpoint> endpoints, Guid? id = null)
    {
        foreach (var endpoint in endpoints)
        {
            var path = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter => SampleValue(parameter, id),
                _ => "",
            }))));
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                yield return (new HttpMethod(method), path.TrimEnd('/'), endpoint);
            }
        }
    }

    private static string SampleValue(RoutePatternParameterPart parameter, Guid? id)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content).ToList();
        return constraints.Contains("guid") ? (id ?? Guid.NewGuid()).ToString()
            : constraints.Contains("int") ? "1"
            : parameter.IsOptional ? ""
            : "sample";
    }

    private static HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        if (method != HttpMethod.Get && method != HttpMethod.Head)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }

    [Test]
    public void EveryEndpoint_NamesABackOfficePolicy_AndNoneIsOpen()
    {
        var endpoints = ApiEndpoints();
        var known = new[]
        {
            BackOfficeSecurity.Access, BackOfficeSecurity.EditContent, BackOfficeSecurity.Publish, BackOfficeSecurity.ManageUsers,
            BackOfficeSecurity.ReviewApplications,
        };

        var withoutRule = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null || !Policies(e).Any() || Policies(e).Any(p => !known.Contains(p)))
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.That(endpoints, Has.Count.GreaterThan(15));
        Assert.That(withoutRule, Is.Empty);
    }

    [Test]
    public async Task Anonymous_Gets401_FromEveryEndpoint_NotARedirect()
    {
        using var client = BackOfficeSession.Anonymous(Site);
        var answers = new List<string>();

        foreach (var (method, path, _) in Calls(ApiEndpoints()))
        {
            using var request = Request(method, path);
            using var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                answers.Add($"{method} {path}: {(int)response.StatusCode}");
            }
        }

        Assert.That(answers, Is.Empty);
    }

    [Test]
    public async Task InvalidBearerToken_Gets401()
    {
        using var client = BackOfficeSession.Anonymous(Site);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");

        using var response = await client.GetAsync($"{Base}/tree/document/root");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task WritersClient_Gets403_WhereverEditorsRightsAreNeeded()
    {
        using var writers = await SignedInAsync(Site, WritersId, WritersSecret);
        var publishLevel = ApiEndpoints().Where(e => Policies(e).Contains(BackOfficeSecurity.Publish) || Policies(e).Contains(BackOfficeSecurity.ManageUsers)
            || Policies(e).Contains(BackOfficeSecurity.ReviewApplications)).ToList();
        var answers = new List<string>();

        foreach (var (method, path, _) in Calls(publishLevel))
        {
            using var request = Request(method, path);
            using var response = await writers.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                answers.Add($"{method} {path}: {(int)response.StatusCode}");
            }
        }

        Assert.That(publishLevel.Select(e => e.RoutePattern.RawText), Is.SupersetOf(new[]
        {
            $"{Base}/document/{{id:guid}}/publish", $"{Base}/document/{{id:guid}}/unpublish", $"{Base}/document/{{id:guid}}/schedule",
            $"{Base}/document/{{id:guid}}/move-to-recycle-bin", $"{Base}/recycle-bin/document/{{id:guid}}/restore",
            // Members: every endpoint, reading included, is for editors and administrators.
            $"{Base}/member/", $"{Base}/member/{{id:guid}}", $"{Base}/member/{{id:guid}}/approve", $"{Base}/member/{{id:guid}}/lock",
            $"{Base}/member/{{id:guid}}/unlock", $"{Base}/member/{{id:guid}}/send-reset", $"{Base}/member-group",
            // Applications: administrators and the committee.
            $"{Base}/application/", $"{Base}/application/export", $"{Base}/application/{{id:guid}}", $"{Base}/application/{{id:guid}}/decision",
        }));
        Assert.That(answers, Is.Empty);
    }

    [Test]
    public async Task WritersClient_CreatesAndSaves_ButMayNotPublish_NorRollBackWithPublishing()
    {
        using var writers = await SignedInAsync(Site, WritersId, WritersSecret);

        var created = await PostJsonAsync(writers, "document", NewsArticle(NewsIndexKey, Unique("Новина автора"), null));
        var id = created.Body!["id"]!.GetValue<Guid>();
        var version = created.Body["version"]!.GetValue<int>();
        var saved = await PutJsonAsync(writers, $"document/{id}", new
        {
            version,
            values = new[] { new { alias = "summary", culture = "uk", value = "Виклад від автора." } },
        });
        var publish = await PutJsonAsync(writers, $"document/{id}/publish", new { cultures = new[] { "uk" } });
        var rollbackAndPublish = await PostJsonAsync(writers, $"document/{id}/versions/{version}/rollback",
            new { version = saved.Body!["version"]!.GetValue<int>(), publish = true });
        var rollback = await PostJsonAsync(writers, $"document/{id}/versions/{version}/rollback",
            new { version = saved.Body!["version"]!.GetValue<int>() });

        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(publish.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(publish.Body!["detail"]!.GetValue<string>(), Does.Contain("editors and administrators publish"));
        Assert.That(rollbackAndPublish.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(rollback.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Variant(rollback.Body!, "uk")["state"]!.GetValue<string>(), Is.EqualTo("Draft"));
    }

    [Test]
    public async Task OddBodies_AreRefusedWith4xx_NeverA500()
    {
        using var administrators = await SignedInAsync(Site, AdministratorsId, AdministratorsSecret);
        string[] bodies =
        [
            "", "{}", "[]", "null", "\"text\"", "{\"version\": 1e40}", "{\"cultures\": [null, 5]}", "{\"variants\": {}}",
            "{\"variants\": [null], \"values\": [null, {\"alias\": null}]}", "{\"parent\": {\"id\": \"00000000-0000-0000-0000-000000000000\"}}",
            "{\"schedules\": [{\"culture\": \"uk\", \"publishAt\": \"tomorrow\"}]}", "{\"sorting\": [{\"id\": null}]}", "{\"version\": 1",
        ];
        var failures = new List<string>();
        var article = await PostJsonAsync(administrators, "document", NewsArticle(NewsIndexKey, Unique("Новина для дивних запитів"), null));
        var calls = Calls(ApiEndpoints()).Concat(Calls(ApiEndpoints(), article.Body!["id"]!.GetValue<Guid>()));

        foreach (var (method, path, _) in calls.Where(c => c.Method != HttpMethod.Get))
        {
            foreach (var body in bodies)
            {
                using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                using var response = await administrators.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{method} {path} {body}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task AdministratorsClient_MayPublish()
    {
        using var administrators = await SignedInAsync(Site, AdministratorsId, AdministratorsSecret);
        var created = await PostJsonAsync(administrators, "document", NewsArticle(NewsIndexKey, Unique("Новина адміністратора"), null));

        var published = await PutJsonAsync(administrators, $"document/{created.Body!["id"]!.GetValue<Guid>()}/publish", new { cultures = new[] { "uk" } });

        Assert.That(published.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Docs_AreForSignedInUsersOnly()
    {
        using var anonymous = BackOfficeSession.Anonymous(Site);
        using var session = await BackOfficeSession.SignInAsync(Site, "docs-reader@test.local", "Writer-password-1", Core.Users.BackOfficeGroups.Writers);

        using var refused = await anonymous.GetAsync("/umbraco/management/api/docs/");
        using var shown = await session.Client.GetAsync("/umbraco/management/api/docs/");
        using var script = await session.Client.GetAsync("/umbraco/management/api/docs/scalar.js");
        var openApi = await session.Client.GetAsync($"{Base}/openapi.json");

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(shown.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await shown.Content.ReadAsStringAsync(), Does.Contain(OpenApiPathInDocs));
        Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(openApi.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private const string OpenApiPathInDocs = "umbraco/management/api/v1/openapi.json";

    [Test]
    public async Task UnknownApiAddress_AnswersInJson()
    {
        using var editors = await SignedInAsync(Site, EditorsId, EditorsSecret);

        var missing = await GetJsonAsync(editors, "no-such-thing");

        Assert.That(missing.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Body!["detail"]!.GetValue<string>(), Does.Contain("nothing at this address"));
    }
}
