namespace MayorsClub.Core.Content.DocumentTypes;

/// <summary>All document types of the site, by alias.</summary>
public sealed class DocumentTypeRegistry
{
    private readonly Dictionary<string, DocumentType> _types;

    public DocumentTypeRegistry()
        : this([
            Home.Definition, NewsIndex.Definition, NewsArticle.Definition,
            ExpertSessionIndex.Definition, ExpertSession.Definition,
            EventsCalendar.Definition, Event.Definition,
            ContentPage.Definition, SiteSettings.Definition,
            PartnersIndex.Definition, Partner.Definition,
        ])
    {
    }

    public DocumentTypeRegistry(IEnumerable<DocumentType> types) =>
        _types = types.ToDictionary(t => t.Alias, StringComparer.Ordinal);

    public IReadOnlyCollection<DocumentType> All => _types.Values;

    public DocumentType? Find(string alias) => _types.GetValueOrDefault(alias);

    public DocumentType Get(string alias) =>
        Find(alias) ?? throw new InvalidOperationException($"Unknown document type '{alias}'.");
}
