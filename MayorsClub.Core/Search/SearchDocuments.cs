using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace MayorsClub.Core.Search;

/// <summary>
/// Turns a published document into its search documents, one per culture it is a visible page in, reading its values
/// ONLY as the anonymous viewer does: a members-only value, or anything but the teaser of a document under a public
/// access rule, reads as empty here and so never enters the index.
/// </summary>
public static partial class SearchDocuments
{
    /// <summary>Stored, analysed, with term vectors (positions and offsets): snippets are marked without analysing the text again.</summary>
    private static readonly FieldType Highlighted = Frozen(new FieldType(TextField.TYPE_STORED)
    {
        StoreTermVectors = true,
        StoreTermVectorPositions = true,
        StoreTermVectorOffsets = true,
    });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    private static readonly HashSet<string> NotText = new HashSet<string>(StringComparer.Ordinal)
    {
        Seo.MetaDescription, "summary",
    };

    /// <summary>The search documents of one published document (none when its type is not searched or it has no page).</summary>
    public static IEnumerable<(string Culture, LuceneDocument Document)> For(PublishedSnapshot snapshot, PublishedDocument document)
    {
        if (SearchKinds.Of(document.ContentType) is not { } kind || document.Type is not { } type)
        {
            yield break;
        }

        var view = snapshot.For(Viewer.Anonymous);
        foreach (var culture in document.Cultures.Keys.Order(StringComparer.Ordinal))
        {
            var values = view.Of(document, culture);
            if (values.Url is not { } url || values.Name is not { } title)
            {
                continue;
            }

            yield return (culture, Build(values, type, kind, url, title));
        }
    }

    private static LuceneDocument Build(PublishedValues values, DocumentType type, string kind, string url, string title)
    {
        var document = values.Document;
        var summary = values.Text("summary") ?? "";
        var body = BodyText(values, type);
        var doc = new LuceneDocument
        {
            new StringField(SearchFields.Id, IdOf(document.Key, values.Culture), Field.Store.NO),
            new StringField(SearchFields.Key, document.Key.ToString("N"), Field.Store.YES),
            new BinaryDocValuesField(SearchFields.KeyValues, new BytesRef(document.Key.ToByteArray())),
            new StringField(SearchFields.Culture, values.Culture, Field.Store.NO),
            new StringField(SearchFields.Kind, kind, Field.Store.YES),
            new StoredField(SearchFields.Url, url),
            new TextField(SearchFields.Title, title, Field.Store.YES),
            new TextField(SearchFields.TitlePlain, title, Field.Store.NO),
            new Field(SearchFields.Summary, summary, Highlighted),
            new TextField(SearchFields.SummaryPlain, summary, Field.Store.NO),
            new Field(SearchFields.Body, body, Highlighted),
        };

        var date = DateOf(values, kind);
        doc.Add(new Int64Field(SearchFields.Date, date, Field.Store.YES));
        doc.Add(new NumericDocValuesField(SearchFields.Date, date));
        if (kind == SearchKinds.Event && values.Times() is { } times)
        {
            doc.Add(new Int64Field(SearchFields.Start, times.Start.ToInstant().ToUnixTimeMilliseconds(), Field.Store.NO));
            doc.Add(new Int64Field(SearchFields.End, times.Ends.ToUnixTimeMilliseconds(), Field.Store.NO));
            if (values.Text(Event.EventType) is { } eventType)
            {
                doc.Add(new StringField(SearchFields.EventType, eventType, Field.Store.NO));
            }

            if (values.Text(Event.City) is { } city)
            {
                doc.Add(new StringField(SearchFields.City, SearchFields.NormaliseCity(city), Field.Store.NO));
            }

            doc.Add(new StringField(SearchFields.Online, values.Flag(Event.IsOnline) ? "1" : "0", Field.Store.NO));
        }

        return doc;
    }

    /// <summary>The one term that names a search document: the document's key and the culture.</summary>
    public static string IdOf(Guid key, string culture) => key.ToString("N") + ":" + culture;

    /// <summary>When a result happened (milliseconds since 1970): the article's date, the session's or event's start, else the publication.</summary>
    private static long DateOf(PublishedValues values, string kind)
    {
        switch (kind)
        {
            case SearchKinds.News when values.Date(NewsArticle.Date) is { } date:
                return date.AtStartOfDayInZone(NodaTime.DateTimeZone.Utc).ToInstant().ToUnixTimeMilliseconds();
            case SearchKinds.Session when values.Zoned(ExpertSession.Date) is { } when:
                return when.ToInstant().ToUnixTimeMilliseconds();
            case SearchKinds.Event when values.Times() is { } times:
                return times.Start.ToInstant().ToUnixTimeMilliseconds();
            default:
                var published = values.Document.Cultures.GetValueOrDefault(values.Culture)?.PublishedUtc ?? values.Document.UpdatedUtc;
                return new DateTimeOffset(DateTime.SpecifyKind(published, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        }
    }

    /// <summary>Every readable text of the document but its summary: texts, rich text as plain text, tags, the blocks' texts.</summary>
    private static string BodyText(PublishedValues values, DocumentType type)
    {
        var text = new StringBuilder();
        foreach (var property in type.Properties)
        {
            if (NotText.Contains(property.Alias))
            {
                continue;
            }

            switch (property.Editor)
            {
                case PropertyEditor.Text or PropertyEditor.TextArea:
                    Append(text, values.Text(property.Alias));
                    break;
                case PropertyEditor.RichText:
                    Append(text, PlainText(values.RichText(property.Alias)));
                    break;
                case PropertyEditor.Tags:
                    Append(text, string.Join(", ", values.Tags(property.Alias)));
                    break;
                case PropertyEditor.BlockList when property.Element is { } element:
                    foreach (var block in values.Blocks(property.Alias))
                    {
                        foreach (var inner in element.Properties.Where(p => p.Editor is PropertyEditor.Text or PropertyEditor.TextArea))
                        {
                            Append(text, block.Text(inner.Alias));
                        }
                    }

                    break;
            }
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(value.Trim());
        }
    }

    /// <summary>Sanitized rich text as plain text: tags become spaces (so words of two paragraphs stay apart), entities decoded.</summary>
    public static string? PlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return html;
        }

        var text = WebUtility.HtmlDecode(Tags().Replace(html, " "));
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t\r\n\f\u00a0]+")]
    private static partial Regex Spaces();
}
