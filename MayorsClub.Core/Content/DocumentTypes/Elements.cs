namespace MayorsClub.Core.Content.DocumentTypes;

/// <summary>Element types used by block lists.</summary>
public static class Elements
{
    /// <summary>A person speaking at a session or event.</summary>
    public static ElementType Speaker { get; } = new("speaker", "Speaker",
    [
        new("name", "Name", PropertyEditor.Text) { Required = true, MaxLength = 120 },
        new("role", "Role", PropertyEditor.Text) { MaxLength = 200 },
        new("organisation", "Organisation", PropertyEditor.Text) { MaxLength = 200 },
        new("photo", "Photo", PropertyEditor.MediaPicker),
    ]);

    /// <summary>A short point in a list (a mission, a privilege).</summary>
    public static ElementType ListItem { get; } = new("listItem", "List item",
    [
        new("text", "Text", PropertyEditor.TextArea) { Required = true, MaxLength = 600 },
    ]);

    /// <summary>A service the club offers its members.</summary>
    public static ElementType Service { get; } = new("service", "Service",
    [
        new("title", "Title", PropertyEditor.Text) { Required = true, MaxLength = 200 },
        new("description", "Description", PropertyEditor.TextArea) { MaxLength = 1000 },
    ]);
}
