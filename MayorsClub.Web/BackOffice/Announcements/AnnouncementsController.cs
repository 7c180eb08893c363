using MayorsClub.Core.Announcements;
using MayorsClub.Core.Content;
using MayorsClub.Core.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MayorsClub.Web.BackOffice.Announcements;

/// <summary>
/// The announcements section (editors and administrators): announcements written for the subscribers of one language,
/// their preview, a test to the editor, the sending; the subscribers (counts, list, removal on request); and a partner
/// entry drafted from an approved partnership application.
/// </summary>
[Authorize(Policy = BackOfficeSecurity.Publish)]
public sealed class AnnouncementsController(AnnouncementEditor announcements, PartnerDrafts partners, UserManager<BackOfficeUser> users) : BackOfficeController
{
    public const string Path = "/umbraco/announcements";
    public const string SubscribersPath = Path + "/subscribers";
    public const int PageSize = 50;

    /// <summary>POST here (with the back office's antiforgery token) to draft a partner entry from an approved partnership application.</summary>
    public static string PartnerFromApplicationPath(Guid applicationKey) => $"{Path}/partner-from-application/{applicationKey}";

    public sealed class AnnouncementForm
    {
        public string? Culture { get; set; }
        public string? Subject { get; set; }
        public string? Text { get; set; }
    }

    public sealed record ListPage(string UiCulture, IReadOnlyList<AnnouncementSummary> Announcements, IReadOnlyList<SubscriberCount> Counts, string? Notice);

    /// <param name="Announcement">Null while composing a new one.</param>
    /// <param name="Errors">Messages by field (culture, subject, text) and "form".</param>
    public sealed record EditPage(string UiCulture, AnnouncementSummary? Announcement, AnnouncementForm Form, IReadOnlyDictionary<string, string> Errors,
        string? Notice, string? EditorEmail, int Recipients, (string Subject, string Text, string Html)? Preview);

