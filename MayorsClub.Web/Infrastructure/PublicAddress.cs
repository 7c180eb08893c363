using MayorsClub.Web.BackOffice.Users;
using Microsoft.AspNetCore.HostFiltering;

namespace MayorsClub.Web.Infrastructure;

/// <summary>
/// The site's public origin ("https://mayorsclub.org.ua"), which every absolute URL the site writes starts with:
/// links in e-mails, the sitemap, feeds, canonical and sharing URLs. Those are sent away or cached for everyone,
/// so they never come from the request's Host header, which the client chooses — except in Development, where
/// the setting may be left out and the request's address is used.
/// </summary>
public sealed class PublicAddress(string? configuredOrigin)
{
    public const string Setting = BackOfficeLinkOptions.Section + ":" + nameof(BackOfficeLinkOptions.PublicUrl);

    /// <summary>The configured origin, without a trailing slash; null only in Development without the setting.</summary>
    public string? Configured { get; } = configuredOrigin;

    /// <summary>The origin for absolute URLs; the request is only read in Development without the setting.</summary>
    public string Origin(HttpRequest? request) =>
        Configured
        ?? (request is null
            ? throw new InvalidOperationException($"No request to take the site's address from: set {PublicAddress.Setting}.")
            : $"{request.Scheme}://{request.Host.Value}{request.PathBase}");
}

public static class PublicAddressSetup
{
    /// <summary>
    /// Reads and checks the setting (required outside Development; refuses to start without it) and, when
    /// AllowedHosts is not set or is "*", lets requests in only for the public address's host.
    /// </summary>
    public static void AddMayorsClubPublicAddress(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[PublicAddress.Setting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!builder.Environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    $"{PublicAddress.Setting} is not set. Outside Development the site needs its public address (e.g. https://mayorsclub.org.ua) "
                    + "for links in e-mails, the sitemap and feeds, and will not take it from the request's Host header. "
                    + $"Set it, e.g. with the environment variable {PublicAddress.Setting.Replace(":", "__", StringComparison.Ordinal)}.");
            }

            builder.Services.AddSingleton(new PublicAddress(null));
            return;
        }

        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new InvalidOperationException($"{PublicAddress.Setting} must be an absolute http(s) address such as https://mayorsclub.org.ua; it is \"{configured}\".");
        }

        builder.Services.AddSingleton(new PublicAddress(uri.GetLeftPart(UriPartial.Path).TrimEnd('/')));

        var allowedHosts = builder.Configuration["AllowedHosts"];
        if (string.IsNullOrWhiteSpace(allowedHosts) || allowedHosts.Trim() == "*")
        {
            // Runs before the default PostConfigure, which only reads AllowedHosts when no host is set yet.
            builder.Services.Configure<HostFilteringOptions>(hosts => hosts.AllowedHosts = [uri.IdnHost]);
        }
    }
}
