using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MayorsClub.Core.Persistence;

/// <summary>
/// The site's database. The model is shared; each provider has its own subclass so that
/// SQLite and PostgreSQL keep their own migrations.
/// </summary>
public abstract class MayorsClubDbContext(DbContextOptions options) : IdentityDbContext<BackOfficeUser>(options)
{
    public DbSet<DocumentEntity> Documents => Set<DocumentEntity>();
    public DbSet<DocumentCultureEntity> DocumentCultures => Set<DocumentCultureEntity>();
    public DbSet<DocumentVersionEntity> DocumentVersions => Set<DocumentVersionEntity>();
    public DbSet<AuditEntryEntity> AuditEntries => Set<AuditEntryEntity>();
    public DbSet<Email.OutboxMessage> OutboxMessages => Set<Email.OutboxMessage>();
    public DbSet<Media.MediaItemEntity> MediaItems => Set<Media.MediaItemEntity>();
    public DbSet<PublishedChangeEntity> PublishedChanges => Set<PublishedChangeEntity>();

    /// <summary>Skip/Take without OrderBy gives pages whose rows change from one query to the next: an error where it can be fixed.</summary>
    public static void ThrowOnUnorderedPaging(WarningsConfigurationBuilder warnings) =>
        warnings.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Everything is stored in UTC; SQLite forgets the kind on the way back and Npgsql refuses non-UTC kinds.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<BackOfficeUser>().ToTable("BackOfficeUsers");
        builder.Entity<IdentityRole>().ToTable("BackOfficeRoles");
        builder.Entity<IdentityUserRole<string>>().ToTable("BackOfficeUserRoles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("BackOfficeUserClaims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("BackOfficeUserLogins");
        builder.Entity<IdentityUserToken<string>>().ToTable("BackOfficeUserTokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("BackOfficeRoleClaims");
        builder.Entity<BackOfficeUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.UiCulture).HasMaxLength(8);
        });

        builder.Entity<DocumentEntity>(document =>
        {
            document.ToTable("Documents");
            document.HasIndex(d => d.Key).IsUnique();
            document.HasIndex(d => d.ParentId);
            document.Property(d => d.ContentType).HasMaxLength(64);
            document.Property(d => d.Path).HasMaxLength(1000);
            document.Property(d => d.CreatedBy).HasMaxLength(256);
            document.Property(d => d.UpdatedBy).HasMaxLength(256);
            document.Property(d => d.Version).IsConcurrencyToken();
            document.HasOne<DocumentEntity>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
            document.HasMany(d => d.Cultures).WithOne().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<DocumentCultureEntity>(culture =>
        {
            culture.ToTable("DocumentCultures");
            culture.HasKey(c => new { c.DocumentId, c.Culture });
            culture.Property(c => c.Culture).HasMaxLength(8);
            culture.Property(c => c.Name).HasMaxLength(300);
            culture.Property(c => c.PublishedName).HasMaxLength(300);
            culture.Property(c => c.UrlSegment).HasMaxLength(120);
            culture.Property(c => c.PublishedUrlSegment).HasMaxLength(120);
            culture.Property(c => c.ApprovalRequestedBy).HasMaxLength(256);
            culture.HasIndex(c => c.PublishAtUtc);
            culture.HasIndex(c => c.UnpublishAtUtc);
        });

        builder.Entity<DocumentVersionEntity>(version =>
        {
            version.ToTable("DocumentVersions");
            version.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
            version.Property(v => v.CreatedBy).HasMaxLength(256);
            version.Property(v => v.Action).HasMaxLength(100);
            version.HasOne(v => v.Document).WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Media.MediaItemEntity>(media =>
        {
            media.ToTable("MediaItems");
            media.HasIndex(m => m.Key).IsUnique();
            media.HasIndex(m => m.ParentId);
            media.Property(m => m.Name).HasMaxLength(255);
            media.Property(m => m.FileName).HasMaxLength(255);
            media.Property(m => m.ContentType).HasMaxLength(100);
            media.Property(m => m.StoragePath).HasMaxLength(500);
            media.Property(m => m.CreatedBy).HasMaxLength(256);
            media.Property(m => m.Version).IsConcurrencyToken();
            media.HasOne<Media.MediaItemEntity>().WithMany().HasForeignKey(m => m.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        // OpenIddict's applications, authorizations, scopes and tokens (Management API client credentials).
        builder.UseOpenIddict();

        builder.Entity<Email.OutboxMessage>(message =>
        {
            message.ToTable("OutboxMessages");
            message.HasIndex(m => new { m.SentUtc, m.NextAttemptUtc });
            message.Property(m => m.ToAddress).HasMaxLength(320);
            message.Property(m => m.ToName).HasMaxLength(200);
            message.Property(m => m.Subject).HasMaxLength(500);
            message.Property(m => m.LastError).HasMaxLength(1000);
        });

        // The change feed: the id is the sequence number (identity), so the rows are read in the order they were numbered.
        builder.Entity<PublishedChangeEntity>(change =>
        {
            change.ToTable("PublishedChanges");
            change.Property(c => c.Id).ValueGeneratedOnAdd();
            change.Property(c => c.Kind).HasMaxLength(32);
            change.HasIndex(c => c.Utc);
        });

        builder.Entity<AuditEntryEntity>(audit =>
        {
            audit.ToTable("AuditEntries");
            audit.HasIndex(a => a.Utc);
            audit.HasIndex(a => a.DocumentKey);
            audit.Property(a => a.User).HasMaxLength(256);
            audit.Property(a => a.Action).HasMaxLength(100);
            audit.Property(a => a.Culture).HasMaxLength(8);
            audit.Property(a => a.Details).HasMaxLength(2000);
        });
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>The SQLite flavour of the database (the embedded default).</summary>
public sealed class SqliteMayorsClubDbContext(DbContextOptions<SqliteMayorsClubDbContext> options) : MayorsClubDbContext(options);

/// <summary>The PostgreSQL flavour of the database (production and scale-out).</summary>
public sealed class PostgreSqlMayorsClubDbContext(DbContextOptions<PostgreSqlMayorsClubDbContext> options) : MayorsClubDbContext(options);
