using MayorsClub.Core.Members;
using MayorsClub.Core.Users;
using MayorsClub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NodaTime;

namespace MayorsClub.Web.Members;

/// <summary>Signing in (password or passkey) and out, "forgot password" and the set-password page its e-mail (and the back office's invitation) links to.</summary>
[AllowAnonymous]
public sealed class MemberAccountController(
    SignInManager<Member> signIn,
    UserManager<Member> users,
    IPasswordHasher<Member> hasher,
    MemberAccountLimiter limiter,
    MemberPasskeys passkeys,
    MemberEmails emails,
    UserChanges changes,
    IClock clock) : MemberController
{
    private const string Views = "/Members/Views/Account/";

    // A hash to check typed passwords against when the e-mail is unknown (or the account may not sign in), so that every
    // answer takes as long as a real check.
    private static readonly string DecoyHash = new PasswordHasher<Member>().HashPassword(new Member(), Guid.NewGuid().ToString());

    public sealed class SignInForm
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public bool RememberMe { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public sealed class PasskeyForm
    {
        public string? Credential { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public sealed class ForgotForm
    {
        public string? Email { get; set; }
    }

    public sealed class SetPasswordForm
    {
        public Guid? Member { get; set; }
        public string? Code { get; set; }
        public string? Password { get; set; }
        public string? Confirm { get; set; }
    }

    public sealed record SignInPage(string Culture, string Email, bool RememberMe, string? ReturnUrl, string? Error, string? Notice)
    {
        /// <summary>"Apply for membership": the home's membership page when it has one, else the home page.</summary>
        public string ApplyUrl { get; init; } = $"/{Culture}/";
    }

    public sealed record ForgotPage(string Culture, string Email, bool Sent, string? Error);

    /// <param name="Valid">False: the link is no good (the page says so and offers a new one).</param>
    public sealed record SetPasswordPage(string Culture, bool Valid, Guid? Member, string? Code, string? Email, int MinimumLength, IReadOnlyList<string> Errors);

    [HttpGet(CultureRoute + "/sign-in")]
    public IActionResult SignIn(string? returnUrl, string? done) =>
        SignInView(new SignInPage(Culture, "", false, LocalOrNull(returnUrl), null,
            done switch { "password" => T(MemberText.PasswordSetNotice), "signed-out" => T(MemberText.SignedOutNotice), _ => null }));

    [HttpPost(CultureRoute + "/sign-in")]
    [EnableRateLimiting(MemberSecurity.SignInRateLimit)]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        var email = (form.Email ?? "").Trim();
        var returnUrl = LocalOrNull(form.ReturnUrl);
        if (email.Length == 0 || string.IsNullOrEmpty(form.Password) || email.Length > 256 || form.Password.Length > 1000)
        {
            return SignInView(new SignInPage(Culture, email, form.RememberMe, returnUrl, T(MemberText.FieldRequired), null), StatusCodes.Status400BadRequest);
        }

        if (limiter.SignIn(email) is { } wait)
        {
            return TooMany(new SignInPage(Culture, email, form.RememberMe, returnUrl, TooManyAttempts(wait), null), wait);
        }

        var member = await users.FindByEmailAsync(email);
        if (member is null)
        {
            hasher.VerifyHashedPassword(new Member(), DecoyHash, form.Password);
            return Failed();
        }

        var result = await signIn.PasswordSignInAsync(member, form.Password, form.RememberMe, lockoutOnFailure: true);
        if (result.IsNotAllowed || (result.IsLockedOut && member.AccessFailedCount == 0))
        {
            // Refused before the password was checked (not approved, or locked): check one anyway, so it takes as long.
            hasher.VerifyHashedPassword(new Member(), DecoyHash, form.Password);
        }

        if (!result.Succeeded)
        {
            return Failed();
        }

        await RecordSignInAsync(member);
        return LocalRedirect(returnUrl ?? HomePath);

        ViewResult Failed() =>
            SignInView(new SignInPage(Culture, email, form.RememberMe, returnUrl, T(MemberText.SignInFailed), null), StatusCodes.Status400BadRequest);
    }

    /// <summary>The first half of signing in with a passkey: the options for navigator.credentials.get (any of the site's passkeys).</summary>
    [HttpPost(CultureRoute + "/passkey/options")]
    [EnableRateLimiting(MemberSecurity.SignInRateLimit)]
    public async Task<IActionResult> PasskeyOptions() =>
        Content(await passkeys.RequestOptionsAsync(), "application/json");

    [HttpPost(CultureRoute + "/passkey/sign-in")]
    [EnableRateLimiting(MemberSecurity.SignInRateLimit)]
    public async Task<IActionResult> PasskeySignIn(PasskeyForm form)
    {
        var returnUrl = LocalOrNull(form.ReturnUrl);
        var member = string.IsNullOrEmpty(form.Credential) || form.Credential.Length > 100_000 ? null : await passkeys.SignInAsync(form.Credential);
        if (member is null)
        {
            return SignInView(new SignInPage(Culture, "", false, returnUrl, T(MemberText.PasskeyFailed), null), StatusCodes.Status400BadRequest);
        }

        await RecordSignInAsync(member);
        return LocalRedirect(returnUrl ?? HomePath);
    }

    [HttpPost(CultureRoute + "/sign-out")]
    public async Task<IActionResult> SignOutOfSite()
    {
        await signIn.SignOutAsync();
        return LocalRedirect(HomePath);
    }

    [HttpGet(CultureRoute + "/forgot-password")]
    public IActionResult ForgotPassword() => ForgotView(new ForgotPage(Culture, "", false, null));

    /// <summary>The same answer whether or not the address belongs to a member: the e-mail goes only to an approved one.</summary>
    [HttpPost(CultureRoute + "/forgot-password")]
    [EnableRateLimiting(MemberSecurity.ForgotPasswordRateLimit)]
    public async Task<IActionResult> ForgotPassword(ForgotForm form, CancellationToken ct)
    {
        var email = (form.Email ?? "").Trim();
        if (email.Length == 0 || email.Length > 256)
        {
            return ForgotView(new ForgotPage(Culture, email, false, T(MemberText.FieldRequired)), StatusCodes.Status400BadRequest);
        }

        if (limiter.ForgotPassword(email) is { } wait)
        {
            Infrastructure.TooManyRequests.SetRetryAfter(Response, wait);
            return ForgotView(new ForgotPage(Culture, email, false, TooManyAttempts(wait)), StatusCodes.Status429TooManyRequests);
        }

        var member = await users.FindByEmailAsync(email);
        if (member is { IsApproved: true, Email: not null })
        {
            emails.QueuePasswordReset(member, await users.GeneratePasswordResetTokenAsync(member));
            await changes.SaveAsync(ct);
        }

        return ForgotView(new ForgotPage(Culture, email, true, null));
    }

    [HttpGet(CultureRoute + "/set-password")]
    public async Task<IActionResult> SetPassword(Guid? member, string? code)
    {
        var owner = await OwnerOfLinkAsync(member, code);
        return owner is null
            ? SetPasswordView(new SetPasswordPage(Culture, false, null, null, null, MinimumLength, [T(MemberText.LinkInvalid)]), StatusCodes.Status400BadRequest)
            : SetPasswordView(new SetPasswordPage(Culture, true, member, code, owner.Email, MinimumLength, []));
    }

    [HttpPost(CultureRoute + "/set-password")]
    [EnableRateLimiting(MemberSecurity.SignInRateLimit)]
    public async Task<IActionResult> SetPassword(SetPasswordForm form)
    {
        var owner = await OwnerOfLinkAsync(form.Member, form.Code);
        if (owner is null)
        {
            return SetPasswordView(new SetPasswordPage(Culture, false, null, null, null, MinimumLength, [T(MemberText.LinkInvalid)]), StatusCodes.Status400BadRequest);
        }

        var errors = PasswordErrors(form.Password, form.Confirm);
        if (errors.Count == 0)
        {
            var reset = await users.ResetPasswordAsync(owner, EmailLinks.DecodeToken(form.Code)!, form.Password!);
            if (reset.Succeeded)
            {
                // The link came by e-mail, so the address is the member's; a lock after failed attempts ends (a lock the club set stays).
                owner.EmailConfirmed = true;
                owner.AccessFailedCount = 0;
                if (owner.LockoutEnd is { Year: < 9999 })
                {
                    owner.LockoutEnd = null;
                }

                await users.UpdateAsync(owner);
                return LocalRedirect(MemberLinks.SignInPath(Culture) + "?done=password");
            }

            errors = reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? [T(MemberText.LinkInvalid)]
                : [MemberText.Format(MemberText.PasswordTooShort, Culture, MinimumLength)];
        }

        return SetPasswordView(new SetPasswordPage(Culture, true, form.Member, form.Code, owner.Email, MinimumLength, errors), StatusCodes.Status400BadRequest);
    }

    private int MinimumLength => users.Options.Password.RequiredLength;

    private List<string> PasswordErrors(string? password, string? confirm)
    {
        if (string.IsNullOrEmpty(password))
        {
            return [T(MemberText.FieldRequired)];
        }

        if (password.Length < MinimumLength || password.Length > 1000)
        {
            return [MemberText.Format(MemberText.PasswordTooShort, Culture, MinimumLength)];
        }

        return password == confirm ? [] : [T(MemberText.PasswordsDiffer)];
    }

    private async Task<Member?> OwnerOfLinkAsync(Guid? memberId, string? code)
    {
        if (memberId is not { } id || EmailLinks.DecodeToken(code) is not { } token)
        {
            return null;
        }

        var member = await users.FindByIdAsync(id.ToString());
        return member is not null && await users.VerifyUserTokenAsync(member, users.Options.Tokens.PasswordResetTokenProvider, UserManager<Member>.ResetPasswordTokenPurpose, token)
            ? member
            : null;
    }

    private async Task RecordSignInAsync(Member member)
    {
        member.LastSignInUtc = clock.GetCurrentInstant().ToDateTimeUtc();
        await users.UpdateAsync(member);
    }

    private string TooManyAttempts(TimeSpan wait) => MemberText.Format(MemberText.TooManyAttempts, Culture, Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)));

    private ViewResult TooMany(SignInPage page, TimeSpan wait)
    {
        Infrastructure.TooManyRequests.SetRetryAfter(Response, wait);
        return SignInView(page, StatusCodes.Status429TooManyRequests);
    }

    private static string? LocalOrNull(string? returnUrl) => MemberSecurity.IsLocalReturnUrl(returnUrl) ? returnUrl : null;

    private ViewResult SignInView(SignInPage page, int status = StatusCodes.Status200OK)
    {
        var snapshot = HttpContext.RequestServices.GetRequiredService<Core.Publishing.PublishedSnapshotService>().Current;
        var apply = Site.Rendering.CardBuilder.MembershipPageUrl(snapshot.For(Core.Publishing.Viewer.Anonymous), Culture);
        return Page(Views + "SignIn.cshtml", apply is null ? page : page with { ApplyUrl = apply }, MemberText.SignInTitle,
            MemberSecurity.SignInUrl(OtherCulture, page.ReturnUrl), status);
    }

    private ViewResult ForgotView(ForgotPage page, int status = StatusCodes.Status200OK) =>
        Page(Views + "ForgotPassword.cshtml", page, MemberText.ForgotTitle, $"/{OtherCulture}/members/forgot-password", status);

    private ViewResult SetPasswordView(SetPasswordPage page, int status = StatusCodes.Status200OK)
    {
        // The link's token is in the page: keep it out of the Referer of any link followed from here.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        return Page(Views + "SetPassword.cshtml", page, page.Valid ? MemberText.SetPasswordTitle : MemberText.LinkInvalidTitle, MemberLinks.SignInPath(OtherCulture), status);
    }
}
