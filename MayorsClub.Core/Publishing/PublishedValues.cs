using System.Text.Json;
using NodaTime;

namespace MayorsClub.Core.Publishing;

/// <summary>
/// One document's values in one culture, as one viewer may read them: the read model's typed reads. Each read asks
/// <see cref="PublishedAccess"/> first; a value the viewer may not read reads as empty (null, false, no items).
/// Shared values are the same in both cultures. Get one with <see cref="PublishedView.Of"/>.
/// </summary>
public sealed class PublishedValues
{
    private readonly PublishedView _view;

    internal PublishedValues(PublishedView view, PublishedDocument document, string culture)
    {
        _view = view;
        PublishedReads.Note(document.Id);
        Document = document;
        Culture = culture;
    }

    public PublishedDocument Document { get; }

    public string Culture { get; }

    public Viewer Viewer => _view.Viewer;

    /// <summary>The read model these values come from (for what the values point to: media in rich text).</summary>
    public PublishedView View => _view;

    /// <summary>The document's name in the culture, or null when it is not visible there.</summary>
    public string? Name => _view.MaySee(Document) ? Document.Name(Culture) : null;

    /// <summary>The document's URL in the culture, or null when it is not a visible page there.</summary>
    public string? Url => _view.MaySee(Document) ? Document.Url(Culture) : null;

    /// <summary>
    /// Whether the property has a value, whoever may read it: knowing that a session has a video for members is public,
    /// the video is not (<see cref="MayRead"/>).
    /// </summary>
    public bool HasValue(string alias) => _view.MaySee(Document) && Document.Value(alias, Culture).ValueKind != JsonValueKind.Undefined;

    /// <summary>Whether this viewer may read the property's value.</summary>
    public bool MayRead(string alias) => PublishedAccess.MayRead(Viewer, Document, alias);

    /// <summary>A text (one line, several lines, a URL, a dropdown's value) without surrounding white space; null when empty.</summary>
    public string? Text(string alias) => PublishedJson.Text(Raw(alias));

    /// <summary>Rich text: HTML already sanitized when it was saved; null when empty.</summary>
    public string? RichText(string alias) => PublishedJson.Text(Raw(alias));

    /// <summary>A date ("yyyy-MM-dd"), or null.</summary>
    public LocalDate? Date(string alias) => PublishedJson.Date(Raw(alias));

    /// <summary>A date and time with its zone, or null.</summary>
    public ZonedDateTime? Zoned(string alias) => PublishedJson.Zoned(Raw(alias));

    public decimal? Number(string alias) => PublishedJson.Number(Raw(alias));

    /// <summary>A number as a whole number (truncated, clamped to the range of int), or null.</summary>
    public int? Integer(string alias) =>
        Number(alias) is { } number ? (int)Math.Clamp(Math.Truncate(number), int.MinValue, int.MaxValue) : null;

    /// <summary>A true/false property: false when unset.</summary>
    public bool Flag(string alias) => PublishedJson.Flag(Raw(alias));

    /// <summary>Tags (short strings), trimmed, in the editor's order.</summary>
    public IReadOnlyList<string> Tags(string alias) => PublishedJson.Strings(Raw(alias));

    /// <summary>The keys a document or media picker holds, in the editor's order (whether or not they are published).</summary>
    public IReadOnlyList<Guid> Keys(string alias) => PublishedJson.Keys(Raw(alias));

    /// <summary>The picked media that are public files of the library, in the editor's order.</summary>
    public IReadOnlyList<PublishedMedia> Media(string alias) => _view.MediaOf(Keys(alias));

    /// <summary>The first picked media item that is a public image, or null.</summary>
    public PublishedMedia? FirstImage(string alias) => _view.FirstImageOf(Keys(alias));

    /// <summary>The picked documents this viewer may see that are visible pages in the culture, in the editor's order.</summary>
    public IReadOnlyList<PublishedDocument> Links(string alias)
    {
        var picked = new List<PublishedDocument>();
        foreach (var key in Keys(alias))
        {
            if (_view.Get(key) is { } target && target.Url(Culture) is not null)
            {
                picked.Add(target);
            }
        }

        return picked;
    }

    /// <summary>The blocks of a block list, each read by its element type's properties.</summary>
    public IReadOnlyList<PublishedBlock> Blocks(string alias)
    {
        var value = Raw(alias);
        if (value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var element = PublishedAccess.PropertyOf(Document.Type, alias)?.Element;
        var blocks = new List<PublishedBlock>(value.GetArrayLength());
        foreach (var block in value.EnumerateArray())
        {
            if (block.ValueKind == JsonValueKind.Object)
            {
                blocks.Add(new PublishedBlock(_view, block, element));
            }
        }

        return blocks;
    }

    private JsonElement Raw(string alias) => MayRead(alias) ? Document.Value(alias, Culture) : default;
}
