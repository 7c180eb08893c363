using MayorsClub.Core.Announcements;
using MayorsClub.Core.Content;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.Forms;
using MayorsClub.Web.Site;
using MayorsClub.Web.Site.Rendering;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MayorsClub.Web.Announcements;

/// <summary>
/// Subscribing to announcements (the box's POST, its fallback page and "check your inbox"), confirming from the e-mail's
/// link (a page with a button: mail scanners follow GET links, so only the POST confirms) and unsubscribing (a page with
/// a button, and the same address as the RFC 8058 one-click POST that mail providers send without cookies or token).
/// Never cached: each answer is about one visitor's subscription.
/// </summary>
[AllowAnonymous]
[AutoValidateAntiforgeryToken]
public sealed class SubscriptionController(
    Subscriptions subscriptions,
    SubscribeLimiter limiter,
    FormTiming timing,
    IAntiforgery antiforgery,
    IOptions<AnnouncementOptions> options) : Controller
{
    private const string CultureRoute = "{culture:regex(^(uk|en)$)}/announcements";

    public sealed class SubscribeForm
    {
        public string? Email { get; set; }
    }

    /// <param name="Note">Shown above the form: why it came back (no token, a wrong address, too many attempts).</param>
    public sealed record SubscribePage(string Culture, string Email, string? Note, bool IsError, string Token, string Started);

    /// <param name="Token">For the pages with a button: the link's token, posted back.</param>
    /// <param name="Action">Where the button posts; null for a page without one.</param>
    public sealed record MessagePage(string Culture, string Title, string Text, string? Action = null, string? Button = null, string? Token = null);

    [HttpGet(CultureRoute + "/subscribe")]
    public IActionResult Subscribe(string culture) => SubscribeView(culture, "", null, false, StatusCodes.Status200OK);

    [HttpPost(CultureRoute + "/subscribe")]
    [IgnoreAntiforgeryToken] // checked below: a missing token gets the form again, not an error
    public async Task<IActionResult> Subscribe(string culture, SubscribeForm form, CancellationToken ct)
    {
        var email = (form.Email ?? "").Trim();
        if (email.Length > Subscriptions.MaxEmailLength)
        {
            email = email[..Subscriptions.MaxEmailLength];
        }

        if (limiter.ForClient(HttpContext) is { } wait)
        {
            return TooMany(culture, email, wait);
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            // Without JavaScript the box has no token: the same form again with one, nothing stored.
            return SubscribeView(culture, email, AnnouncementsText.SendAgain, false, StatusCodes.Status400BadRequest);
        }

        var started = timing.SecondsSince(Request.Form[PublicForms.StartedField]);
        if (started is null)
        {
            return SubscribeView(culture, email, AnnouncementsText.SendAgain, false, StatusCodes.Status400BadRequest);
        }

        if (!string.IsNullOrEmpty(Request.Form[PublicForms.HoneypotField]) || started < options.Value.MinimumFillSeconds)
        {
            // A bot: it is told what a person would be, and nothing is stored or sent.
            return SeeOther(AnnouncementPages.SubscribedPath(culture));
        }

        if (Subscriptions.NormaliseEmail(email) is null)
        {
            return SubscribeView(culture, email, AnnouncementsText.EmailInvalid, true, StatusCodes.Status400BadRequest);
        }

        if (limiter.ForEmail(email) is { } emailWait)
        {
            return TooMany(culture, email, emailWait);
        }

        await subscriptions.SubscribeAsync(email, culture, ct);
        return SeeOther(AnnouncementPages.SubscribedPath(culture));
    }

    [HttpGet(CultureRoute + "/subscribed")]
    public IActionResult Subscribed(string culture) =>
        Message(new MessagePage(culture, T(AnnouncementsText.CheckInboxTitle, culture), T(AnnouncementsText.CheckInboxText, culture)));

    [HttpGet(CultureRoute + "/confirm")]
    public async Task<IActionResult> Confirm(string culture, string? token, CancellationToken ct)
    {
        var subscription = await subscriptions.FindAsync(token, ct);
        if (subscription is null || subscription.Unsubscribed)
        {
            return LinkInvalid(culture);
        }

        if (subscription.Confirmed)
        {
            return Confirmed(culture, subscription);
        }

        return Message(new MessagePage(culture, T(AnnouncementsText.ConfirmTitle, culture),
            AnnouncementsText.Format(AnnouncementsText.ConfirmText, culture, subscription.Email),
            AnnouncementPages.ConfirmPath(culture), T(AnnouncementsText.ConfirmButton, culture), token));
    }

    [HttpPost(CultureRoute + "/confirm")]
    public async Task<IActionResult> ConfirmPost(string culture, [FromForm] string? token, CancellationToken ct)
    {
        var (outcome, subscription) = await subscriptions.ConfirmAsync(token, ct);
        return outcome == ConfirmOutcome.Invalid ? LinkInvalid(culture) : Confirmed(culture, subscription!);
    }

    [HttpGet(AnnouncementPages.UnsubscribePath)]
    public async Task<IActionResult> Unsubscribe(string? token, CancellationToken ct)
    {
        var subscription = await subscriptions.FindAsync(token, ct);
        if (subscription is null)
        {
            return LinkInvalid(CultureSelector.Preferred(Request));
        }

        var culture = subscription.Culture;
        if (subscription.Unsubscribed)
        {
            return Unsubscribed(subscription);
        }

        return Message(new MessagePage(culture, T(AnnouncementsText.UnsubscribeTitle, culture),
            AnnouncementsText.Format(AnnouncementsText.UnsubscribeText, culture, subscription.Email),
            $"{AnnouncementPages.UnsubscribePath}?token={Uri.EscapeDataString(token!)}", T(AnnouncementsText.UnsubscribeButton, culture)));
    }

    /// <summary>
    /// RFC 8058 one-click unsubscribe, and the unsubscribe page's button (which posts the same body). Mail providers send
    /// it without cookies or antiforgery token; the link's token is the proof, and the body must say
    /// <c>List-Unsubscribe=One-Click</c>.
    /// </summary>
    [HttpPost(AnnouncementPages.UnsubscribePath)]
    [IgnoreAntiforgeryToken] // RFC 8058: mail providers post without cookies; the link's token and the body are the check
    public async Task<IActionResult> UnsubscribePost(string? token, CancellationToken ct)
    {
        var oneClick = Request.HasFormContentType
            && (await Request.ReadFormAsync(ct)).TryGetValue("List-Unsubscribe", out var value) && value == "One-Click";
        var subscription = oneClick ? await subscriptions.UnsubscribeAsync(token, ct) : null;
        return subscription is null ? LinkInvalid(CultureSelector.Preferred(Request)) : Unsubscribed(subscription);
    }

    private static string T(string key, string culture) => AnnouncementsText.Get(key, culture);

    private ViewResult Confirmed(string culture, SubscriptionView subscription) =>
        Message(new MessagePage(culture, T(AnnouncementsText.ConfirmedTitle, culture),
            AnnouncementsText.Format(AnnouncementsText.ConfirmedText, culture, subscription.Email)));

    private ViewResult Unsubscribed(SubscriptionView subscription) =>
        Message(new MessagePage(subscription.Culture, T(AnnouncementsText.UnsubscribedTitle, subscription.Culture),
            AnnouncementsText.Format(AnnouncementsText.UnsubscribedText, subscription.Culture, subscription.Email)));

    private ViewResult LinkInvalid(string culture) =>
        Message(new MessagePage(culture, T(AnnouncementsText.LinkInvalidTitle, culture), T(AnnouncementsText.LinkInvalidText, culture)),
            StatusCodes.Status400BadRequest);

    private ViewResult TooMany(string culture, string email, TimeSpan wait)
    {
        Infrastructure.TooManyRequests.SetRetryAfter(Response, wait);
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        return SubscribeView(culture, email, AnnouncementsText.Format(AnnouncementsText.TooMany, culture, minutes), true, StatusCodes.Status429TooManyRequests, formatted: true);
    }

    private ViewResult SubscribeView(string culture, string email, string? note, bool isError, int status, bool formatted = false)
    {
        // This page is never cached, so its form carries its own token and start time.
        var tokens = antiforgery.GetAndStoreTokens(HttpContext);
        // After a POST the address typed comes back with the form: sending it again at once is a person's click (FormTiming.IssueAsOf).
        var started = HttpMethods.IsPost(Request.Method) ? timing.IssueAsOf(options.Value.MinimumFillSeconds) : timing.Issue();
        var page = new SubscribePage(culture, email, note is null ? null : formatted ? note : T(note, culture), isError, tokens.RequestToken!, started);
        return Page(culture, "Subscribe.cshtml", page, T(AnnouncementsText.SubscribeTitle, culture), status);
    }

    private ViewResult Message(MessagePage page, int status = StatusCodes.Status200OK) => Page(page.Culture, "Message.cshtml", page, page.Title, status);

    /// <summary>303: the browser shows the page with a GET, so a reload does not send the form again.</summary>
    private StatusCodeResult SeeOther(string path)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Location = path;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>A page in the site's layout (navigation, footer); the language switch goes to the other language's home page.</summary>
    private ViewResult Page(string culture, string view, object model, string title, int status)
    {
        Response.Headers.CacheControl = "no-store";
        // A link's token may be in the address: keep it out of the Referer of any link followed from here.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        var now = HttpContext.RequestServices.GetRequiredService<IClock>().GetCurrentInstant();
        SiteLayout layout;
        try
        {
            layout = SiteLayoutBuilder.ForStatusPage(HttpContext.RequestServices.GetRequiredService<PublishedSnapshotService>().Current, culture, now, title, title);
        }
        catch (InvalidOperationException)
        {
            layout = SiteLayoutBuilder.Minimal(culture, now.InUtc().Year, title, title);
        }

        ViewData[nameof(SiteLayout)] = layout;
        ViewData["Culture"] = culture;
        var result = View(AnnouncementPages.Views + view, model);
        result.StatusCode = status;
        return result;
    }
}
