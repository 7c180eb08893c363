using System.Text.RegularExpressions;
using MayorsClub.Core.Content;
using MayorsClub.Core.Members;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace MayorsClub.Web.Members;

/// <summary>The member's own page: their details, their password, their passkeys.</summary>
[Authorize(Policy = MemberSecurity.SignedIn)]
public sealed partial class MemberProfileController(UserManager<Member> users, SignInManager<Member> signIn, MemberPasskeys passkeys) : MemberController
{
    private const string ProfileViewPath = "/Members/Views/Profile/Profile.cshtml";

    public sealed class ProfileForm
    {
        public string? Name { get; set; }
        public string? Position { get; set; }
        public string? Community { get; set; }
        public string? Region { get; set; }
        public string? Phone { get; set; }
        public string? PreferredCulture { get; set; }
    }

    public sealed class PasswordForm
    {
        public string? Current { get; set; }
        public string? Password { get; set; }
        public string? Confirm { get; set; }
    }

    public sealed class PasskeyForm
    {
        public string? Id { get; set; }
        public string? Credential { get; set; }
        public string? Name { get; set; }
    }

    public sealed record PasskeyRow(string Id, string Name, DateTimeOffset Created);

    public sealed record ProfilePage(
        string Culture, string Email, ProfileForm Form, IReadOnlyList<string> Groups, IReadOnlyList<PasskeyRow> Passkeys, int MinimumLength,
        string? Notice, IReadOnlyDictionary<string, string> Errors, string? PasswordError = null, string? PasskeyError = null);

    [HttpGet(CultureRoute + "/profile")]
    public async Task<IActionResult> Profile(string? done)
    {
        var member = await MemberAsync();
        if (member is null)
        {
            return Challenge(MemberSecurity.Scheme);
        }

        var notice = done switch
        {
            "profile" => T(MemberText.ProfileSaved),
            "password" => T(MemberText.PasswordChanged),
            "passkey-added" => T(MemberText.PasskeyAdded),
            "passkey-renamed" => T(MemberText.PasskeyRenamed),
            "passkey-removed" => T(MemberText.PasskeyRemoved),
            _ => null,
        };
        return await ProfileViewAsync(member, FormOf(member), notice, new Dictionary<string, string>());
    }

    [HttpPost(CultureRoute + "/profile")]
    public async Task<IActionResult> Profile(ProfileForm form)
    {
        var member = await MemberAsync();
        if (member is null)
        {
            return Challenge(MemberSecurity.Scheme);
        }

        form = Trimmed(form);
        var errors = Validate(form);
        if (errors.Count > 0)
        {
            return await ProfileViewAsync(member, form, null, errors, status: StatusCodes.Status400BadRequest);
        }

        member.Name = form.Name!;
        member.Position = form.Position ?? "";
        member.Community = form.Community ?? "";
        member.Region = form.Region ?? "";
        member.PhoneNumber = string.IsNullOrEmpty(form.Phone) ? null : form.Phone;
        member.PreferredCulture = form.PreferredCulture!;
        var saved = await users.UpdateAsync(member);
        if (!saved.Succeeded)
        {
            return await ProfileViewAsync(member, form, null, new Dictionary<string, string> { [""] = T(MemberText.FormErrors) }, status: StatusCodes.Status409Conflict);
        }

        await RenewCookieAsync(member);
        return LocalRedirect(ProfilePath("profile"));
    }