    public sealed record SubscribersPage(string UiCulture, IReadOnlyList<SubscriberSummary> Subscribers, IReadOnlyList<SubscriberCount> Counts, int Total,
        int Page, int Pages, string? Culture, string? Text, string? Notice);

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        base.OnActionExecuting(context);
        ViewData["Section"] = "announcements";
    }

    [HttpGet(Path)]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new ListPage(UiCulture, await announcements.ListAsync(ct), await announcements.CountSubscribersAsync(ct), null));

    /// <param name="fill">"events": the text drafted from the upcoming published events of the language.</param>
    [HttpGet(Path + "/compose")]
    public IActionResult Compose([FromQuery] string? culture, [FromQuery] string? fill)
    {
        var language = Cultures.IsSupported(culture) ? culture! : UiCulture;
        var form = new AnnouncementForm { Culture = language };
        string? notice = null;
        if (fill == "events")
        {
            form.Subject = AnnouncementsText.Get(AnnouncementsText.UpcomingSubject, language);
            form.Text = UpcomingEventsText(language);
            notice = form.Text is null ? Text(AnnouncementsText.NoUpcomingEvents) : null;
        }

        return View("Edit", NewPage(form, NoErrors) with { Notice = notice });
    }

    [HttpPost(Path + "/compose")]
    public async Task<IActionResult> Compose(AnnouncementForm form, CancellationToken ct)
    {
        var result = await announcements.CreateAsync(form.Culture, form.Subject, form.Text, CurrentUser, ct);
        return result.Succeeded
            ? Done(result.Key!.Value, "created")
            : Refused(NewPage(form, ErrorsOf(result)), StatusCodes.Status400BadRequest);
    }

    [HttpGet(Path + "/{key:guid}")]
    public async Task<IActionResult> Details(Guid key, string? done, CancellationToken ct)
    {
        if (await announcements.GetAsync(key, ct) is not { } announcement)
        {
            return NotFoundPage();
        }

        var notice = done switch
        {
            "created" => Text(AnnouncementsText.DoneCreated),
            "saved" => Text(AnnouncementsText.DoneSaved),
            "test" => AnnouncementsText.Format(AnnouncementsText.DoneTest, UiCulture, await EditorEmailAsync() ?? ""),
            "sent" => AnnouncementsText.Format(AnnouncementsText.DoneSent, UiCulture, announcement.Recipients),
            _ => null,
        };
        return View("Edit", await PageOfAsync(announcement, FormOf(announcement), NoErrors, notice, ct));
    }

    [HttpPost(Path + "/{key:guid}")]
    public async Task<IActionResult> Details(Guid key, AnnouncementForm form, CancellationToken ct)
    {
        var result = await announcements.UpdateAsync(key, form.Culture, form.Subject, form.Text, ct);
        return result.Status switch
        {
            AnnouncementStatus.Done => Done(key, "saved"),
            AnnouncementStatus.NotFound => NotFoundPage(),
            _ => await RefusedAsync(key, form, result, ct),
        };
    }

    [HttpPost(Path + "/{key:guid}/test")]
    public async Task<IActionResult> SendTest(Guid key, CancellationToken ct)
    {
        if (await EditorEmailAsync() is not { } email)
        {
            return await RefusedAsync(key, null, new AnnouncementResult(AnnouncementStatus.Invalid, key,
                Errors: new Dictionary<string, string> { ["form"] = AnnouncementsText.NoOwnEmail }), ct);
        }

        var result = await announcements.SendTestAsync(key, email, ct);
        return result.Succeeded ? Done(key, "test") : NotFoundPage();
    }

    [HttpPost(Path + "/{key:guid}/send")]
    public async Task<IActionResult> Send(Guid key, CancellationToken ct)
    {
        var result = await announcements.SendAsync(key, CurrentUser, ct);
        return result.Status switch
        {
            AnnouncementStatus.Done => Done(key, "sent"),
            AnnouncementStatus.NotFound => NotFoundPage(),
            _ => await RefusedAsync(key, null, result, ct),
        };
    }

    [HttpGet(SubscribersPath)]
    public async Task<IActionResult> Subscribers([FromQuery] string? culture, [FromQuery] string? q, [FromQuery] string? done,
        [FromQuery] int page = 1, CancellationToken ct = default)
    {
        var language = Cultures.IsSupported(culture) ? culture : null;
        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 200)];
        // Bounded so the offset cannot overflow; a page past the end is brought back to the last one below.
        var current = Math.Clamp(page, 1, int.MaxValue / PageSize);
        var (items, total) = await announcements.ListSubscribersAsync(language, text, (current - 1) * PageSize, PageSize, ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (current > pages)
        {
            current = pages;
            (items, total) = await announcements.ListSubscribersAsync(language, text, (current - 1) * PageSize, PageSize, ct);
        }

        return View(new SubscribersPage(UiCulture, items, await announcements.CountSubscribersAsync(ct), total, current, pages, language, text,
            done == "removed" ? Text(AnnouncementsText.DoneRemoved) : null));
    }

    [HttpPost(SubscribersPath + "/{id:long}/remove")]
    public async Task<IActionResult> RemoveSubscriber(long id, CancellationToken ct) =>
        await announcements.RemoveSubscriberAsync(id, CurrentUser, ct)
            ? LocalRedirect($"{SubscribersPath}?done=removed")
            : NotFoundPage();

    /// <summary>Drafts the partner entry of an approved partnership application and opens it in the content editor.</summary>
    [HttpPost(Path + "/partner-from-application/{key:guid}")]
    public async Task<IActionResult> PartnerFromApplication(Guid key, CancellationToken ct)
    {
        var result = await partners.CreateFromApplicationAsync(key, CurrentUser, ct);
        if (result.Succeeded)
        {
            return LocalRedirect($"{MayorsClub.Web.BackOffice.Content.ContentController.BasePath}/{result.DocumentKey}");
        }

        var (message, status) = result.Status switch
        {
            PartnerDraftStatus.ApplicationNotFound => (Text(AnnouncementsText.NotFound), StatusCodes.Status404NotFound),
            PartnerDraftStatus.NotAnApprovedPartnership => (Text(AnnouncementsText.PartnerNotApproved), StatusCodes.Status409Conflict),
            PartnerDraftStatus.NoPartnersDirectory => (Text(AnnouncementsText.PartnerNoDirectory), StatusCodes.Status409Conflict),
            _ => (AnnouncementsText.Format(AnnouncementsText.PartnerFailed, UiCulture,
                string.Join("; ", (result.Errors ?? []).Select(e => e.Message(UiCulture)))), StatusCodes.Status400BadRequest),
        };
        var view = View("Message", message);
        view.StatusCode = status;
        return view;
    }

    /// <summary>The upcoming events anyone may read in the language, soonest first: name, when, and the page's address; null when there are none.</summary>
    private string? UpcomingEventsText(string culture)
    {
        var services = HttpContext.RequestServices;
        var view = services.GetRequiredService<Core.Publishing.PublishedSnapshotService>().Current.For(Core.Publishing.Viewer.Anonymous);
        var now = services.GetRequiredService<NodaTime.IClock>().GetCurrentInstant();
        var origin = services.GetRequiredService<Infrastructure.PublicAddress>().Origin(Request);
        var paragraphs = new List<string>();
        foreach (var document in Core.Publishing.PublishedQueries.UpcomingEvents(view, culture, now).Take(10))
        {
            var values = view.Of(document, culture);
            var when = Core.Publishing.PublishedEvents.Times(values) is { } times
                ? Site.Rendering.LocalizedFormat.Range(times.Start, times.End, times.AllDay, culture)
                : null;
            paragraphs.Add(string.Join("\n", new[] { values.Name, when, document.Url(culture) is { } url ? origin + url : null }.Where(line => !string.IsNullOrEmpty(line))));
        }

        return paragraphs.Count == 0
            ? null
            : AnnouncementsText.Get(AnnouncementsText.UpcomingIntro, culture) + "\n\n" + string.Join("\n\n", paragraphs);
    }

    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    private string Text(string key) => AnnouncementsText.Get(key, UiCulture);

    private EditPage NewPage(AnnouncementForm form, IReadOnlyDictionary<string, string> errors) =>
        new(UiCulture, null, form, errors, null, null, 0, null);

    private async Task<EditPage> PageOfAsync(AnnouncementSummary announcement, AnnouncementForm form, IReadOnlyDictionary<string, string> errors,
        string? notice, CancellationToken ct)
    {
        var recipients = announcement.IsSent
            ? announcement.Recipients
            : (await announcements.CountSubscribersAsync(ct)).Single(c => c.Culture == announcement.Culture).Confirmed;
        return new EditPage(UiCulture, announcement, form, errors, notice, await EditorEmailAsync(), recipients, announcements.Preview(announcement));
    }

    private static AnnouncementForm FormOf(AnnouncementSummary announcement) =>
        new() { Culture = announcement.Culture, Subject = announcement.Subject, Text = announcement.Text };

    private Dictionary<string, string> ErrorsOf(AnnouncementResult result)
    {
        var errors = (result.Errors ?? NoErrors).ToDictionary(e => e.Key, e => Text(e.Value), StringComparer.Ordinal);
        errors.TryAdd("form", Text(result.Status switch
        {
            AnnouncementStatus.AlreadySent => AnnouncementsText.AlreadySent,
            AnnouncementStatus.NoSubscribers => AnnouncementsText.NoSubscribers,
            _ => AnnouncementsText.FixTheFields,
        }));
        return errors;
    }

    /// <summary>The announcement's page again saying why: 400 for bad fields, 409 when it is already sent or has no one to go to.</summary>
    private async Task<IActionResult> RefusedAsync(Guid key, AnnouncementForm? form, AnnouncementResult result, CancellationToken ct)
    {
        if (await announcements.GetAsync(key, ct) is not { } announcement)
        {
            return NotFoundPage();
        }

        var status = result.Status is AnnouncementStatus.AlreadySent or AnnouncementStatus.NoSubscribers
            ? StatusCodes.Status409Conflict
            : StatusCodes.Status400BadRequest;
        return Refused(await PageOfAsync(announcement, form ?? FormOf(announcement), ErrorsOf(result), null, ct), status);
    }

    private ViewResult Refused(EditPage page, int status)
    {
        var view = View("Edit", page);
        view.StatusCode = status;
        return view;
    }

    private LocalRedirectResult Done(Guid key, string done) => LocalRedirect($"{Path}/{key}?done={done}");

    private async Task<string?> EditorEmailAsync() => (await users.GetUserAsync(User))?.Email is { Length: > 0 } email ? email : null;

    private ViewResult NotFoundPage()
    {
        var view = View("Message", Text(AnnouncementsText.NotFound));
        view.StatusCode = StatusCodes.Status404NotFound;
        return view;
    }
}
