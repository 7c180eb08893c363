using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using NodaTime;

namespace MayorsClub.Web.Site.Rendering;

/// <summary>The front page: hero, mission, services, latest expert sessions, upcoming events, membership and partnership, contact.</summary>
public sealed record HomePageModel(
    SiteLayout Layout,
    HomeHero Hero,
    HomeListSection Mission,
    HomeServices Services,
    HomeSessions Sessions,
    HomeEvents Events,
    HomeInvitation Membership,
    HomeInvitation Partnership,
    HomeListSection PartnerPrivileges,
    HomeContact Contact) : ISitePage;

/// <summary>The hero: a title, a subtitle and buttons, over the picked image (or the drawn art when there is none).</summary>
public sealed record HomeHero(string Title, string? Subtitle, IReadOnlyList<CallToAction> Actions, ResponsiveImage? Image);

/// <summary>A titled list of short points (the mission, partner privileges).</summary>
public sealed record HomeListSection(string? Title, string? Intro, IReadOnlyList<string> Items)
{
    public bool IsEmpty => Items.Count == 0 && Intro is null;
}

public sealed record HomeService(string Title, string? Description);

public sealed record HomeServices(string? Title, IReadOnlyList<HomeService> Items);

public sealed record HomeSessions(string Title, IReadOnlyList<SessionCard> Items, CallToAction? All);

public sealed record HomeEvents(string Title, IReadOnlyList<EventCard> Items, string EmptyText, CallToAction? All);

/// <summary>Membership or partnership: who may apply (rich text) and the button to the page that says how.</summary>
public sealed record HomeInvitation(string? Title, string? Html, CallToAction? Action)
{
    public bool IsEmpty => Title is null && Html is null;
}

public sealed record HomeContact(string? Title, string? Text, string? Email, string? Phone, string? PhoneHref, IReadOnlyList<string> AddressLines);

public static class HomePageBuilder
{
    /// <summary>How many expert sessions and events the front page shows.</summary>
    public const int SessionCount = 6;
    public const int EventCount = 3;

    public static HomePageModel Build(PageRequest request, Instant now)
    {
        var (home, culture, snapshot) = (request.Document, request.Culture, request.Snapshot);
        // The hero sits behind the title, which says what it would: no alt text unless the library gives one.
        var heroImage = MediaImages.First(home, Home.HeroImage, culture, alt: "", snapshot);
        var layout = SiteLayoutBuilder.ForDocument(request, now, new LayoutRequest { Image = heroImage });
        var membership = Invitation(home, culture, snapshot, Home.MembershipTitle, Home.MembershipText, Home.MembershipCallToAction, Home.MembershipPage);
        var partnership = Invitation(home, culture, snapshot, Home.PartnershipTitle, Home.PartnershipText, Home.PartnershipCallToAction, Home.PartnershipPage);

        var sessionIndex = FirstSection(home, culture, ExpertSessionIndex.Alias);
        var calendar = FirstSection(home, culture, EventsCalendar.Alias);

        return new HomePageModel(
            layout,
            new HomeHero(
                home.TextOrNull(Home.HeroTitle, culture) ?? layout.Site.Name,
                home.TextOrNull(Home.HeroSubtitle, culture),
                new[] { membership.Action, partnership.Action }.OfType<CallToAction>().ToList(),
                heroImage),
            new HomeListSection(home.TextOrNull(Home.MissionTitle, culture), home.TextOrNull(Home.MissionIntro, culture),
                ListItems(home, Home.MissionItems, culture)),
            new HomeServices(home.TextOrNull(Home.ServicesTitle, culture),
                home.Blocks(Home.Services, culture)
                    .Select(b => b.BlockText("title") is { } title ? new HomeService(title, b.BlockText("description")) : null)
                    .OfType<HomeService>().ToList()),
            new HomeSessions(
                home.TextOrNull(Home.ExpertSessionsTitle, culture) ?? sessionIndex?.Name(culture) ?? "",
                snapshot.ExpertSessionsNewestFirst(culture).Take(SessionCount).Select(s => CardBuilder.ForSession(s, culture, snapshot)).ToList(),
                sessionIndex is null ? null : new CallToAction(SiteText.Get(SiteText.AllExpertSessions, culture), sessionIndex.Url(culture)!)),
            new HomeEvents(
                home.TextOrNull(Home.EventsTitle, culture) ?? SiteText.Get(SiteText.UpcomingEvents, culture),
                snapshot.UpcomingEvents(culture, now).Take(EventCount).Select(e => CardBuilder.ForEvent(e, culture, now, snapshot)).ToList(),
                home.TextOrNull(Home.NoEventsText, culture) ?? SiteText.Get(SiteText.NoEvents, culture),
                calendar is null ? null : new CallToAction(SiteText.Get(SiteText.AllEvents, culture), calendar.Url(culture)!)),
            membership,
            partnership,
            new HomeListSection(home.TextOrNull(Home.PartnerPrivilegesTitle, culture), null, ListItems(home, Home.PartnerPrivileges, culture)),
            new HomeContact(home.TextOrNull(Home.ContactTitle, culture), home.TextOrNull(Home.ContactText, culture),
                layout.Footer.Email, layout.Footer.Phone, layout.Footer.PhoneHref, layout.Footer.AddressLines));
    }

    private static HomeInvitation Invitation(PublishedDocument home, string culture, PublishedSnapshot snapshot,
        string titleAlias, string textAlias, string buttonAlias, string pageAlias)
    {
        var page = home.PickedDocuments(pageAlias, culture, snapshot) is [var first, ..] ? first : null;
        var button = home.TextOrNull(buttonAlias, culture) ?? page?.Name(culture);
        return new HomeInvitation(home.TextOrNull(titleAlias, culture), home.TextOrNull(textAlias, culture),
            page is null || button is null ? null : new CallToAction(button, page.Url(culture)!));
    }

    private static List<string> ListItems(PublishedDocument home, string alias, string culture) =>
        home.Blocks(alias, culture).Select(b => b.BlockText("text")).OfType<string>().ToList();

    private static PublishedDocument? FirstSection(PublishedDocument home, string culture, string contentType) =>
        home.ChildrenIn(culture).FirstOrDefault(c => c.ContentType == contentType && c.Url(culture) is not null);
}
