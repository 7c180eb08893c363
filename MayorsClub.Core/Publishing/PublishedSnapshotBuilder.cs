using System.Text.Json;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Media;

namespace MayorsClub.Core.Publishing;

/// <summary>Turns the published rows of the database into a snapshot: the tree, each culture's visibility and URLs.</summary>
public static class PublishedSnapshotBuilder
{
    private static readonly IReadOnlyDictionary<string, JsonElement> Empty = new Dictionary<string, JsonElement>();

    /// <summary>The non-null values under a property of a document's published JSON ("invariant", or a culture's "values").</summary>
    private static IReadOnlyDictionary<string, JsonElement> Values(JsonElement parent, string property)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(property, out var values) || values.ValueKind != JsonValueKind.Object)
        {
            return Empty;
        }

        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var value in values.EnumerateObject())
        {
            if (value.Value.ValueKind != JsonValueKind.Null)
            {
                result[value.Name] = value.Value;
            }
        }

        return result;
    }

    /// <summary>Parses a document's published JSON into one element that owns exactly the memory it needs (not a pooled buffer).</summary>
    public static JsonElement Parse(string publishedJson) => JsonElement.Parse(publishedJson);

    public static PublishedSnapshot Build(IReadOnlyList<DocumentRow> rows, DocumentTypeRegistry types, long generation, DateTime builtUtc,
        IEnumerable<MediaItem>? media = null)
    {
        // Each document's published JSON is parsed once; its values are elements of that one element, not copies.
        var documents = rows.ToDictionary(r => r.Id, r => new PublishedDocument(r.Id, r.Key, r.ContentType, types.Find(r.ContentType), r.SortOrder, r.Level, r.CreatedUtc, r.UpdatedUtc,
            r.Version, r.Source, r.InvariantValues));
        var roots = new List<PublishedDocument>();
        var children = new Dictionary<int, List<PublishedDocument>>();
        foreach (var row in rows.OrderBy(r => r.SortOrder))
        {
            var document = documents[row.Id];
            if (row.ParentId is null)
            {
                roots.Add(document);
            }
            else if (documents.TryGetValue(row.ParentId.Value, out var parent))
            {
                document.Parent = parent;
                (children.TryGetValue(parent.Id, out var list) ? list : children[parent.Id] = []).Add(document);
            }
        }

        foreach (var (parentId, list) in children)
        {
            documents[parentId].Children = list;
        }

        var byId = rows.ToDictionary(r => r.Id);
        foreach (var root in roots)
        {
            AssignCultures(root, byId, types, parentUrls: null);
        }

        return new PublishedSnapshot(roots, generation, builtUtc, media);
    }

    /// <summary>
    /// A document is visible in a culture when it is published there and so are all its ancestors.
    /// The home page is "/{culture}/"; pages below it add their segments; other roots (settings) have no URL.
    /// </summary>
    private static void AssignCultures(PublishedDocument document, Dictionary<int, DocumentRow> rows,
        DocumentTypeRegistry types, Dictionary<string, string?>? parentUrls)
    {
        var row = rows[document.Id];
        var isPage = types.Find(document.ContentType)?.IsPage ?? false;
        var cultures = new Dictionary<string, PublishedCulture>(StringComparer.Ordinal);
        var urls = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var culture in row.Cultures)
        {
            if (parentUrls is not null && !parentUrls.ContainsKey(culture.Culture))
            {
                continue;
            }

            string? url = null;
            if (isPage)
            {
                url = parentUrls is null
                    ? document.ContentType == Home.Alias ? $"/{culture.Culture}/" : null
                    : parentUrls[culture.Culture] is { } parentUrl ? $"{parentUrl}{culture.UrlSegment}/" : null;
            }

            urls[culture.Culture] = url;
            cultures[culture.Culture] = new PublishedCulture(culture.Culture, culture.Name, culture.UrlSegment, url, culture.PublishedUtc,
                row.CultureValues(culture.Culture));
        }

        document.Cultures = cultures;
        foreach (var child in document.Children)
        {
            AssignCultures(child, rows, types, urls);
        }
    }

    /// <param name="Version">The document's version its published values were read at.</param>
    /// <param name="Source">Its published values, parsed (<see cref="Parse"/>).</param>
    /// <remarks>
    /// The values by alias are taken from <paramref name="Source"/> once per row and kept: the snapshot service keeps the
    /// rows of unchanged documents from one snapshot to the next, so applying a change does not walk their JSON again.
    /// </remarks>
    public sealed record DocumentRow(int Id, Guid Key, int? ParentId, string ContentType, int SortOrder, int Level, DateTime CreatedUtc, DateTime UpdatedUtc,
        int Version, JsonElement Source, List<CultureRow> Cultures)
    {
        private IReadOnlyDictionary<string, JsonElement>? _invariant;
        private Dictionary<string, IReadOnlyDictionary<string, JsonElement>>? _cultures;

        internal IReadOnlyDictionary<string, JsonElement> InvariantValues => _invariant ??= Values(Source, "invariant");

        internal IReadOnlyDictionary<string, JsonElement> CultureValues(string culture)
        {
            var known = _cultures;
            if (known is not null && known.TryGetValue(culture, out var values))
            {
                return values;
            }

            var all = Source.ValueKind == JsonValueKind.Object && Source.TryGetProperty("cultures", out var cultures) ? cultures : default;
            values = all.ValueKind == JsonValueKind.Object && all.TryGetProperty(culture, out var variant) ? Values(variant, "values") : Empty;
            _cultures = new Dictionary<string, IReadOnlyDictionary<string, JsonElement>>(known ?? [], StringComparer.Ordinal) { [culture] = values };
            return values;
        }
    }

    public sealed record CultureRow(string Culture, string Name, string UrlSegment, DateTime PublishedUtc);
}
