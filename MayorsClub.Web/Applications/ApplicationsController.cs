using MayorsClub.Core.Applications;
using MayorsClub.Core.Content;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.Forms;
using MayorsClub.Web.Site;
using MayorsClub.Web.Site.Rendering;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MayorsClub.Web.Applications;

/// <summary>
/// The public forms' POST and the confirmation page. Spam is turned away in this order: the rate limit per address
/// (429), the antiforgery token (missing or invalid: the form again with what was typed, nothing stored), the honeypot
/// and the minimum fill time (answered like a success, nothing stored or sent). Then <see cref="ApplicationIntake"/>
/// stores the submission, or the form comes back with the messages beside the fields.
/// </summary>
[IgnoreAntiforgeryToken] // checked in Submit: a missing token gets the form again with what was typed, not an error
public sealed class ApplicationsController(
    ApplicationIntake intake,
    PageForms pageForms,
    ThanksLinks thanks,
    IAntiforgery antiforgery,
    FormTiming timing,
    IOptions<ApplicationFormOptions> options,
    PublishedSnapshotService snapshots,
    IClock clock,
    ILogger<ApplicationsController> logger) : Controller
{
    public const string CultureRoute = "{culture:regex(^(uk|en)$)}/applications";

    [HttpPost(CultureRoute + "/{form}")]
    [EnableRateLimiting(ApplicationFormsSetup.SubmitRateLimit)]
    [RequestSizeLimit(64 * 1024)]
    public async Task<IActionResult> Submit(string culture, string form, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var declaration = ApplicationForms.Find(form);
        if (declaration is null || !Request.HasFormContentType)
        {
            return StatusPage(culture, declaration is null ? "NotFound" : "BadRequest",
                declaration is null ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest);
        }

        var posted = await Request.ReadFormAsync(ct);
        var values = declaration.Fields.ToDictionary(f => f.Name, f => (string?)posted[f.Name].ToString(), StringComparer.Ordinal);
        var eventKey = Guid.TryParse(posted[ApplicationFormView.EventKeyField], out var key) ? key : (Guid?)null;
        var started = posted[PublicForms.StartedField].ToString();
        var view = new ApplicationFormView(declaration, culture, values, new Dictionary<string, FieldError>(), pageForms.PrivacyUrl(culture), eventKey);

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            // Sent without JavaScript (or from a page kept too long): the form again, with what was typed, ready to send.
            return FormPage(view with { Notice = view.P(ApplicationPageText.Resend) }, StatusCodes.Status400BadRequest, keepStarted: started);
        }

        if (posted[PublicForms.HoneypotField].ToString().Length > 0
            || timing.SecondsSince(started) is not { } seconds
            || seconds < options.Value.MinimumFillSeconds)
        {
            logger.LogInformation("A {Form} form was refused quietly as spam (honeypot or fill time)", declaration.Name);
            var year = clock.GetCurrentInstant().InUtc().Year;
            return SeeOther(thanks.Url(culture, declaration.Name, ApplicationIntake.ReferenceOf(year, Random.Shared.Next(1, 10000))));
        }

        var result = await intake.SubmitAsync(declaration, culture, values, eventKey, ct);
        return result switch
        {
            IntakeResult.Accepted accepted => SeeOther(thanks.Url(culture, declaration.Name, accepted.Reference)),
            IntakeResult.Invalid invalid => FormPage(view with { Errors = invalid.Errors }, StatusCodes.Status400BadRequest, started),
            IntakeResult.EventClosed => FormPage(view with { Notice = view.P(ApplicationPageText.EventClosed) }, StatusCodes.Status409Conflict, started, formToo: false),
            IntakeResult.EventFull { Remaining: > 0 } full => FormPage(
                view with { Notice = ApplicationPageText.Format(ApplicationPageText.EventTooFew, culture, full.Remaining) }, StatusCodes.Status409Conflict, started),
            IntakeResult.EventFull => FormPage(view with { Notice = view.P(ApplicationPageText.EventFull) }, StatusCodes.Status409Conflict, started, formToo: false),
            _ => FormPage(view with { Notice = view.P(ApplicationPageText.EventUnknown) }, StatusCodes.Status404NotFound, started, formToo: false),
        };
    }

    /// <summary>
    /// The form on a page of its own (a reload of the page a failed POST answered, or a link): never cached, with its
    /// token in it. An event registration belongs on its event's page.
    /// </summary>
    [HttpGet(CultureRoute + "/{form:regex(^(membership|partnership|contact)$)}")]
    public IActionResult Blank(string culture, string form)
    {
        Response.Headers.CacheControl = "no-store";
        var declaration = ApplicationForms.Find(form)!;
        return FormPage(PageForms.Blank(declaration, culture, pageForms.PrivacyUrl(culture)), StatusCodes.Status200OK, keepStarted: null);
    }

    [HttpGet(CultureRoute + "/thanks")]
    public IActionResult Thanks(string culture, [FromQuery(Name = ThanksLinks.Parameter)] string? sealedReference)
    {
        Response.Headers.CacheControl = "no-store";
        if (thanks.Read(sealedReference) is not { } given || ApplicationForms.Find(given.Form) is null)
        {
            return StatusPage(culture, "NotFound", StatusCodes.Status404NotFound);
        }

        var title = ApplicationPageText.Get(ApplicationPageText.ThanksTitle, culture);
        return Page("Thanks", new ThanksPage(culture, title, given.Reference, ApplicationPageText.Get(ApplicationPageText.Next(given.Form), culture)), title, StatusCodes.Status200OK);
    }

    public sealed record ThanksPage(string Culture, string Title, string Reference, string Next);

    /// <summary>The form on a page of its own (not cached): a fresh token and start stamp in it, so it can be sent as it is.</summary>
    public sealed record FormPageModel(ApplicationFormView Form, string Title, string? Intro, string? EventName, bool ShowForm);

    private ViewResult FormPage(ApplicationFormView view, int status, string? keepStarted, bool formToo = true)
    {
        var tokens = antiforgery.GetAndStoreTokens(HttpContext);
        // A POST brings what the visitor typed back with the form: they have filled it in already (see FormTiming.IssueAsOf).
        var started = timing.SecondsSince(keepStarted) is not null ? keepStarted
            : HttpMethods.IsPost(Request.Method) ? timing.IssueAsOf(options.Value.MinimumFillSeconds)
            : timing.Issue();
        var eventName = view.EventKey is { } key && snapshots.Current.For(Viewer.Anonymous).Get(key) is { } item ? item.Name(view.Culture) : null;
        var title = view.T(view.Form.TitleKey);
        var model = new FormPageModel(view with { Token = tokens.RequestToken, Started = started, ShowHeading = false }, title,
            view.T(view.Form.IntroKey), eventName, formToo);
        return Page("Form", model, eventName is null ? title : $"{title}: {eventName}", status);
    }

    private StatusCodeResult SeeOther(string url)
    {
        Response.Headers.Location = url;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private ViewResult StatusPage(string culture, string view, int status)
    {
        var result = View(view, new NotFoundViewModel(Cultures.IsSupported(culture) ? culture : Cultures.Default));
        result.StatusCode = status;
        return result;
    }

    /// <summary>A page in the site's layout (not indexed; the language switch goes to the other language's home page).</summary>
    private ViewResult Page(string view, object model, string title, int status)
    {
        var culture = RouteData.Values["culture"] as string is { } c && Cultures.IsSupported(c) ? c : Cultures.Default;
        var now = clock.GetCurrentInstant();
        SiteLayout layout;
        try
        {
            layout = SiteLayoutBuilder.ForStatusPage(snapshots.Current, culture, now, title, title);
        }
        catch (InvalidOperationException)
        {
            layout = SiteLayoutBuilder.Minimal(culture, now.InUtc().Year, title, title);
        }

        ViewData[nameof(SiteLayout)] = layout;
        ViewData["Culture"] = culture;
        var result = View(view, model);
        result.StatusCode = status;
        return result;
    }
}
