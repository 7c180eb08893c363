using MayorsClub.Core.Setup;
using MayorsClub.Web.BackOffice;
using MayorsClub.Web.BackOffice.Users;
using MayorsClub.Web.Infrastructure;
using MayorsClub.Web.ManagementApi;
using MayorsClub.Web.Seo;
using MayorsClub.Web.Site;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = Path.Combine(SitePaths.FindRoot(Directory.GetCurrentDirectory()), "wwwroot"),
});

// Responses do not name the server (see SecurityHeaders for the headers they do carry).
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
// First: its middleware wraps every other, so each response gets the security headers.
builder.Services.AddMayorsClubSecurityHeaders();

builder.AddMayorsClubLogging();
builder.AddMayorsClubDataProtection();
builder.AddMayorsClubPublicAddress();
builder.AddMayorsClubSourceMapRule();
builder.Services.AddMayorsClubForwardedHeaders(builder.Configuration);
builder.Services.AddMayorsClubCore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddMayorsClubSite();
builder.Services.AddMayorsClubPageCaching();
builder.Services.AddMayorsClubBackOffice();
builder.Services.AddMayorsClubBackOfficeUsers();
builder.Services.AddMayorsClubManagementApi(builder.Configuration);
builder.Services.AddMayorsClubContentSection();
builder.Services.AddMayorsClubWriteRateLimit(builder.Configuration);

var app = builder.Build();

if (args is [AdministratorAccess.ResetCommand, ..])
{
    Environment.ExitCode = await AdministratorCommands.ResetPasswordAsync(app.Services, args.ElementAtOrDefault(1));
    return;
}

app.UseMayorsClubErrorPages();
app.UseMayorsClubReadiness();
app.UseStaticFiles();
app.UseMayorsClubHeadRequests();
app.UseMayorsClubCultureCase();
app.UseMayorsClubCultureCookie();
app.UseMayorsClubPageCache();
app.UseRouting();
app.UseMayorsClubBackOffice();
app.UseMayorsClubPageRecording();
app.MapMayorsClubHealth();
app.MapMayorsClubSeo();
app.MapMayorsClubManagementApi();
MayorsClub.Web.Media.MediaEndpoints.MapMayorsClubMedia(app);
app.MapMayorsClubSite();

app.Run();

/// <summary>The web application; public so integration tests can host it.</summary>
public partial class Program;
