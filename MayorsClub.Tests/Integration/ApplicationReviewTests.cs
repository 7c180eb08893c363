using System.Net;
using System.Text;
using CsvHelper;
using MayorsClub.Core.Applications;
using MayorsClub.Core.Members;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// The committee's review in the back office: the list and its filters, an application's page, who may see it,
/// approving (the member and the e-mails), rejecting (the message, an event's places), stale decisions, notes, history
/// and audit, the export read back, the retention job, the dashboard panel, the settings and deleting on request.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class ApplicationReviewTests(DatabaseProvider provider) : BackOfficeUsersTestBase(provider)
{
    private const string Path = "/umbraco/applications";
    private const string CommitteePassword = "Committee-password-1";

    private BackOfficeSession _committee = null!;

    [OneTimeSetUp]
    public async Task SignInCommittee() =>
        _committee = await BackOfficeSession.SignInAsync(Site, "committee-review@test.local", CommitteePassword, BackOfficeGroups.Committee);

    [OneTimeTearDown]
    public void SignOutCommittee() => _committee.Dispose();

    [Test]
    public async Task Committee_FiltersTheList_AndReadsEveryFieldLabelled()
    {
        var marker = Unique("Громада");
        var now = Site.Clock.GetCurrentInstant().ToDateTimeUtc();
        var membership = await Applications.InsertAsync(Site, ApplicationForms.MembershipName, "uk",
            Applications.Membership("Олена Петренко", NewAddress("olena"), community: marker));
        var partnership = await Applications.InsertAsync(Site, ApplicationForms.PartnershipName, "en",
            Applications.Partnership("John Smith", NewAddress("john"), organisation: marker), status: ApplicationStatus.Rejected);
        var old = await Applications.InsertAsync(Site, ApplicationForms.MembershipName, "uk",
            Applications.Membership("Іван Давній", NewAddress("ivan"), community: marker), submittedUtc: now.AddDays(-40));

        var all = await _committee.Client.GetStringAsync($"{Path}?q={Uri.EscapeDataString(marker.ToUpperInvariant())}");
        var memberships = await _committee.Client.GetStringAsync($"{Path}?q={Uri.EscapeDataString(marker)}&form=membership");
        var rejected = await _committee.Client.GetStringAsync($"{Path}?q={Uri.EscapeDataString(marker)}&status=rejected");
        var from = now.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var recent = await _committee.Client.GetStringAsync($"{Path}?q={Uri.EscapeDataString(marker)}&from={from}");
        using var badDate = await _committee.Client.GetAsync($"{Path}?from=yesterday");

        Assert.That(all, Does.Contain(membership.Reference).And.Contain(partnership.Reference).And.Contain(old.Reference));
        Assert.That(memberships, Does.Contain(membership.Reference).And.Contain(old.Reference).And.Not.Contain(partnership.Reference));
        Assert.That(rejected, Does.Contain(partnership.Reference).And.Not.Contain(membership.Reference));
        Assert.That(recent, Does.Contain(membership.Reference).And.Not.Contain(old.Reference));
        Assert.That(badDate.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await badDate.Content.ReadAsStringAsync(), Does.Contain("РРРР-ММ-ДД"));

        var detail = await _committee.Client.GetStringAsync($"{Path}/{membership.Key}");
        Assert.That(detail, Does.Contain("Прізвище, ім’я та по батькові").And.Contain("Олена Петренко"));
        Assert.That(detail, Does.Contain("Чинний міський голова"), "a choice by its name");
        Assert.That(detail, Does.Contain("Київська область"), "a region by its name");
        Assert.That(detail, Does.Contain("380501234567"));

        var dashboard = await _committee.Client.GetStringAsync("/umbraco");
        Assert.That(dashboard, Does.Contain("data-panel=\"applications-new\"").And.Contain(membership.Reference));
    }

    [Test]
    public async Task Committee_IsRefusedContentMediaAndTheApisDocuments_AndAWriterIsRefusedApplications()
    {
        foreach (var path in new[] { "/umbraco/content", "/umbraco/media" })
        {
            using var response = await _committee.Client.GetAsync(path);
            Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo("/umbraco/denied"), path);
        }

        var home = Site.Services.GetRequiredService<MayorsClub.Core.Publishing.PublishedSnapshotService>().Current.Home!.Key;
        foreach (var path in new[] { $"/umbraco/management/api/v1/document/{home}", "/umbraco/management/api/v1/tree/document/root" })
        {
            using var response = await _committee.Client.GetAsync(path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), path);
        }

        using var writer = await BackOfficeSession.SignInAsync(Site, "writer-review@test.local", "Writer-password-1", BackOfficeGroups.Writers);
        foreach (var path in new[] { Path, "/umbraco/outbox", $"{Path}/export?format=csv", "/umbraco/management/api/v1/application" })
        {
            using var response = await writer.Client.GetAsync(path);
            Assert.That(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.AbsolutePath == "/umbraco/denied", Is.True,
                $"{path}: {(int)response.StatusCode}");
        }

        using var settings = await _committee.Client.GetAsync($"{Path}/settings");
        Assert.That(settings.Headers.Location?.AbsolutePath, Is.EqualTo("/umbraco/denied"), "settings are for administrators");
    }

    [Test]
    public async Task ApprovingMembership_CreatesTheMemberInTheirGroup_InvitesThem_AndTellsThemInTheirLanguage()
    {
        var email = NewAddress("team");
        var application = await Applications.InsertAsync(Site, ApplicationForms.MembershipName, "en",
            Applications.Membership("Mariia Koval", email, position: "communityTeam"));

        using var approved = await DecideAsync(application.Key, "approve", "", 0);

        Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await approved.Content.ReadAsStringAsync());
        var page = await _committee.Client.GetStringAsync(approved.Headers.Location!.OriginalString);
        Assert.That(page, Does.Contain("Команди громад"), "the notice names the group");
        var member = await MemberAsync(email);
        Assert.That((member.Name, member.Community, member.Region, member.PhoneNumber, member.PreferredCulture),
            Is.EqualTo(("Mariia Koval", "Бучанська міська громада", "UA-32", "+380501234567", "en")));
        Assert.That(member.Position, Is.EqualTo("Member of a community’s team"));
        Assert.That(await GroupsAsync(member), Is.EqualTo(new[] { MemberGroups.CommunityTeams }));

        var mail = await MailToAsync(email, 2);
        var decision = mail.Single(m => m.Subject?.Contains(application.Reference, StringComparison.Ordinal) == true);
        Assert.That(decision.Subject, Is.EqualTo($"Your application {application.Reference} is approved"));
        Assert.That(decision.TextBody, Does.Contain("A separate e-mail brings you a link to set your password"));
        Assert.That(decision.HtmlBody, Does.Contain("Mayors’ Club"));
        var invitation = mail.Single(m => m != decision);
        Assert.That(invitation.TextBody, Does.Contain($"/en/members/set-password?member={member.Id}&code="));

        var stored = await Applications.ReadAsync(Site, application.Key);
        Assert.That((stored.Status, stored.MemberId), Is.EqualTo((ApplicationStatus.Approved, (Guid?)member.Id)));
        Assert.That(stored.Notes.Select(n => n.Action), Is.EqualTo(new[] { ApplicationActions.Approve, ApplicationActions.MemberCreated }));
        Assert.That(await Applications.AuditActionsAsync(Site, application.Reference), Does.Contain("approve application"));

        // The same person applies again as a mayor: no second account, the group is added and the reviewer told so.
        var again = await Applications.InsertAsync(Site, ApplicationForms.MembershipName, "uk", Applications.Membership("Марія Коваль", email));
        using var secondApproval = await DecideAsync(again.Key, "approve", "", 0);
        var secondPage = await _committee.Client.GetStringAsync(secondApproval.Headers.Location!.OriginalString);
        Assert.That(secondPage, Does.Contain("уже був").And.Contain("Міські голови"));
        Assert.That(await GroupsAsync(await MemberAsync(email)), Is.EquivalentTo(new[] { MemberGroups.CommunityTeams, MemberGroups.Mayors }));
        Assert.That(await WithServicesAsync(s => s.GetRequiredService<MayorsClubDbContext>().Members.CountAsync(m => m.Email == email)), Is.EqualTo(1));
    }

    [Test]
    public async Task RejectingAnEventRegistration_WithAMessage_EmailsIt_AndFreesItsPlaces()
    {
        var email = NewAddress("irpin");
        var eventKey = Guid.NewGuid();
        await Applications.SetPlacesTakenAsync(Site, eventKey, 10);
        var application = await Applications.InsertAsync(Site, ApplicationForms.EventName, "uk",
            Applications.EventRegistration("Оксана Мельник", email, 3), eventKey: eventKey, participants: 3);
        const string message = "На жаль, на цю сесію запрошуємо лише голів громад. Чекаємо вас на наступній!";

        using var rejected = await DecideAsync(application.Key, "reject", message, 0);

        Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await Applications.PlacesTakenAsync(Site, eventKey), Is.EqualTo(7));
        var mail = (await MailToAsync(email)).Single();
        Assert.That(mail.Subject, Is.EqualTo($"Рішення щодо вашої заявки {application.Reference}"));
        Assert.That(mail.TextBody, Does.Contain("Оксана Мельник").And.Contain(message));
        var stored = await Applications.ReadAsync(Site, application.Key);
        Assert.That(stored.Status, Is.EqualTo(ApplicationStatus.Rejected));
        Assert.That(stored.Notes.Single().Text, Is.EqualTo(message));
    }

    [Test]
    public async Task ADecisionFromAnOlderVersion_IsRefusedWithAClearMessage_AndWhatWasTypedIsKept()
    {
        var email = NewAddress("stale");
        var application = await Applications.InsertAsync(Site, ApplicationForms.PartnershipName, "uk", Applications.Partnership("Петро Сидоренко", email));
        using var colleague = await BackOfficeSession.SignInAsync(Site, "committee-colleague@test.local", CommitteePassword, BackOfficeGroups.Committee);
        using var takenUp = await PostFormAsync(colleague.Client, $"{Path}/{application.Key}", $"{Path}/{application.Key}/review", ("version", "0"));
        Assert.That(takenUp.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        using var stale = await DecideAsync(application.Key, "reject", "Мій лист заявникові", 0);

        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var page = await stale.Content.ReadAsStringAsync();
        Assert.That(page, Does.Contain("Цю заявку тим часом змінив хтось інший").And.Contain("Мій лист заявникові"));
        var stored = await Applications.ReadAsync(Site, application.Key);
        Assert.That((stored.Status, stored.Version), Is.EqualTo((ApplicationStatus.InReview, 1)));
        Assert.That(await ReceivedAsync(email), Is.Empty);
    }

    [Test]
    public async Task Notes_AreKeptInTheHistory_WithAnAuditEntry_AndContactMessagesAreClosedNotApproved()
    {
        var email = NewAddress("contact");
        var application = await Applications.InsertAsync(Site, ApplicationForms.ContactName, "en",
            Applications.Contact("Anna Lee", email, "When is the next session?"));

        using var note = await PostFormAsync(_committee.Client, $"{Path}/{application.Key}", $"{Path}/{application.Key}/note", ("text", "Відповісти після засідання."));
        using var emptyNote = await PostFormAsync(_committee.Client, $"{Path}/{application.Key}", $"{Path}/{application.Key}/note", ("text", "  "));
        using var approve = await DecideAsync(application.Key, "approve", "", 0);
        using var close = await DecideAsync(application.Key, "close", "The next session is on 12 December.", 0);

        Assert.That(note.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(emptyNote.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(approve.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a contact message is not approved");
        Assert.That(close.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var page = await _committee.Client.GetStringAsync($"{Path}/{application.Key}");
        Assert.That(page, Does.Contain("Відповісти після засідання.").And.Contain("committee-review@test.local"));
        Assert.That(await Applications.AuditActionsAsync(Site, application.Reference), Is.EqualTo(new[] { "note on application", "close application" }));
        var reply = (await MailToAsync(email)).Single();
        Assert.That(reply.TextBody, Does.Contain("The next session is on 12 December."));
    }

    [Test]
    public async Task Export_OfTheFilteredList_ReadsBackAsCsvWithABom_AndAsXlsx()
    {
        var marker = Unique("Експорт");
        await Applications.InsertAsync(Site, ApplicationForms.MembershipName, "uk", Applications.Membership("Богдана Шевчук", NewAddress("csv"), community: marker));
        await Applications.InsertAsync(Site, ApplicationForms.MembershipName, "uk", Applications.Membership("=HYPERLINK(\"x\")", NewAddress("csv"), community: marker));
        var query = $"form=membership&q={Uri.EscapeDataString(marker)}";

        using var csvResponse = await _committee.Client.GetAsync($"{Path}/export?format=csv&{query}");
        var csv = await csvResponse.Content.ReadAsByteArrayAsync();

        Assert.That(csvResponse.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(csv.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 with a BOM, so Excel reads Cyrillic");
        var rows = new List<string[]>();
        using (var reader = CsvReader.Create(csv[3..], new CsvReaderOptions { HasHeader = false }))
        {
            foreach (var row in reader)
            {
                rows.Add(row.ToArray());
            }
        }

        Assert.That(rows, Has.Count.EqualTo(3));
        Assert.That(rows[0], Does.Contain("Заявник").And.Contain("Громада").And.Contain("Посада").And.Contain("Область"));
        var community = Array.IndexOf(rows[0], "Громада");
        var applicant = Array.IndexOf(rows[0], "Заявник");
        var phone = Array.IndexOf(rows[0], "Телефон");
        Assert.That(rows.Skip(1).Select(r => r[community]), Is.All.EqualTo(marker));
        Assert.That(rows.Skip(1).Select(r => r[applicant]), Is.EquivalentTo(new[] { "Богдана Шевчук", "'=HYPERLINK(\"x\")" }), "a formula is defused");
        Assert.That(rows[1][phone], Is.EqualTo("+380501234567"), "a phone number stays as it is");

        using var xlsxResponse = await _committee.Client.GetAsync($"{Path}/export?format=xlsx&{query}");
        await using var xlsx = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync());
        var sheet = MiniExcel.Query(xlsx, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.That(sheet, Has.Count.EqualTo(2));
        Assert.That(sheet.Select(r => r["Заявник"]?.ToString()), Does.Contain("Богдана Шевчук"));
        Assert.That(sheet.Select(r => r["Область"]?.ToString()), Is.All.EqualTo("Київська область"));
    }

    [Test]
    public async Task Retention_AnonymisesOnlyRejectedAndClosedApplications_OlderThanTheSettingSays()
    {
        await WithServicesAsync(async s =>
        {
            await s.GetRequiredService<ApplicationSettings>().SaveAsync(ApplicationSettingsValues.Default, "test", CancellationToken.None);
            return 0;
        });
        var now = Site.Clock.GetCurrentInstant().ToDateTimeUtc();
        var longAgo = now.AddMonths(-25);
        var oldRejected = await Applications.InsertAsync(Site, ApplicationForms.MembershipName, "uk",
            Applications.Membership("Старий Відхилений", NewAddress("old")), ApplicationStatus.Rejected, longAgo, longAgo);
        var oldClosed = await Applications.InsertAsync(Site, ApplicationForms.ContactName, "uk",
            Applications.Contact("Старе Повідомлення", NewAddress("old"), "Питання"), ApplicationStatus.Closed, longAgo, longAgo);
        var oldApproved = await Applications.InsertAsync(Site, ApplicationForms.MembershipName, "uk",
            Applications.Membership("Старий Схвалений", NewAddress("old")), ApplicationStatus.Approved, longAgo, longAgo);
        var oldNew = await Applications.InsertAsync(Site, ApplicationForms.MembershipName, "uk",
            Applications.Membership("Старий Новий", NewAddress("old")), ApplicationStatus.New, longAgo, longAgo);
        var recentRejected = await Applications.InsertAsync(Site, ApplicationForms.MembershipName, "uk",
            Applications.Membership("Нещодавно Відхилений", NewAddress("recent")), ApplicationStatus.Rejected, now.AddMonths(-23), now.AddMonths(-23));

        await Site.Services.GetRequiredService<ApplicationRetention>().RunAsync(CancellationToken.None);

        foreach (var erased in new[] { oldRejected, oldClosed })
        {
            var stored = await Applications.ReadAsync(Site, erased.Key);
            Assert.That((stored.ApplicantName, stored.ApplicantEmail, stored.DataJson), Is.EqualTo(("", "", "{}")), erased.Reference);
            Assert.That(stored.AnonymisedUtc, Is.Not.Null);
            Assert.That(stored.Notes.Single().Action, Is.EqualTo(ApplicationActions.Anonymise));
        }

        foreach (var kept in new[] { oldApproved, oldNew, recentRejected })
        {
            var stored = await Applications.ReadAsync(Site, kept.Key);
            Assert.That((stored.ApplicantEmail, stored.AnonymisedUtc), Is.EqualTo((kept.Email, (DateTime?)null)), kept.Reference);
        }
    }

    [Test]
    public async Task Settings_RefuseWrongValuesWithMessages_AndSaveGoodOnes_ForAdministrators()
    {
        using var admin = await SignInAdminAsync();

        using var wrong = await PostFormAsync(admin.Client, $"{Path}/settings", $"{Path}/settings", ("addresses", "committee@club.test\nnot an address"), ("months", "0"));
        using var right = await PostFormAsync(admin.Client, $"{Path}/settings", $"{Path}/settings", ("addresses", "committee@club.test, chair@club.test"), ("months", "36"));

        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var page = await wrong.Content.ReadAsStringAsync();
        Assert.That(page, Does.Contain("Кожен рядок має бути адресою електронної пошти").And.Contain("від 1 до 120").And.Contain("not an address"));
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var saved = await WithServicesAsync(s => s.GetRequiredService<ApplicationSettings>().GetAsync(CancellationToken.None));
        Assert.That((saved.CommitteeAddresses, saved.RetentionMonths), Is.EqualTo((new[] { "committee@club.test", "chair@club.test" }, 36)));

        await using var scope = Site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ApplicationSettings>().SaveAsync(ApplicationSettingsValues.Default, "test", CancellationToken.None);
    }

    [Test]
    public async Task DeleteOnRequest_ShowsWhatGoesFirst_ThenErasesThePersonalData_ButNotTheMemberAccount()
    {
        var email = NewAddress("erase");
        var application = await Applications.InsertAsync(Site, ApplicationForms.PartnershipName, "uk", Applications.Partnership("Ганна Видаленко", email));
        using var approved = await DecideAsync(application.Key, "approve", "Ласкаво просимо!", 0);
        Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var member = await MemberAsync(email);
        Assert.That(await GroupsAsync(member), Is.EqualTo(new[] { MemberGroups.Partners }));

        Assert.That(await OutboxSubjectsAsync(application.Reference), Is.Not.Empty, "the decision e-mail");
        var confirm = await _committee.Client.GetStringAsync($"{Path}/{application.Key}/erase");
        Assert.That(confirm, Does.Contain("Ганна Видаленко").And.Contain(email).And.Contain("НЕ видаляється").And.Contain($"/umbraco/members/{member.Id}"));

        using var erased = await PostFormAsync(_committee.Client, $"{Path}/{application.Key}/erase", $"{Path}/{application.Key}/erase", ("version", "1"));

        Assert.That(erased.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var stored = await Applications.ReadAsync(Site, application.Key);
        Assert.That((stored.ApplicantName, stored.ApplicantEmail, stored.DataJson), Is.EqualTo(("", "", "{}")));
        Assert.That(stored.AnonymisedUtc, Is.Not.Null);
        Assert.That(stored.Notes.Select(n => n.Text), Is.All.Null, "the message to the applicant spoke of them");
        Assert.That(stored.Notes.Select(n => n.Action), Does.Contain(ApplicationActions.Erase).And.Contain(ApplicationActions.Approve));
        Assert.That(await Applications.AuditActionsAsync(Site, application.Reference), Does.Contain("erase application"));
        Assert.That(await MemberAsync(email), Is.Not.Null, "the member account stays");
        Assert.That(await OutboxSubjectsAsync(application.Reference), Is.Empty, "the decision e-mail spoke of them");
        var page = await _committee.Client.GetStringAsync($"{Path}/{application.Key}");
        Assert.That(page, Does.Not.Contain("Ганна Видаленко").And.Not.Contain(email));
    }

    private async Task<HttpResponseMessage> DecideAsync(Guid key, string decision, string message, int version) =>
        await PostFormAsync(_committee.Client, $"{Path}/{key}", $"{Path}/{key}/decision",
            ("decision", decision), ("message", message), ("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private Task<List<string>> OutboxSubjectsAsync(string reference) =>
        WithServicesAsync(s => s.GetRequiredService<MayorsClubDbContext>().OutboxMessages
            .Where(m => m.Subject.Contains(reference)).Select(m => m.Subject).ToListAsync());

    private Task<Member> MemberAsync(string email) =>
        WithServicesAsync(async s => await s.GetRequiredService<UserManager<Member>>().FindByEmailAsync(email) ?? throw new AssertionException($"no member {email}"));

    private Task<IList<string>> GroupsAsync(Member member) =>
        WithServicesAsync(async s =>
        {
            var members = s.GetRequiredService<UserManager<Member>>();
            return await members.GetRolesAsync((await members.FindByIdAsync(member.Id.ToString()))!);
        });

    private static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..6]}";
}
