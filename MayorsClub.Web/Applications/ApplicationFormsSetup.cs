using System.Net;
using System.Threading.RateLimiting;
using MayorsClub.Core.Applications;
using MayorsClub.Web.Infrastructure;
using MayorsClub.Web.Site;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MayorsClub.Web.Applications;

/// <summary>The public forms' settings (section <c>MayorsClub:Applications</c>).</summary>
public sealed class ApplicationFormOptions
{
    public const string Section = "MayorsClub:Applications";

    /// <summary>Forms one client address may send in a window; more get 429.</summary>
    public int SubmissionsPerWindow { get; set; } = 10;

    public int WindowSeconds { get; set; } = 600;

    /// <summary>A form sent sooner than this after it was first touched is taken for a bot and refused quietly.</summary>
    public double MinimumFillSeconds { get; set; } = 3;
}

public static class ApplicationFormsSetup
{
    /// <summary>The rate limiter policy on the forms' POST: per client address.</summary>
    public const string SubmitRateLimit = "Applications.Submit";

    public static IServiceCollection AddMayorsClubApplicationForms(this IServiceCollection services)
    {
        services.AddOptions<ApplicationFormOptions>().BindConfiguration(ApplicationFormOptions.Section);
        services.AddScoped<IApplicationIntakeMail, ApplicationIntakeEmails>();
        services.AddSingleton<PageForms>();
        services.AddSingleton<ThanksLinks>();
        services.AddHostedService<EventPagesFollowPlaces>();
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, ApplicationSubmitRateLimitPolicy>(SubmitRateLimit));

        // The forms' pages and the partial the site's pages render live beside the controller.
        services.Configure<RazorViewEngineOptions>(razor =>
        {
            razor.ViewLocationFormats.Insert(0, "/Applications/Views/Shared/{0}.cshtml");
            razor.ViewLocationFormats.Insert(0, "/Applications/Views/{1}/{0}.cshtml");
        });
        return services;
    }

    /// <summary>A 429 page in the page's language, with Retry-After and a link home.</summary>
    internal static ValueTask WriteTooManyAsync(OnRejectedContext rejected, CancellationToken ct) =>
        TooManyRequests.WriteSitePageAsync(rejected,
            (culture, minutes) => ApplicationPageText.Format(ApplicationPageText.TooMany, culture, minutes),
            culture => ($"/{culture}/", ApplicationPageText.Get(ApplicationPageText.ToHome, culture)), ct);
}

internal sealed class ApplicationSubmitRateLimitPolicy(IOptions<ApplicationFormOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = ApplicationFormsSetup.WriteTooManyAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => RateLimitPartition.GetFixedWindowLimiter(
        httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.SubmissionsPerWindow),
            Window = TimeSpan.FromSeconds(Math.Max(1, options.Value.WindowSeconds)),
            QueueLimit = 0,
        });
}

/// <summary>An event page shows its places left and its form: when the places change, its cached pages go.</summary>
internal sealed class EventPagesFollowPlaces(IntakeEventPlaces places, PublishedPageCache pages) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        places.Changed += pages.Forget;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        places.Changed -= pages.Forget;
        return Task.CompletedTask;
    }
}
