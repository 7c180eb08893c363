using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using static MayorsClub.Core.Publishing.PublishedSnapshotBuilder;

namespace MayorsClub.Tests.Unit;

/// <summary>How published rows become a tree with URLs per culture.</summary>
public sealed class PublishedSnapshotBuilderTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
    private readonly DocumentTypeRegistry _types = new();

    [Test]
    public void Build_HomeIsTheCultureRoot_AndPagesBelowAddTheirSegments()
    {
        var snapshot = Build(
            Row(1, null, Home.Alias, ("uk", "holovna"), ("en", "home")),
            Row(2, 1, NewsIndex.Alias, ("uk", "novyny"), ("en", "news")),
            Row(3, 2, NewsArticle.Alias, ("uk", "shchastia"), ("en", "happiness")));

        Assert.That(snapshot.Get(1)!.Url("uk"), Is.EqualTo("/uk/"));
        Assert.That(snapshot.Get(2)!.Url("en"), Is.EqualTo("/en/news/"));
        Assert.That(snapshot.Get(3)!.Url("uk"), Is.EqualTo("/uk/novyny/shchastia/"));
        Assert.That(snapshot.Get(3)!.Url("en"), Is.EqualTo("/en/news/happiness/"));
    }

    [Test]
    public void Build_PageWhoseParentIsNotPublishedInACulture_IsNotVisibleThere()
    {
        var snapshot = Build(
            Row(1, null, Home.Alias, ("uk", "holovna"), ("en", "home")),
            Row(2, 1, NewsIndex.Alias, ("uk", "novyny")),
            Row(3, 2, NewsArticle.Alias, ("uk", "stattia"), ("en", "article")));

        Assert.That(snapshot.Get(3)!.IsVisibleIn("uk"), Is.True);
        Assert.That(snapshot.Get(3)!.IsVisibleIn("en"), Is.False);
        Assert.That(snapshot.GetByUrl("en", "/en/news/article/"), Is.Null);
    }

    [Test]
    public void Build_DocumentWhoseParentIsNotPublishedAtAll_IsLeftOut()
    {
        var snapshot = Build(
            Row(1, null, Home.Alias, ("uk", "holovna")),
            Row(3, 2, NewsArticle.Alias, ("uk", "syrota")));

        Assert.That(snapshot.Get(3), Is.Null);
        Assert.That(snapshot.All, Has.Count.EqualTo(1));
    }

    [Test]
    public void Build_SiteSettings_IsPublishedButHasNoUrl()
    {
        var snapshot = Build(
            Row(1, null, Home.Alias, ("uk", "holovna")),
            Row(9, null, SiteSettings.Alias, ("uk", "nalashtuvannia")));

        Assert.That(snapshot.Settings, Is.Not.Null);
        Assert.That(snapshot.Settings!.Url("uk"), Is.Null);
        Assert.That(snapshot.GetByUrl("uk", "/uk/nalashtuvannia/"), Is.Null);
    }

    [TestCase("/uk/novyny/shchastia/")]
    [TestCase("/uk/novyny/shchastia")]
    [TestCase("/uk/Novyny/Shchastia/")]
    public void GetByUrl_IgnoresTrailingSlashAndCase(string url)
    {
        var snapshot = Build(
            Row(1, null, Home.Alias, ("uk", "holovna")),
            Row(2, 1, NewsIndex.Alias, ("uk", "novyny")),
            Row(3, 2, NewsArticle.Alias, ("uk", "shchastia")));

        Assert.That(snapshot.GetByUrl("uk", url)?.Id, Is.EqualTo(3));
    }

    [Test]
    public void Build_ChildrenFollowSortOrder()
    {
        var snapshot = Build(
            Row(1, null, Home.Alias, ("uk", "holovna")),
            Row(2, 1, ContentPage.Alias, sortOrder: 2, ("uk", "druha")),
            Row(3, 1, ContentPage.Alias, sortOrder: 0, ("uk", "persha")),
            Row(4, 1, ContentPage.Alias, sortOrder: 1, ("uk", "seredyna")));

        Assert.That(snapshot.For(Viewer.Anonymous).ChildrenIn(snapshot.Home!, "uk").Select(c => c.Id), Is.EqualTo(new[] { 3, 4, 2 }));
    }

    [Test]
    public void Value_ReadsCultureValuesThenSharedOnes()
    {
        var values = new ContentValues
        {
            Invariant = { [NewsArticle.Date] = "2026-05-11" },
            Cultures = { ["uk"] = new CultureVariant { Name = "Новина", Values = { [NewsArticle.Summary] = "Виклад" } } },
        };
        var snapshot = PublishedSnapshotBuilder.Build(
            [Row(1, null, Home.Alias, ("uk", "holovna")), Row(2, 1, NewsArticle.Alias, values, 0, ("uk", "novyna"))], _types, 1, Now);

        var article = snapshot.Get(2)!;
        Assert.That(article.Text(NewsArticle.Summary, "uk"), Is.EqualTo("Виклад"));
        Assert.That(article.Text(NewsArticle.Date, "uk"), Is.EqualTo("2026-05-11"));
        Assert.That(article.Text(NewsArticle.Body, "uk"), Is.Null);
    }

    private PublishedSnapshot Build(params DocumentRow[] rows) => PublishedSnapshotBuilder.Build(rows, _types, 1, Now);

    private static DocumentRow Row(int id, int? parentId, string type, params (string Culture, string Segment)[] cultures) =>
        Row(id, parentId, type, sortOrder: id, cultures);

    private static DocumentRow Row(int id, int? parentId, string type, int sortOrder, params (string Culture, string Segment)[] cultures) =>
        Row(id, parentId, type, new ContentValues(), sortOrder, cultures);

    private static DocumentRow Row(int id, int? parentId, string type, ContentValues values, int sortOrder, params (string Culture, string Segment)[] cultures)
    {
        foreach (var (culture, segment) in cultures)
        {
            values.Cultures.TryAdd(culture, new CultureVariant { Name = segment });
        }

        return new DocumentRow(id, Guid.NewGuid(), parentId, type, sortOrder, 0, Now, Now, 1, PublishedSnapshotBuilder.Parse(values.ToJson()),
            cultures.Select(c => new CultureRow(c.Culture, c.Segment, c.Segment, Now)).ToList());
    }
}
