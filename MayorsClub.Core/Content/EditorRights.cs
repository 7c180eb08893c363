namespace MayorsClub.Core.Content;

/// <summary>
/// What the person or client acting may do, as the core's rules need it (the web layer derives it from the
/// back-office group: Writers write, Editors also publish, Administrators also administer). Ordered: each level
/// includes the ones below.
/// </summary>
public enum EditorRights
{
    /// <summary>Writers: save drafts, upload media, edit media nothing published uses.</summary>
    Write = 0,

    /// <summary>Editors: also publish, and change what the public sees.</summary>
    Publish = 1,

    /// <summary>Administrators: also what takes a whole site or language offline.</summary>
    Administer = 2,
}

public static class EditorRightsExtensions
{
    /// <summary>The rights of a member of the back-office groups <paramref name="isInGroup"/> says yes to (a principal's IsInRole).</summary>
    public static EditorRights ForGroups(Func<string, bool> isInGroup) =>
        isInGroup(Users.BackOfficeGroups.Administrators) ? EditorRights.Administer
        : isInGroup(Users.BackOfficeGroups.Editors) ? EditorRights.Publish
        : EditorRights.Write;

    public static bool MayPublish(this EditorRights rights) => rights >= EditorRights.Publish;

    public static bool MayAdminister(this EditorRights rights) => rights >= EditorRights.Administer;
}
