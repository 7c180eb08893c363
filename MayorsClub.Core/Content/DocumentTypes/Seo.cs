namespace MayorsClub.Core.Content.DocumentTypes;

/// <summary>Properties every page has for search engines and sharing.</summary>
internal static class Seo
{
    public const string MetaDescription = "metaDescription";

    public static PropertyType MetaDescriptionProperty { get; } =
        new(MetaDescription, "Meta description", PropertyEditor.TextArea) { VariesByCulture = true, MaxLength = 300, Group = "SEO" };
}
