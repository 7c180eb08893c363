using System.Net;
using System.Text.RegularExpressions;
using MayorsClub.Core.Members;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Web.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// The back office's members section: an editor adds a member (who is e-mailed an invitation in their language),
/// approves, locks, unlocks, regroups, sends a reset link and deletes, each audited; search and filters; the dashboard's
/// members panels; and writers kept out.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed partial class BackOfficeMembersTests(DatabaseProvider provider) : BackOfficeUsersTestBase(provider)
{
    private const string Password = "Pa55word-for-tests";
    private const string Members = "/umbraco/members";

    private Task<BackOfficeSession> SignInEditorAsync() =>
        BackOfficeSession.SignInAsync(Site, "members-editor@test.local", Password, BackOfficeGroups.Editors);

    [Test]
    public async Task Editor_AddsAMember_WhoGetsAnInvitationInTheirLanguage_WithAWorkingSetPasswordLink()
    {
        using var editor = await SignInEditorAsync();
        var email = NewAddress("mayor");

        using var created = await PostFormAsync(editor.Client, Members + "/create", Members + "/create",
            ("Name", "Olha Mayor"), ("Email", email), ("Position", "Mayor"), ("Community", "Bucha"), ("Region", "UA-32"),
            ("Phone", "+380 44 123 45 67"), ("PreferredCulture", "en"), ("Groups", MemberGroups.Mayors), ("Groups", MemberGroups.Partners));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await BodyAsync(created));
        var (_, page) = await GetAsync(editor.Client, created.Headers.Location!.OriginalString);
        Assert.That(page, Does.Contain($"Члена клубу додано, запрошення надіслано на {email}."), "the editor reads in their own language");

        var member = await MemberAsync(email);
        Assert.That(member.IsApproved, Is.True);
        Assert.That((member.Name, member.Region, member.PreferredCulture, member.PhoneNumber), Is.EqualTo(("Olha Mayor", "UA-32", "en", "+380 44 123 45 67")));
        Assert.That(await GroupsOfMemberAsync(email), Is.EquivalentTo(new[] { MemberGroups.Mayors, MemberGroups.Partners }));

        var message = (await MailToAsync(email)).Single();
        Assert.That(message.Subject, Is.EqualTo("Your invitation to the Mayors' Club"));
        Assert.That(message.TextBody, Does.Contain("Hello Olha Mayor"));
        var link = SetPasswordLink().Match(message.TextBody!);
        Assert.That(link.Success, Is.True, message.TextBody);
        Assert.That(link.Groups["culture"].Value, Is.EqualTo("en"), "the link opens the page in the member's language");
        Assert.That(link.Groups["member"].Value, Is.EqualTo(member.Id.ToString()));
        Assert.That(message.HtmlBody, Does.Contain($"<a href=\"{link.Value.Replace("&", "&amp;", StringComparison.Ordinal)}\">"));
        Assert.That(await IsValidResetTokenAsync(email, Web.Infrastructure.EmailLinks.DecodeToken(link.Groups["code"].Value)), Is.True);
        Assert.That(await IsValidResetTokenAsync(email, "forged"), Is.False, "the check can fail");

        Assert.That(await AuditAsync(email), Does.Contain(("members-editor@test.local", MemberAuditActions.Create)));
    }

    [Test]
    public async Task BadInput_ShowsTheFormAgain_WithMessagesInTheEditorsLanguage_AndADuplicateAddressIsNamed()
    {
        // An editor who reads the back office in English.
        await using (var setup = Site.Services.CreateAsyncScope())
        {
            var users = setup.ServiceProvider.GetRequiredService<UserManager<BackOfficeUser>>();
            if (await users.FindByEmailAsync("members-editor-en@test.local") is null)
            {
                var english = new BackOfficeUser
                {
                    UserName = "members-editor-en@test.local", Email = "members-editor-en@test.local", DisplayName = "English Editor", UiCulture = "en", CreatedUtc = DateTime.UtcNow,
                };
                Assert.That((await users.CreateAsync(english, Password)).Succeeded, Is.True);
                await users.AddToRoleAsync(english, BackOfficeGroups.Editors);
            }
        }

        using var editor = await BackOfficeSession.SignInAsync(Site, "members-editor-en@test.local", Password, BackOfficeGroups.Editors);
        var email = NewAddress("nobody");
        var taken = await NewMemberAsync("Taken Address", approved: true);

        using var bad = await PostFormAsync(editor.Client, Members + "/create", Members + "/create",
            ("Name", ""), ("Email", "not an address"), ("Region", "UA-99"), ("Phone", "call me"), ("PreferredCulture", "de"), ("Groups", "Superusers"));
        using var noGroup = await PostFormAsync(editor.Client, Members + "/create", Members + "/create", ("Name", "Someone"), ("Email", email));
        using var duplicate = await PostFormAsync(editor.Client, Members + "/create", Members + "/create",
            ("Name", "Someone Else"), ("Email", taken.Email!.ToUpperInvariant()), ("Groups", MemberGroups.Mayors));

        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var html = await BodyAsync(bad);
        Assert.That(html, Does.Contain("Correct the fields marked below.").And.Contain("Enter the full name.").And.Contain("Enter a valid e-mail address.")
            .And.Contain("Choose a region from the list.").And.Contain("A phone number may hold only digits").And.Contain("Choose Ukrainian or English.")
            .And.Contain("There is no such group."));
        Assert.That(html, Does.Contain("value=\"not an address\""), "what was typed stays in the form");
        Assert.That(noGroup.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await BodyAsync(noGroup), Does.Contain("Choose at least one group."));
        Assert.That(duplicate.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await BodyAsync(duplicate), Does.Contain("A member with this e-mail address already exists."));
        await using var scope = Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
        Assert.That(await db.Members.CountAsync(m => m.Email == email || m.Name == "Someone Else"), Is.Zero);
    }

    [Test]
    public async Task Approve_Lock_Unlock_Regroup_SendAReset_AndDelete_EachChangeTheMember_AndAreAudited()
    {
        using var editor = await SignInEditorAsync();
        var applicant = await NewMemberAsync("Петро Заявник", approved: false);
        var email = applicant.Email!;
        var page = $"{Members}/{applicant.Id}";

        using (var approved = await PostFormAsync(editor.Client, page, page + "/approve"))
        {
            Assert.That(approved.Headers.Location?.OriginalString, Is.EqualTo(page + "?done=approved"));
        }

        Assert.That((await MemberAsync(email)).IsApproved, Is.True);

        using (await PostFormAsync(editor.Client, page, page + "/lock"))
        {
        }

        var locked = await MemberAsync(email);
        Assert.That(locked.LockoutEnd?.Year, Is.EqualTo(9999));
        Assert.That(locked.SecurityStamp, Is.Not.EqualTo(applicant.SecurityStamp), "open sessions end at their next check");
        Assert.That(RowOf((await GetAsync(editor.Client, Members + "?state=locked")).Html, email), Does.Contain("заблокований"));

        await WithMembersAsync(async members => await members.AccessFailedAsync((await members.FindByEmailAsync(email))!));
        using (await PostFormAsync(editor.Client, page, page + "/unlock"))
        {
        }

        var unlocked = await MemberAsync(email);
        Assert.That((unlocked.LockoutEnd, unlocked.AccessFailedCount), Is.EqualTo(((DateTimeOffset?)null, 0)));

        var stampBefore = unlocked.SecurityStamp;
        using (var regrouped = await PostFormAsync(editor.Client, page, page, ("Name", "Петро Заявник"), ("Email", email), ("Community", "Ірпінь"),
                   ("PreferredCulture", "uk"), ("Groups", MemberGroups.CommunityTeams), ("Groups", MemberGroups.Partners)))
        {
            Assert.That(regrouped.Headers.Location?.OriginalString, Is.EqualTo(page + "?done=saved"), await BodyAsync(regrouped));
        }

        var regroupedMember = await MemberAsync(email);
        Assert.That(regroupedMember.Community, Is.EqualTo("Ірпінь"));
        Assert.That(await GroupsOfMemberAsync(email), Is.EquivalentTo(new[] { MemberGroups.CommunityTeams, MemberGroups.Partners }));
        Assert.That(regroupedMember.SecurityStamp, Is.EqualTo(stampBefore), "new groups do not sign the member out: the next check refreshes their cookie");

        using (await PostFormAsync(editor.Client, page, page + "/send-reset"))
        {
        }

        var reset = (await MailToAsync(email)).Single();
        Assert.That(reset.Subject, Is.EqualTo("Новий пароль на сайті Клубу мерів"));
        var link = SetPasswordLink().Match(reset.TextBody!);
        Assert.That(link.Groups["culture"].Value, Is.EqualTo("uk"));
        Assert.That(await IsValidResetTokenAsync(email, Web.Infrastructure.EmailLinks.DecodeToken(link.Groups["code"].Value)), Is.True);

        var (_, confirm) = await GetAsync(editor.Client, page + "/delete");
        Assert.That(confirm, Does.Contain($"обліковий запис і дані профілю ({email})").And.Contain("членство в групах: Команди громад, Партнери")
            .And.Contain("ключі входу (passkeys): 0"));
        using (var deleted = await PostFormAsync(editor.Client, page + "/delete", page + "/delete"))
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That((await GetAsync(editor.Client, deleted.Headers.Location!.OriginalString)).Html, Does.Contain($"Члена клубу {email} видалено."));
        }

        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
            Assert.That(await db.Members.AnyAsync(m => m.Id == applicant.Id), Is.False);
            Assert.That(await db.MemberGroupMemberships.AnyAsync(m => m.UserId == applicant.Id), Is.False, "its group memberships went with it");
        }

        Assert.That((await GetAsync(editor.Client, page)).Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await AuditAsync(email), Is.SupersetOf(new[]
        {
            MemberAuditActions.Approve, MemberAuditActions.Lock, MemberAuditActions.Unlock, MemberAuditActions.Update,
            MemberAuditActions.ChangeGroups, MemberAuditActions.SendResetLink, MemberAuditActions.Delete,
        }.Select(action => ("members-editor@test.local", action))));
        Assert.That((await GetAsync(editor.Client, "/umbraco/audit")).Html, Does.Contain("видалення члена клубу"), "the log reads the actions in the editor's language");
    }

    [Test]
    public async Task Search_GroupAndStateFilters_FindTheRightMembers()
    {
        using var editor = await SignInEditorAsync();
        var community = "Громада-" + Guid.NewGuid().ToString("N")[..6];
        var mayor = await NewMemberAsync("Mayor One", approved: true, community, MemberGroups.Mayors);
        var partner = await NewMemberAsync("Partner Two", approved: false, community.ToUpperInvariant(), MemberGroups.Partners);
        await NewMemberAsync("Someone Elsewhere", approved: true, "Elsewhere", MemberGroups.Partners);

        var (_, all) = await GetAsync(editor.Client, $"{Members}?q={Uri.EscapeDataString(community.ToLowerInvariant())}");
        var (_, partners) = await GetAsync(editor.Client, $"{Members}?q={Uri.EscapeDataString(community)}&group={MemberGroups.Partners}");
        var (_, awaiting) = await GetAsync(editor.Client, $"{Members}?q={Uri.EscapeDataString(community)}&state=awaiting");

        Assert.That(Listed(all), Is.EquivalentTo(new[] { mayor.Email, partner.Email }), "any case, Cyrillic included");
        Assert.That(Listed(partners), Is.EqualTo(new[] { partner.Email }));
        Assert.That(Listed(awaiting), Is.EqualTo(new[] { partner.Email }));
        Assert.That(RowOf(awaiting, partner.Email!), Does.Contain("чекає на схвалення").And.Contain("Партнери"));
    }

    [Test]
    public async Task Dashboard_ShowsANewMemberAwaitingApproval_WithALinkToThem_ToEditorsOnly()
    {
        using var editor = await SignInEditorAsync();
        using var writer = await BackOfficeSession.SignInAsync(Site, "members-writer@test.local", Password, BackOfficeGroups.Writers);
        var applicant = await NewMemberAsync("Нова Заявниця", approved: false);

        var (_, dashboard) = await GetAsync(editor.Client, "/umbraco");
        var (_, writersDashboard) = await GetAsync(writer.Client, "/umbraco");

        var awaiting = Regex.Match(dashboard, "data-panel=\"members-awaiting\".*?</section>", RegexOptions.Singleline).Value;
        var fresh = Regex.Match(dashboard, "data-panel=\"members-new\".*?</section>", RegexOptions.Singleline).Value;
        Assert.That(awaiting, Does.Contain($"<a href=\"{Members}/{applicant.Id}\">Нова Заявниця</a>"));
        Assert.That(awaiting, Does.Contain($"href=\"{Members}?state=awaiting\""));
        Assert.That(fresh, Does.Contain($"{Members}/{applicant.Id}"));
        Assert.That(dashboard, Does.Contain($"href=\"{Members}\""), "the section is in the navigation");
        Assert.That(writersDashboard, Does.Not.Contain("members-awaiting").And.Not.Contain(applicant.Email!).And.Not.Contain($"href=\"{Members}\""));
    }

    [Test]
    public async Task AWriter_IsDeniedEveryMembersRoute_GetAndPost()
    {
        using var writer = await BackOfficeSession.SignInAsync(Site, "members-writer@test.local", Password, BackOfficeGroups.Writers);
        var member = await NewMemberAsync("Untouched Member", approved: false);
        var endpoints = Site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("umbraco/members", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (Method: method, Path: "/" + e.RoutePattern.RawText!.TrimStart('/').Replace("{id:guid}", member.Id.ToString(), StringComparison.Ordinal))))
            .ToList();
        var token = await BackOfficeSession.AntiforgeryTokenAsync(writer.Client, "/umbraco");

        Assert.That(endpoints, Has.Count.GreaterThanOrEqualTo(11));
        foreach (var (method, path) in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "POST")
            {
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["Name"] = "Sneaky", ["Email"] = NewAddress("sneaky"), ["Groups"] = MemberGroups.Mayors,
                });
            }

            using var response = await writer.Client.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"{method} {path}");
            Assert.That(response.Headers.Location!.AbsolutePath, Is.EqualTo("/umbraco/denied"), $"{method} {path}");
        }

        Assert.That((await GetAsync(writer.Client, "/umbraco/denied")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        var untouched = await MemberAsync(member.Email!);
        Assert.That((untouched.IsApproved, untouched.LockoutEnd, untouched.Name), Is.EqualTo((false, (DateTimeOffset?)null, "Untouched Member")));
    }

    // ---- helpers ----

    /// <summary>A member who applied (no password yet), in just the groups named.</summary>
    private async Task<Member> NewMemberAsync(string name, bool approved, string community = "Буча", params string[] groups) =>
        (await MemberSession.FindMemberAsync(Site, await MemberSession.CreateMemberAsync(
            Site, NewAddress("member"), password: null, groups, approved, name, community: community)))!;

    private async Task WithMembersAsync(Func<UserManager<Member>, Task> work)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<UserManager<Member>>());
    }

    private async Task<Member> MemberAsync(string email)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<Member>>().FindByEmailAsync(email)
            ?? throw new AssertionException($"No member {email}");
    }

    private async Task<IList<string>> GroupsOfMemberAsync(string email)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var members = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        return await members.GetRolesAsync((await members.FindByEmailAsync(email))!);
    }

    private async Task<bool> IsValidResetTokenAsync(string email, string? token)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var members = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var member = (await members.FindByEmailAsync(email))!;
        return token is not null && await members.VerifyUserTokenAsync(
            member, members.Options.Tokens.PasswordResetTokenProvider, UserManager<Member>.ResetPasswordTokenPurpose, token);
    }

    /// <summary>Who did what to the member, from the audit log.</summary>
    private async Task<List<(string User, string Action)>> AuditAsync(string email)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>();
        return (await db.AuditEntries.Where(a => a.Details != null && a.Details.StartsWith(email)).Select(a => new { a.User, a.Action }).ToListAsync())
            .Select(a => (a.User, a.Action)).ToList();
    }

    private static string RowOf(string html, string email) =>
        Regex.Match(html, $"<tr data-member=\"{Regex.Escape(email)}\">.*?</tr>", RegexOptions.Singleline) is { Success: true } row
            ? row.Value
            : throw new AssertionException($"No row for {email}");

    private static List<string> Listed(string html) => ListedRow().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<tr data-member=\"([^\"]+)\">")]
    private static partial Regex ListedRow();

    [GeneratedRegex(@"https?://[^\s/]+/(?<culture>uk|en)/members/set-password\?member=(?<member>[0-9a-f-]{36})&code=(?<code>[A-Za-z0-9_-]+)")]
    private static partial Regex SetPasswordLink();
}
