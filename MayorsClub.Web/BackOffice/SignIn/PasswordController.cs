using MayorsClub.Web.BackOffice.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MayorsClub.Web.BackOffice.SignIn;

/// <summary>"Forgot password?", and the pages the invitation and password-reset e-mails link to.</summary>
[AllowAnonymous]
public sealed class PasswordController(BackOfficePasswords passwords, IOptions<IdentityOptions> identity, ISignInThrottle throttle) : BackOfficeController
{
    public const string ForgotPath = "/umbraco/forgot-password";

    private const string Views = "/BackOffice/Views/SignIn/";

    public sealed class ForgotForm
    {
        public string Email { get; set; } = "";
    }

    public sealed class SetPasswordForm
    {
        public string? User { get; set; }
        public string? Token { get; set; }
        public string Password { get; set; } = "";
        public string Confirm { get; set; } = "";
    }

    public sealed record ForgotPage(string Email, bool Sent, string? Error, string UiCulture);

    /// <param name="Email">Whose password it is (shown on the invitation page), or null when the link is no good.</param>
    public sealed record SetPasswordPage(PasswordLink Kind, string? User, string? Token, string? Email, string Rules, IReadOnlyList<string> Errors, string UiCulture);

    [HttpGet(ForgotPath)]
    public IActionResult Forgot() => View(Views + "ForgotPassword.cshtml", new ForgotPage("", false, null, UiCulture));

    /// <summary>The same answer whether or not the address belongs to a user, so that the form does not tell who has an account.</summary>
    [HttpPost(ForgotPath)]
    [EnableRateLimiting(BackOfficeUsersSetup.PasswordResetRateLimit)]
    public async Task<IActionResult> Forgot(ForgotForm form, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(form.Email))
        {
            var refused = View(Views + "ForgotPassword.cshtml", new ForgotPage("", false, T(BackOfficeText.FieldRequired), UiCulture));
            refused.StatusCode = StatusCodes.Status400BadRequest;
            return refused;
        }

        await passwords.RequestResetAsync(form.Email, ct);
        return View(Views + "ForgotPassword.cshtml", new ForgotPage(form.Email.Trim(), true, null, UiCulture));
    }

    [HttpGet(BackOfficeEmails.ResetPasswordPath)]
    public Task<IActionResult> Reset(string? user, string? token) => ShowAsync(PasswordLink.Reset, user, token);

    [HttpPost(BackOfficeEmails.ResetPasswordPath)]
    [EnableRateLimiting(BackOfficeSecurity.SignInRateLimit)]
    public Task<IActionResult> Reset(SetPasswordForm form, CancellationToken ct) => SetAsync(PasswordLink.Reset, form, ct);

    [HttpGet(BackOfficeEmails.InvitationPath)]
    public Task<IActionResult> Invitation(string? user, string? token) => ShowAsync(PasswordLink.Invitation, user, token);

    [HttpPost(BackOfficeEmails.InvitationPath)]
    [EnableRateLimiting(BackOfficeSecurity.SignInRateLimit)]
    public Task<IActionResult> Invitation(SetPasswordForm form, CancellationToken ct) => SetAsync(PasswordLink.Invitation, form, ct);

    private async Task<IActionResult> ShowAsync(PasswordLink kind, string? user, string? token)
    {
        var owner = await passwords.UserOfLinkAsync(kind, user, token);
        return owner is null
            ? SetPasswordView(new SetPasswordPage(kind, null, null, null, "", [UsersText.Get(UsersText.LinkInvalid, UiCulture)], UiCulture), StatusCodes.Status400BadRequest)
            : SetPasswordView(new SetPasswordPage(kind, user, token, owner.Email, Rules, [], UiCulture));
    }

    private async Task<IActionResult> SetAsync(PasswordLink kind, SetPasswordForm form, CancellationToken ct)
    {
        // Guessing at links' tokens is slowed like guessing at passwords: per link user and client address.
        var account = ThrottledAccount.Link(form.User);
        var address = HttpContext.Connection.RemoteIpAddress;
        if (throttle.RetryAfter(account, address) is { } wait)
        {
            Infrastructure.TooManyRequests.SetRetryAfter(Response, wait);
            return SetPasswordView(new SetPasswordPage(kind, null, null, null, "",
                [UsersText.Format(UsersText.TooManyAttempts, UiCulture, (int)Math.Ceiling(wait.TotalMinutes))], UiCulture), StatusCodes.Status429TooManyRequests);
        }

        if (string.IsNullOrEmpty(form.Password) || form.Password != form.Confirm)
        {
            var owner = await passwords.UserOfLinkAsync(kind, form.User, form.Token);
            var error = string.IsNullOrEmpty(form.Password) ? T(BackOfficeText.FieldRequired) : UsersText.Get(UsersText.PasswordsDiffer, UiCulture);
            if (owner is null)
            {
                throttle.Failed(account, address);
            }

            return owner is null
                ? SetPasswordView(new SetPasswordPage(kind, null, null, null, "", [UsersText.Get(UsersText.LinkInvalid, UiCulture)], UiCulture), StatusCodes.Status400BadRequest)
                : SetPasswordView(new SetPasswordPage(kind, form.User, form.Token, owner.Email, Rules, [error], UiCulture), StatusCodes.Status400BadRequest);
        }

        var result = await passwords.SetPasswordAsync(kind, form.User, form.Token, form.Password, UiCulture, ct);
        if (result.Succeeded)
        {
            throttle.Succeeded(account, address);
            return LocalRedirect(BackOfficeSecurity.LoginPath + "?done=password");
        }

        if (result.LinkInvalid)
        {
            throttle.Failed(account, address);
            return SetPasswordView(new SetPasswordPage(kind, null, null, null, "", result.Errors, UiCulture), StatusCodes.Status400BadRequest);
        }

        var user = await passwords.UserOfLinkAsync(kind, form.User, form.Token);
        return SetPasswordView(new SetPasswordPage(kind, form.User, form.Token, user?.Email, Rules, result.Errors, UiCulture), StatusCodes.Status400BadRequest);
    }

    private string Rules => PasswordMessages.Rules(identity.Value.Password, UiCulture);

    private ViewResult SetPasswordView(SetPasswordPage page, int status = StatusCodes.Status200OK)
    {
        // The link's token is in the page: keep it out of caches and out of the Referer of any link followed from here.
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        var view = View(Views + "SetPassword.cshtml", page);
        view.StatusCode = status;
        return view;
    }
}
