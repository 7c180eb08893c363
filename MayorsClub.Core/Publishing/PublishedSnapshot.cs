using System.Collections.Frozen;
using System.Text.Json;
using MayorsClub.Core.Content;
using MayorsClub.Core.Media;
using DocumentTypes = MayorsClub.Core.Content.DocumentTypes;

namespace MayorsClub.Core.Publishing;

/// <summary>
/// Everything visitors can see, in memory, never changed once built: a new snapshot replaces it
/// after each publish. Page views, lists, feeds and the sitemap read only this. The snapshot itself gives the tree
/// (documents, names, URLs) and the public media; values are read for a viewer through <see cref="For"/>.
/// </summary>
public sealed class PublishedSnapshot
{
    private readonly FrozenDictionary<Guid, PublishedDocument> _byKey;
    private readonly FrozenDictionary<int, PublishedDocument> _byId;
    private readonly FrozenDictionary<string, FrozenDictionary<string, PublishedDocument>> _byUrl;

    private readonly FrozenDictionary<Guid, MediaItem> _media;

    public static PublishedSnapshot Empty { get; } = new([], 0, DateTime.MinValue);

    /// <param name="media">The media library's public files (images and downloads with a public URL), by key.</param>
    public PublishedSnapshot(IReadOnlyList<PublishedDocument> roots, long generation, DateTime builtUtc, IEnumerable<MediaItem>? media = null)
    {
        _media = (media ?? []).Where(m => m.PublicUrl is not null).ToFrozenDictionary(m => m.Key);
        Roots = roots;
        Generation = generation;
        BuiltUtc = builtUtc;
        var all = new List<PublishedDocument>();
        var stack = new Stack<PublishedDocument>(roots.Reverse());
        while (stack.Count > 0)
        {
            var document = stack.Pop();
            all.Add(document);
            foreach (var child in document.Children.Reverse())
            {
                stack.Push(child);
            }
        }

        All = all;
        _byKey = all.ToFrozenDictionary(d => d.Key);
        _byId = all.ToFrozenDictionary(d => d.Id);
        _byUrl = Cultures.All.ToFrozenDictionary(
            culture => culture,
            culture => all.Where(d => d.Url(culture) is not null).ToFrozenDictionary(d => d.Url(culture)!, StringComparer.OrdinalIgnoreCase));
    }

    public long Generation { get; }
    public DateTime BuiltUtc { get; }
    public IReadOnlyList<PublishedDocument> Roots { get; }

    /// <summary>Every published document, depth first in tree order.</summary>
    public IReadOnlyList<PublishedDocument> All { get; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> _memo = new(StringComparer.Ordinal);

    /// <summary>
    /// Computes a value from this snapshot once and keeps it for the snapshot's life (sorted lists and the like):
    /// the snapshot never changes, so neither does the value.
    /// </summary>
    public T Memo<T>(string key, Func<PublishedSnapshot, T> compute)
        where T : class =>
        (T)_memo.GetOrAdd(key, static (_, state) => state.compute(state.snapshot), (compute, snapshot: this));

    private PublishedView? _anonymous;

    /// <summary>
    /// The content as a viewer may read it: the read model. Every value is read through it, and the access rule
    /// (<see cref="PublishedAccess"/>) decides what this viewer gets.
    /// </summary>
    public PublishedView For(Viewer viewer) =>
        ReferenceEquals(viewer, Viewer.Anonymous) ? _anonymous ??= new PublishedView(this, viewer) : new PublishedView(this, viewer);

    public PublishedDocument? Get(Guid key) => _byKey.GetValueOrDefault(key);

    public PublishedDocument? Get(int id) => _byId.GetValueOrDefault(id);

    /// <summary>The media library's public files.</summary>
    public IEnumerable<MediaItem> Media => _media.Values;

    /// <summary>A public file of the media library (never a folder or a members-only file), or null.</summary>
    public MediaItem? GetMedia(Guid key) => _media.GetValueOrDefault(key);

    /// <summary>The home page of the site.</summary>
    public PublishedDocument? Home => Roots.FirstOrDefault(r => r.ContentType == DocumentTypes.Home.Alias);

    public PublishedDocument? Settings => Roots.FirstOrDefault(r => r.ContentType == DocumentTypes.SiteSettings.Alias);

    /// <summary>The page at a URL like "/uk/novyny/" in the culture, or null.</summary>
    public PublishedDocument? GetByUrl(string culture, string url)
    {
        if (!_byUrl.TryGetValue(culture, out var urls))
        {
            return null;
        }

        var normalized = url.EndsWith('/') ? url : url + "/";
        return urls.GetValueOrDefault(normalized);
    }

    public IEnumerable<PublishedDocument> OfType(string contentType, string culture) =>
        All.Where(d => d.ContentType == contentType && d.IsVisibleIn(culture));

}
