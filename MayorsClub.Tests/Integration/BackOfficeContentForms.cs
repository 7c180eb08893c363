using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// Reads a back-office page's form the way a browser would (every field with its current value, the antiforgery
/// token included), so a test can change a few fields and send the rest as they were.
/// </summary>
public sealed class BackOfficeContentForm
{
    private readonly List<KeyValuePair<string, string>> _fields;

    private BackOfficeContentForm(string action, List<KeyValuePair<string, string>> fields)
    {
        Action = action;
        _fields = fields;
    }

    public string Action { get; }

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The form matching the selector on the page, with its values.</summary>
    public static BackOfficeContentForm Of(string html, string selector = "#ce-form")
    {
        var document = Parse(html);
        var form = document.QuerySelector<IHtmlFormElement>(selector) ?? throw new AssertionException($"No form {selector} on the page");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked)
                    {
                        break;
                    }

                    if (input.Type is "submit" or "button")
                    {
                        break;
                    }

                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    var chosen = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    if (chosen is not null)
                    {
                        fields.Add(new(select.Name, chosen.Value));
                    }

                    break;
            }
        }

        return new BackOfficeContentForm(form.GetAttribute("action") ?? "", fields);
    }

    public string? this[string name] => _fields.FirstOrDefault(f => f.Key == name).Value;

    /// <summary>Replaces a field's value (or adds the field).</summary>
    public BackOfficeContentForm Set(string name, string value)
    {
        _fields.RemoveAll(f => f.Key == name);
        _fields.Add(new(name, value));
        return this;
    }

    /// <summary>Ticks or unticks one value of a checkbox group.</summary>
    public BackOfficeContentForm Tick(string name, string value, bool on = true)
    {
        _fields.RemoveAll(f => f.Key == name && f.Value == value);
        if (on)
        {
            _fields.Add(new(name, value));
        }

        return this;
    }

    public Task<HttpResponseMessage> PostAsync(HttpClient client, string? formAction = null) =>
        client.PostAsync(formAction ?? Action, new FormUrlEncodedContent(_fields));

    /// <summary>The text of the element with the id, or null.</summary>
    public static string? TextOf(string html, string id) => Parse(html).GetElementById(id)?.TextContent.Trim();
}
