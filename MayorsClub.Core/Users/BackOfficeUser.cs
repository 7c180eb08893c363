using Microsoft.AspNetCore.Identity;

namespace MayorsClub.Core.Users;

/// <summary>A person who signs in to the back office (editor, writer, administrator).</summary>
public sealed class BackOfficeUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string UiCulture { get; set; } = "uk";
    public DateTime CreatedUtc { get; set; }
}

/// <summary>Back-office user groups, as in Umbraco.</summary>
public static class BackOfficeGroups
{
    public const string Administrators = "Administrators";
    public const string Editors = "Editors";
    public const string Writers = "Writers";

    /// <summary>The committee reviews applications; it sees neither content nor media nor members.</summary>
    public const string Committee = "Committee";

    public static IReadOnlyList<string> All { get; } = [Administrators, Editors, Writers, Committee];

    /// <summary>The groups that work on content and media.</summary>
    public static IReadOnlyList<string> ContentGroups { get; } = [Administrators, Editors, Writers];

    /// <summary>The groups that review applications and see applicants' personal data.</summary>
    public static IReadOnlyList<string> ApplicationReviewers { get; } = [Administrators, Committee];
}

// The back-office identity's own entity types (tables BackOffice*), so that a member identity can add its own
// types and tables later instead of sharing IdentityUserClaim<string> and the rest with back-office users.

/// <summary>A back-office group as Identity stores it (a role).</summary>
public sealed class BackOfficeRole : IdentityRole
{
    public BackOfficeRole()
    {
    }

    public BackOfficeRole(string name) : base(name)
    {
    }
}

public sealed class BackOfficeUserRole : IdentityUserRole<string>;

public sealed class BackOfficeUserClaim : IdentityUserClaim<string>;

public sealed class BackOfficeUserLogin : IdentityUserLogin<string>;

public sealed class BackOfficeUserToken : IdentityUserToken<string>;

public sealed class BackOfficeRoleClaim : IdentityRoleClaim<string>;
