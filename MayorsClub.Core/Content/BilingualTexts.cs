using System.Globalization;

namespace MayorsClub.Core.Content;

/// <summary>
/// A catalogue of texts by key, each in Ukrainian and English; every message and interface text of the site is kept
/// in one. An unknown key reads as itself, so a missing text shows up plainly instead of failing the page; tests
/// check that every key has both languages.
/// </summary>
public sealed class BilingualTexts(Dictionary<string, (string Uk, string En)> texts)
{
    public IEnumerable<string> Keys => texts.Keys;

    public bool Contains(string key) => texts.ContainsKey(key);

    public string Get(string key, string culture) =>
        texts.TryGetValue(key, out var text) ? (culture == Cultures.Ukrainian ? text.Uk : text.En) : key;

    /// <summary>A text with "{0}"-style placeholders, filled in (numbers and dates as the caller formatted them).</summary>
    public string Format(string key, string culture, params object?[] args) =>
        args.Length == 0 ? Get(key, culture) : string.Format(CultureInfo.InvariantCulture, Get(key, culture), args);

    public bool HasBothLanguages(string key) =>
        texts.TryGetValue(key, out var text) && text.Uk.Length > 0 && text.En.Length > 0;
}
