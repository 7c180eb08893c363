using System.ComponentModel.DataAnnotations;

namespace MayorsClub.Core.Setup;

/// <summary>The "MayorsClub" configuration section.</summary>
public sealed class MayorsClubOptions
{
    public const string Section = "MayorsClub";

    /// <summary>Folder for the SQLite file, indexes, media and mail pickup. Relative paths are from the site's root folder.</summary>
    public string DataPath { get; set; } = "umbraco/Data";

    /// <summary>
    /// Folder of uploaded media files; empty: "media" in the data folder. Relative paths are from the site's root folder.
    /// With several nodes, every node points it at the same shared storage.
    /// </summary>
    public string? MediaPath { get; set; }

    /// <summary>Seed the demo content into a new, empty database.</summary>
    public bool DemoContent { get; set; } = true;

    /// <summary>Folder of the committed demo content (relative to the site's root folder).</summary>
    public string DemoContentPath { get; set; } = "umbraco/demo";

    public DatabaseOptions Database { get; set; } = new();

    public AdminOptions Admin { get; set; } = new();

    public SchedulingOptions Scheduling { get; set; } = new();
}

public sealed class DatabaseOptions
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSQL";

    [RegularExpression("^(Sqlite|PostgreSQL)$", ErrorMessage = "MayorsClub:Database:Provider must be Sqlite or PostgreSQL.")]
    public string Provider { get; set; } = Sqlite;
}

public sealed class AdminOptions
{
    [EmailAddress]
    public string Email { get; set; } = "admin@mayorsclub.local";

    /// <summary>Empty: a password is generated and printed once to the console.</summary>
    public string? Password { get; set; }
}

public sealed class SchedulingOptions
{
    /// <summary>How often scheduled publishing looks for due items.</summary>
    [Range(1, 86400)]
    public int IntervalSeconds { get; set; } = 30;
}
