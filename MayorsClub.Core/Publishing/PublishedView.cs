namespace MayorsClub.Core.Publishing;

/// <summary>
/// The published content as one viewer may read it: <c>snapshot.For(viewer)</c>. Values are read through
/// <see cref="Of"/>; the lists several readers share (news, sessions, events) are in <see cref="PublishedQueries"/>.
/// Every read follows <see cref="PublishedAccess"/>.
/// </summary>
public sealed class PublishedView
{
    internal PublishedView(PublishedSnapshot snapshot, Viewer viewer)
    {
        Snapshot = snapshot;
        Viewer = viewer;
    }

    public PublishedSnapshot Snapshot { get; }

    public Viewer Viewer { get; }

    /// <summary>Whether this viewer may see the document (see <see cref="PublishedAccess.MaySee"/>).</summary>
    public bool MaySee(PublishedDocument document) => PublishedAccess.MaySee(Viewer, document);

    /// <summary>
    /// Whether this viewer reads the whole document: false for a document under a public access rule that does not admit
    /// them (see <see cref="PublishedAccess.MayReadWhole"/>), which they see only by its teaser.
    /// </summary>
    public bool MayReadWhole(PublishedDocument document) => PublishedAccess.MayReadWhole(Viewer, document);

    /// <summary>
    /// Whether this viewer may read a value of the document that picks the media item, in any culture the document is
    /// visible in: what the members' file delivery asks before it sends a members-only file.
    /// </summary>
    public bool MayReadMediaOf(PublishedDocument document, Guid mediaKey)
    {
        if (!MaySee(document) || document.Type is not { } type)
        {
            return false;
        }

        foreach (var property in type.Properties)
        {
            if (property.Editor != Content.PropertyEditor.MediaPicker)
            {
                continue;
            }

            foreach (var culture in document.Cultures.Keys)
            {
                var values = Of(document, culture);
                if (values.MayRead(property.Alias) && values.Keys(property.Alias).Contains(mediaKey))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The document's values in the culture, as this viewer may read them.</summary>
    public PublishedValues Of(PublishedDocument document, string culture) => new(this, document, culture);

    /// <summary>A published document this viewer may see, or null.</summary>
    public PublishedDocument? Get(Guid key) => Snapshot.Get(key) is { } document && MaySee(document) ? document : null;

    /// <summary>The page at a URL like "/uk/novyny/" in the culture if this viewer may see it, or null.</summary>
    public PublishedDocument? GetByUrl(string culture, string url) =>
        Snapshot.GetByUrl(culture, url) is { } document && MaySee(document) ? document : null;

    /// <summary>The document's parent if this viewer may see it, or null (a root, or a parent they may not see).</summary>
    public PublishedDocument? Parent(PublishedDocument document) =>
        Snapshot.Parent(document) is { } parent && MaySee(parent) ? parent : null;

    /// <summary>The document's children visible in the culture that this viewer may see, in sort order.</summary>
    public IEnumerable<PublishedDocument> ChildrenIn(PublishedDocument document, string culture) =>
        Snapshot.Children(document).Where(c => c.IsVisibleIn(culture) && MaySee(c));

    /// <summary>A public file of the media library, or null.</summary>
    public PublishedMedia? Media(Guid key) => PublishedMedia.From(Snapshot.GetMedia(key));

    internal IReadOnlyList<PublishedMedia> MediaOf(IReadOnlyList<Guid> keys)
    {
        var media = new List<PublishedMedia>(keys.Count);
        foreach (var key in keys)
        {
            if (Media(key) is { } item)
            {
                media.Add(item);
            }
        }

        return media;
    }

    internal PublishedMedia? FirstImageOf(IReadOnlyList<Guid> keys)
    {
        foreach (var key in keys)
        {
            if (Snapshot.GetMedia(key) is { Format.IsImage: true } item)
            {
                return PublishedMedia.From(item);
            }
        }

        return null;
    }

    /// <summary>The documents of a list (kept with the snapshot) that this viewer may see.</summary>
    internal IReadOnlyList<PublishedDocument> Visible(IReadOnlyList<PublishedDocument> documents) =>
        PublishedAccess.SeesEveryDocument(Viewer, Snapshot) ? documents : documents.Where(MaySee).ToList();
}