    /// <summary>Changes the password; the member's other sessions end (a new security stamp), this one is signed in again.</summary>
    [HttpPost(CultureRoute + "/profile/password")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(MemberSecurity.SignInRateLimit)]
    public async Task<IActionResult> ChangePassword(PasswordForm form)
    {
        var member = await MemberAsync();
        if (member is null)
        {
            return Challenge(MemberSecurity.Scheme);
        }

        string? error = null;
        if (string.IsNullOrEmpty(form.Current) || string.IsNullOrEmpty(form.Password))
        {
            error = T(MemberText.FieldRequired);
        }
        else if (form.Password.Length < users.Options.Password.RequiredLength || form.Password.Length > 1000)
        {
            error = MemberText.Format(MemberText.PasswordTooShort, Culture, users.Options.Password.RequiredLength);
        }
        else if (form.Password != form.Confirm)
        {
            error = T(MemberText.PasswordsDiffer);
        }
        else
        {
            var changed = await users.ChangePasswordAsync(member, form.Current, form.Password);
            if (changed.Succeeded)
            {
                await RenewCookieAsync(member);
                return LocalRedirect(ProfilePath("password"));
            }

            error = changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                ? T(MemberText.CurrentPasswordWrong)
                : MemberText.Format(MemberText.PasswordTooShort, Culture, users.Options.Password.RequiredLength);
        }

        return await ProfileViewAsync(member, FormOf(member), null, new Dictionary<string, string>(), error, status: StatusCodes.Status400BadRequest);
    }

    [HttpPost(CultureRoute + "/passkeys/options")]
    public async Task<IActionResult> PasskeyCreationOptions()
    {
        var member = await MemberAsync();
        return member is null ? Unauthorized() : Content(await passkeys.CreationOptionsAsync(member), "application/json");
    }

    [HttpPost(CultureRoute + "/passkeys/add")]
    public async Task<IActionResult> AddPasskey(PasskeyForm form)
    {
        var member = await MemberAsync();
        if (member is null)
        {
            return Challenge(MemberSecurity.Scheme);
        }

        var name = PasskeyName(form.Name);
        if (string.IsNullOrEmpty(form.Credential) || form.Credential.Length > 100_000 || !await passkeys.AddAsync(member, form.Credential, name))
        {
            return await PasskeyRefusedAsync(member, MemberText.PasskeyNotAdded, StatusCodes.Status400BadRequest);
        }

        return LocalRedirect(ProfilePath("passkey-added"));
    }

    [HttpPost(CultureRoute + "/passkeys/rename")]
    public async Task<IActionResult> RenamePasskey(PasskeyForm form)
    {
        var member = await MemberAsync();
        if (member is null)
        {
            return Challenge(MemberSecurity.Scheme);
        }

        var passkey = CredentialId(form.Id) is { } id ? await users.GetPasskeyAsync(member, id) : null;
        if (passkey is null)
        {
            return await PasskeyRefusedAsync(member, MemberText.PasskeyNotFound, StatusCodes.Status404NotFound);
        }

        passkey.Name = PasskeyName(form.Name);
        await users.AddOrUpdatePasskeyAsync(member, passkey);
        return LocalRedirect(ProfilePath("passkey-renamed"));
    }

    [HttpPost(CultureRoute + "/passkeys/remove")]
    public async Task<IActionResult> RemovePasskey(PasskeyForm form)
    {
        var member = await MemberAsync();
        if (member is null)
        {
            return Challenge(MemberSecurity.Scheme);
        }

        var removed = CredentialId(form.Id) is { } id && await users.GetPasskeyAsync(member, id) is not null && (await users.RemovePasskeyAsync(member, id)).Succeeded;
        if (!removed)
        {
            return await PasskeyRefusedAsync(member, MemberText.PasskeyNotFound, StatusCodes.Status404NotFound);
        }

        return LocalRedirect(ProfilePath("passkey-removed"));
    }

    /// <summary>The profile page again, with the passkeys' message.</summary>
    private Task<IActionResult> PasskeyRefusedAsync(Member member, string messageKey, int status) =>
        ProfileViewAsync(member, FormOf(member), null, new Dictionary<string, string>(), passkeyError: T(messageKey), status: status);

    private string ProfilePath(string done) => $"/{Culture}/members/profile?done={done}";

    private async Task<Member?> MemberAsync() => await users.GetUserAsync(User);

