using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.Site;
using MayorsClub.Web.Site.Rendering;
using NodaTime;
using static MayorsClub.Core.Publishing.PublishedSnapshotBuilder;

namespace MayorsClub.Tests.Unit;

/// <summary>What the layout says about a page: alternates, language switch, navigation, breadcrumbs, status pages.</summary>
public sealed class SiteLayoutBuilderTests
{
    private static readonly DateTime Built = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 8, 0);

    private readonly PublishedSnapshot _snapshot = PublishedSnapshotBuilder.Build(
    [
        Row(1, null, Home.Alias, ("uk", "holovna", "Головна"), ("en", "home", "Home")),
        Row(2, 1, NewsIndex.Alias, ("uk", "novyny", "Новини"), ("en", "news", "News")),
        Row(3, 2, NewsArticle.Alias, ("en", "english-only", "English only")),
        Row(4, 2, NewsArticle.Alias, ("uk", "obydvi", "Обидві"), ("en", "both", "Both")),
        Row(5, 1, ContentPage.Alias, ("uk", "pro-klub", "Про клуб")),
    ], new DocumentTypeRegistry(), 1, Built);

    [Test]
    public void Alternates_NameEachLanguage_AndXDefaultIsUkrainian()
    {
        var layout = LayoutOf(4, "en");

        Assert.That(layout.Alternates.Select(a => (a.HrefLang, a.Path)), Is.EqualTo(new[]
        {
            ("uk", "/uk/novyny/obydvi/"), ("en", "/en/news/both/"), ("x-default", "/uk/novyny/obydvi/"),
        }));
        Assert.That(layout.LanguageSwitch, Is.EqualTo(new LanguageSwitch("uk", "/uk/novyny/obydvi/", "Українська", "Читати цю сторінку українською", IsTwin: true)));
    }

    [Test]
    public void APageInOneLanguage_XDefaultIsThatOne_AndTheSwitchGoesToTheOtherHome()
    {
        var layout = LayoutOf(3, "en");

        Assert.That(layout.Alternates.Select(a => (a.HrefLang, a.Path)), Is.EqualTo(new[] { ("en", "/en/news/english-only/"), ("x-default", "/en/news/english-only/") }));
        Assert.That(layout.LanguageSwitch.Url, Is.EqualTo("/uk/"));
        Assert.That(layout.LanguageSwitch.IsTwin, Is.False);
    }

    [Test]
    public void Navigation_IsTheHomesChildrenInTheLanguage_WithTheSectionMarked()
    {
        var uk = LayoutOf(4, "uk");
        var en = LayoutOf(2, "en");

        Assert.That(uk.Navigation, Is.EqualTo(new[] { new NavigationLink("Новини", "/uk/novyny/", "true"), new NavigationLink("Про клуб", "/uk/pro-klub/") }));
        Assert.That(en.Navigation, Is.EqualTo(new[] { new NavigationLink("News", "/en/news/", "page") }));
    }

    [Test]
    public void Breadcrumbs_RunFromHomeToThePage_AndTheHomePageHasNone()
    {
        Assert.That(LayoutOf(4, "uk").Breadcrumbs, Is.EqualTo(new[]
        {
            new Breadcrumb("Головна", "/uk/", false), new Breadcrumb("Новини", "/uk/novyny/", false), new Breadcrumb("Обидві", "/uk/novyny/obydvi/", true),
        }));
        Assert.That(LayoutOf(1, "uk").Breadcrumbs, Is.Empty);
    }

    [Test]
    public void PagedList_CanonicalAndTitleNameThePage()
    {
        var layout = SiteLayoutBuilder.ForDocument(new PageRequest(_snapshot.Get(2)!, "uk", _snapshot, 2), Now,
            new LayoutRequest { PageNumber = 2, PageCount = 3 });

        Assert.That(layout.CanonicalPath, Is.EqualTo("/uk/novyny/?page=2"));
        Assert.That(layout.DocumentTitle, Is.EqualTo("Новини, сторінка 2 з 3 — Клуб мерів"));
    }

    [Test]
    public void StatusPage_RendersFromNothingButTheLanguage()
    {
        var withoutContent = StatusPageLayout.Build(null, null, "en", SiteText.ServerErrorTitle, SiteText.ServerErrorText);

        Assert.That(withoutContent.Layout.Culture, Is.EqualTo("en"));
        Assert.That(withoutContent.Layout.Site.Name, Is.EqualTo("Mayors’ Club"));
        Assert.That(withoutContent.Layout.Navigation, Is.Empty);
        Assert.That(withoutContent.Layout.NoIndex, Is.True);
        Assert.That(withoutContent.Title, Is.EqualTo("Something went wrong"));
        Assert.That(withoutContent.Layout.LanguageSwitch.Url, Is.EqualTo("/uk/"));
    }

    private SiteLayout LayoutOf(int id, string culture) =>
        SiteLayoutBuilder.ForDocument(new PageRequest(_snapshot.Get(id)!, culture, _snapshot), Now);

    private static DocumentRow Row(int id, int? parentId, string type, params (string Culture, string Segment, string Name)[] cultures)
    {
        var values = new ContentValues();
        foreach (var (culture, _, name) in cultures)
        {
            values.Cultures[culture] = new CultureVariant { Name = name };
        }

        return new DocumentRow(id, Guid.NewGuid(), parentId, type, id, 0, Built, Built, 1, PublishedSnapshotBuilder.Parse(values.ToJson()),
            cultures.Select(c => new CultureRow(c.Culture, c.Name, c.Segment, Built)).ToList());
    }
}
