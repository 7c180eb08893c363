using System.Security.Claims;
using MayorsClub.Core.Members;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace MayorsClub.Web.Members;

/// <summary>
/// The two WebAuthn ceremonies for members, on ASP.NET Core Identity's passkey handler. SignInManager's own passkey methods
/// keep the ceremony's challenge in Identity's TwoFactorUserId cookie, which here is the back office's (under /umbraco, so
/// it would never reach /{culture}/members/..., and writing it would clobber a back-office sign-in in progress). This keeps
/// it in the members' own short-lived cookie (<see cref="MemberSecurity.PasskeyScheme"/>) and otherwise does what
/// SignInManager does, plus the checks it skips: the member must still be approved and not locked.
/// </summary>
public sealed class MemberPasskeys(IPasskeyHandler<Member> handler, UserManager<Member> users, SignInManager<Member> signIn, IHttpContextAccessor accessor)
{
    private const string Attestation = "attestation";
    private const string Assertion = "assertion";
    private const string OperationKey = "PasskeyOperation";
    private const string StateKey = "PasskeyState";

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("No request.");

    /// <summary>Options for navigator.credentials.create, to add a passkey to the member's account.</summary>
    public async Task<string> CreationOptionsAsync(Member member)
    {
        var entity = new PasskeyUserEntity
        {
            Id = member.Id.ToString("D"),
            Name = member.Email ?? member.UserName ?? member.Id.ToString("D"),
            DisplayName = string.IsNullOrWhiteSpace(member.Name) ? member.Email ?? "" : member.Name,
        };
        var result = await handler.MakeCreationOptionsAsync(entity, Http);
        await StoreAsync(Attestation, result.AttestationState);
        return result.CreationOptionsJson;
    }

    /// <summary>Checks the new credential and stores it as the member's passkey; false when the ceremony failed.</summary>
    public async Task<bool> AddAsync(Member member, string credentialJson, string name)
    {
        var state = await TakeAsync(Attestation);
        if (state is null)
        {
            return false;
        }

        var result = await handler.PerformAttestationAsync(new PasskeyAttestationContext { CredentialJson = credentialJson, AttestationState = state, HttpContext = Http });
        if (!result.Succeeded || result.UserEntity.Id != member.Id.ToString("D"))
        {
            return false;
        }

        result.Passkey.Name = name;
        return (await users.AddOrUpdatePasskeyAsync(member, result.Passkey)).Succeeded;
    }

    /// <summary>Options for navigator.credentials.get: any passkey of this site (discoverable credentials), no user named.</summary>
    public async Task<string> RequestOptionsAsync()
    {
        var result = await handler.MakeRequestOptionsAsync(null, Http);
        await StoreAsync(Assertion, result.AssertionState);
        return result.RequestOptionsJson;
    }

    /// <summary>Checks the assertion and signs the member in (a session cookie); null when it failed or the member may not sign in.</summary>
    public async Task<Member?> SignInAsync(string credentialJson)
    {
        var state = await TakeAsync(Assertion);
        if (state is null)
        {
            return null;
        }

        var result = await handler.PerformAssertionAsync(new PasskeyAssertionContext { CredentialJson = credentialJson, AssertionState = state, HttpContext = Http });
        if (!result.Succeeded || !await signIn.CanSignInAsync(result.User) || await users.IsLockedOutAsync(result.User))
        {
            return null;
        }

        // The sign count and backup state the assertion reported.
        if (!(await users.AddOrUpdatePasskeyAsync(result.User, result.Passkey)).Succeeded)
        {
            return null;
        }

        await signIn.SignInAsync(result.User, isPersistent: false, authenticationMethod: "passkey");
        return result.User;
    }

    private Task StoreAsync(string operation, string? state)
    {
        var properties = new AuthenticationProperties();
        properties.Items[OperationKey] = operation;
        properties.Items[StateKey] = state;
        return Http.SignInAsync(MemberSecurity.PasskeyScheme, new ClaimsPrincipal(new ClaimsIdentity(MemberSecurity.PasskeyScheme)), properties);
    }

    /// <summary>The state of the ceremony under way (used once: the cookie goes), or null.</summary>
    private async Task<string?> TakeAsync(string operation)
    {
        var result = await Http.AuthenticateAsync(MemberSecurity.PasskeyScheme);
        await Http.SignOutAsync(MemberSecurity.PasskeyScheme);
        return result.Properties is { } properties
            && properties.Items.TryGetValue(OperationKey, out var stored) && stored == operation
            && properties.Items.TryGetValue(StateKey, out var state)
            ? state
            : null;
    }
}
