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
public sealed record HomeInvitation(string? Title, RichTextHtml? Html, CallToAction? Action)
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
        var (home, culture, view, values) = (request.Document, request.Culture, request.View, request.Values);
        // The hero sits behind the title, which says what it would: no alt text unless the library gives one.
        var heroImage = MediaImages.First(values, Home.HeroImage, alt: "", ImageSlot.Hero);
        var layout = SiteLayoutBuilder.ForDocument(request, now, new LayoutRequest { Image = heroImage });
        var membership = Invitation(values, Home.MembershipTitle, Home.MembershipText, Home.MembershipCallToAction, Home.MembershipPage);
        var partnership = Invitation(values, Home.PartnershipTitle, Home.PartnershipText, Home.PartnershipCallToAction, Home.PartnershipPage);

        var sessionIndex = FirstSection(view, home, culture, ExpertSessionIndex.Alias);
        var calendar = FirstSection(view, home, culture, EventsCalendar.Alias);

        return new HomePageModel(
            layout,
            new HomeHero(
                values.Text(Home.HeroTitle) ?? layout.Site.Name,
                values.Text(Home.HeroSubtitle),
                new[] { membership.Action, partnership.Action }.OfType<CallToAction>().ToList(),
                heroImage),
            new HomeListSection(values.Text(Home.MissionTitle), values.Text(Home.MissionIntro),
                ListItems(values, Home.MissionItems)),
            new HomeServices(values.Text(Home.ServicesTitle),
                values.Blocks(Home.Services)
                    .Select(b => b.Text("title") is { } title ? new HomeService(title, b.Text("description")) : null)
                    .OfType<HomeService>().ToList()),
            new HomeSessions(
                values.Text(Home.ExpertSessionsTitle) ?? sessionIndex?.Name(culture) ?? "",
                view.ExpertSessionsNewestFirst(culture).Take(SessionCount).Select(s => CardBuilder.ForSession(view, s, culture)).ToList(),
                sessionIndex is null ? null : new CallToAction(SiteText.Get(SiteText.AllExpertSessions, culture), sessionIndex.Url(culture)!)),
            new HomeEvents(
                values.Text(Home.EventsTitle) ?? SiteText.Get(SiteText.UpcomingEvents, culture),
                view.UpcomingEvents(culture, now).Take(EventCount).Select(e => CardBuilder.ForEvent(view, e, culture, now)).ToList(),
                values.Text(Home.NoEventsText) ?? SiteText.Get(SiteText.NoEvents, culture),
                calendar is null ? null : new CallToAction(SiteText.Get(SiteText.AllEvents, culture), calendar.Url(culture)!)),
            membership,
            partnership,
            new HomeListSection(values.Text(Home.PartnerPrivilegesTitle), null, ListItems(values, Home.PartnerPrivileges)),
            new HomeContact(values.Text(Home.ContactTitle), values.Text(Home.ContactText),
                layout.Footer.Email, layout.Footer.Phone, layout.Footer.PhoneHref, layout.Footer.AddressLines));
    }

    private static HomeInvitation Invitation(PublishedValues home, string titleAlias, string textAlias, string buttonAlias, string pageAlias)
    {
        var page = home.Links(pageAlias) is [var first, ..] ? first : null;
        var button = home.Text(buttonAlias) ?? page?.Name(home.Culture);
        return new HomeInvitation(home.Text(titleAlias), MediaImages.InText(home, textAlias),
            page is null || button is null ? null : new CallToAction(button, page.Url(home.Culture)!));
    }

    private static List<string> ListItems(PublishedValues home, string alias) =>
        home.Blocks(alias).Select(b => b.Text("text")).OfType<string>().ToList();

    private static PublishedDocument? FirstSection(PublishedView view, PublishedDocument home, string culture, string contentType) =>
        view.ChildrenIn(home, culture).FirstOrDefault(c => c.ContentType == contentType && c.Url(culture) is not null);
}
