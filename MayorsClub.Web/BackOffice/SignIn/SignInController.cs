using System.ComponentModel.DataAnnotations;
using MayorsClub.Core.Content;
using MayorsClub.Core.Users;
using MayorsClub.Web.BackOffice.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NodaTime;

namespace MayorsClub.Web.BackOffice.SignIn;

/// <summary>Signing in to and out of the back office: the password, then (if the user turned it on) a code from their authenticator app or a recovery code.</summary>
[AllowAnonymous]
public sealed class SignInController(
    SignInManager<BackOfficeUser> signIn, UserManager<BackOfficeUser> users, IPasswordHasher<BackOfficeUser> hasher, ISignInThrottle throttle, IClock clock)
    : BackOfficeController
{
    public const string TwoFactorPath = "/umbraco/login/two-factor";
    public const string RecoveryPath = "/umbraco/login/recovery";

    public sealed class SignInForm
    {
        [Required]
        public string Email { get; set; } = "";

        [Required]
        public string Password { get; set; } = "";

        public string? ReturnUrl { get; set; }
    }

    public sealed class CodeForm
    {
        [Required]
        public string Code { get; set; } = "";

        public string? ReturnUrl { get; set; }
    }

    /// <param name="Notice">A confirmation to show above the form (e.g. "your password is saved").</param>
    public sealed record SignInPage(SignInForm Form, string? Error, string UiCulture, string? Notice = null);

    /// <param name="Recovery">The recovery-code form rather than the authenticator-code one.</param>
    public sealed record CodePage(bool Recovery, string? ReturnUrl, string? Error, string UiCulture);

    [HttpGet(BackOfficeSecurity.LoginPath)]
    public IActionResult Index(string? returnUrl, string? done) =>
        View(new SignInPage(new SignInForm { ReturnUrl = returnUrl }, null, UiCulture,
            done == "password" ? UsersText.Get(UsersText.PasswordSetSignIn, UiCulture) : null));

    [HttpPost(BackOfficeSecurity.LoginPath)]
    [EnableRateLimiting(BackOfficeSecurity.SignInRateLimit)]
    public async Task<IActionResult> Index(SignInForm form)
    {
        if (!ModelState.IsValid)
        {
            return Refused(form, T(BackOfficeText.FieldRequired));
        }

        // Unknown and known e-mails get the same answers, take as long (a password is checked either way) and are
        // throttled alike: failures count against the e-mail as typed and the client's address, never lock the account.
        var account = ThrottledAccount.Password(form.Email);
        if (throttle.RetryAfter(account, ClientAddress) is { } wait)
        {
            return Throttled(form, wait);
        }

        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is null)
        {
            UnknownAccount.VerifyPassword(hasher, form.Password);
            return Failed(form, account);
        }

        if (user.IsDisabled())
        {
            // Only someone who knows the password learns that the account is disabled rather than the password wrong.
            if (!await users.CheckPasswordAsync(user, form.Password))
            {
                return Failed(form, account);
            }

            throttle.Succeeded(account, ClientAddress);
            return Refused(form, UsersText.Get(UsersText.AccountDisabled, UiCulture));
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: false);
        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            return Failed(form, account);
        }

        throttle.Succeeded(account, ClientAddress);
        return result.RequiresTwoFactor
            ? LocalRedirect(WithReturnUrl(TwoFactorPath, form.ReturnUrl))
            : await SignedInAsync(user, form.ReturnUrl);
    }

    [HttpGet(TwoFactorPath)]
    public async Task<IActionResult> TwoFactor(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? Expired()
            : CodeView(new CodePage(false, returnUrl, null, UiCulture));

    [HttpPost(TwoFactorPath)]
    [EnableRateLimiting(BackOfficeSecurity.SignInRateLimit)]
    public async Task<IActionResult> TwoFactor(CodeForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Expired();
        }

        if (string.IsNullOrWhiteSpace(form.Code))
        {
            return CodeView(new CodePage(false, form.ReturnUrl, T(BackOfficeText.FieldRequired), UiCulture), StatusCodes.Status400BadRequest);
        }

        if (throttle.RetryAfter(ThrottledAccount.SecondFactor(user), ClientAddress) is { } wait)
        {
            return CodeView(new CodePage(false, form.ReturnUrl, TooManyAttempts(wait), UiCulture), StatusCodes.Status429TooManyRequests, wait);
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(NormalizeCode(form.Code), isPersistent: false, rememberClient: false);
        return await SecondFactorCheckedAsync(user, result.Succeeded, form.ReturnUrl)
            ?? CodeView(new CodePage(false, form.ReturnUrl, UsersText.Get(UsersText.CodeWrong, UiCulture), UiCulture), StatusCodes.Status400BadRequest);
    }

    [HttpGet(RecoveryPath)]
    public async Task<IActionResult> Recovery(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? Expired()
            : CodeView(new CodePage(true, returnUrl, null, UiCulture));

    [HttpPost(RecoveryPath)]
    [EnableRateLimiting(BackOfficeSecurity.SignInRateLimit)]
    public async Task<IActionResult> Recovery(CodeForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Expired();
        }

        var code = (form.Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            return CodeView(new CodePage(true, form.ReturnUrl, T(BackOfficeText.FieldRequired), UiCulture), StatusCodes.Status400BadRequest);
        }

        if (throttle.RetryAfter(ThrottledAccount.SecondFactor(user), ClientAddress) is { } wait)
        {
            return CodeView(new CodePage(true, form.ReturnUrl, TooManyAttempts(wait), UiCulture), StatusCodes.Status429TooManyRequests, wait);
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        return await SecondFactorCheckedAsync(user, result.Succeeded, form.ReturnUrl)
            ?? CodeView(new CodePage(true, form.ReturnUrl, UsersText.Get(UsersText.RecoveryCodeWrong, UiCulture), UiCulture), StatusCodes.Status400BadRequest);
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
        var view = View(nameof(Denied), UiCulture);
        view.StatusCode = StatusCodes.Status403Forbidden;
        return view;
    }

    /// <summary>The interface language travels in a cookie under /umbraco; the user's saved choice sets it at sign-in.</summary>
    public static void SetLanguageCookie(HttpResponse response, string culture) =>
        response.Cookies.Append(LanguageCookie, Cultures.IsSupported(culture) ? culture : Cultures.Default,
            new CookieOptions { Path = BackOfficeSecurity.BasePath, HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });

    private async Task<IActionResult> SignedInAsync(BackOfficeUser user, string? returnUrl)
    {
        SetLanguageCookie(Response, user.UiCulture);
        await users.SetAuthenticationTokenAsync(user, BackOfficeUserAdministration.SignInRecordProvider, BackOfficeUserAdministration.LastSignInToken,
            clock.GetCurrentInstant().ToDateTimeUtc().ToString("O"));
        return LocalRedirect(IsBackOfficeUrl(returnUrl) ? returnUrl! : BackOfficeSecurity.BasePath);
    }

    /// <summary>The step between password and code has timed out (or was never started): back to the password.</summary>
    private ViewResult Expired()
    {
        var view = View(nameof(Index), new SignInPage(new SignInForm(), UsersText.Get(UsersText.TwoFactorExpired, UiCulture), UiCulture));
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }

    /// <summary>Signs in after a right code; counts a wrong one (null: the caller shows the form again).</summary>
    private async Task<IActionResult?> SecondFactorCheckedAsync(BackOfficeUser user, bool succeeded, string? returnUrl)
    {
        if (!succeeded)
        {
            throttle.Failed(ThrottledAccount.SecondFactor(user), ClientAddress);
            return null;
        }

        throttle.Succeeded(ThrottledAccount.SecondFactor(user), ClientAddress);
        return await SignedInAsync(user, returnUrl);
    }

    private ViewResult CodeView(CodePage page, int status = StatusCodes.Status200OK, TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } wait)
        {
            Infrastructure.TooManyRequests.SetRetryAfter(Response, wait);
        }

        if (!IsBackOfficeUrl(page.ReturnUrl))
        {
            page = page with { ReturnUrl = null };
        }

        var view = View(nameof(TwoFactor), page);
        view.StatusCode = status;
        return view;
    }

    private static string NormalizeCode(string? code) =>
        new((code ?? "").Where(char.IsAsciiDigit).ToArray());

    private System.Net.IPAddress? ClientAddress => HttpContext.Connection.RemoteIpAddress;

    private string TooManyAttempts(TimeSpan wait) =>
        UsersText.Format(UsersText.TooManyAttempts, UiCulture, (int)Math.Ceiling(wait.TotalMinutes));

    private ViewResult Failed(SignInForm form, string account)
    {
        throttle.Failed(account, ClientAddress);
        return Refused(form, T(BackOfficeText.SignInFailed));
    }

    /// <summary>429 with Retry-After and the sign-in page saying how long to wait: the same for every e-mail.</summary>
    private ViewResult Throttled(SignInForm form, TimeSpan wait)
    {
        Infrastructure.TooManyRequests.SetRetryAfter(Response, wait);
        var view = Refused(form, TooManyAttempts(wait));
        view.StatusCode = StatusCodes.Status429TooManyRequests;
        return view;
    }

    private ViewResult Refused(SignInForm form, string error)
    {
        form.Password = "";
        var view = View(new SignInPage(form, error, UiCulture));
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }

    private string WithReturnUrl(string path, string? returnUrl) =>
        IsBackOfficeUrl(returnUrl) ? $"{path}?returnUrl={Uri.EscapeDataString(returnUrl!)}" : path;

    private bool IsBackOfficeUrl(string? url) =>
        !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) && url.StartsWith(BackOfficeSecurity.BasePath, StringComparison.OrdinalIgnoreCase);
}
