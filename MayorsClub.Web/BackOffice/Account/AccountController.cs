using MayorsClub.Core.Audit;
using MayorsClub.Core.Content;
using MayorsClub.Core.Users;
using MayorsClub.Web.BackOffice.SignIn;
using MayorsClub.Web.BackOffice.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MayorsClub.Web.BackOffice.Account;

/// <summary>The signed-in user's own settings: password, interface language, two-factor sign-in and its recovery codes.</summary>
public sealed class AccountController(
    UserManager<BackOfficeUser> users, SignInManager<BackOfficeUser> signIn, UserChanges changes, UserAudit audit, IOptions<IdentityOptions> identity)
    : BackOfficeController
{
    public const string Path = "/umbraco/account";
    public const string TwoFactorPath = "/umbraco/account/two-factor";
    public const int RecoveryCodeCount = 10;

    public sealed class PasswordForm
    {
        public string Current { get; set; } = "";
        public string Password { get; set; } = "";
        public string Confirm { get; set; } = "";
    }

    public sealed class LanguageForm
    {
        public string Culture { get; set; } = "";
    }

    public sealed class CodeForm
    {
        public string Code { get; set; } = "";
    }

    public sealed class ConfirmWithPasswordForm
    {
        public string Password { get; set; } = "";
    }

    /// <param name="Errors">What went wrong, by form: "password", "twoFactorOff", "recoveryCodes", "language".</param>
    public sealed record AccountPage(
        string UiCulture, string Email, string DisplayName, string UserCulture, bool TwoFactorOn, int RecoveryCodesLeft,
        string? Notice, string PasswordRules, IReadOnlyDictionary<string, IReadOnlyList<string>> Errors);

    public sealed record TwoFactorSetupPage(string UiCulture, string ReadableKey, string QrCodeDataUri, string? Error);

    public sealed record RecoveryCodesPage(string UiCulture, string Notice, IReadOnlyList<string> Codes);

    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["password"] = UsersText.PasswordChanged,
        ["language"] = UsersText.LanguageSaved,
        ["twoFactorOff"] = UsersText.TwoFactorTurnedOff,
    };

    public override void OnActionExecuting(Microsoft.AspNetCore.Mvc.Filters.ActionExecutingContext context)
    {
        base.OnActionExecuting(context);
        ViewData["Section"] = "account";
    }

    [HttpGet(Path)]
    public async Task<IActionResult> Index(string? saved)
    {
        var user = await CurrentAsync();
        return user is null ? Challenge(BackOfficeSecurity.Scheme) : await PageAsync(user, saved is not null && Notices.TryGetValue(saved, out var key) ? U(key) : null);
    }

    [HttpPost(Path + "/password")]
    public async Task<IActionResult> Password(PasswordForm form)
    {
        var user = await CurrentAsync();
        if (user is null)
        {
            return Challenge(BackOfficeSecurity.Scheme);
        }

        if (string.IsNullOrEmpty(form.Current) || string.IsNullOrEmpty(form.Password))
        {
            return await PageAsync(user, null, ("password", T(BackOfficeText.FieldRequired)));
        }

        if (form.Password != form.Confirm)
        {
            return await PageAsync(user, null, ("password", U(UsersText.PasswordsDiffer)));
        }

        var changed = await AuditedAsync(user, AuditActions.ChangePassword, () => users.ChangePasswordAsync(user, form.Current, form.Password));
        if (!changed.Succeeded)
        {
            return await PageAsync(user, null, PasswordMessages.Describe(changed.Errors, identity.Value.Password, UiCulture).Select(e => ("password", e)).ToArray());
        }

        await signIn.RefreshSignInAsync(user); // the new security stamp ends other sessions, not this one
        return LocalRedirect(Path + "?saved=password");
    }

    [HttpPost(Path + "/language")]
    public async Task<IActionResult> Language(LanguageForm form)
    {
        var user = await CurrentAsync();
        if (user is null)
        {
            return Challenge(BackOfficeSecurity.Scheme);
        }

        if (!Cultures.IsSupported(form.Culture))
        {
            return await PageAsync(user, null, ("language", U(UsersText.LanguageUnknown)));
        }

        user.UiCulture = form.Culture;
        await users.UpdateAsync(user);
        SignInController.SetLanguageCookie(Response, form.Culture);
        return LocalRedirect(Path + "?saved=language");
    }

    [HttpGet(TwoFactorPath)]
    public async Task<IActionResult> TwoFactor()
    {
        var user = await CurrentAsync();
        if (user is null)
        {
            return Challenge(BackOfficeSecurity.Scheme);
        }

        return user.TwoFactorEnabled ? LocalRedirect(Path) : await SetupViewAsync(user, null);
    }

    /// <summary>Turns two-factor sign-in on once the user proves their app works with a code from it; shows the recovery codes once.</summary>
    [HttpPost(TwoFactorPath)]
    public async Task<IActionResult> TwoFactor(CodeForm form)
    {
        var user = await CurrentAsync();
        if (user is null)
        {
            return Challenge(BackOfficeSecurity.Scheme);
        }

        if (user.TwoFactorEnabled)
        {
            return LocalRedirect(Path);
        }

        var code = new string((form.Code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (code.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, identity.Value.Tokens.AuthenticatorTokenProvider, code))
        {
            return await SetupViewAsync(user, code.Length == 0 ? T(BackOfficeText.FieldRequired) : U(UsersText.CodeWrong), StatusCodes.Status400BadRequest);
        }

        List<string> codes = [];
        await AuditedAsync(user, AuditActions.TwoFactorOn, async () =>
        {
            var enabled = await users.SetTwoFactorEnabledAsync(user, true);
            codes = enabled.Succeeded ? (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [] : [];
            return enabled;
        });
        await signIn.RefreshSignInAsync(user);
        return RecoveryCodesView(U(UsersText.TwoFactorTurnedOn), codes);
    }

    [HttpPost(TwoFactorPath + "/off")]
    public async Task<IActionResult> TwoFactorOff(ConfirmWithPasswordForm form)
    {
        var user = await CurrentAsync();
        if (user is null)
        {
            return Challenge(BackOfficeSecurity.Scheme);
        }

        if (!await users.CheckPasswordAsync(user, form.Password ?? ""))
        {
            return await PageAsync(user, null, ("twoFactorOff", U(UsersText.PasswordWrong)));
        }

        await AuditedAsync(user, AuditActions.TwoFactorOff, async () =>
        {
            var disabled = await users.SetTwoFactorEnabledAsync(user, false);
            if (disabled.Succeeded)
            {
                await users.ResetAuthenticatorKeyAsync(user); // the app's old key stops working; turning it on again starts afresh
                await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
            }

            return disabled;
        });
        await signIn.RefreshSignInAsync(user);
        return LocalRedirect(Path + "?saved=twoFactorOff");
    }

    [HttpPost(Path + "/recovery-codes")]
    public async Task<IActionResult> RecoveryCodes(ConfirmWithPasswordForm form)
    {
        var user = await CurrentAsync();
        if (user is null)
        {
            return Challenge(BackOfficeSecurity.Scheme);
        }

        if (!user.TwoFactorEnabled)
        {
            return LocalRedirect(Path);
        }

        if (!await users.CheckPasswordAsync(user, form.Password ?? ""))
        {
            return await PageAsync(user, null, ("recoveryCodes", U(UsersText.PasswordWrong)));
        }

        List<string> codes = [];
        await AuditedAsync(user, AuditActions.NewRecoveryCodes, async () =>
        {
            codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
            return IdentityResult.Success;
        });
        return RecoveryCodesView(U(UsersText.RecoveryCodesTitle), codes);
    }

    private string U(string key) => UsersText.Get(key, UiCulture);

    private Task<BackOfficeUser?> CurrentAsync() => users.GetUserAsync(User);

    private async Task<IActionResult> PageAsync(BackOfficeUser user, string? notice, params (string Form, string Error)[] errors)
    {
        var page = new AccountPage(
            UiCulture, user.Email ?? "", user.DisplayName, user.UiCulture, user.TwoFactorEnabled,
            user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0,
            notice, PasswordMessages.Rules(identity.Value.Password, UiCulture),
            errors.GroupBy(e => e.Form).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(e => e.Error).ToList()));
        var view = View(nameof(Index), page);
        view.StatusCode = errors.Length == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return view;
    }

    private async Task<IActionResult> SetupViewAsync(BackOfficeUser user, string? error, int status = StatusCodes.Status200OK)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user); // a new key changes the security stamp
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        Response.Headers.CacheControl = "no-store";
        var view = View(nameof(TwoFactor), new TwoFactorSetupPage(UiCulture, AuthenticatorSetup.Readable(key!), AuthenticatorSetup.QrCodeDataUri(user.Email!, key!), error));
        view.StatusCode = status;
        return view;
    }

    private ViewResult RecoveryCodesView(string notice, IReadOnlyList<string> codes)
    {
        Response.Headers.CacheControl = "no-store";
        return View(nameof(RecoveryCodes), new RecoveryCodesPage(UiCulture, notice, codes));
    }

    /// <summary>Makes a change to the user's account and its audit entry in one transaction: both or neither.</summary>
    private async Task<IdentityResult> AuditedAsync(BackOfficeUser user, string action, Func<Task<IdentityResult>> change)
    {
        await using var transaction = await changes.BeginAsync();
        var result = await change();
        if (result.Succeeded)
        {
            audit.Add(user.Email!, action, user);
            await transaction.CommitAsync();
        }

        return result;
    }
}
