using System.Collections.Concurrent;
using MayorsClub.Core.Changes;
using MayorsClub.Core.Media;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.Members;
using MayorsClub.Web.Site;
using Microsoft.Net.Http.Headers;

namespace MayorsClub.Web.Media;

/// <summary>
/// Members' files (an expert session's video and materials) at /members/media/{documentKey}/{mediaKey}/{name}: sent only
/// to a signed-in member who may read a value of that published document that picks the file, as the read model's one
/// access rule decides (<see cref="PublishedView.MayReadMediaOf"/>). Never cached by anyone but the member's browser for
/// the moment (<c>private, no-store</c>), and never kept by the page cache (no <see cref="PublishedPageAttribute"/>).
/// </summary>
/// <remarks>
/// Answers:
/// <list type="bullet">
/// <item>Not signed in: a browser's page navigation (Accept names text/html, no Range) is sent to the sign-in page with
/// this URL to return to; anything else (a player's range request, fetch, an API client) gets 401.</item>
/// <item>A member the rule does not admit (a protected session outside their groups): 403.</item>
/// <item>An unknown document, a file the document does not pick, a file gone from storage: 404.</item>
/// <item>Otherwise the file, with ASP.NET Core's own range support: 206 with Content-Range for a single range (first
/// bytes, middle, suffix <c>bytes=-N</c>, open-ended <c>bytes=N-</c>), 416 with <c>Content-Range: bytes */length</c> when
/// no byte of it exists, and the whole file (200) for a header it does not take: a malformed one, and several ranges
/// at once (multipart/byteranges is not supported; RFC 9110 lets a server ignore Range). Videos play inline; other
/// files download as attachments with their original name (RFC 6266: an ASCII <c>filename</c> and a UTF-8 <c>filename*</c>).</item>
/// </list>
/// </remarks>
public static class ProtectedMedia
{
    public const string Prefix = "/members/media";

    /// <summary>The members' URL of a file that a document picks.</summary>
    public static string Url(Guid documentKey, Guid mediaKey, string fileName) =>
        $"{Prefix}/{documentKey:D}/{mediaKey:D}/{MediaUrls.UrlFileName(fileName)}";

    public static IServiceCollection AddMayorsClubProtectedMedia(this IServiceCollection services)
    {
        services.AddSingleton<ProtectedMediaCatalog>();
        services.AddSingleton<IPublishedChangeSubscriber>(sp => sp.GetRequiredService<ProtectedMediaCatalog>());
        return services;
    }

    public static void MapMayorsClubProtectedMedia(this WebApplication app) =>
        app.MapMethods(Prefix + "/{documentKey:guid}/{mediaKey:guid}/{**name}", [HttpMethods.Get, HttpMethods.Head], ServeAsync)
            .ExcludeFromDescription();

    private static async Task<IResult> ServeAsync(Guid documentKey, Guid mediaKey, HttpContext context, PublishedSnapshotService snapshots,
        ProtectedMediaCatalog catalog, CancellationToken ct)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "private, no-store";
        headers.XContentTypeOptions = "nosniff";

        var viewer = await MemberSecurity.ViewerAsync(context);
        var view = snapshots.Current.For(viewer);
        if (!viewer.IsMember)
        {
            return IsPageNavigation(context.Request)
                ? Results.Redirect($"{MemberLinks.SignInPath(CultureSelector.Preferred(context.Request))}?returnUrl={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}")
                : Results.Unauthorized();
        }

        if (view.Get(documentKey) is not { } document)
        {
            return Results.NotFound();
        }

        if (!view.MayReadMediaOf(document, mediaKey))
        {
            return view.MayReadWhole(document) ? Results.NotFound() : Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var file = await catalog.StoredFileAsync(mediaKey, ct);
        if (file is null)
        {
            return Results.NotFound();
        }

        var inline = file.ContentType.StartsWith("video/", StringComparison.Ordinal);
        return Results.File(file.PhysicalPath, file.ContentType, inline ? null : file.FileName, new DateTimeOffset(file.UpdatedUtc, TimeSpan.Zero),
            new EntityTagHeaderValue($"\"{file.Token}\""), enableRangeProcessing: true);
    }

