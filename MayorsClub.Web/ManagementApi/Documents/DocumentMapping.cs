using System.Text.Json.Nodes;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;

namespace MayorsClub.Web.ManagementApi.Documents;

/// <summary>Turns the content core's document state into the API's responses.</summary>
public sealed class DocumentResponses(DocumentTypeRegistry types, PublishedSnapshotService snapshots)
{
    public DocumentResponse From(DocumentState state)
    {
        var live = snapshots.Current.Get(state.Key);
        var variants = Cultures.All
            .Where(state.Cultures.ContainsKey)
            .Select(culture => state.Cultures[culture])
            .Select(c => new DocumentVariantResponse(
                c.Culture, null, c.Name, c.UrlSegment, StateOf(state, c), c.PublishedUtc, c.PublishAtUtc, c.UnpublishAtUtc,
                live is not null && live.IsVisibleIn(c.Culture) ? live.Url(c.Culture) : null,
                c.ApprovalRequestedUtc, c.ApprovalRequestedBy))
            .ToList();
        return new DocumentResponse(
            state.Key, new DocumentTypeReference(state.ContentType), state.ParentKey is { } parent ? new DocumentReference(parent) : null,
            state.Version, state.SortOrder, state.Trashed, state.UpdatedUtc, state.UpdatedBy, variants, Values(state.ContentType, state.Draft));
    }

    public DocumentTreeItemResponse TreeItem(DocumentState state, bool hasChildren) => new(
        state.Key, state.ParentKey is { } parent ? new DocumentReference(parent) : null, new DocumentTypeReference(state.ContentType),
        hasChildren, state.Trashed, state.SortOrder,
        Cultures.All.Where(state.Cultures.ContainsKey).Select(culture => state.Cultures[culture])
            .Select(c => new DocumentTreeVariantResponse(c.Culture, c.Name, StateOf(state, c))).ToList());

    public DocumentVersionResponse Version(Guid key, int number, string contentType, ContentValues values) => new(
        new DocumentReference(key), number,
        Cultures.All.Where(values.Cultures.ContainsKey)
            .Select(c => new DocumentVersionVariantResponse(c, values.Cultures[c].Name, values.Cultures[c].Segment)).ToList(),
        Values(contentType, values));

    public static DocumentVariantState StateOf(DocumentState document, CultureState culture) =>
        document.Trashed ? DocumentVariantState.Trashed
        : culture.IsPublished && culture.EditedSincePublish ? DocumentVariantState.PublishedPendingChanges
        : culture.IsPublished ? DocumentVariantState.Published
        : DocumentVariantState.Draft;

    /// <summary>Shared values first, then each language's, in the order the document type lists its properties.</summary>
    private List<DocumentValueModel> Values(string contentType, ContentValues values)
    {
        var order = types.Find(contentType)?.Properties.Select(p => p.Alias).ToList() ?? [];
        int Rank(string alias) => order.IndexOf(alias) is var i and >= 0 ? i : int.MaxValue;
        var result = values.Invariant.OrderBy(v => Rank(v.Key)).Select(v => new DocumentValueModel(v.Key, Clone(v.Value))).ToList();
        foreach (var culture in Cultures.All.Where(values.Cultures.ContainsKey))
        {
            result.AddRange(values.Cultures[culture].Values.OrderBy(v => Rank(v.Key)).Select(v => new DocumentValueModel(v.Key, Clone(v.Value), culture)));
        }

        return result;
    }

    private static JsonNode? Clone(JsonNode? value) => value?.DeepClone();
}
