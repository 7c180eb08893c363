using MayorsClub.Core.Applications;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using NodaTime;

namespace MayorsClub.Web.Applications;

/// <summary>
/// A form as the partial <c>_ApplicationForm</c> renders it: the declaration, what was typed and the errors beside it
/// (after a failed POST), the privacy page the consent links to, and, only on pages that are never cached, the
/// antiforgery token and start stamp (cached pages get both from <c>/forms/token</c> through forms.js).
/// </summary>
public sealed record ApplicationFormView(
    ApplicationForm Form,
    string Culture,
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyDictionary<string, FieldError> Errors,
    string? PrivacyUrl,
    Guid? EventKey = null,
    string? Token = null,
    string? Started = null,
    string? Notice = null,
    bool ShowHeading = true)
{
    public const string EventKeyField = "eventKey";

    public string Action => $"/{Culture}/applications/{Form.Name}";

    public string Id(FormField field) => $"{Form.Name}-{field.Name}";

    public string T(string key) => ApplicationTexts.Get(key, Culture);

    public string P(string key) => ApplicationPageText.Get(key, Culture);

    public string? Value(FormField field) => Values.GetValueOrDefault(field.Name);

    public FieldError? Error(FormField field) => Errors.GetValueOrDefault(field.Name);
}

/// <summary>An event page's registration: the form (with the places left when the event has a capacity), or why there is none.</summary>
public sealed record EventRegistrationView(ApplicationFormView? Form, string? Message, string? PlacesLeft);

/// <summary>
/// Which form a published page carries, read from the read model as the page itself is (never the drafts): a content
/// page's "form on the page" property, the contact form on the home page, and an event's registration while open.
/// </summary>
public sealed class PageForms(PublishedSnapshotService snapshots, IntakeEventPlaces places, IClock clock)
{
    /// <summary>
    /// The privacy page the consent box links to: the published page whose URL segment (in either language) is one of
    /// these, as the demo content and the transliteration of «Політика конфіденційності» name it.
    /// </summary>
    public static IReadOnlySet<string> PrivacySegments { get; } =
        new HashSet<string>(["privacy-policy", "privacy", "polityka-konfidentsiinosti", "konfidentsiinist"], StringComparer.OrdinalIgnoreCase);

    public static ApplicationFormView Blank(ApplicationForm form, string culture, string? privacyUrl, Guid? eventKey = null, bool showHeading = true) =>
        new(form, culture, new Dictionary<string, string?>(), new Dictionary<string, FieldError>(), privacyUrl, eventKey, ShowHeading: showHeading);

    /// <summary>The form a content page carries (its <see cref="ContentPage.ApplicationForm"/> property), or null.</summary>
    public ApplicationFormView? ForContentPage(string culture, string? path)
    {
        var (document, view) = Find(culture, path);
        if (document is null || !view.MayReadWhole(document))
        {
            return null;
        }

        var form = ApplicationForms.Find(view.Of(document, culture).Text(ContentPage.ApplicationForm));
        return form is null || form.Name == ApplicationForms.EventName ? null : Blank(form, culture, PrivacyUrl(culture));
    }

    /// <summary>The contact form for the home page's "still have questions" section (its heading is the section's).</summary>
    public ApplicationFormView Contact(string culture) =>
        Blank(ApplicationForms.Contact, culture, PrivacyUrl(culture), showHeading: false);

    /// <summary>An event page's registration: null when the page is not an event or the event has ended.</summary>
    public async Task<EventRegistrationView?> ForEventAsync(string culture, string? path, CancellationToken ct)
    {
        var (document, view) = Find(culture, path);
        if (document is null || document.ContentType != Event.Alias || !view.MayReadWhole(document))
        {
            return null;
        }

        var values = view.Of(document, culture);
        var status = values.Registration(clock.GetCurrentInstant()).Status;
        if (status == RegistrationStatus.Ended)
        {
            return null;
        }

        if (status == RegistrationStatus.Closed)
        {
            return new EventRegistrationView(null, ApplicationPageText.Get(ApplicationPageText.EventClosed, culture), null);
        }

        string? placesLeft = null;
        if (values.Integer(Event.Capacity) is > 0 and var capacity)
        {
            var left = Math.Max(0, capacity - await places.TakenAsync(document.Key, ct));
            if (left == 0)
            {
                return new EventRegistrationView(null, ApplicationPageText.Get(ApplicationPageText.EventFull, culture), null);
            }

            placesLeft = ApplicationPageText.Format(ApplicationPageText.PlacesLeft, culture, left, capacity);
        }

        return new EventRegistrationView(Blank(ApplicationForms.EventRegistration, culture, PrivacyUrl(culture), document.Key), null, placesLeft);
    }

    /// <summary>The privacy page's address in the culture (or the other language's, when it has only that one).</summary>
    public string? PrivacyUrl(string culture) =>
        snapshots.Current.Memo($"applications:privacy:{culture}", snapshot =>
        {
            var page = snapshot.All.FirstOrDefault(d => d.Cultures.Values.Any(c => PrivacySegments.Contains(c.UrlSegment)));
            return page?.Url(culture) ?? page?.Cultures.Values.Select(c => c.Url).FirstOrDefault(u => u is not null) ?? "";
        }) is { Length: > 0 } url ? url : null;

    /// <summary>The page at /{culture}/{path}, as PageController finds it, for an anonymous reader (every cached page is).</summary>
    private (PublishedDocument? Document, PublishedView View) Find(string culture, string? path)
    {
        var view = snapshots.Current.For(Viewer.Anonymous);
        return (Cultures.IsSupported(culture) ? view.GetByUrl(culture, $"/{culture}/{path}") : null, view);
    }
}
