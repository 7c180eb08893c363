using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MayorsClub.Core.Backup;
using MayorsClub.Core.Media;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using MayorsClub.Tests.Infrastructure;
using MayorsClub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Npgsql;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// Backup and restore as the README tells an administrator to do them: on SQLite the back office's backup (a zip taken
/// while the site serves), on PostgreSQL pg_dump -Fc and pg_restore plus a copy of the media folder; then a new site on a
/// "new machine" (a new data folder, a new database) started on the restored files serves the same pages and media, and
/// the sign-ins made before the backup still work (the keys are in the database).
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed partial class BackupTests(DatabaseProvider provider)
{
    private const string MemberPassword = "Backup-member-password-1";
    private static readonly string[] Pages = ["/uk/", "/en/", "/en/news"];

    private TestSite _site = null!;
    private TestSite _restored = null!;
    private readonly CookieContainer _adminBrowser = new();
    private MediaItem _photo = null!;
    private string _memberEmail = null!;
    private string _work = null!;

    [OneTimeSetUp]
    public async Task BackUpARunningSite_AndRestoreItOnANewMachine()
    {
        _work = Directory.CreateTempSubdirectory("mayorsclub-backup-").FullName;
        _site = await TestSite.StartAsync(provider);
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            using var png = Image.Black(320, 200).NewFromImage(200, 120, 20).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
            var uploaded = await scope.ServiceProvider.GetRequiredService<MediaUploader>().UploadAsync(
                new MediaUploader.UploadCommand(new MemoryStream(png.PngsaveBuffer()), "Засідання.png", null, false, TestSite.AdminEmail));
            Assert.That(uploaded.Succeeded, Is.True, string.Join(", ", uploaded.Errors));
            _photo = uploaded.Item!;
        }

        _memberEmail = MemberSession.NewEmail("backup");
        await MemberSession.CreateMemberAsync(_site, _memberEmail, MemberPassword);
        using (var signIn = await BackOfficeSession.PostSignInAsync(AdminBrowser(_site), TestSite.AdminEmail, TestSite.AdminPassword))
        {
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }

        Func<TestDatabase, Task> restore;
        if (provider == DatabaseProvider.Sqlite)
        {
            var zip = Path.Combine(_work, "backup.zip");
            await File.WriteAllBytesAsync(zip, await DownloadBackupAsync());
            restore = database =>
            {
                using var archive = ZipFile.OpenRead(zip);
                foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith(SiteBackup.MediaFolder, StringComparison.Ordinal)))
                {
                    var target = Path.Combine(database.DataPath, entry.FullName);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    entry.ExtractToFile(target);
                }

                // The test database's file is site.db (a site with default settings finds mayorsclub.sqlite.db as it is).
                archive.GetEntry(SiteBackup.DatabaseEntry)!.ExtractToFile(Path.Combine(database.DataPath, "site.db"));
                return Task.CompletedTask;
            };
        }
        else
        {
            var dump = Path.Combine(_work, "site.dump");
            await PostgresToolAsync("pg_dump", _site.Database.ConnectionString, "-Fc", "-f", dump);
            restore = async database =>
            {
                await PostgresToolAsync("pg_restore", database.ConnectionString, "--no-owner", "--no-privileges", dump);
                CopyFolder(Path.Combine(_site.Database.DataPath, "media"), Path.Combine(database.DataPath, "media"));
            };
        }

        _restored = await TestSite.StartAsync(provider, demoContent: false, beforeStart: restore);
    }

    [OneTimeTearDown]
    public async Task StopSites()
    {
        await _restored.DisposeAsync();
        await _site.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    private HttpClient AdminBrowser(TestSite site) => site.CreateDefaultClient(new CookieContainerHandler(_adminBrowser));

    private async Task<byte[]> DownloadBackupAsync()
    {
        var admin = AdminBrowser(_site);
        var token = await Antiforgery.TokenAsync(admin, BackupPath);
        using var response = await admin.PostAsync(BackupPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/zip"));
        Assert.That(response.Content.Headers.ContentDisposition?.FileName, Does.Match(@"^""?mayorsclub-backup-\d{4}-\d\d-\d\d-\d{4}\.zip""?$"));
        return await response.Content.ReadAsByteArrayAsync();
    }

    private const string BackupPath = "/umbraco/backup";

    [Test]
    public async Task TheRestoredSite_ServesTheSamePages()
    {
        using var before = _site.CreateClient();
        using var after = _restored.CreateClient();
        foreach (var page in Pages)
        {
            var original = await before.GetStringAsync(page);
            var restored = await after.GetStringAsync(page);

            Assert.That(MainOf(restored), Is.EqualTo(MainOf(original)), page);
            Assert.That(MainOf(original), Does.Contain("<h1"), page);
        }
    }

    [Test]
    public async Task TheRestoredSite_ServesTheSameMediaBytes()
    {
        using var before = _site.CreateClient();
        using var after = _restored.CreateClient();
        var url = _photo.PublicUrl!.Split('?')[0];

        var restored = await after.GetByteArrayAsync(url);

        Assert.That(restored, Is.EqualTo(await before.GetByteArrayAsync(url)));
        Assert.That(restored.Length, Is.GreaterThan(100));
    }

    [Test]
    public async Task SignInsFromBeforeTheBackup_StillWork_AndMembersSignIn()
    {
        using var dashboard = await AdminBrowser(_restored).GetAsync("/umbraco");
        using var member = BackOfficeSession.Anonymous(_restored);
        using var memberSignIn = await MemberSession.PostSignInAsync(member, _memberEmail, MemberPassword);
        using var editorSignIn = await BackOfficeSession.PostSignInAsync(BackOfficeSession.Anonymous(_restored), TestSite.AdminEmail, TestSite.AdminPassword);

        Assert.That(dashboard.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the administrator's cookie from the old site opens the restored one");
        Assert.That(memberSignIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the member signs in");
        Assert.That(editorSignIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the administrator signs in");
    }

    [Test]
    public async Task TheBackupAction_IsForAdministrators_WithAnAntiforgeryToken()
    {
        using var editor = await BackOfficeSession.SignInAsync(_site, "backup-editor@test.local", "Backup-editor-password-1", BackOfficeGroups.Editors);
        var token = await Antiforgery.TokenAsync(editor.Client, "/umbraco");
        using var asEditor = await editor.Client.PostAsync(BackupPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        using var pageAsEditor = await editor.Client.GetAsync(BackupPath);
        using var withoutToken = await AdminBrowser(_site).PostAsync(BackupPath, new FormUrlEncodedContent(new Dictionary<string, string>()));
        using var anonymous = await BackOfficeSession.Anonymous(_site).PostAsync(BackupPath, new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.That(asEditor.Headers.Location?.AbsolutePath, Is.EqualTo("/umbraco/denied"));
        Assert.That(pageAsEditor.Headers.Location?.AbsolutePath, Is.EqualTo("/umbraco/denied"));
        Assert.That(withoutToken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(anonymous.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
        Assert.That(anonymous.Content.Headers.ContentType?.MediaType, Is.Not.EqualTo("application/zip"));
    }

    [Test]
    public async Task TheBackupPage_OffersTheDownloadOnSqlite_AndNamesPgDumpOnPostgreSql()
    {
        var admin = AdminBrowser(_site); // in Ukrainian, the back office's first language
        var page = await admin.GetStringAsync(BackupPath);

        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.That(page, Does.Contain("Завантажити резервну копію").And.Contain($"action=\"{BackupPath}\""));
            await using var scope = _site.Services.CreateAsyncScope();
            var audit = scope.ServiceProvider.GetRequiredService<MayorsClubDbContext>().AuditEntries.Where(a => a.Action == SiteBackup.AuditAction).ToList();
            Assert.That(audit.Select(a => a.User), Does.Contain(TestSite.AdminEmail), "the download is in the audit log");
        }
        else
        {
            Assert.That(page, Does.Contain("pg_dump").And.Not.Contain("Завантажити резервну копію"));
            var token = await Antiforgery.TokenAsync(admin, BackupPath);
            using var post = await admin.PostAsync(BackupPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(await post.Content.ReadAsStringAsync(), Does.Contain("pg_dump"));
        }
    }

    [Test]
    public async Task TheBackupCommand_WritesTheZip_OnSqliteOnly_AndNeverOverwrites()
    {
        var file = Path.Combine(_work, "command.zip");

        var exit = await AdministratorCommands.BackupAsync(_site.Services, file);

        if (provider == DatabaseProvider.PostgreSql)
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(File.Exists(file), Is.False);
            return;
        }

        Assert.That(exit, Is.EqualTo(0));
        using (var archive = ZipFile.OpenRead(file))
        {
            await using var manifestStream = archive.GetEntry(SiteBackup.ManifestEntry)!.Open();
            var manifest = (await JsonSerializer.DeserializeAsync<SiteBackup.Manifest>(manifestStream, SiteBackup.ManifestJson))!;
            Assert.That(manifest.Provider, Is.EqualTo("Sqlite"));
            Assert.That(manifest.MediaFiles, Is.GreaterThan(0).And.EqualTo(archive.Entries.Count(e => e.FullName.StartsWith(SiteBackup.MediaFolder, StringComparison.Ordinal))));
            Assert.That(archive.GetEntry(SiteBackup.DatabaseEntry)!.Length, Is.GreaterThan(0));
        }

        Assert.That(await AdministratorCommands.BackupAsync(_site.Services, file), Is.EqualTo(2), "an existing file is left alone");
    }

    /// <summary>The page's main content: what the restored site must render the same.</summary>
    private static string MainOf(string html) => MainElement().Match(html).Value;

    [GeneratedRegex("<main[\\s\\S]*</main>")]
    private static partial Regex MainElement();

    /// <summary>pg_dump or pg_restore from the newest PostgreSQL on the machine (as scripts/test.sh finds it), on the database of <paramref name="connectionString"/>.</summary>
    private static async Task PostgresToolAsync(string tool, string connectionString, params string[] arguments)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, tool)))
            .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var version) ? version : 0).Last();
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Path.Combine(bin, tool)) { RedirectStandardError = true };
        foreach (var argument in new[] { "-h", connection.Host!, "-p", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", connection.Username!, "-d", connection.Database! }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.EqualTo(0), $"{tool}: {errors}");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
