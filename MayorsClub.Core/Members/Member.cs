using Microsoft.AspNetCore.Identity;

namespace MayorsClub.Core.Members;

/// <summary>
/// A member of the club who signs in on the public site (a mayor, a community's staff, a partner). Members are their own
/// ASP.NET Core Identity (tables Member*), never mixed with back-office users. Locked means a lockout end far in the future.
/// </summary>
public sealed class Member : IdentityUser<Guid>
{
    /// <summary>Full name as the member writes it.</summary>
    public string Name { get; set; } = "";

    /// <summary>Position, e.g. "Mayor of Bucha" or "Head of the international department".</summary>
    public string Position { get; set; } = "";

    /// <summary>The community (hromada) the member belongs to or works for.</summary>
    public string Community { get; set; } = "";

    /// <summary>One of <see cref="Regions.Codes"/> (an oblast, Kyiv city or Crimea), or empty.</summary>
    public string Region { get; set; } = "";

    /// <summary>"uk" or "en": the language of the e-mails the club sends this member.</summary>
    public string PreferredCulture { get; set; } = "uk";

    /// <summary>Only approved members may sign in.</summary>
    public bool IsApproved { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? LastSignInUtc { get; set; }
}

/// <summary>A member group (Identity's role): public access rules name groups by <see cref="IdentityRole{TKey}.Name"/>.</summary>
public sealed class MemberGroup : IdentityRole<Guid>
{
    public MemberGroup()
    {
    }

    public MemberGroup(string name) : base(name)
    {
    }
}

// The member identity's own entity types, so its tables are Member* and nothing is shared with the back office.

public sealed class MemberGroupMembership : IdentityUserRole<Guid>;

public sealed class MemberClaim : IdentityUserClaim<Guid>;

public sealed class MemberLogin : IdentityUserLogin<Guid>;

public sealed class MemberToken : IdentityUserToken<Guid>;

public sealed class MemberGroupClaim : IdentityRoleClaim<Guid>;

/// <summary>A passkey a member registered (ASP.NET Core 10 Identity's WebAuthn support).</summary>
public sealed class MemberPasskey : IdentityUserPasskey<Guid>;
