using System.Net;
using MayorsClub.Core.Announcements;
using MayorsClub.Core.Applications;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>The partners directory page in both languages, and a partner's draft entry made from an approved partnership application.</summary>
public sealed class PartnersDirectoryTests() : SiteTestBase(DatabaseProvider.Sqlite)
{
    private Guid DirectoryKey => Snapshot.OfType(PartnersIndex.Alias, Cultures.Ukrainian).Single().Key;

    [Test]
    public async Task PartnersPage_ListsThePublishedPartners_WithKindAndCountryInThePagesLanguage()
    {
        var created = await CreateAsync(DirectoryKey, Partner.Alias, PartnerValues(Unique("Fund"), "investor", "https://fund.example/about"));
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors));
        Assert.That((await PublishAsync(created.Document!.Key, "uk", "en")).Succeeded, Is.True);
        var name = created.Document.Cultures["en"].Name;

        var (ukStatus, uk) = await GetPageAsync(UrlOf(DirectoryKey, "uk"));
        var (enStatus, en) = await GetPageAsync(UrlOf(DirectoryKey, "en"));

        Assert.That((ukStatus, enStatus), Is.EqualTo((200, 200)));
        Assert.That(uk, Does.Contain("<h1>Партнери</h1>").And.Contain("Альянс європейських мерів").And.Contain("Бельгія").And.Contain("Українське підприємство"));
        Assert.That(en, Does.Contain("<h1>Partners</h1>").And.Contain("Alliance of European Mayors").And.Contain("Belgium").And.Contain("Ukrainian enterprise"));
        Assert.That(en, Does.Contain(name).And.Contain("Investment fund or investor"));
        Assert.That(uk, Does.Contain("Інвестиційний фонд або інвестор"));
        Assert.That(en, Does.Contain("<a href=\"https://fund.example/about\" rel=\"noopener\">fund.example</a>"));
        Assert.That(en, Does.Contain($"href=\"{UrlOf(DirectoryKey, "en")}\""), "the directory is in the site's navigation");
    }

    [Test]
    public async Task ApprovedPartnershipApplication_BecomesADraftEntry_OpenedInTheContentEditor()
    {
        var organisation = Unique("Kyiv Solar Investments");
        var approved = await AddApplicationAsync(ApplicationForms.PartnershipName, ApplicationStatus.Approved, organisation);
        using var editor = await BackOfficeSession.SignInAsync(Site, "partners-editor@test.local", "Editor-password-1", BackOfficeGroups.Editors);

        using var response = await PostAsync(editor, AnnouncementsPath(approved));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var location = response.Headers.Location!.OriginalString;
        Assert.That(location, Does.StartWith("/umbraco/content/"));
        var draft = (await GetAsync(Guid.Parse(location["/umbraco/content/".Length..])))!;
        Assert.That(draft.ContentType, Is.EqualTo(Partner.Alias));
        Assert.That(draft.ParentKey, Is.EqualTo(DirectoryKey));
        Assert.That(draft.Cultures.Values.Select(c => (c.Name, c.IsPublished)), Is.EqualTo(new[] { (organisation, false), (organisation, false) }));
        Assert.That(draft.Draft.Invariant[Partner.Kind]!.GetValue<string>(), Is.EqualTo("investor"));
        Assert.That(draft.Draft.Cultures["en"].Values[Partner.Country]!.GetValue<string>(), Is.EqualTo("Austria"));
        Assert.That(draft.Draft.Cultures["en"].Values[Partner.Description]!.GetValue<string>(), Is.EqualTo("Financing for solar plants in communities."));
        Assert.That(draft.Draft.Cultures["uk"].Values.ContainsKey(Partner.Description), Is.False, "the other language is the editor's to write");

        var (_, page) = await GetPageAsync(UrlOf(DirectoryKey, "en"));
        Assert.That(page, Does.Not.Contain(organisation), "a draft is not on the site");
    }

    [Test]
    public async Task AnApprovedPartnershipsPage_OffersTheEntryToAnAdministrator_AndTellsTheCommitteeWhoCanMakeIt()
    {
        var approved = await AddApplicationAsync(ApplicationForms.PartnershipName, ApplicationStatus.Approved, Unique("Lviv Logistics"));
        var pending = await AddApplicationAsync(ApplicationForms.PartnershipName, ApplicationStatus.New, Unique("Odesa Port Services"));
        using var administrator = await BackOfficeSession.SignInAsync(Site, "partners-admin@test.local", "Admin-password-1", BackOfficeGroups.Administrators);
        using var committee = await BackOfficeSession.SignInAsync(Site, "partners-committee@test.local", "Committee-password-1", BackOfficeGroups.Committee);

        var forAdministrator = await administrator.Client.GetStringAsync($"/umbraco/applications/{approved}");
        var forCommittee = await committee.Client.GetStringAsync($"/umbraco/applications/{approved}");
        var notYet = await administrator.Client.GetStringAsync($"/umbraco/applications/{pending}");

        Assert.That(forAdministrator, Does.Contain($"action=\"{AnnouncementsPath(approved)}\"").And.Contain("data-partner-entry"));
        Assert.That(forCommittee, Does.Contain("data-partner-entry-hint").And.Not.Contain(AnnouncementsPath(approved)));
        Assert.That(notYet, Does.Not.Contain("data-partner-entry"));
    }

    [Test]
    public async Task OnlyAnApprovedPartnershipApplication_MakesAPartnerEntry()
    {
        var pending = await AddApplicationAsync(ApplicationForms.PartnershipName, ApplicationStatus.New, Unique("Pending Ltd"));
        var membership = await AddApplicationAsync(ApplicationForms.MembershipName, ApplicationStatus.Approved, Unique("Hromada"));
        using var editor = await BackOfficeSession.SignInAsync(Site, "partners-editor2@test.local", "Editor-password-1", BackOfficeGroups.Editors);
        using var writer = await BackOfficeSession.SignInAsync(Site, "partners-writer@test.local", "Writer-password-1", BackOfficeGroups.Writers);

        using var notApproved = await PostAsync(editor, AnnouncementsPath(pending));
        using var notPartnership = await PostAsync(editor, AnnouncementsPath(membership));
        using var unknown = await PostAsync(editor, AnnouncementsPath(Guid.NewGuid()));
        using var byWriter = await PostAsync(writer, AnnouncementsPath(pending), tokenFrom: "/umbraco");

        Assert.That(notApproved.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(notPartnership.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(byWriter.Headers.Location?.AbsolutePath, Is.EqualTo("/umbraco/denied"));
    }

    private static string AnnouncementsPath(Guid application) => $"/umbraco/announcements/partner-from-application/{application}";

    private static async Task<HttpResponseMessage> PostAsync(BackOfficeSession session, string path, string tokenFrom = "/umbraco/announcements")
    {
        var token = await BackOfficeSession.AntiforgeryTokenAsync(session.Client, tokenFrom);
        return await session.Client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    private static ContentValues PartnerValues(string name, string kind, string website)
    {
        var values = new ContentValues();
        values.Invariant[Partner.Kind] = kind;
        values.Invariant[Partner.Website] = website;
        values.Cultures["uk"] = new CultureVariant { Name = name, Values = { [Partner.Country] = "Австрія", [Partner.Description] = "Інвестує в громади." } };
        values.Cultures["en"] = new CultureVariant { Name = name, Values = { [Partner.Country] = "Austria", [Partner.Description] = "Invests in communities." } };
        return values;
    }

    /// <summary>An application row as the forms' intake stores it, in English (written directly: the intake is another part of the site).</summary>
    private async Task<Guid> AddApplicationAsync(string form, string status, string organisation)
    {
        var values = form == ApplicationForms.PartnershipName
            ? new Dictionary<string, string>(Applications.Partnership("Anna Berger", "anna@solar.test", organisation))
            {
                ["kind"] = "investor", ["country"] = "Austria", ["offer"] = "Financing for solar plants in communities.",
            }
            : Applications.Membership(organisation, "mayor@hromada.test");
        return (await Applications.InsertAsync(Site, form, "en", values, status)).Key;
    }
}
