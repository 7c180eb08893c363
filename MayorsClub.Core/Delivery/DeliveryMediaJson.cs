using System.Text.Json;
using MayorsClub.Core.Imaging;
using MayorsClub.Core.Media;

namespace MayorsClub.Core.Delivery;

/// <summary>
/// A media item as Umbraco's Delivery API writes it: inside a media picker's value (<see cref="WritePicked"/>) and, with its
/// path and dates first, as an item of the media endpoints (<see cref="WriteItem"/>). Only public files reach here (the
/// snapshot holds no members-only file).
/// </summary>
public static class DeliveryMediaJson
{
    /// <summary>Umbraco's media type aliases for what the library holds.</summary>
    public static string MediaType(MediaItem media) => media switch
    {
        { IsFolder: true } => "Folder",
        { Kind: MediaKind.Image } => "Image",
        { Kind: MediaKind.Video } => "umbracoMediaVideo",
        { Kind: MediaKind.Document } => "umbracoMediaArticle",
        _ => "File",
    };

    /// <summary>The picked item: focalPoint, crops, id, name, mediaType, url, extension, width, height, bytes, properties.</summary>
    public static void WritePicked(Utf8JsonWriter json, MediaItem media, string culture, DeliveryReads reads)
    {
        json.WriteStartObject();
        WriteBody(json, media, culture, reads);
        json.WriteEndObject();
    }

    /// <summary>An item of the media endpoints: path, createDate, updateDate, then what <see cref="WritePicked"/> writes.</summary>
    /// <param name="path">Its path in the library: the folders' and its own names as URL segments, e.g. "/news/photo-jpg/".</param>
    public static void WriteItem(Utf8JsonWriter json, MediaItem media, string path, string culture, DeliveryReads reads)
    {
        json.WriteStartObject();
        json.WriteString("path", path);
        json.WriteString("createDate", DeliveryJson.Date(media.CreatedUtc));
        json.WriteString("updateDate", DeliveryJson.Date(media.UpdatedUtc));
        WriteBody(json, media, culture, reads);
        json.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter json, MediaItem media, string culture, DeliveryReads reads)
    {
        reads.Media(media.Key);
        if (media.FocalPoint is { } focal)
        {
            json.WriteStartObject("focalPoint");
            json.WriteNumber("left", focal.X);
            json.WriteNumber("top", focal.Y);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("focalPoint");
        }

        // Umbraco's image cropper lists every crop its data type names, coordinates null where the editor moved none:
        // here the crops are the site's named ones, and each follows the focal point. url?crop={alias} serves one unsigned.
        json.WriteStartArray("crops");
        if (media.Kind == MediaKind.Image && !media.IsFolder)
        {
            foreach (var crop in ImageCrops.All)
            {
                json.WriteStartObject();
                json.WriteString("alias", crop.Alias);
                json.WriteNumber("width", crop.Width);
                json.WriteNumber("height", crop.Height);
                json.WriteNull("coordinates");
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        json.WriteString("id", media.Key);
        json.WriteString("name", media.Name);
        json.WriteString("mediaType", MediaType(media));
        if (media.PublicUrl is { } url)
        {
            json.WriteString("url", url);
        }
        else
        {
            json.WriteNull("url");
        }

        if (media.Format is { } format)
        {
            json.WriteString("extension", format.Extension.TrimStart('.'));
        }
        else
        {
            json.WriteNull("extension");
        }

        WriteNumberOrNull(json, "width", media.Width);
        WriteNumberOrNull(json, "height", media.Height);
        if (media.IsFolder)
        {
            json.WriteNull("bytes");
        }
        else
        {
            json.WriteNumber("bytes", media.Size);
        }

        json.WriteStartObject("properties");
        if (!media.IsFolder)
        {
            json.WriteString("altText", media.Alt(culture));
        }

        json.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}

/// <summary>Formats the Delivery API's JSON shares.</summary>
public static class DeliveryJson
{
    /// <summary>A UTC instant as Umbraco writes dates: ISO 8601 with the offset ("2026-05-11T08:00:00+00:00").</summary>
    public static string Date(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture);
}
