using MayorsClub.Core.Announcements;
using MayorsClub.Core.Applications;
using MayorsClub.Core.Changes;
using MayorsClub.Core.Cluster;
using MayorsClub.Core.Content;
using MayorsClub.Core.Email;
using MayorsClub.Core.Imaging;
using MayorsClub.Core.Media;
using MayorsClub.Core.Members;
using MayorsClub.Core.Publishing;
using MayorsClub.Core.Setup;
using MayorsClub.Core.Search;
using MayorsClub.Core.Users;
using MayorsClub.Web.Announcements;
using MayorsClub.Web.Applications;
using MayorsClub.Web.Backup;
using MayorsClub.Web.BackOffice;
using MayorsClub.Web.BackOffice.Members;
using MayorsClub.Web.BackOffice.Users;
using MayorsClub.Web.Calendar;
using MayorsClub.Web.Cluster;
using MayorsClub.Web.Delivery;
using MayorsClub.Web.Forms;
using MayorsClub.Web.Infrastructure;
using MayorsClub.Web.ManagementApi;
using MayorsClub.Web.Search;
using MayorsClub.Web.Members;
using MayorsClub.Web.Operations;
using MayorsClub.Web.Media;
using MayorsClub.Web.Seo;
using MayorsClub.Web.Site;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = Path.Combine(SitePaths.FindRoot(Directory.GetCurrentDirectory()), "wwwroot"),
});

// Responses do not name the server (see SecurityHeaders for the headers they do carry).
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

// Each feature adds its services here and its middleware and endpoints below; nothing is added from elsewhere
// (no IStartupFilter), so the pipeline reads top to bottom in this file.
builder.AddMayorsClubLogging();
builder.AddMayorsClubOperations();
builder.AddMayorsClubDataProtection();
builder.AddMayorsClubPublicAddress();
builder.AddMayorsClubSourceMapRule();
builder.Services.AddMayorsClubForwardedHeaders(builder.Configuration);
builder.Services.AddMayorsClubCore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddMayorsClubCluster(builder.Configuration);
builder.Services.AddMayorsClubContent();
builder.Services.AddMayorsClubPublishing();
builder.Services.AddMayorsClubChangeFeed();
builder.Services.AddMayorsClubSearch();
builder.Services.AddMayorsClubMedia();
builder.Services.AddMayorsClubImaging();
builder.Services.AddMayorsClubEmail();
builder.Services.AddMayorsClubBackOfficeIdentity();
builder.Services.AddMayorsClubMembers();
builder.Services.AddMayorsClubApplications();
builder.Services.AddMayorsClubAnnouncements();
builder.Services.AddMayorsClubSite();
builder.Services.AddMayorsClubCalendar();
builder.Services.AddMayorsClubPublicForms();
builder.Services.AddMayorsClubApplicationForms();
builder.Services.AddMayorsClubAnnouncementPages();
builder.Services.AddMayorsClubSearchPages();
builder.Services.AddMayorsClubPageCaching();
builder.Services.AddMayorsClubBackOffice();
builder.Services.AddMayorsClubMemberSignIn();
builder.Services.AddMayorsClubProtectedMedia();
builder.Services.AddMayorsClubBackOfficeUsers();
builder.Services.AddMayorsClubBackOfficeMembers();
builder.Services.AddMayorsClubApplicationReview();
builder.Services.AddMayorsClubManagementApi(builder.Configuration);
builder.Services.AddMayorsClubDeliveryApi(builder.Configuration);
builder.Services.AddMayorsClubContentSection();
builder.Services.AddMayorsClubBackupPage();
builder.Services.AddMayorsClubWriteRateLimit(builder.Configuration);

var app = builder.Build();

if (args is [AdministratorAccess.ResetCommand, ..])
{
    Environment.ExitCode = await AdministratorCommands.ResetPasswordAsync(app.Services, args.ElementAtOrDefault(1));
    return;
}

if (args is [AdministratorCommands.BackupCommand, ..])
{
    Environment.ExitCode = await AdministratorCommands.BackupAsync(app.Services, args.ElementAtOrDefault(1));
    return;
}

// First: its middleware wraps every other, so each response gets the security headers.
app.UseMayorsClubSecurityHeaders();
// Before anything reads the client's address, scheme or host: proxies' X-Forwarded-*, then the cookie policy.
app.UseMayorsClubForwardedHeaders();
// One log event per request, with the client's address as forwarded, around everything that follows.
app.UseMayorsClubRequestLogging();
app.UseHostFiltering();
// Management API errors as ProblemDetails, and the token endpoint's rate limit (before authentication, which checks client secrets).
app.UseMayorsClubManagementApiErrors();
app.UseMayorsClubErrorPages();
// Inside both error handlers: a database outage answers 503 (ProblemDetails in the APIs, the localized page elsewhere).
app.UseMayorsClubDatabaseOutage();
app.UseMayorsClubReadiness();
app.UseStaticFiles();
app.UseMayorsClubHeadRequests();
// Resized images, like static files, before the culture, the page cache, routing and authentication.
app.UseMayorsClubImageVariants();
app.UseMayorsClubCultureCase();
app.UseMayorsClubCultureCookie();
app.UseMayorsClubPageCache();
app.UseMayorsClubDeliveryApi();
app.UseRouting();
app.UseMayorsClubBackOffice();
app.UseMayorsClubMembers();
app.UseMayorsClubPageRecording();
app.MapMayorsClubHealth();
app.MapMayorsClubOperations();
app.MapMayorsClubSeo();
app.MapMayorsClubCalendar();
app.MapMayorsClubManagementApi();
app.MapMayorsClubDeliveryApi();
app.MapMayorsClubMedia();
app.MapMayorsClubProtectedMedia();
app.MapMayorsClubPublicForms();
app.MapMayorsClubSearch();
app.MapMayorsClubSite();

app.Run();

/// <summary>The web application; public so integration tests can host it.</summary>
public partial class Program;
