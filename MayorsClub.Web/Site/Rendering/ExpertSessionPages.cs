using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Publishing;
using NodaTime;

namespace MayorsClub.Web.Site.Rendering;

/// <summary>The expert sessions, most recent first, a page at a time.</summary>
public sealed record ExpertSessionListPageModel(SiteLayout Layout, string Title, string? Intro, IReadOnlyList<SessionCard> Sessions, Pager Pager) : ISitePage;

/// <summary>
/// An expert session: when, who speaks, what it is about, for everyone; the video and materials for members only
/// (<see cref="Members"/>: the player and the downloads for a member, the box with Sign in and Apply for anyone else,
/// which never holds the material itself).
/// </summary>
public sealed record ExpertSessionPageModel(
    SiteLayout Layout,
    string Title,
    DateLabel? When,
    string? Summary,
    ResponsiveImage? Image,
    IReadOnlyList<Speaker> Speakers,
    RichTextHtml? DescriptionHtml,
    IReadOnlyList<TagLink> Tags,
    SessionMembersArea Members,
    CallToAction? AllSessions) : ISitePage;

/// <summary>What stands where members see the video and materials: for them the recording and the files, else the notice.</summary>
public sealed record SessionMembersArea(AccessNotice? Notice, SessionRecording? Recording, IReadOnlyList<SessionMaterial> Materials);

/// <summary>
/// The recording: an uploaded video (played from the members' file URL, <see cref="VideoType"/> for its source), an
/// embedded YouTube or Vimeo player (<see cref="EmbedUrl"/>), or a plain link to a recording elsewhere.
/// </summary>
public sealed record SessionRecording(string? VideoUrl, string? VideoType, ResponsiveImage? Poster, string? EmbedUrl, string? LinkUrl, string? DownloadName);

/// <summary>A material to download, by its original file name.</summary>
public sealed record SessionMaterial(string FileName, string Url, string Size);

public static class ExpertSessionPageBuilder
{
    public const int PageSize = 12;

    public static PageRendering BuildList(PageRequest request, Instant now)
    {
        var (index, culture, view) = (request.Document, request.Culture, request.View);
        var sessions = view.ExpertSessionsNewestFirst(index, culture);
        var pageCount = Pager.PageCountOf(sessions.Count, PageSize);
        var layout = SiteLayoutBuilder.ForDocument(request, now, new LayoutRequest { PageNumber = request.PageNumber, PageCount = pageCount });
        var model = new ExpertSessionListPageModel(layout, index.Name(culture) ?? "", request.Values.Text(ExpertSessionIndex.Intro),
            Pager.Slice(sessions, request.PageNumber, PageSize).Select(s => CardBuilder.ForSession(view, s, culture)).ToList(),
            new Pager(request.PageNumber, pageCount, index.Url(culture)!));
        return new PageRendering("ExpertSessionList", model, pageCount);
    }

    public static PageRendering BuildSession(PageRequest request, Instant now)
    {
        var (session, culture, values) = (request.Document, request.Culture, request.Values);
        var title = session.Name(culture) ?? "";
        var image = MediaImages.First(values, ExpertSession.Image, alt: title, ImageSlot.Figure);
        var layout = SiteLayoutBuilder.ForDocument(request, now, new LayoutRequest { OpenGraphType = "article", Image = image });
        var when = values.Zoned(ExpertSession.Date) is { } date
            ? new DateLabel($"{LocalizedFormat.DateTime(date, culture)} ({LocalizedFormat.ZoneLabel(date, culture)})", LocalizedFormat.IsoDateTime(date))
            : null;
        var model = new ExpertSessionPageModel(
            layout,
            title,
            when,
            values.Text(ExpertSession.Summary),
            image,
            CardBuilder.Speakers(values, ExpertSession.Speakers),
            MediaImages.InText(values, ExpertSession.Description),
            NewsPageBuilder.TagLinks(values.Tags(ExpertSession.Tags), newsListUrl: null),
            MembersArea(request, image),
            request.View.Parent(session) is { } parent && parent.Url(culture) is { } indexUrl
                ? new CallToAction(SiteText.Get(SiteText.AllExpertSessions, culture), indexUrl)
                : null);
        return new PageRendering("ExpertSession", model);
    }

