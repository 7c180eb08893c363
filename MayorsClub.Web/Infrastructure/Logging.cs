using MayorsClub.Core.Operations;
using MayorsClub.Core.Setup;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace MayorsClub.Web.Infrastructure;

public static class Logging
{
    /// <summary>Where the log files go instead of umbraco/Logs (relative paths are from the repository root).</summary>
    public const string PathSetting = "MayorsClub:Logging:Path";

    private const string RequestLogSource = "Serilog.AspNetCore.RequestLoggingMiddleware";

    /// <summary>
    /// Serilog: human-readable lines on the console, and daily compact-JSON files (CLEF: one JSON object a line, with the
    /// request's trace and span ids as @tr and @sp, which Serilog takes from the current Activity) in umbraco/Logs, named
    /// after the node (<see cref="NodeName"/>) so that nodes sharing a folder keep their own files. Every event carries
    /// the node's name as "Node". One event per request (method, path, status, time) goes to the files only.
    /// </summary>
    public static void AddMayorsClubLogging(this WebApplicationBuilder builder)
    {
        var root = SitePaths.FindRoot(builder.Environment.ContentRootPath);
        var configured = builder.Configuration[PathSetting];
        var folder = string.IsNullOrWhiteSpace(configured) ? Path.Combine(root, "umbraco", "Logs") : Path.GetFullPath(configured, root);
        var node = NodeName.From(builder.Configuration);
        builder.Services.AddSerilog(log => log
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Node", node)
            .WriteTo.Logger(console => console
                .Filter.ByExcluding(e => e.Properties.TryGetValue("SourceContext", out var source) && source.ToString() == $"\"{RequestLogSource}\"")
                .WriteTo.Console())
            .WriteTo.File(new CompactJsonFormatter(), Path.Combine(folder, $"mayorsclub-{NodeName.ForFileName(node)}-.clef"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, buffered: true, flushToDiskInterval: TimeSpan.FromSeconds(1)));
    }

    /// <summary>
    /// One event per request, written when it ends, inside the request's trace. Probes of /healthz and scrapes of
    /// /metrics are left out (they say 503 by design while a node starts or stops).
    /// </summary>
    public static void UseMayorsClubRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(requests => requests.GetLevel = (context, _, error) =>
            error is not null ? LogEventLevel.Error
            : IsProbe(context.Request.Path) ? LogEventLevel.Verbose
            : context.Response.StatusCode >= 500 ? LogEventLevel.Error
            : LogEventLevel.Information);

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(Readiness.HealthPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(Operations.OperationsEndpoints.MetricsPath, StringComparison.OrdinalIgnoreCase);
}
