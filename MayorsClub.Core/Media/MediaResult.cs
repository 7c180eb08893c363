using MayorsClub.Core.Content;

namespace MayorsClub.Core.Media;

/// <summary>One reason a media operation was refused, with the field it concerns.</summary>
public sealed record MediaError(string Code, string? Field = null, IReadOnlyList<string>? Args = null)
{
    /// <summary>The message in the given UI language (uk or en).</summary>
    public string Message(string uiCulture = Cultures.English) => MediaMessages.Format(Code, uiCulture, Args ?? []);

    public override string ToString() => $"{Code}{(Field is null ? "" : $" [{Field}]")}: {Message()}";
}

/// <summary>How a media operation ended.</summary>
public enum MediaStatus
{
    Success,
    NotFound,
    Invalid,

    /// <summary>The file is not an accepted format (or is SVG, or a damaged image).</summary>
    UnsupportedType,

    /// <summary>The file is larger than its kind allows.</summary>
    TooLarge,

    /// <summary>Someone else changed the item since the version the editor started from.</summary>
    Conflict,

    /// <summary>Documents use the file: delete again with the confirmation to go ahead (the usages are listed).</summary>
    InUse,

    /// <summary>The change needs rights the caller does not have (publishing rights, for what the public sees).</summary>
    Forbidden,
}

/// <summary>The outcome of a media operation: a status, the errors if refused, the item after it, and the usages that stopped a delete.</summary>
public sealed record MediaResult(MediaStatus Status, IReadOnlyList<MediaError> Errors, MediaItem? Item = null, IReadOnlyList<MediaUsage>? Usages = null)
{
    public bool Succeeded => Status == MediaStatus.Success;

    public static MediaResult Ok(MediaItem? item) => new(MediaStatus.Success, [], item);

    public static MediaResult NotFound(string code = MediaMessages.NotFound) => new(MediaStatus.NotFound, [new MediaError(code)]);

    public static MediaResult Invalid(params MediaError[] errors) => new(MediaStatus.Invalid, errors);

    public static MediaResult Refused(MediaStatus status, MediaError error) => new(status, [error]);

    public static MediaResult Forbidden(string code) => new(MediaStatus.Forbidden, [new MediaError(code)]);

    public static MediaResult Conflict(int currentVersion) =>
        new(MediaStatus.Conflict, [new MediaError(MediaMessages.Conflict, Args: [currentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)])]);
}

/// <summary>A focal point: the part of an image crops keep, as fractions from the left and from the top (0..1).</summary>
public readonly record struct FocalPoint(double X, double Y)
{
    public bool IsValid => X is >= 0 and <= 1 && Y is >= 0 and <= 1;
}

/// <summary>A folder or a file of the media library, as the back office, the media picker and the APIs see it.</summary>
public sealed record MediaItem(
    Guid Key,
    Guid? ParentKey,
    bool IsFolder,
    string Name,
    string? FileName,
    MediaFormat? Format,
    long Size,
    int? Width,
    int? Height,
    FocalPoint? FocalPoint,
    IReadOnlyDictionary<string, string> AltText,
    bool MembersOnly,
    int Version,
    DateTime CreatedUtc,
    string CreatedBy,
    DateTime UpdatedUtc,
    string? FileToken)
{
    public MediaKind? Kind => Format?.Kind;

    public string? ContentType => Format?.ContentType;

    /// <summary>The alternative text in a culture, falling back to the other culture, then empty.</summary>
    public string Alt(string culture) =>
        AltText.GetValueOrDefault(culture) ?? AltText.Values.FirstOrDefault() ?? "";

    /// <summary>The public address of the file (/media/{key}/{name}?v=…), or null for folders and members-only files.</summary>
    public string? PublicUrl => IsFolder || MembersOnly || FileName is null || FileToken is null ? null : MediaUrls.Public(Key, FileName, FileToken);

    /// <summary>Where the bytes are under the media folder; internal, so no API or page ever shows it.</summary>
    internal string? StoragePath { get; init; }
}

/// <summary>A document whose draft or published values refer to a media item.</summary>
public sealed record MediaUsage(Guid DocumentKey, IReadOnlyDictionary<string, string> Names, bool InDraft, bool InPublished, bool Trashed)
{
    /// <summary>Whether the document is published in at least one culture.</summary>
    public bool AnyCulturePublished { get; init; }

    /// <summary>Whether visitors see the item through this document: its published values hold it, and it is published and not in the recycle bin.</summary>
    public bool Live => InPublished && AnyCulturePublished && !Trashed;

    public string Name(string culture) => Names.GetValueOrDefault(culture) ?? Names.Values.FirstOrDefault() ?? DocumentKey.ToString();
}
