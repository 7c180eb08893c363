using System.Text.Json;
using MayorsClub.Core.Changes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Delivery;
using MayorsClub.Core.Media;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.Delivery.Platform;
using static MayorsClub.Core.Publishing.PublishedSnapshotBuilder;

namespace MayorsClub.Tests.Unit;

/// <summary>
/// The tags a change touches, worked out from real snapshots before and after it: exactly what can have changed in an
/// answer (an article, its list's children, its ancestors' descendants, its type, the whole site), and nothing of its
/// siblings; subtrees when URLs change or a document moves or goes; old and new places of what moved.
/// </summary>
public sealed class DeliveryCacheTagsTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 2, 0, 0, DateTimeKind.Utc);
    private static readonly JsonElement NoValues = JsonElement.Parse("{}");
    private readonly DocumentTypeRegistry _types = new();

    private readonly DocumentRow _home = Row(1, null, Home.Alias, 0, "holovna");
    private readonly DocumentRow _news = Row(2, 1, NewsIndex.Alias, 0, "novyny");
    private readonly DocumentRow _events = Row(3, 1, EventsCalendar.Alias, 1, "podii");
    private readonly DocumentRow _first = Row(10, 2, NewsArticle.Alias, 0, "persha");
    private readonly DocumentRow _second = Row(11, 2, NewsArticle.Alias, 1, "druha");

    private List<DocumentRow> Rows => [_home, _news, _events, _first, _second];

    [Test]
    public void PublishingAnArticleInPlace_TouchesIt_ItsListsChildren_ItsAncestorsDescendants_ItsType_AndTheSite_NotItsSibling()
    {
        var before = Build(Rows, _types, 1, Now);
        var after = Apply(before, [_first with { Version = 2 }], [], null, _types, 2, Now);

        var tags = DeliveryCacheTags.Touched(before, after, [Change(PublishedChangeKind.Publish, _first.Key)]);

        Assert.That(tags, Is.EquivalentTo(new[]
        {
            DeliveryScope.Document(_first.Key), DeliveryScope.ChildrenOf(_news.Key), DeliveryScope.DescendantsOf(_news.Key),
            DeliveryScope.DescendantsOf(_home.Key), DeliveryScope.ContentType(NewsArticle.Alias), DeliveryScope.AllContent,
        }));
    }

    [Test]
    public void RenamingAList_ChangesItsArticlesUrls_SoTheyAreTouchedToo()
    {
        var before = Build(Rows, _types, 1, Now);
        var renamed = _news with { Version = 2, Cultures = [new CultureRow("uk", "Новини", "vsi-novyny", Now)] };
        var after = Apply(before, [renamed], [], null, _types, 2, Now);

        var tags = DeliveryCacheTags.Touched(before, after, [Change(PublishedChangeKind.Publish, _news.Key)]);

        Assert.That(tags, Is.SupersetOf(new[]
        {
            DeliveryScope.Document(_news.Key), DeliveryScope.Document(_first.Key), DeliveryScope.Document(_second.Key),
            DeliveryScope.ChildrenOf(_home.Key), DeliveryScope.ChildrenOf(_news.Key), DeliveryScope.DescendantsOf(_news.Key),
            DeliveryScope.ContentType(NewsIndex.Alias), DeliveryScope.ContentType(NewsArticle.Alias),
        }));
        Assert.That(tags, Does.Not.Contain(DeliveryScope.Document(_events.Key)).And.Not.Contain(DeliveryScope.ChildrenOf(_events.Key)));
    }

    [Test]
    public void MovingAnArticle_TouchesItsOldAndItsNewPlace()
    {
        var before = Build(Rows, _types, 1, Now);
        var after = Apply(before, [_first with { ParentId = _events.Id, Version = 2 }], [], null, _types, 2, Now);

        var tags = DeliveryCacheTags.Touched(before, after, [Change(PublishedChangeKind.Move, _first.Key)]);

        Assert.That(tags, Is.SupersetOf(new[]
        {
            DeliveryScope.ChildrenOf(_news.Key), DeliveryScope.ChildrenOf(_events.Key),
            DeliveryScope.DescendantsOf(_news.Key), DeliveryScope.DescendantsOf(_events.Key), DeliveryScope.DescendantsOf(_home.Key),
        }));
        Assert.That(tags, Does.Not.Contain(DeliveryScope.Document(_second.Key)), "the sibling left behind did not change");
    }

    [Test]
    public void DeletingAList_TouchesEverythingThatWasBelowIt()
    {
        var before = Build(Rows, _types, 1, Now);
        var after = Apply(before, [], [_news.Id], null, _types, 2, Now);

        var tags = DeliveryCacheTags.Touched(before, after, [Change(PublishedChangeKind.Delete, _news.Key)]);

        Assert.That(tags, Is.SupersetOf(new[]
        {
            DeliveryScope.Document(_news.Key), DeliveryScope.Document(_first.Key), DeliveryScope.Document(_second.Key),
            DeliveryScope.ChildrenOf(_home.Key), DeliveryScope.ChildrenOf(_news.Key), DeliveryScope.AllContent,
        }));
        Assert.That(tags, Does.Not.Contain(DeliveryScope.ChildrenOf(_events.Key)));
    }

    [Test]
    public void UnpublishingAnArticle_TouchesTheListItWasIn()
    {
        var before = Build(Rows, _types, 1, Now);
        var after = Apply(before, [], [_second.Id], null, _types, 2, Now);

        var tags = DeliveryCacheTags.Touched(before, after, [Change(PublishedChangeKind.Unpublish, _second.Key)]);

        Assert.That(tags, Does.Contain(DeliveryScope.Document(_second.Key)).And.Contain(DeliveryScope.ChildrenOf(_news.Key))
            .And.Contain(DeliveryScope.ContentType(NewsArticle.Alias)));
        Assert.That(tags, Does.Not.Contain(DeliveryScope.Document(_first.Key)));
    }

    [Test]
    public void MovingAFileBetweenFolders_TouchesIt_BothFoldersChildren_AndTheLibrary_NotOtherFiles()
    {
        var (photos, archive) = (Folder("Photos", null), Folder("Archive", null));
        var file = File("hall.png", photos.Key);
        var other = File("other.png", photos.Key);
        var before = Build(Rows, _types, 1, Now, [photos, archive, file, other]);
        var after = Apply(before, [], [], new Dictionary<Guid, MediaItem?> { [file.Key] = file with { ParentKey = archive.Key } }, _types, 2, Now);

        var tags = DeliveryCacheTags.Touched(before, after, [Change(PublishedChangeKind.Media, media: file.Key)]);

        Assert.That(tags, Is.EquivalentTo(new[]
        {
            DeliveryScope.Media(file.Key), DeliveryScope.MediaChildrenOf(photos.Key), DeliveryScope.MediaChildrenOf(archive.Key), DeliveryScope.AllMedia,
        }));
        Assert.That(after.GetMedia(file.Key)?.ParentKey, Is.EqualTo(archive.Key));
    }

    [Test]
    public void ANewFolderAtTheRoot_TouchesTheRootsChildren_AndFoldersStayOutOfThePublicFiles()
    {
        var before = Build(Rows, _types, 1, Now);
        var folder = Folder("New", null);
        var after = Apply(before, [], [], new Dictionary<Guid, MediaItem?> { [folder.Key] = folder }, _types, 2, Now);

        var tags = DeliveryCacheTags.Touched(before, after, [Change(PublishedChangeKind.Media, media: folder.Key)]);

        Assert.That(tags, Does.Contain(DeliveryScope.MediaChildrenOf(null)).And.Contain(DeliveryScope.Media(folder.Key)));
        Assert.That(after.GetMediaFolder(folder.Key), Is.Not.Null);
        Assert.That(after.GetMedia(folder.Key), Is.Null, "a folder is never a public file (the media picker's lookup)");
    }

    [Test]
    public void AFileMadeMembersOnly_LeavesTheSnapshot_AndItsFoldersChildrenAreTouched()
    {
        var photos = Folder("Photos", null);
        var file = File("minutes.pdf", photos.Key);
        var before = Build(Rows, _types, 1, Now, [photos, file]);
        var after = Apply(before, [], [], new Dictionary<Guid, MediaItem?> { [file.Key] = null }, _types, 2, Now);

        var tags = DeliveryCacheTags.Touched(before, after, [Change(PublishedChangeKind.Media, media: file.Key)]);

        Assert.That(after.GetMedia(file.Key), Is.Null);
        Assert.That(tags, Does.Contain(DeliveryScope.MediaChildrenOf(photos.Key)).And.Contain(DeliveryScope.Media(file.Key)));
    }

    private static PublishedChange Change(PublishedChangeKind kind, Guid? document = null, Guid? media = null) =>
        new(1, kind, document is { } d ? [d] : [], [], media is { } m ? [m] : [], Now);

    private static DocumentRow Row(int id, int? parentId, string type, int sortOrder, string segment) =>
        new(id, Guid.NewGuid(), parentId, type, sortOrder, 0, Now, Now, 1, NoValues, [new CultureRow("uk", segment, segment, Now)]);

    private static MediaItem Folder(string name, Guid? parent) =>
        new(Guid.NewGuid(), parent, true, name, null, null, 0, null, null, null, new Dictionary<string, string>(), false, 1, Now, "test", Now, null);

    private static MediaItem File(string name, Guid? parent) =>
        new(Guid.NewGuid(), parent, false, name, name, MediaFormat.Png, 10, 8, 8, null, new Dictionary<string, string>(), false, 1, Now, "test", Now, "token");
}