    /// <summary>
    /// For a member: the video or embed and the materials, each only as the read model lets them read it, and linked to
    /// the members' file URL (which checks the same rule again). For anyone else: the notice.
    /// </summary>
    public static SessionMembersArea MembersArea(PageRequest request, ResponsiveImage? poster)
    {
        var (session, culture, values) = (request.Document, request.Culture, request.Values);
        if (!request.View.Viewer.IsMember)
        {
            return new SessionMembersArea(ProtectedPageBuilder.Notice(request, SiteText.MembersOnlySessionBox, SiteText.MembersOnlyDetails), null, []);
        }

        if (!values.MayRead(ExpertSession.Video) || !values.MayRead(ExpertSession.Materials))
        {
            return new SessionMembersArea(ProtectedPageBuilder.Notice(request, SiteText.ProtectedNotIncludedTitle, SiteText.SessionNotIncludedText), null, []);
        }

        var files = request.Files ?? new Dictionary<Guid, Media.LibraryFile>();
        SessionRecording? recording = null;
        if (values.Keys(ExpertSession.Video).Select(files.GetValueOrDefault).FirstOrDefault(f => f is not null && f.ContentType.StartsWith("video/", StringComparison.Ordinal)) is { } video)
        {
            recording = new SessionRecording(Media.ProtectedMedia.Url(session.Key, video.Key, video.FileName), video.ContentType,
                poster, null, null, video.FileName);
        }
        else if (values.Text(ExpertSession.VideoEmbedUrl) is { } link)
        {
            recording = VideoEmbeds.PlayerUrl(link) is { } player
                ? new SessionRecording(null, null, null, player, null, null)
                : new SessionRecording(null, null, null, null, link, null);
        }

        var materials = new List<SessionMaterial>();
        foreach (var key in values.Keys(ExpertSession.Materials))
        {
            if (files.GetValueOrDefault(key) is { } file)
            {
                var url = file.MembersOnly ? Media.ProtectedMedia.Url(session.Key, file.Key, file.FileName) : request.View.Media(key)?.Url;
                if (url is not null)
                {
                    materials.Add(new SessionMaterial(file.FileName, url, FileSize(file.Size, culture)));
                }
            }
        }

        return new SessionMembersArea(null, recording, materials);
    }

    private static string FileSize(long bytes, string culture)
    {
        var format = System.Globalization.CultureInfo.GetCultureInfo(culture == "uk" ? "uk-UA" : "en-GB");
        var (value, unit) = bytes >= 1024 * 1024 ? (bytes / 1048576.0, culture == "uk" ? "МБ" : "MB") : (Math.Max(bytes, 1) / 1024.0, culture == "uk" ? "КБ" : "KB");
        return $"{value.ToString(value < 10 ? "0.#" : "0", format)} {unit}";
    }

    /// <summary>The keys of the files a member's page of this session links (to look up their names before rendering).</summary>
    public static IReadOnlyList<Guid> FilesOf(PublishedValues values) =>
        [.. values.Keys(ExpertSession.Video), .. values.Keys(ExpertSession.Materials)];
}

/// <summary>The players the site embeds: YouTube (without cookies) and Vimeo; their content-security policy allows only these.</summary>
public static class VideoEmbeds
{
    /// <summary>The player's URL for a video link (a watch page, a short link, or the player's own URL), or null for any other.</summary>
    public static string? PlayerUrl(string link)
    {
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string? youtube = host switch
        {
            "www.youtube.com" or "youtube.com" or "m.youtube.com" or "www.youtube-nocookie.com" when segments is ["embed", var id] => id,
            "www.youtube.com" or "youtube.com" or "m.youtube.com" when segments is ["watch"] =>
                Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).TryGetValue("v", out var v) ? v.ToString() : null,
            "www.youtube.com" or "youtube.com" when segments is ["live" or "shorts", var id] => id,
            "youtu.be" when segments is [var id] => id,
            _ => null,
        };
        if (youtube is not null)
        {
            return IsId(youtube) ? $"https://www.youtube-nocookie.com/embed/{youtube}" : null;
        }

        string? vimeo = host switch
        {
            "player.vimeo.com" when segments is ["video", var id] => id,
            "vimeo.com" or "www.vimeo.com" when segments is [var id] => id,
            _ => null,
        };
        return vimeo is not null && vimeo.All(char.IsAsciiDigit) ? $"https://player.vimeo.com/video/{vimeo}" : null;
    }

    private static bool IsId(string id) => id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