    /// <summary>Signs this browser in again with the member's current details (name, groups, stamp), keeping "remember me".</summary>
    private async Task RenewCookieAsync(Member member)
    {
        var current = await HttpContext.AuthenticateAsync(MemberSecurity.Scheme);
        await signIn.SignInAsync(member, current.Properties?.IsPersistent ?? false);
    }

    private string PasskeyName(string? name) =>
        (name ?? "").Trim() is { Length: > 0 and <= 100 } given
            ? given
            : MemberText.Format(MemberText.PasskeyDefaultName, Culture, LocalizedDate(DateTimeOffset.UtcNow));

    private string LocalizedDate(DateTimeOffset when) =>
        when.ToString(Culture == Cultures.Ukrainian ? "d.MM.yyyy" : "d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo(Culture == Cultures.Ukrainian ? "uk-UA" : "en-GB"));

    private static byte[]? CredentialId(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 2000)
        {
            return null;
        }

        try
        {
            return WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static ProfileForm FormOf(Member member) => new()
    {
        Name = member.Name, Position = member.Position, Community = member.Community, Region = member.Region,
        Phone = member.PhoneNumber, PreferredCulture = member.PreferredCulture,
    };

    private static ProfileForm Trimmed(ProfileForm form) => new()
    {
        Name = form.Name?.Trim(), Position = form.Position?.Trim(), Community = form.Community?.Trim(), Region = form.Region?.Trim(),
        Phone = form.Phone?.Trim(), PreferredCulture = form.PreferredCulture?.Trim(),
    };

    private Dictionary<string, string> Validate(ProfileForm form)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrEmpty(form.Name))
        {
            errors[nameof(ProfileForm.Name)] = T(MemberText.FieldRequired);
        }

        foreach (var (field, value) in new[] { (nameof(ProfileForm.Name), form.Name), (nameof(ProfileForm.Position), form.Position), (nameof(ProfileForm.Community), form.Community) })
        {
            if (value is { Length: > 200 })
            {
                errors[field] = MemberText.Format(MemberText.TooLong, Culture, 200);
            }
        }

        if (!string.IsNullOrEmpty(form.Region) && !Regions.IsRegion(form.Region))
        {
            errors[nameof(ProfileForm.Region)] = T(MemberText.RegionUnknown);
        }

        if (!string.IsNullOrEmpty(form.Phone) && (form.Phone.Length > 40 || !PhonePattern().IsMatch(form.Phone)))
        {
            errors[nameof(ProfileForm.Phone)] = T(MemberText.PhoneInvalid);
        }

        if (!Cultures.IsSupported(form.PreferredCulture))
        {
            errors[nameof(ProfileForm.PreferredCulture)] = T(MemberText.LanguageUnknown);
        }

        return errors;
    }

    private async Task<IActionResult> ProfileViewAsync(
        Member member, ProfileForm form, string? notice, IReadOnlyDictionary<string, string> errors, string? passwordError = null, string? passkeyError = null,
        int status = StatusCodes.Status200OK)
    {
        var groups = (await users.GetRolesAsync(member)).Order(StringComparer.Ordinal).Select(group => MemberGroups.Label(group, Culture)).ToList();
        var keys = (await users.GetPasskeysAsync(member))
            .OrderBy(passkey => passkey.CreatedAt)
            .Select(passkey => new PasskeyRow(WebEncoders.Base64UrlEncode(passkey.CredentialId), passkey.Name ?? T(MemberText.PasskeysTitle), passkey.CreatedAt))
            .ToList();
        var page = new ProfilePage(Culture, member.Email ?? "", form, groups, keys, users.Options.Password.RequiredLength, notice, errors, passwordError, passkeyError);
        return Page(ProfileViewPath, page, MemberText.ProfileTitle, $"/{OtherCulture}/members/profile", status);
    }

    [GeneratedRegex(@"^\+?[0-9 ()\-]{3,40}$")]
    private static partial Regex PhonePattern();
}
