using System.ComponentModel.DataAnnotations;

namespace MayorsClub.Core.Operations;

/// <summary>"MayorsClub:Operations": health, metrics access, node identity and graceful shutdown.</summary>
public sealed class OperationsOptions
{
    public const string Section = "MayorsClub:Operations";

    /// <summary>Bearer token that opens /metrics and the readiness detail (compared in constant time); unset: none.</summary>
    public string? Token { get; set; }

    /// <summary>How long a stopping node keeps serving (and says 503 on /healthz/ready) before Kestrel stops.</summary>
    [Range(0, 600)]
    public double DrainSeconds { get; set; } = 5;

    /// <summary>After the drain, how long requests in flight and background services get to finish.</summary>
    [Range(1, 3600)]
    public double ShutdownTimeoutSeconds { get; set; } = 30;

    /// <summary>How often the database's last change number and the outbox backlog are read (for the gauges and the feed check).</summary>
    [Range(0.1, 3600)]
    public double SampleSeconds { get; set; } = 2;

    /// <summary>A change committed this long ago and still not applied here makes the node not ready.</summary>
    [Range(1, 3600)]
    public double FeedLagSeconds { get; set; } = 10;
}

/// <summary>This process's name in logs and metrics: "MayorsClub:NodeName", or the machine's name and the port it serves.</summary>
public static class NodeName
{
    public const string Setting = "MayorsClub:NodeName";

    public static string From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var configured = configuration[Setting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim();
        }

        // ASPNETCORE_URLS / --urls, e.g. "http://127.0.0.1:5081": two nodes on one machine differ by port.
        var url = configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var port = url is not null && Uri.TryCreate(url.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? uri.Port
            : (int?)null;
        return port is null ? Environment.MachineName : $"{Environment.MachineName}:{port}";
    }

    /// <summary>The name as a file name part ("web1:5081" becomes "web1-5081").</summary>
    public static string ForFileName(string node) =>
        string.Concat(node.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-'));
}
