using Ganss.Xss;
using MayorsClub.Core.Content;
using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Core.Content.Validation;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Publishing;
using MayorsClub.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace MayorsClub.Core.Setup;

public static class CoreServices
{
    /// <summary>The content core: database, document types, content services, published snapshot, start-up and scheduling.</summary>
    public static IServiceCollection AddMayorsClubCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<MayorsClubOptions>().BindConfiguration(MayorsClubOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(MayorsClubOptions.Section).Get<MayorsClubOptions>() ?? new MayorsClubOptions();
        var paths = SitePaths.FromConfiguration(configuration, contentRoot);
        services.AddSingleton(paths);
        services.AddMayorsClubDatabase(configuration, options, paths);

        services.AddBackOfficeIdentity();
        services.AddScoped<Audit.UserAudit>();
        services.AddScoped<Audit.AuditLog>();

        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton(new DocumentTypeRegistry());
        services.AddSingleton<IHtmlSanitizer>(_ => RichTextSanitizer.Create());
        services.AddSingleton<PropertyValueValidator>();
        services.AddSingleton<ContentValidator>();
        services.AddScoped<ContentStore>();
        services.AddScoped<ContentTransactions>();
        services.AddScoped<DocumentEditor>();
        services.AddScoped<DocumentPublisher>();
        services.AddScoped<DocumentHistory>();
        services.AddScoped<DocumentTree>();
        services.AddScoped<EditorialOverview>();
        services.AddScoped<DemoContentSeeder>();
        services.AddScoped<AdministratorAccess>();
        Media.MediaServices.AddMayorsClubMedia(services);

        services.AddSingleton<PublishedSnapshotService>();
        services.AddMayorsClubChangeFeed();
        services.AddSingleton<Changes.IPublishedChangeSubscriber>(sp => sp.GetRequiredService<PublishedSnapshotService>());
        services.AddSingleton<SiteReadiness>();
        services.AddHostedService<SiteInitializer>();
        services.AddHostedService<ScheduledPublishingJob>();

        services.AddOptions<Email.EmailOptions>().BindConfiguration(Email.EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Email.EmailSignal>();
        services.AddScoped<Email.EmailOutbox>();
        services.AddSingleton<Email.EmailDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<Email.EmailDispatcher>());
        return services;
    }

    /// <summary>
    /// The change feed: commands append to it (<see cref="Changes.ChangeLog"/>, per request), one worker per process applies
    /// it after commit to every <see cref="Changes.IPublishedChangeSubscriber"/> ("MayorsClub:ChangeFeed").
    /// </summary>
    public static IServiceCollection AddMayorsClubChangeFeed(this IServiceCollection services)
    {
        services.AddOptions<Changes.ChangeFeedOptions>().BindConfiguration(Changes.ChangeFeedOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Changes.ChangeLog>();
        services.AddSingleton<Changes.ChangeFeedWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Changes.ChangeFeedWorker>());
        return services;
    }

    private static void AddMayorsClubDatabase(this IServiceCollection services, IConfiguration configuration, MayorsClubOptions options, SitePaths paths)
    {
        var connectionString = configuration.GetConnectionString("Default");
        if (string.Equals(options.Database.Provider, DatabaseOptions.PostgreSql, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("MayorsClub:Database:Provider is PostgreSQL: set ConnectionStrings:Default.");
            }

            services.AddDbContext<MayorsClubDbContext, PostgreSqlMayorsClubDbContext>((sp, db) => db.UsePostgreSql(connectionString).StrictOutsideProduction(sp));
        }
        else
        {
            connectionString = string.IsNullOrWhiteSpace(connectionString)
                ? $"Data Source={Path.Combine(paths.Data, "mayorsclub.sqlite.db")}"
                : connectionString;
            services.AddDbContext<MayorsClubDbContext, SqliteMayorsClubDbContext>((sp, db) => db.UseSqliteDatabase(connectionString).StrictOutsideProduction(sp));
        }
    }

    /// <summary>
    /// In Development and tests a paged query without an order (unstable pages) fails instead of warning;
    /// in production it stays a logged warning rather than a broken page.
    /// </summary>
    private static DbContextOptionsBuilder StrictOutsideProduction(this DbContextOptionsBuilder builder, IServiceProvider services) =>
        services.GetService<IHostEnvironment>() is { } environment && !environment.IsProduction()
            ? builder.ConfigureWarnings(MayorsClubDbContext.ThrowOnUnorderedPaging)
            : builder;

    public static DbContextOptionsBuilder UsePostgreSql(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"));

    public static DbContextOptionsBuilder UseSqliteDatabase(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString);
}