    /// <summary>A browser opening the URL as a page (not a player's or a script's request for bytes).</summary>
    private static bool IsPageNavigation(HttpRequest request) =>
        request.Headers.Range.Count == 0
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}

/// <summary>What a page needs to link a file of the library: its name and type (members-only files are not in the snapshot).</summary>
public sealed record LibraryFile(Guid Key, string FileName, string ContentType, long Size, bool MembersOnly);

/// <summary>
/// The names and types of the library's files that members' pages link (read from the database once, then kept; a
/// media change drops the files it names, in every process, through the change feed). Holds no bytes and no rights:
/// whether a viewer may have a file is decided by the read model when the page is rendered and when the file is asked for.
/// </summary>
public sealed class ProtectedMediaCatalog(IServiceScopeFactory scopes) : IPublishedChangeSubscriber
{
    private readonly ConcurrentDictionary<Guid, LibraryFile?> _files = new();
    private readonly ConcurrentDictionary<Guid, MediaFile> _stored = new();
    private long _version;

    int IPublishedChangeSubscriber.Order => 50;

    public Task ApplyAsync(IReadOnlyList<PublishedChange> changes, CancellationToken ct)
    {
        Interlocked.Increment(ref _version);
        foreach (var key in changes.SelectMany(c => c.Media))
        {
            _files.TryRemove(key, out _);
            _stored.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Where a file a members' page picks is stored, for the file endpoint (which asks only after the read model has
    /// allowed the viewer that file): read once, then kept until a media change names it, so a player's range requests
    /// do not each query the database. Files not found are not kept.
    /// </summary>
    public async Task<MediaFile?> StoredFileAsync(Guid key, CancellationToken ct = default)
    {
        if (_stored.TryGetValue(key, out var known))
        {
            // A stat per request (cheap): a file removed from storage behind the site's back is a 404, not an error.
            return File.Exists(known.PhysicalPath) ? known : null;
        }

        var version = Interlocked.Read(ref _version);
        await using var scope = scopes.CreateAsyncScope();
        var file = await scope.ServiceProvider.GetRequiredService<MediaFileReader>().FindAsync(key, includeMembersOnly: true, ct);
        if (file is not null && Interlocked.Read(ref _version) == version)
        {
            _stored[key] = file;
        }

        return file;
    }

    /// <summary>The files with these keys that exist in the library (missing and folders left out).</summary>
    public async Task<IReadOnlyDictionary<Guid, LibraryFile>> GetAsync(IReadOnlyCollection<Guid> keys, CancellationToken ct = default)
    {
        var missing = keys.Where(k => !_files.ContainsKey(k)).Distinct().ToList();
        if (missing.Count > 0)
        {
            var version = Interlocked.Read(ref _version);
            await using var scope = scopes.CreateAsyncScope();
            var found = (await scope.ServiceProvider.GetRequiredService<MediaLibrary>().GetManyAsync(missing, ct))
                .Where(m => m is { IsFolder: false, FileName: not null, ContentType: not null })
                .ToDictionary(m => m.Key, m => new LibraryFile(m.Key, m.FileName!, m.ContentType!, m.Size, m.MembersOnly));

            // A media change applied while reading: what was read may be older than it, so it is not kept.
            if (Interlocked.Read(ref _version) == version)
            {
                foreach (var key in missing)
                {
                    _files[key] = found.GetValueOrDefault(key);
                }
            }

            return keys.Distinct().Select(k => found.GetValueOrDefault(k) ?? _files.GetValueOrDefault(k)).OfType<LibraryFile>().ToDictionary(f => f.Key);
        }

        return keys.Distinct().Select(k => _files.GetValueOrDefault(k)).OfType<LibraryFile>().ToDictionary(f => f.Key);
    }
}
