using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using NodaTime;
using NodaTime.Text;

namespace MayorsClub.Core.Delivery;

/// <summary>What one Delivery API request writes content with: whom for, in which culture, and how.</summary>
/// <param name="View">The read model as the caller may read it (published, or the drafts for a preview).</param>
/// <param name="Culture">The request's culture.</param>
/// <param name="Types">The document types (for each property's editor).</param>
/// <param name="Reads">Where the documents and media written are noted for the cache.</param>
/// <param name="RichTextAsJson">Rich text as Umbraco's element tree instead of markup.</param>
/// <param name="FallbackCulture">The culture an empty culture-variant property is filled from (<c>fallback=culture:en</c>), or null.</param>
public sealed record DeliveryContentContext(PublishedView View, string Culture, DocumentTypeRegistry Types, DeliveryReads Reads,
    bool RichTextAsJson = false, string? FallbackCulture = null)
{
    public PublishedSnapshot Snapshot => View.Snapshot;
}

/// <summary>
/// Writes documents as Umbraco's Delivery API v2 does: <c>contentType, name, createDate, updateDate, route {path, startItem
/// {id, path}}, id, properties</c>, and for the items an answer is about, <c>cultures</c>. Values by property editor (see
/// <see cref="WriteValue"/>); members-only values the caller may not read are left out. With a fallback culture an empty
/// culture-variant property is filled from it and the item says so: <c>"fallback": {"culture": "en", "properties": [...]}</c>
/// (this site's addition). Written with <see cref="Utf8JsonWriter"/>, no reflection.
/// </summary>
public static class DeliveryContentJson
{
    private static readonly HtmlParser HtmlParser = new();
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T00:00:00'");
    private static readonly OffsetDateTimePattern ZonedPattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFo<+HH:mm>");

    /// <summary>A document as the answer's item (with its cultures).</summary>
    public static void WriteItem(Utf8JsonWriter json, PublishedDocument document, DeliveryContentContext context,
        DeliveryPropertySelection expand, DeliveryPropertySelection? fields) =>
        Write(json, document, context, expand, fields, withProperties: true, withCultures: true);

