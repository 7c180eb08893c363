using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using NodaTime;

namespace MayorsClub.Web.Forms;

/// <summary>
/// What the site's public forms share (applications, subscriptions). Pages that carry a form stay in the page cache,
/// so the form in the page has no antiforgery token and no start time: wwwroot/js/forms.js asks <c>GET /forms/token</c>
/// for both when the visitor first touches the form. A POST that arrives without them (no JavaScript) is answered by
/// re-rendering the form with what was typed, a fresh token and start time, and nothing stored.
/// </summary>
public static class PublicForms
{
    public const string TokenPath = "/forms/token";

    /// <summary>The hidden input with the start time <see cref="FormTiming"/> issued.</summary>
    public const string StartedField = "_started";

    /// <summary>The honeypot: hidden from people by CSS (class <see cref="HoneypotClass"/>), filled by bots.</summary>
    public const string HoneypotField = "website_url";

    public const string HoneypotClass = "mc-hp";

    public static IServiceCollection AddMayorsClubPublicForms(this IServiceCollection services)
    {
        services.AddSingleton<FormTiming>();
        return services;
    }

    public static void MapMayorsClubPublicForms(this WebApplication app) =>
        app.MapGet(TokenPath, (HttpContext context, IAntiforgery antiforgery, FormTiming timing) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(new TokenResponse(tokens.RequestToken!, timing.Issue()));
        }).ExcludeFromDescription();

    public sealed record TokenResponse(string Token, string Started);
}

/// <summary>
/// When a visitor started filling in a form, as a stamp only the server can make: forms sent sooner than a person could
/// type them are refused quietly as spam.
/// </summary>
public sealed class FormTiming(IDataProtectionProvider dataProtection, IClock clock)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("MayorsClub.Forms.Started");

    public string Issue() => IssueAsOf(0);

    /// <summary>
    /// A stamp dated some seconds back: for the form a POST without a token is answered with. The visitor has already
    /// filled it in (what they typed comes back with it), so sending it again at once is a person's click, not a bot's speed.
    /// </summary>
    public string IssueAsOf(double secondsAgo) =>
        _protector.Protect(clock.GetCurrentInstant().Minus(Duration.FromSeconds(secondsAgo)).ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture));

    /// <summary>Seconds since the stamp was issued; null when it is missing, forged or from the future.</summary>
    public double? SecondsSince(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp) || stamp.Length > 1000)
        {
            return null;
        }

        try
        {
            if (!long.TryParse(_protector.Unprotect(stamp), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return null;
            }

            var seconds = (clock.GetCurrentInstant() - Instant.FromUnixTimeTicks(ticks)).TotalSeconds;
            return seconds < 0 ? null : seconds;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
