using System.Net;
using System.Text.Json.Nodes;
using MayorsClub.Core.Members;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MayorsClub.Tests.Integration.ManagementApiClient;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// The Management API's members endpoints: what an editors' client does with them (each endpoint), a writers' client
/// refused everywhere, bad input as ProblemDetails 400, unknown ids 404, and their description in the OpenAPI document.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class ManagementApiMembersTests(DatabaseProvider provider) : BackOfficeUsersTestBase(provider)
{
    private static readonly string[] MemberPaths =
    [
        "member", "member/{id}", "member/{id}/approve", "member/{id}/lock", "member/{id}/unlock", "member/{id}/send-reset", "member-group",
    ];

    protected override IReadOnlyDictionary<string, string> ExtraSettings => ManagementApiClient.Settings;

    [Test]
    public async Task EditorsClient_CreatesFindsChangesLocksAndDeletesAMember()
    {
        using var editors = await SignedInAsync(Site, EditorsId, EditorsSecret);
        var email = NewAddress("api-mayor");
        var community = "Громада " + Guid.NewGuid().ToString("N")[..6];

        var created = await PostJsonAsync(editors, "member", new
        {
            name = "Ірина Мерка", email, position = "Міська голова", community, region = "UA-46", phone = "+380 32 000 00 00",
            preferredCulture = "uk", groups = new[] { MemberGroups.Mayors },
        });
        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.Created), created.Body?.ToJsonString());
        var id = created.Body!["id"]!.GetValue<Guid>();
        Assert.That(created.Response.Headers.Location?.OriginalString, Is.EqualTo($"{Base}/member/{id}"));
        Assert.That((Text(created.Body, "email"), Text(created.Body, "region"), created.Body["isApproved"]!.GetValue<bool>(), created.Body["hasPassword"]!.GetValue<bool>()),
            Is.EqualTo((email, "UA-46", true, false)));
        var invitation = (await MailToAsync(email)).Single();
        Assert.That(invitation.Subject, Is.EqualTo("Запрошення до Клубу мерів"));
        Assert.That(invitation.TextBody, Does.Contain($"/uk/members/set-password?member={id}&code="));

        var read = await GetJsonAsync(editors, $"member/{id}");
        var found = await GetJsonAsync(editors, $"member?filter={Uri.EscapeDataString(community.ToUpperInvariant())}&memberGroupName={MemberGroups.Mayors}");
        var otherGroup = await GetJsonAsync(editors, $"member?filter={Uri.EscapeDataString(community)}&memberGroupName={MemberGroups.Partners}");
        Assert.That(Text(read.Body!, "name"), Is.EqualTo("Ірина Мерка"));
        Assert.That(found.Body!["total"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(found.Body["items"]![0]!["id"]!.GetValue<Guid>(), Is.EqualTo(id));
        Assert.That(otherGroup.Body!["total"]!.GetValue<int>(), Is.Zero);
        var pastTheEnd = await GetJsonAsync(editors, $"member?filter={Uri.EscapeDataString(community)}&skip=1&take=10");
        Assert.That((pastTheEnd.Body!["total"]!.GetValue<int>(), pastTheEnd.Body["items"]!.AsArray().Count), Is.EqualTo((1, 0)), "skip pages");

        var stamp = (await MemberAsync(id))!.SecurityStamp;
        var updated = await PutJsonAsync(editors, $"member/{id}", new { position = "Колишня міська голова", groups = new[] { MemberGroups.Mayors, MemberGroups.CommunityTeams } });
        Assert.That(updated.Status, Is.EqualTo(HttpStatusCode.OK), updated.Body?.ToJsonString());
        Assert.That(Text(updated.Body!, "position"), Is.EqualTo("Колишня міська голова"));
        Assert.That(Text(updated.Body!, "community"), Is.EqualTo(community), "what the request left out stays");
        Assert.That(updated.Body!["groups"]!.AsArray().Select(g => g!.GetValue<string>()), Is.EqualTo(new[] { MemberGroups.Mayors, MemberGroups.CommunityTeams }));
        Assert.That((await MemberAsync(id))!.SecurityStamp, Is.EqualTo(stamp), "new groups do not sign the member out");
        var firstEmail = email;
        var renamed = await PutJsonAsync(editors, $"member/{id}", new { email = email.Replace("api-mayor", "api-mayor-new", StringComparison.Ordinal) });
        Assert.That(Text(renamed.Body!, "email"), Does.StartWith("api-mayor-new"));
        Assert.That((await MemberAsync(id))!.SecurityStamp, Is.Not.EqualTo(stamp), "a new sign-in address ends the open sessions");
        email = Text(renamed.Body!, "email");

        var locked = await PostJsonAsync(editors, $"member/{id}/lock", null);
        Assert.That(locked.Body!["isLocked"]!.GetValue<bool>(), Is.True);
        var unlocked = await PostJsonAsync(editors, $"member/{id}/unlock", null);
        Assert.That(unlocked.Body!["isLocked"]!.GetValue<bool>(), Is.False);
        var reset = await PostJsonAsync(editors, $"member/{id}/send-reset", null);
        Assert.That(reset.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await MailToAsync(email)).Single().Subject, Is.EqualTo("Новий пароль на сайті Клубу мерів"), "to the new address");

        var groups = await GetJsonAsync(editors, "member-group");
        Assert.That(groups.Body!.AsArray().Select(g => Text(g!, "name")), Is.EqualTo(MemberGroups.All));
        Assert.That(groups.Body![0]!["labels"]!["uk"]!.GetValue<string>(), Is.EqualTo("Міські голови"));

        var deleted = await SendAsync(editors, HttpMethod.Delete, $"member/{id}");
        Assert.That(deleted.Status, Is.EqualTo(HttpStatusCode.NoContent));
        var gone = await GetJsonAsync(editors, $"member/{id}");
        Assert.That(gone.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(Text(gone.Body!, "detail"), Is.EqualTo("There is no such member."));
        Assert.That((await AuditActionsAsync(firstEmail)).Concat(await AuditActionsAsync(email)), Is.SupersetOf(new[]
        {
            MemberAuditActions.Create, MemberAuditActions.Update, MemberAuditActions.ChangeGroups, MemberAuditActions.Lock,
            MemberAuditActions.Unlock, MemberAuditActions.SendResetLink, MemberAuditActions.Delete,
        }));
    }

    [Test]
    public async Task ApproveEndpoint_ApprovesAMemberWhoApplied()
    {
        using var editors = await SignedInAsync(Site, EditorsId, EditorsSecret);
        var applicant = await NewApplicantAsync();

        var awaiting = await GetJsonAsync(editors, $"member?filter={Uri.EscapeDataString(applicant.Email!)}&isApproved=false");
        var approved = await PostJsonAsync(editors, $"member/{applicant.Id}/approve", null);

        Assert.That(awaiting.Body!["total"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(approved.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(approved.Body!["isApproved"]!.GetValue<bool>(), Is.True);
        Assert.That((await MemberAsync(applicant.Id))!.IsApproved, Is.True);
    }

    [Test]
    public async Task WritersClient_Gets403_FromEveryMemberEndpoint_AndNothingChanges()
    {
        using var writers = await SignedInAsync(Site, WritersId, WritersSecret);
        var applicant = await NewApplicantAsync();
        var calls = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, "member", null), (HttpMethod.Get, $"member/{applicant.Id}", null), (HttpMethod.Get, "member-group", null),
            (HttpMethod.Post, "member", new { name = "Sneaky", email = NewAddress("sneaky"), groups = new[] { MemberGroups.Mayors } }),
            (HttpMethod.Put, $"member/{applicant.Id}", new { name = "Renamed" }), (HttpMethod.Post, $"member/{applicant.Id}/approve", null),
            (HttpMethod.Post, $"member/{applicant.Id}/lock", null), (HttpMethod.Post, $"member/{applicant.Id}/unlock", null),
            (HttpMethod.Post, $"member/{applicant.Id}/send-reset", null), (HttpMethod.Delete, $"member/{applicant.Id}", null),
        };

        var answers = new List<string>();
        foreach (var (method, path, body) in calls)
        {
            var (status, problem, _) = await SendAsync(writers, method, path, body);
            if (status != HttpStatusCode.Forbidden || problem?["status"]?.GetValue<int>() != 403)
            {
                answers.Add($"{method} {path}: {(int)status}");
            }
        }

        Assert.That(answers, Is.Empty);
        Assert.That((await GetJsonAsync(writers, "member")).Body!["detail"]!.GetValue<string>(), Does.Contain("manage members"), "it says why");
        var untouched = (await MemberAsync(applicant.Id))!;
        Assert.That((untouched.Name, untouched.IsApproved, untouched.LockoutEnd), Is.EqualTo((applicant.Name, false, (DateTimeOffset?)null)));
    }

    [Test]
    public async Task BadInput_IsProblemDetails400_NamingTheFields_AndUnknownIdsAre404()
    {
        using var editors = await SignedInAsync(Site, EditorsId, EditorsSecret);
        var applicant = await NewApplicantAsync();

        var invalid = await PostJsonAsync(editors, "member", new
        {
            name = "", email = "nope", region = "Kyiv", phone = "ring ring", preferredCulture = "fr", groups = new[] { "Superusers" },
        });
        var noGroups = await PostJsonAsync(editors, "member", new { name = "No Groups", email = NewAddress("nogroups") });
        var nullGroup = await PostJsonAsync(editors, "member", new { name = "Null Group", email = NewAddress("nullgroup"), groups = new string?[] { null } });
        var duplicate = await PostJsonAsync(editors, "member", new { name = "Twin", email = applicant.Email!.ToUpperInvariant(), groups = new[] { MemberGroups.Mayors } });
        var badUpdate = await PutJsonAsync(editors, $"member/{applicant.Id}", new { email = "not an address", groups = Array.Empty<string>() });
        var wrongType = await PutJsonAsync(editors, $"member/{applicant.Id}", new { groups = "Mayors" });
        var badGroupFilter = await GetJsonAsync(editors, "member?memberGroupName=Nobody");
        var hugeTake = await GetJsonAsync(editors, "member?take=100000");

        Assert.That(invalid.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(invalid.Body!["errors"]!.AsObject().Select(e => e.Key),
            Is.EquivalentTo(new[] { "name", "email", "region", "phone", "preferredCulture", "groups" }));
        Assert.That(Text(invalid.Body["errors"]!["email"]![0]!), Is.EqualTo("Enter a valid e-mail address."), "in the caller's language");
        Assert.That(Text(noGroups.Body!["errors"]!["groups"]![0]!), Is.EqualTo("Choose at least one group."));
        Assert.That(nullGroup.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Text(duplicate.Body!["errors"]!["email"]![0]!), Is.EqualTo("A member with this e-mail address already exists."));
        Assert.That(badUpdate.Body!["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "email", "groups" }));
        foreach (var answer in new[] { noGroups, duplicate, badUpdate, wrongType, badGroupFilter, hugeTake })
        {
            Assert.That((answer.Status, answer.Body?["status"]?.GetValue<int>()), Is.EqualTo((HttpStatusCode.BadRequest, (int?)400)), answer.Body?.ToJsonString());
        }

        Assert.That((await MemberAsync(applicant.Id))!.Email, Is.EqualTo(applicant.Email), "nothing was saved");
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
            Assert.That(await db.Members.CountAsync(m => m.Name == "No Groups" || m.Name == "Null Group" || m.Name == "Twin"), Is.Zero);
        }

        var unknown = Guid.NewGuid();
        foreach (var (method, path, body) in new (HttpMethod, string, object?)[]
        {
            (HttpMethod.Get, $"member/{unknown}", null), (HttpMethod.Put, $"member/{unknown}", new { name = "Nobody" }),
            (HttpMethod.Post, $"member/{unknown}/approve", null), (HttpMethod.Post, $"member/{unknown}/lock", null),
            (HttpMethod.Post, $"member/{unknown}/unlock", null), (HttpMethod.Post, $"member/{unknown}/send-reset", null),
            (HttpMethod.Delete, $"member/{unknown}", null),
        })
        {
            var (status, problem, _) = await SendAsync(editors, method, path, body);
            Assert.That((status, problem?["detail"]?.GetValue<string>()), Is.EqualTo((HttpStatusCode.NotFound, "There is no such member.")), $"{method} {path}");
        }
    }

    [Test]
    public async Task OpenApiDocument_DescribesTheMemberEndpoints_ForEditorsAndAdministrators()
    {
        using var editors = await SignedInAsync(Site, EditorsId, EditorsSecret);

        var document = (await GetJsonAsync(editors, "openapi.json")).Body!;

        var paths = document["paths"]!.AsObject();
        foreach (var path in MemberPaths)
        {
            Assert.That(paths.ContainsKey($"{Base}/{path}"), Is.True, path);
        }

        var member = paths[$"{Base}/member/{{id}}"]!;
        Assert.That(member.AsObject().Select(m => m.Key), Is.SupersetOf(new[] { "get", "put", "delete" }));
        Assert.That(member["put"]!["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "200", "400", "401", "403", "404" }));
        Assert.That(paths[$"{Base}/member"]!["get"]!["parameters"]!.AsArray().Select(p => Text(p!, "name")),
            Is.SupersetOf(new[] { "filter", "memberGroupName", "isApproved", "isLockedOut", "skip", "take" }));
        Assert.That(Text(paths[$"{Base}/member"]!["post"]!, "summary"), Does.Contain("invitation"));
    }

    /// <summary>A member who applied: not approved, no password, no groups.</summary>
    private async Task<Member> NewApplicantAsync()
    {
        var email = NewAddress("applicant");
        return (await MemberAsync(await MemberSession.CreateMemberAsync(Site, email, password: null, groups: [], approved: false, name: "Заявник " + email[..14])))!;
    }

    private Task<Member?> MemberAsync(Guid id) => MemberSession.FindMemberAsync(Site, id);

    private async Task<List<string>> AuditActionsAsync(string email)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
        return await db.AuditEntries.Where(a => a.Details != null && a.Details.StartsWith(email) && a.User == "api:" + EditorsId).Select(a => a.Action).ToListAsync();
    }

    private static string Text(JsonNode node, string name) => node[name]!.GetValue<string>();

    private static string Text(JsonNode node) => node.GetValue<string>();
}
