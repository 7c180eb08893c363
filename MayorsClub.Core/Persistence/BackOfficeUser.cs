using Microsoft.AspNetCore.Identity;

namespace MayorsClub.Core.Persistence;

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

    public static IReadOnlyList<string> All { get; } = [Administrators, Editors, Writers];
}
