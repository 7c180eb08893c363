using System.Net;
using System.Text.RegularExpressions;
using MayorsClub.Core.Content;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.Site.Rendering;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Routing;

namespace MayorsClub.Web.BackOffice.Content;

/// <summary>
/// A document's saved draft in the site's real layout, for signed-in back-office users only, with a banner that says
/// it is a preview. Outside the back-office area on purpose, so the site's own views render it; never cached or indexed.
/// </summary>
[Authorize(Policy = BackOfficeSecurity.EditContent)]
public sealed partial class ContentPreviewController(DraftPreview previews, IPageRenderer renderer, ICompositeViewEngine viewEngine) : Controller
{
    [HttpGet(ContentController.BasePath + "/{key:guid}/preview/{culture}")]
    public async Task<IActionResult> Show(Guid key, string culture, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        var ui = BackOfficeController.UiCultureOf(Request);
        var (outcome, preview) = await previews.BuildAsync(key, culture, ct);
        if (outcome != DraftPreview.Outcome.Ready)
        {
            ViewData["UiCulture"] = ui;
            ViewData["Section"] = "content";
            var message = outcome switch
            {
                DraftPreview.Outcome.CultureNotWritten => ContentText.PreviewNotWritten,
                DraftPreview.Outcome.NotAPage => ContentText.PreviewNotAPage,
                _ => ContentText.NotFound,
            };
            var view = View("/BackOffice/Views/Content/Message.cshtml", new MessagePage(ui, ContentText.Get(ContentText.Preview, ui),
                ContentText.Get(message, ui), outcome == DraftPreview.Outcome.NotFound ? ContentController.BasePath : $"{ContentController.BasePath}/{key}"));
            view.StatusCode = StatusCodes.Status404NotFound;
            return view;
        }

        var rendering = renderer.Render(new PageRequest(preview!.Document, culture, preview.Snapshot));
        var html = await RenderSiteViewAsync(rendering.ViewName, rendering.Model);
        return Content(WithBanner(html, key, culture, ui), "text/html; charset=utf-8");
    }

    /// <summary>Renders one of the site's page views as the site's page controller would find it.</summary>
    private async Task<string> RenderSiteViewAsync(string viewName, object model)
    {
        var routeData = new RouteData(RouteData);
        routeData.Values["controller"] = "Page";
        routeData.Values["action"] = "Show";
        var context = new ActionContext(HttpContext, routeData, ControllerContext.ActionDescriptor);
        var found = viewEngine.FindView(context, viewName, isMainPage: true);
        if (!found.Success)
        {
            found = viewEngine.GetView(executingFilePath: null, viewName, isMainPage: true);
        }

        if (!found.Success)
        {
            throw new InvalidOperationException($"The site view '{viewName}' was not found: {string.Join(", ", found.SearchedLocations)}");
        }

        ViewData.Model = model;
        await using var writer = new StringWriter();
        var viewContext = new ViewContext(context, found.View, ViewData, TempData, writer, new HtmlHelperOptions());
        await found.View.RenderAsync(viewContext);
        return writer.ToString();
    }

    /// <summary>Puts the preview banner at the top of the page's body and "Preview" before its title.</summary>
    private static string WithBanner(string html, Guid key, string culture, string ui)
    {
        var text = WebUtility.HtmlEncode($"{ContentText.Get(ContentText.PreviewBanner, ui)} ({ContentText.CultureName(culture, ui)})");
        var back = WebUtility.HtmlEncode(ContentText.Get(ContentText.BackToEditor, ui));
        var banner =
            $"<div id=\"mc-preview-banner\" role=\"status\" lang=\"{ui}\" style=\"position:sticky;top:0;z-index:2147483647;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;" +
            "padding:.6rem 1rem;background:#ffd23f;color:#1b264f;border-bottom:3px solid #1b264f;font:600 1rem/1.4 system-ui,sans-serif\">" +
            $"<span>{text}</span><a href=\"{ContentController.BasePath}/{key}\" style=\"color:#1b264f;text-decoration:underline\">{back}</a></div>";
        var title = WebUtility.HtmlEncode(ContentText.Get(ContentText.Preview, ui));
        html = TitleTag().Replace(html, m => $"{m.Value}{title} · ", 1);
        var body = BodyTag().Match(html);
        return body.Success ? html.Insert(body.Index + body.Length, banner) : banner + html;
    }

    [GeneratedRegex("<body\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BodyTag();

    [GeneratedRegex("<title\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex TitleTag();
}