    private static void Write(Utf8JsonWriter json, PublishedDocument document, DeliveryContentContext context,
        DeliveryPropertySelection expand, DeliveryPropertySelection? fields, bool withProperties, bool withCultures)
    {
        context.Reads.Document(document.Key);
        var culture = context.Culture;
        json.WriteStartObject();
        json.WriteString("contentType", document.ContentType);
        json.WriteString("name", document.Name(culture) ?? document.Name(context.FallbackCulture ?? culture) ?? "");
        json.WriteString("createDate", DeliveryJson.Date(document.CreatedUtc));
        json.WriteString("updateDate", DeliveryJson.Date(document.UpdatedUtc));
        json.WritePropertyName("route");
        WriteRoute(json, document, culture, context);
        json.WriteString("id", document.Key);
        json.WriteStartObject("properties");
        List<string>? filled = null;
        if (withProperties && context.Types.Find(document.ContentType) is { } type)
        {
            var values = context.View.Of(document, culture);
            PublishedValues? fallback = null;
            foreach (var property in type.Properties)
            {
                if (fields is not null && !fields.Includes(property.Alias))
                {
                    continue;
                }

                var source = values;
                if (context.FallbackCulture is { } other && other != culture && property.VariesByCulture && !values.HasValue(property.Alias))
                {
                    fallback ??= context.View.Of(document, other);
                    if (fallback.HasValue(property.Alias) && fallback.MayRead(property.Alias))
                    {
                        source = fallback;
                        (filled ??= []).Add(property.Alias);
                    }
                }

                if (!source.MayRead(property.Alias))
                {
                    continue; // members-only, or beyond the teaser of a protected document: absent
                }

                json.WritePropertyName(property.Alias);
                WriteValue(json, source, property, context, expand.Below(property.Alias), expand.Includes(property.Alias),
                    fields is null || fields.Below(property.Alias).IsNone ? null : fields.Below(property.Alias));
            }
        }

        json.WriteEndObject();
        if (filled is not null)
        {
            json.WriteStartObject("fallback");
            json.WriteString("culture", context.FallbackCulture);
            json.WriteStartArray("properties");
            foreach (var alias in filled)
            {
                json.WriteStringValue(alias);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        if (withCultures)
        {
            json.WriteStartObject("cultures");
            foreach (var other in Cultures.All)
            {
                if (document.IsVisibleIn(other))
                {
                    json.WritePropertyName(other);
                    WriteRoute(json, document, other, context);
                }
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary><c>{path, startItem {id, path}}</c>: the path below the root (the home page is "/"), the root and its URL segment.</summary>
    private static void WriteRoute(Utf8JsonWriter json, PublishedDocument document, string culture, DeliveryContentContext context)
    {
        var (path, root) = DeliveryRoutes.PathOf(document, culture, context.Snapshot, context.Reads);
        json.WriteStartObject();
        json.WriteString("path", path);
        json.WriteStartObject("startItem");
        json.WriteString("id", root.Key);
        json.WriteString("path", DeliveryRoutes.SegmentOf(root, culture));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// A property's value: text, text area, URL and dropdown as strings; rich text as <c>{markup, blocks}</c> (or the element
    /// tree); a date as "2026-05-11T00:00:00"; an event's zoned time as ISO 8601 with its offset ("2026-06-01T10:00:00+03:00");
    /// numbers; booleans; tags as an array; media pickers as an array of media items; content pickers as the linked item(s)
    /// (properties only when expanded); block lists as <c>{items: [{content, settings}]}</c>. Empty: null (false, [] for
    /// true/false, tags and media).
    /// </summary>
    private static void WriteValue(Utf8JsonWriter json, PublishedValues values, PropertyType property, DeliveryContentContext context,
        DeliveryPropertySelection expandBelow, bool expanded, DeliveryPropertySelection? fieldsBelow)
    {
        var alias = property.Alias;
        switch (property.Editor)
        {
            case PropertyEditor.RichText:
                WriteRichText(json, values.RichText(alias), context.RichTextAsJson);
                break;
            case PropertyEditor.Date:
                WriteStringOrNull(json, values.Date(alias) is { } date ? DatePattern.Format(date) : null);
                break;
            case PropertyEditor.DateTimeZoned:
                WriteStringOrNull(json, values.Zoned(alias) is { } zoned ? ZonedPattern.Format(zoned.ToOffsetDateTime()) : null);
                break;
            case PropertyEditor.Number:
                if (values.Number(alias) is { } number)
                {
                    json.WriteNumberValue(number);
                }
                else
                {
                    json.WriteNullValue();
                }

                break;
            case PropertyEditor.TrueFalse:
                json.WriteBooleanValue(values.Flag(alias));
                break;
            case PropertyEditor.Tags:
                json.WriteStartArray();
                foreach (var tag in values.Tags(alias))
                {
                    json.WriteStringValue(tag);
                }

                json.WriteEndArray();
                break;
            case PropertyEditor.MediaPicker:
                WriteMedia(json, values.Keys(alias), context);
                break;
            case PropertyEditor.ContentPicker:
                var links = values.Links(alias);
                if (property.Multiple)
                {
                    json.WriteStartArray();
                    foreach (var link in links)
                    {
                        Write(json, link, context, expandBelow, fieldsBelow, withProperties: expanded, withCultures: false);
                    }

                    json.WriteEndArray();
                }
                else if (links.Count > 0)
                {
                    Write(json, links[0], context, expandBelow, fieldsBelow, withProperties: expanded, withCultures: false);
                }
                else
                {
                    json.WriteNullValue();
                }

                break;
            case PropertyEditor.BlockList:
                WriteBlocks(json, values, property, context);
                break;
            default:
                WriteStringOrNull(json, values.Text(alias));
                break;
        }
    }

    private static void WriteMedia(Utf8JsonWriter json, IReadOnlyList<Guid> keys, DeliveryContentContext context)
    {
        json.WriteStartArray();
        foreach (var key in keys)
        {
            if (context.Snapshot.GetMedia(key) is { } media)
            {
                DeliveryMediaJson.WritePicked(json, media, context.Culture, context.Reads);
            }
        }

        json.WriteEndArray();
    }

    private static void WriteBlocks(Utf8JsonWriter json, PublishedValues values, PropertyType property, DeliveryContentContext context)
    {
        json.WriteStartObject();
        json.WriteStartArray("items");
        var blocks = values.Blocks(property.Alias);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            json.WriteStartObject();
            json.WriteStartObject("content");
            json.WriteString("contentType", block.ElementType ?? property.Element?.Alias ?? "");
            json.WriteString("id", BlockKey(values.Document.Key, values.Culture, property.Alias, i));
            json.WriteStartObject("properties");
            foreach (var elementProperty in property.Element?.Properties ?? [])
            {
                json.WritePropertyName(elementProperty.Alias);
                if (elementProperty.Editor == PropertyEditor.MediaPicker)
                {
                    WriteMedia(json, block.Keys(elementProperty.Alias), context);
                }
                else
                {
                    WriteStringOrNull(json, block.Text(elementProperty.Alias));
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteNull("settings");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Blocks are stored without keys: each gets a stable one from its document, culture, property and place.</summary>
    private static Guid BlockKey(Guid document, string culture, string alias, int index)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{document:N}/{culture}/{alias}/{index.ToString(CultureInfo.InvariantCulture)}"), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    private static void WriteRichText(Utf8JsonWriter json, string? html, bool asJson)
    {
        if (!asJson)
        {
            json.WriteStartObject();
            json.WriteString("markup", html ?? "");
            json.WriteStartArray("blocks");
            json.WriteEndArray();
            json.WriteEndObject();
            return;
        }

        json.WriteStartObject();
        json.WriteString("tag", "#root");
        json.WriteStartObject("attributes");
        json.WriteEndObject();
        json.WriteStartArray("elements");
        if (!string.IsNullOrEmpty(html))
        {
            var document = HtmlParser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
            foreach (var node in document.Body!.ChildNodes)
            {
                WriteNode(json, node);
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("blocks");
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>An HTML node as Umbraco's rich text element: <c>{tag, attributes, elements}</c>, text as <c>{tag: "#text", text}</c>.</summary>
    private static void WriteNode(Utf8JsonWriter json, INode node)
    {
        switch (node)
        {
            case IElement element:
                json.WriteStartObject();
                json.WriteString("tag", element.LocalName);
                json.WriteStartObject("attributes");
                foreach (var attribute in element.Attributes)
                {
                    json.WriteString(attribute.Name, attribute.Value);
                }

                json.WriteEndObject();
                json.WriteStartArray("elements");
                foreach (var child in element.ChildNodes)
                {
                    WriteNode(json, child);
                }

                json.WriteEndArray();
                json.WriteEndObject();
                break;
            case IText text when text.Data.Length > 0 && !string.IsNullOrWhiteSpace(text.Data):
                json.WriteStartObject();
                json.WriteString("tag", "#text");
                json.WriteString("text", text.Data);
                json.WriteEndObject();
                break;
        }
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }
}

/// <summary>Routes as the Delivery API gives them: the path below the root document, in a culture.</summary>
public static class DeliveryRoutes
{
    /// <summary>The document's path below its root ("/novyny/some-article/"; the root itself is "/") and that root; notes the ancestors.</summary>
    public static (string Path, PublishedDocument Root) PathOf(PublishedDocument document, string culture, PublishedSnapshot snapshot, DeliveryReads reads)
    {
        var root = document;
        var depth = 0;
        for (var parent = snapshot.Parent(document); parent is not null && depth < 1024; parent = snapshot.Parent(parent), depth++)
        {
            reads.Document(parent.Key);
            root = parent;
        }

        var prefix = "/" + culture + "/";
        if (document.Url(culture) is { } url && url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return (url[(prefix.Length - 1)..], root);
        }

        // Not a page in this culture (site settings): the segments below its root.
        var segments = new List<string>();
        for (var current = document; current is not null && !ReferenceEquals(current, root); current = snapshot.Parent(current))
        {
            segments.Add(SegmentOf(current, culture));
        }

        segments.Reverse();
        return (segments.Count == 0 ? "/" : "/" + string.Join('/', segments) + "/", root);
    }

    /// <summary>The document's URL segment in the culture (or in any culture it has one in).</summary>
    public static string SegmentOf(PublishedDocument document, string culture) =>
        document.Cultures.GetValueOrDefault(culture)?.UrlSegment ?? document.Cultures.Values.FirstOrDefault()?.UrlSegment ?? "";

    /// <summary>
    /// The document at a route path ("/novyny/some-article/", with or without the slashes) below a root, in the culture:
    /// through the URL index for the home page, by segments below any other root.
    /// </summary>
    public static PublishedDocument? Find(PublishedSnapshot snapshot, string culture, string path, PublishedDocument root)
    {
        var trimmed = path.Trim().Trim('/');
        if (trimmed.Contains("//", StringComparison.Ordinal) || trimmed.Length > 2000)
        {
            return null;
        }

        if (ReferenceEquals(root, snapshot.Home) || root.Url(culture) is not null)
        {
            var url = (root.Url(culture) ?? "/" + culture + "/") + (trimmed.Length == 0 ? "" : trimmed + "/");
            return snapshot.GetByUrl(culture, url);
        }

        var current = root;
        foreach (var segment in trimmed.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = snapshot.Children(current).FirstOrDefault(c => c.IsVisibleIn(culture)
                && string.Equals(SegmentOf(c, culture), segment, StringComparison.OrdinalIgnoreCase));
            if (current is null)
            {
                return null;
            }
        }

        return current.IsVisibleIn(culture) ? current : null;
    }
}
