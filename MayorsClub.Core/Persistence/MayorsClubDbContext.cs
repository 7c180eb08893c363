using MayorsClub.Core.Members;
using MayorsClub.Core.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MayorsClub.Core.Persistence;

/// <summary>
/// The site's database. The model is shared; each provider has its own subclass so that
/// SQLite and PostgreSQL keep their own migrations. Only Core reaches data through it (its sets are internal; an
/// architecture test keeps the web app off the persistence types). The type itself is still public because
/// ContentStore's constructor takes it. The back-office identity's entities are configured here explicitly (not
/// inherited from IdentityDbContext) so that a second identity can bring its own types and tables.
/// </summary>
public abstract class MayorsClubDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core's data-protection keys (cookies, antiforgery), shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    internal DbSet<Keys.SiteKeyEntity> SiteKeys => Set<Keys.SiteKeyEntity>();
    internal DbSet<BackOfficeUser> Users => Set<BackOfficeUser>();
    internal DbSet<BackOfficeRole> Roles => Set<BackOfficeRole>();
    internal DbSet<BackOfficeUserRole> UserRoles => Set<BackOfficeUserRole>();
    internal DbSet<BackOfficeUserClaim> UserClaims => Set<BackOfficeUserClaim>();
    internal DbSet<BackOfficeUserLogin> UserLogins => Set<BackOfficeUserLogin>();
    internal DbSet<BackOfficeUserToken> UserTokens => Set<BackOfficeUserToken>();
    internal DbSet<BackOfficeRoleClaim> RoleClaims => Set<BackOfficeRoleClaim>();
    internal DbSet<Member> Members => Set<Member>();
    internal DbSet<MemberGroup> MemberGroups => Set<MemberGroup>();
    internal DbSet<MemberGroupMembership> MemberGroupMemberships => Set<MemberGroupMembership>();
    internal DbSet<MemberPasskey> MemberPasskeys => Set<MemberPasskey>();
    internal DbSet<DocumentEntity> Documents => Set<DocumentEntity>();
    internal DbSet<DocumentCultureEntity> DocumentCultures => Set<DocumentCultureEntity>();
    internal DbSet<DocumentVersionEntity> DocumentVersions => Set<DocumentVersionEntity>();
    internal DbSet<AuditEntryEntity> AuditEntries => Set<AuditEntryEntity>();
    internal DbSet<Email.OutboxMessage> OutboxMessages => Set<Email.OutboxMessage>();
    internal DbSet<Media.MediaItemEntity> MediaItems => Set<Media.MediaItemEntity>();
    internal DbSet<PublishedChangeEntity> PublishedChanges => Set<PublishedChangeEntity>();
    internal DbSet<Applications.ApplicationEntity> Applications => Set<Applications.ApplicationEntity>();
    internal DbSet<Applications.ApplicationNoteEntity> ApplicationNotes => Set<Applications.ApplicationNoteEntity>();
    internal DbSet<Applications.ApplicationCounterEntity> ApplicationCounters => Set<Applications.ApplicationCounterEntity>();
    internal DbSet<Applications.EventPlacesEntity> EventPlaces => Set<Applications.EventPlacesEntity>();
    internal DbSet<Applications.SiteSettingEntity> SiteSettings => Set<Applications.SiteSettingEntity>();
    internal DbSet<Announcements.SubscriberEntity> Subscribers => Set<Announcements.SubscriberEntity>();
    internal DbSet<Announcements.AnnouncementEntity> Announcements => Set<Announcements.AnnouncementEntity>();

    /// <summary>Skip/Take without OrderBy gives pages whose rows change from one query to the next: an error where it can be fixed.</summary>
    public static void ThrowOnUnorderedPaging(WarningsConfigurationBuilder warnings) =>
        warnings.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Everything is stored in UTC; SQLite forgets the kind on the way back and Npgsql refuses non-UTC kinds.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var builder = modelBuilder;

        ConfigureBackOfficeIdentity(builder);
        ConfigureMemberIdentity(builder);

        builder.Entity<DocumentEntity>(document =>
        {
            document.ToTable("Documents");
            document.HasIndex(d => d.Key).IsUnique();
            document.HasIndex(d => d.ParentId);
            document.Property(d => d.ContentType).HasMaxLength(64);
            document.Property(d => d.Path).HasMaxLength(1000);
            document.Property(d => d.CreatedBy).HasMaxLength(256);
            document.Property(d => d.UpdatedBy).HasMaxLength(256);
            document.Property(d => d.PublicAccessGroups).HasMaxLength(1000);
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

        ConfigureApplications(builder);

        builder.Entity<DataProtectionKey>(key => key.ToTable("DataProtectionKeys"));
        builder.Entity<Keys.SiteKeyEntity>(key =>
        {
            key.ToTable("SiteKeys");
            key.HasKey(k => k.Name);
            key.Property(k => k.Name).HasMaxLength(100);
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

    /// <summary>
    /// The back-office identity's tables, as Identity's own IdentityDbContext would configure them (same keys,
    /// indexes, lengths and cascades), under the BackOffice* names the migrations created.
    /// </summary>
    private static void ConfigureBackOfficeIdentity(ModelBuilder builder)
    {
        builder.Entity<BackOfficeUser>(user =>
        {
            user.ToTable("BackOfficeUsers");
            user.HasKey(u => u.Id);
            user.HasIndex(u => u.NormalizedUserName).HasDatabaseName("UserNameIndex").IsUnique();
            user.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex");
            user.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
            user.Property(u => u.UserName).HasMaxLength(256);
            user.Property(u => u.NormalizedUserName).HasMaxLength(256);
            user.Property(u => u.Email).HasMaxLength(256);
            user.Property(u => u.NormalizedEmail).HasMaxLength(256);
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.UiCulture).HasMaxLength(8);
            user.HasMany<BackOfficeUserClaim>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
            user.HasMany<BackOfficeUserLogin>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
            user.HasMany<BackOfficeUserToken>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
            user.HasMany<BackOfficeUserRole>().WithOne().HasForeignKey(r => r.UserId).IsRequired();
        });

        builder.Entity<BackOfficeRole>(role =>
        {
            role.ToTable("BackOfficeRoles");
            role.HasKey(r => r.Id);
            role.HasIndex(r => r.NormalizedName).HasDatabaseName("RoleNameIndex").IsUnique();
            role.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
            role.Property(r => r.Name).HasMaxLength(256);
            role.Property(r => r.NormalizedName).HasMaxLength(256);
            role.HasMany<BackOfficeUserRole>().WithOne().HasForeignKey(r => r.RoleId).IsRequired();
            role.HasMany<BackOfficeRoleClaim>().WithOne().HasForeignKey(c => c.RoleId).IsRequired();
        });

        builder.Entity<BackOfficeUserClaim>(claim =>
        {
            claim.ToTable("BackOfficeUserClaims");
            claim.HasKey(c => c.Id);
        });
        builder.Entity<BackOfficeUserLogin>(login =>
        {
            login.ToTable("BackOfficeUserLogins");
            login.HasKey(l => new { l.LoginProvider, l.ProviderKey });
        });
        builder.Entity<BackOfficeUserToken>(token =>
        {
            token.ToTable("BackOfficeUserTokens");
            token.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
        });
        builder.Entity<BackOfficeUserRole>(userRole =>
        {
            userRole.ToTable("BackOfficeUserRoles");
            userRole.HasKey(r => new { r.UserId, r.RoleId });
        });
        builder.Entity<BackOfficeRoleClaim>(claim =>
        {
            claim.ToTable("BackOfficeRoleClaims");
            claim.HasKey(c => c.Id);
        });
    }

    /// <summary>Applications and their history, reference and place counters, site settings, subscribers and announcements.</summary>
    private static void ConfigureApplications(ModelBuilder builder)
    {
        builder.Entity<Applications.ApplicationEntity>(application =>
        {
            application.ToTable("Applications");
            application.HasIndex(a => a.Key).IsUnique();
            application.HasIndex(a => a.Reference).IsUnique();
            application.HasIndex(a => new { a.Form, a.Status, a.SubmittedUtc });
            application.HasIndex(a => a.SubmittedUtc);
            application.HasIndex(a => a.EventKey);
            application.HasIndex(a => a.ApplicantEmail);
            application.Property(a => a.Reference).HasMaxLength(20);
            application.Property(a => a.Form).HasMaxLength(32);
            application.Property(a => a.Culture).HasMaxLength(8);
            application.Property(a => a.Status).HasMaxLength(16);
            application.Property(a => a.ApplicantName).HasMaxLength(200);
            application.Property(a => a.ApplicantEmail).HasMaxLength(320);
            application.Property(a => a.Version).IsConcurrencyToken();
            application.HasMany(a => a.Notes).WithOne().HasForeignKey(n => n.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Applications.ApplicationNoteEntity>(note =>
        {
            note.ToTable("ApplicationNotes");
            note.HasIndex(n => new { n.ApplicationId, n.Utc });
            note.Property(n => n.User).HasMaxLength(256);
            note.Property(n => n.Action).HasMaxLength(64);
            note.Property(n => n.Text).HasMaxLength(4000);
        });

        builder.Entity<Applications.ApplicationCounterEntity>(counter =>
        {
            counter.ToTable("ApplicationCounters");
            counter.HasKey(c => c.Year);
            counter.Property(c => c.Year).ValueGeneratedNever();
            counter.Property(c => c.Version).IsConcurrencyToken();
        });

        builder.Entity<Applications.EventPlacesEntity>(places =>
        {
            places.ToTable("EventPlaces");
            places.HasKey(p => p.EventKey);
            places.Property(p => p.Version).IsConcurrencyToken();
        });

        builder.Entity<Applications.SiteSettingEntity>(setting =>
        {
            setting.ToTable("SiteSettings");
            setting.HasKey(s => s.Name);
            setting.Property(s => s.Name).HasMaxLength(100);
            setting.Property(s => s.Value).HasMaxLength(4000);
            setting.Property(s => s.UpdatedBy).HasMaxLength(256);
        });

        builder.Entity<Announcements.SubscriberEntity>(subscriber =>
        {
            subscriber.ToTable("Subscribers");
            subscriber.HasIndex(s => new { s.NormalizedEmail, s.Culture }).IsUnique();
            subscriber.HasIndex(s => s.Token).IsUnique();
            subscriber.Property(s => s.Email).HasMaxLength(320);
            subscriber.Property(s => s.NormalizedEmail).HasMaxLength(320);
            subscriber.Property(s => s.Culture).HasMaxLength(8);
            subscriber.Property(s => s.Token).HasMaxLength(64);
        });

        builder.Entity<Announcements.AnnouncementEntity>(announcement =>
        {
            announcement.ToTable("Announcements");
            announcement.HasIndex(a => a.Key).IsUnique();
            announcement.Property(a => a.Culture).HasMaxLength(8);
            announcement.Property(a => a.Subject).HasMaxLength(500);
            announcement.Property(a => a.CreatedBy).HasMaxLength(256);
            announcement.Property(a => a.SentBy).HasMaxLength(256);
        });
    }

    /// <summary>
    /// The member identity's tables (Member*), configured as Identity's IdentityDbContext would (schema version 3, with
    /// passkeys), and the member groups every database starts with.
    /// </summary>
    private static void ConfigureMemberIdentity(ModelBuilder builder)
    {
        builder.Entity<Member>(member =>
        {
            member.ToTable("Members");
            member.HasKey(m => m.Id);
            member.HasIndex(m => m.NormalizedUserName).HasDatabaseName("MemberUserNameIndex").IsUnique();
            member.HasIndex(m => m.NormalizedEmail).HasDatabaseName("MemberEmailIndex");
            member.HasIndex(m => m.CreatedUtc);
            member.Property(m => m.ConcurrencyStamp).IsConcurrencyToken();
            member.Property(m => m.UserName).HasMaxLength(256);
            member.Property(m => m.NormalizedUserName).HasMaxLength(256);
            member.Property(m => m.Email).HasMaxLength(256);
            member.Property(m => m.NormalizedEmail).HasMaxLength(256);
            member.Property(m => m.PhoneNumber).HasMaxLength(40);
            member.Property(m => m.Name).HasMaxLength(200);
            member.Property(m => m.Position).HasMaxLength(200);
            member.Property(m => m.Community).HasMaxLength(200);
            member.Property(m => m.Region).HasMaxLength(8);
            member.Property(m => m.PreferredCulture).HasMaxLength(8);
            member.HasMany<MemberClaim>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
            member.HasMany<MemberLogin>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
            member.HasMany<MemberToken>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
            member.HasMany<MemberGroupMembership>().WithOne().HasForeignKey(r => r.UserId).IsRequired();
            member.HasMany<MemberPasskey>().WithOne().HasForeignKey(p => p.UserId).IsRequired();
        });

        builder.Entity<MemberGroup>(group =>
        {
            group.ToTable("MemberGroups");
            group.HasKey(g => g.Id);
            group.HasIndex(g => g.NormalizedName).HasDatabaseName("MemberGroupNameIndex").IsUnique();
            group.Property(g => g.ConcurrencyStamp).IsConcurrencyToken();
            group.Property(g => g.Name).HasMaxLength(256);
            group.Property(g => g.NormalizedName).HasMaxLength(256);
            group.HasMany<MemberGroupMembership>().WithOne().HasForeignKey(r => r.RoleId).IsRequired();
            group.HasMany<MemberGroupClaim>().WithOne().HasForeignKey(c => c.RoleId).IsRequired();
            group.HasData(global::MayorsClub.Core.Members.MemberGroups.Seed);
        });

        builder.Entity<MemberClaim>(claim =>
        {
            claim.ToTable("MemberClaims");
            claim.HasKey(c => c.Id);
        });
        builder.Entity<MemberLogin>(login =>
        {
            login.ToTable("MemberLogins");
            login.HasKey(l => new { l.LoginProvider, l.ProviderKey });
        });
        builder.Entity<MemberToken>(token =>
        {
            token.ToTable("MemberTokens");
            token.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
        });
        builder.Entity<MemberGroupMembership>(membership =>
        {
            membership.ToTable("MemberGroupMemberships");
            membership.HasKey(m => new { m.UserId, m.RoleId });
        });
        builder.Entity<MemberGroupClaim>(claim =>
        {
            claim.ToTable("MemberGroupClaims");
            claim.HasKey(c => c.Id);
        });
        builder.Entity<MemberPasskey>(passkey =>
        {
            passkey.ToTable("MemberPasskeys");
            passkey.HasKey(p => p.CredentialId);
            // WebAuthn credential ids are at most 1023 bytes.
            passkey.Property(p => p.CredentialId).HasMaxLength(1024);
            passkey.OwnsOne(p => p.Data).ToJson();
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
