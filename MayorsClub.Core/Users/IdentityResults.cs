using Microsoft.AspNetCore.Identity;

namespace MayorsClub.Core.Users;

/// <summary>For the Identity calls whose input the caller has already checked: a refusal there is a fault, not bad input.</summary>
public static class IdentityResults
{
    /// <summary>Throws, naming Identity's error codes, unless the call succeeded.</summary>
    public static void ThrowIfRefused(this IdentityResult result, string change)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Identity refused {change}: " + string.Join("; ", result.Errors.Select(e => e.Code + " " + e.Description)));
        }
    }
}
