using MayorsClub.Web.BackOffice.Users;
using Microsoft.AspNetCore.Identity;

namespace MayorsClub.Web.BackOffice.SignIn;

/// <summary>Identity's password rules and refusals in the user's language (Identity's own descriptions are English only).</summary>
public static class PasswordMessages
{
    /// <summary>The rules a new password must follow, as one sentence fragment list ("at least 10 characters, a digit…").</summary>
    public static string Rules(PasswordOptions rules, string culture)
    {
        var parts = new List<string> { UsersText.Format(UsersText.PasswordRulesLength, culture, rules.RequiredLength) };
        if (rules.RequireUppercase)
        {
            parts.Add(UsersText.Get(UsersText.PasswordRulesUpper, culture));
        }

        if (rules.RequireLowercase)
        {
            parts.Add(UsersText.Get(UsersText.PasswordRulesLower, culture));
        }

        if (rules.RequireDigit)
        {
            parts.Add(UsersText.Get(UsersText.PasswordRulesDigit, culture));
        }

        if (rules.RequireNonAlphanumeric)
        {
            parts.Add(UsersText.Get(UsersText.PasswordRulesSymbol, culture));
        }

        return string.Join(", ", parts);
    }

    public static IReadOnlyList<string> Describe(IEnumerable<IdentityError> errors, PasswordOptions rules, string culture) =>
        errors.Select(e => e.Code switch
            {
                nameof(IdentityErrorDescriber.PasswordTooShort) => UsersText.Format(UsersText.PasswordTooShort, culture, rules.RequiredLength),
                nameof(IdentityErrorDescriber.PasswordRequiresUpper) => UsersText.Get(UsersText.PasswordNeedsUpper, culture),
                nameof(IdentityErrorDescriber.PasswordRequiresLower) => UsersText.Get(UsersText.PasswordNeedsLower, culture),
                nameof(IdentityErrorDescriber.PasswordRequiresDigit) => UsersText.Get(UsersText.PasswordNeedsDigit, culture),
                nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => UsersText.Get(UsersText.PasswordNeedsSymbol, culture),
                nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => UsersText.Get(UsersText.PasswordNeedsVariety, culture),
                nameof(IdentityErrorDescriber.PasswordMismatch) => UsersText.Get(UsersText.PasswordWrong, culture),
                nameof(IdentityErrorDescriber.InvalidToken) => UsersText.Get(UsersText.LinkInvalid, culture),
                _ => UsersText.Get(UsersText.PasswordNotAccepted, culture),
            })
            .Distinct()
            .ToList();
}
