using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace MayorsClub.Web.Infrastructure;

/// <summary>
/// Behind a reverse proxy that ends TLS: X-Forwarded-For, -Proto and -Host are honoured when the request comes from a
/// configured proxy (<c>MayorsClub:ForwardedHeaders:KnownProxies</c>, addresses; <c>KnownNetworks</c>, CIDR ranges) and
/// ignored from anyone else. Rate limits then key on the client's address, and HTTPS is seen as HTTPS, so every cookie
/// gets Secure whenever the request (after forwarding) is HTTPS.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "MayorsClub:ForwardedHeaders";

    public static IServiceCollection AddMayorsClubForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = List(configuration.GetSection(Section + ":KnownProxies")).Select(ParseAddress).ToList();
        var networks = List(configuration.GetSection(Section + ":KnownNetworks")).Select(ParseNetwork).ToList();
        services.Configure<CookiePolicyOptions>(cookies => cookies.Secure = CookieSecurePolicy.SameAsRequest);
        services.AddSingleton(new ForwardingSettings(proxies.Count > 0 || networks.Count > 0));

        // The web host's defaults put host filtering in front of the whole pipeline with a start-up filter: it would
        // check the Host before a proxy's X-Forwarded-Host is read. Program.cs calls UseHostFiltering after forwarding.
        foreach (var hostFilter in services.Where(descriptor => descriptor.ServiceType == typeof(IStartupFilter)
                     && descriptor.ImplementationType?.FullName == "Microsoft.AspNetCore.HostFilteringStartupFilter").ToList())
        {
            services.Remove(hostFilter);
        }
        if (proxies.Count == 0 && networks.Count == 0)
        {
            // No proxy configured: the headers are ignored (with empty lists the middleware would trust any sender).
            return services;
        }

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HostFilteringOptions>>((forwarded, hostFiltering) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;

            // Only the configured proxies (the defaults trust loopback); each hop is checked, so a chain of them works.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            proxies.ForEach(forwarded.KnownProxies.Add);
            networks.ForEach(forwarded.KnownIPNetworks.Add);
            forwarded.ForwardLimit = null;

            // A forwarded Host must be one the site answers to, like the Host header itself.
            var allowed = hostFiltering.Value.AllowedHosts;
            if (allowed.Count > 0 && !allowed.Contains("*"))
            {
                forwarded.AllowedHosts = [.. allowed];
            }
        });

        return services;
    }

    /// <summary>
    /// Early in the pipeline (see Program.cs), before host filtering and the Management API's token rate limit, so
    /// that everything after sees the client's address, scheme and host; then the cookie policy (Secure over HTTPS).
    /// </summary>
    public static void UseMayorsClubForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ForwardingSettings>().FromKnownProxies)
        {
            app.UseForwardedHeaders();
        }

        app.UseCookiePolicy();
    }

    private static IEnumerable<string> List(IConfigurationSection section) =>
        !string.IsNullOrWhiteSpace(section.Value) && section.Value is { } single
            ? single.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(child => child.Value).OfType<string>().Where(value => value.Trim().Length > 0).Select(value => value.Trim());

    private static IPAddress ParseAddress(string text) =>
        IPAddress.TryParse(text, out var address)
            ? address
            : throw new InvalidOperationException($"{Section}:KnownProxies: \"{text}\" is not an IP address.");

    private static System.Net.IPNetwork ParseNetwork(string text) =>
        System.Net.IPNetwork.TryParse(text, out var network)
            ? network
            : throw new InvalidOperationException($"{Section}:KnownNetworks: \"{text}\" is not a network in CIDR notation (e.g. 10.0.0.0/8).");

    private sealed record ForwardingSettings(bool FromKnownProxies);
}
