using System.Net;
using MayorsClub.Core.Applications;
using MayorsClub.Core.Members;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MiniExcel = MiniExcelLibs.MiniExcel;
using static MayorsClub.Tests.Integration.ManagementApiClient;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// The Management API's application endpoints for a committee's client: list with filters, read, decide (a stale
/// version is a 409), export; bad input as ProblemDetails; a writers' client refused everywhere, and the committee's
/// client refused the content endpoints; all of them in the OpenAPI document.
/// </summary>
public sealed class ManagementApiApplicationsTests() : BackOfficeUsersTestBase(DatabaseProvider.Sqlite)
{
    private const string CommitteeId = "test-committee";
    private const string CommitteeSecret = "committee-secret-0123456789-abcd";

    protected override IReadOnlyDictionary<string, string> ExtraSettings => ManagementApiClient.Settings.Concat(new Dictionary<string, string>
    {
        ["MayorsClub:ManagementApi:Clients:3:Id"] = CommitteeId,
        ["MayorsClub:ManagementApi:Clients:3:Secret"] = CommitteeSecret,
        ["MayorsClub:ManagementApi:Clients:3:Group"] = BackOfficeGroups.Committee,
    }).ToDictionary();

    [Test]
    public async Task CommitteesClient_ListsReadsDecidesAndExports()
    {
        using var committee = await SignedInAsync(Site, CommitteeId, CommitteeSecret);
        var marker = "Partner " + Guid.NewGuid().ToString("N")[..6];
        var email = NewAddress("partner");
        var application = await Applications.InsertAsync(Site, ApplicationForms.PartnershipName, "en", Applications.Partnership("Jane Doe", email, organisation: marker));
        await Applications.InsertAsync(Site, ApplicationForms.ContactName, "en", Applications.Contact("Other", NewAddress("other"), marker));

        var all = await GetJsonAsync(committee, $"application?filter={Uri.EscapeDataString(marker)}");
        var partnerships = await GetJsonAsync(committee, $"application?filter={Uri.EscapeDataString(marker)}&form=partnership&status=new");
        var paged = await GetJsonAsync(committee, $"application?filter={Uri.EscapeDataString(marker)}&skip=1&take=1");
        Assert.That(all.Body!["total"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(partnerships.Body!["total"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(partnerships.Body["items"]![0]!["reference"]!.GetValue<string>(), Is.EqualTo(application.Reference));
        Assert.That((paged.Body!["total"]!.GetValue<int>(), paged.Body["items"]!.AsArray().Count), Is.EqualTo((2, 1)));

        var read = await GetJsonAsync(committee, $"application/{application.Key}");
        Assert.That(read.Body!["values"]!["organisation"]!.GetValue<string>(), Is.EqualTo(marker));
        Assert.That(read.Body["version"]!.GetValue<int>(), Is.Zero);

        var approved = await PostJsonAsync(committee, $"application/{application.Key}/decision", new { decision = "approve", message = "Welcome!", version = 0 });
        Assert.That(approved.Status, Is.EqualTo(HttpStatusCode.OK), approved.Body?.ToJsonString());
        Assert.That((approved.Body!["member"]!.GetValue<string>(), approved.Body["memberGroup"]!.GetValue<string>()), Is.EqualTo(("created", MemberGroups.Partners)));
        Assert.That(approved.Body["application"]!["status"]!.GetValue<string>(), Is.EqualTo(ApplicationStatus.Approved));
        Assert.That(approved.Body["application"]!["values"]!["offer"], Is.Not.Null, "the approved application's data, for a partner entry");
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var member = await scope.ServiceProvider.GetRequiredService<UserManager<Member>>().FindByEmailAsync(email);
            Assert.That(member?.Community, Is.EqualTo(marker));
        }

        Assert.That((await MailToAsync(email, 2)).Select(m => m.Subject), Does.Contain($"Your application {application.Reference} is approved"));

        var stale = await PostJsonAsync(committee, $"application/{application.Key}/decision", new { decision = "close", version = 0 });
        Assert.That(stale.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(stale.Body!["detail"]!.GetValue<string>(), Does.Contain("Someone else changed this application"));
        Assert.That(stale.Body["currentVersion"]!.GetValue<int>(), Is.EqualTo(1));

        using var csv = await committee.GetAsync($"{Base}/application/export?format=csv&form=partnership&filter={Uri.EscapeDataString(marker)}");
        var csvText = System.Text.Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.That(csv.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(csvText, Does.StartWith("\uFEFFReference,").And.Contain(marker).And.Contain("What you offer"));
        using var xlsx = await committee.GetAsync($"{Base}/application/export?format=xlsx&filter={Uri.EscapeDataString(marker)}");
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.That(MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().Select(r => r["Reference"]?.ToString()), Does.Contain(application.Reference));
    }

    [Test]
    public async Task BadInput_IsAProblemDetails400_AndAnUnknownId404()
    {
        using var committee = await SignedInAsync(Site, CommitteeId, CommitteeSecret);
        var application = await Applications.InsertAsync(Site, ApplicationForms.ContactName, "uk", Applications.Contact("Хтось", NewAddress("bad"), "Питання"));

        var badFilters = await GetJsonAsync(committee, "application?form=nonsense&status=maybe&from=2026-13-01&take=1000");
        var badDecision = await PostJsonAsync(committee, $"application/{application.Key}/decision", new { decision = "maybe" });
        var notForContact = await PostJsonAsync(committee, $"application/{application.Key}/decision", new { decision = "approve", version = 0 });
        var badFormat = await GetJsonAsync(committee, "application/export?format=pdf");
        var unknown = await GetJsonAsync(committee, $"application/{Guid.NewGuid()}");

        Assert.That(badFilters.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(badFilters.Body!["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "form", "status", "from", "take" }));
        Assert.That(badDecision.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(badDecision.Body!["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "decision", "version" }));
        Assert.That(notForContact.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(notForContact.Body!["detail"]!.GetValue<string>(), Does.Contain("not possible"));
        Assert.That(badFormat.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(unknown.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task WritersClient_IsRefusedApplications_AndCommitteesClientTheDocuments()
    {
        using var writers = await SignedInAsync(Site, WritersId, WritersSecret);
        using var committee = await SignedInAsync(Site, CommitteeId, CommitteeSecret);
        var id = Guid.NewGuid();

        var refused = new List<string>();
        foreach (var (method, path) in new[]
        {
            (HttpMethod.Get, "application"), (HttpMethod.Get, $"application/{id}"), (HttpMethod.Get, "application/export?format=csv"),
            (HttpMethod.Post, $"application/{id}/decision"),
        })
        {
            var answer = await SendAsync(writers, method, path, method == HttpMethod.Post ? new { decision = "close", version = 0 } : null);
            if (answer.Status != HttpStatusCode.Forbidden)
            {
                refused.Add($"{method} {path}: {(int)answer.Status}");
            }
        }

        var documents = await GetJsonAsync(committee, "tree/document/root");
        var members = await GetJsonAsync(committee, "member");

        Assert.That(refused, Is.Empty);
        Assert.That((documents.Status, members.Status), Is.EqualTo((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)));
    }

    [Test]
    public async Task TheOpenApiDocument_DescribesTheApplicationEndpoints()
    {
        using var committee = await SignedInAsync(Site, CommitteeId, CommitteeSecret);

        var document = await GetJsonAsync(committee, "openapi.json");

        var paths = document.Body!["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.That(paths, Is.SupersetOf(new[]
        {
            $"{Base}/application", $"{Base}/application/export", $"{Base}/application/{{id}}", $"{Base}/application/{{id}}/decision",
        }));
    }
}
