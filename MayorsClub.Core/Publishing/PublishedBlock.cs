using System.Text.Json;
using MayorsClub.Core.Content;

namespace MayorsClub.Core.Publishing;

/// <summary>One block of a block list (a speaker, a list item), read by its element type's properties through the access rule.</summary>
public sealed class PublishedBlock
{
    private readonly PublishedView _view;
    private readonly JsonElement _value;
    private readonly ElementType? _element;

    internal PublishedBlock(PublishedView view, JsonElement value, ElementType? element)
    {
        _view = view;
        _value = value;
        _element = element;
    }

    /// <summary>The element type's alias ("speaker"), or null when the property names none.</summary>
    public string? ElementType => _element?.Alias;

    /// <summary>A text property of the block without surrounding white space; null when empty.</summary>
    public string? Text(string alias) => PublishedJson.Text(Raw(alias));

    /// <summary>The keys a picker of the block holds, in the editor's order.</summary>
    public IReadOnlyList<Guid> Keys(string alias) => PublishedJson.Keys(Raw(alias));

    /// <summary>The first picked media item that is a public image (a speaker's photo), or null.</summary>
    public PublishedMedia? FirstImage(string alias) => _view.FirstImageOf(Keys(alias));

    private JsonElement Raw(string alias) =>
        PublishedAccess.MayRead(_view.Viewer, PublishedAccess.PropertyOf(_element, alias)) && _value.TryGetProperty(alias, out var value)
            ? value
            : default;
}
