using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;

namespace MayorsClub.Core.Publishing;

/// <summary>Turns the published rows of the database into a snapshot: the tree, each culture's visibility and URLs.</summary>
public static class PublishedSnapshotBuilder
{
    public static PublishedSnapshot Build(IReadOnlyList<DocumentRow> rows, DocumentTypeRegistry types, long generation, DateTime builtUtc)
    {
        var documents = rows.ToDictionary(r => r.Id, r => new PublishedDocument(r.Id, r.Key, r.ContentType, r.SortOrder, r.Level, r.CreatedUtc, r.UpdatedUtc,
            PublishedSnapshot.Elements(ContentValues.FromJson(r.PublishedJson).Invariant)));
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

        return new PublishedSnapshot(roots, generation, builtUtc);
    }

    /// <summary>
    /// A document is visible in a culture when it is published there and so are all its ancestors.
    /// The home page is "/{culture}/"; pages below it add their segments; other roots (settings) have no URL.
    /// </summary>
    private static void AssignCultures(PublishedDocument document, Dictionary<int, DocumentRow> rows, DocumentTypeRegistry types, Dictionary<string, string?>? parentUrls)
    {
        var row = rows[document.Id];
        var values = ContentValues.FromJson(row.PublishedJson);
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
                PublishedSnapshot.Elements(values.Culture(culture.Culture)?.Values ?? []));
        }

        document.Cultures = cultures;
        foreach (var child in document.Children)
        {
            AssignCultures(child, rows, types, urls);
        }
    }

    public sealed record DocumentRow(int Id, Guid Key, int? ParentId, string ContentType, int SortOrder, int Level, DateTime CreatedUtc, DateTime UpdatedUtc,
        string PublishedJson, List<CultureRow> Cultures);

    public sealed record CultureRow(string Culture, string Name, string UrlSegment, DateTime PublishedUtc);
}
