namespace MayorsClub.Core.Content;

/// <summary>How a property is edited and what JSON value it stores.</summary>
public enum PropertyEditor
{
    /// <summary>One line of text: a JSON string.</summary>
    Text,
    /// <summary>Plain text over several lines: a JSON string.</summary>
    TextArea,
    /// <summary>HTML, sanitized on save: a JSON string.</summary>
    RichText,
    /// <summary>A calendar date: "yyyy-MM-dd".</summary>
    Date,
    /// <summary>A local date-time in an IANA zone: {"local":"yyyy-MM-ddTHH:mm","zone":"Europe/Kyiv"}.</summary>
    DateTimeZoned,
    /// <summary>A JSON number.</summary>
    Number,
    /// <summary>A JSON boolean.</summary>
    TrueFalse,
    /// <summary>Media item keys: a JSON array of GUID strings.</summary>
    MediaPicker,
    /// <summary>Document keys: a JSON array of GUID strings.</summary>
    ContentPicker,
    /// <summary>A JSON array of short strings.</summary>
    Tags,
    /// <summary>An absolute http(s) URL: a JSON string.</summary>
    Url,
    /// <summary>One of a fixed list of option values: a JSON string.</summary>
    Dropdown,
    /// <summary>Repeatable blocks of an element type: a JSON array of objects.</summary>
    BlockList,
}
