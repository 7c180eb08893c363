using MayorsClub.Core.Setup;
using Serilog;
using Serilog.Events;

namespace MayorsClub.Web.Infrastructure;

public static class Logging
{
    /// <summary>Serilog to the console and to daily files in umbraco/Logs.</summary>
    public static void AddMayorsClubLogging(this WebApplicationBuilder builder)
    {
        var logs = Path.Combine(SitePaths.FindRoot(builder.Environment.ContentRootPath), "umbraco", "Logs");
        builder.Services.AddSerilog(log => log
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console()
            .WriteTo.File(Path.Combine(logs, "mayorsclub-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14));
    }
}
