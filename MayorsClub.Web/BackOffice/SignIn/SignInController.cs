using System.ComponentModel.DataAnnotations;
using MayorsClub.Core.Content;
using MayorsClub.Core.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace MayorsClub.Web.BackOffice.SignIn;

/// <summary>Signing in to and out of the back office.</summary>
[AllowAnonymous]
public sealed class SignInController(SignInManager<BackOfficeUser> signIn, UserManager<BackOfficeUser> users) : BackOfficeController
{
    public sealed class SignInForm
    {
        [Required]
        public string Email { get; set; } = "";

        [Required]
        public string Password { get; set; } = "";

        public string? ReturnUrl { get; set; }
    }

    public sealed record SignInPage(SignInForm Form, string? Error, string UiCulture);

    [HttpGet(BackOfficeSecurity.LoginPath)]
    public IActionResult Index(string? returnUrl) =>
        View(new SignInPage(new SignInForm { ReturnUrl = returnUrl }, null, UiCulture));

    [HttpPost(BackOfficeSecurity.LoginPath)]
    [EnableRateLimiting(BackOfficeSecurity.SignInRateLimit)]
    public async Task<IActionResult> Index(SignInForm form)
    {
        if (!ModelState.IsValid)
        {
            return Refused(form, T(BackOfficeText.FieldRequired));
        }

        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is null)
        {
            return Refused(form, T(BackOfficeText.SignInFailed));
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Refused(form, T(BackOfficeText.LockedOut));
        }

        if (!result.Succeeded)
        {
            return Refused(form, T(BackOfficeText.SignInFailed));
        }

        Response.Cookies.Append(LanguageCookie, Cultures.IsSupported(user.UiCulture) ? user.UiCulture : Cultures.Default,
            new CookieOptions { Path = BackOfficeSecurity.BasePath, HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true });
        return LocalRedirect(IsBackOfficeUrl(form.ReturnUrl) ? form.ReturnUrl! : BackOfficeSecurity.BasePath);
    }

    [HttpPost("/umbraco/logout")]
    public async Task<IActionResult> SignOutOfBackOffice()
    {
        await signIn.SignOutAsync();
        return LocalRedirect(BackOfficeSecurity.LoginPath);
    }

    [HttpGet("/umbraco/denied")]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View((object)UiCulture);
    }

    private ViewResult Refused(SignInForm form, string error)
    {
        form.Password = "";
        var view = View(new SignInPage(form, error, UiCulture));
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }

    private bool IsBackOfficeUrl(string? url) =>
        !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) && url.StartsWith(BackOfficeSecurity.BasePath, StringComparison.OrdinalIgnoreCase);
}
