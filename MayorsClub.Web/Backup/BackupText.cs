using MayorsClub.Core.Content;

namespace MayorsClub.Web.Backup;

/// <summary>The backup page's strings in both languages.</summary>
public static class BackupText
{
    public const string Title = "backup.title";
    public const string Intro = "backup.intro";
    public const string Secrets = "backup.secrets";
    public const string Download = "backup.download";
    public const string Restore = "backup.restore";
    public const string PostgreSql = "backup.postgresql";

    private static readonly BilingualTexts Texts = new(new(StringComparer.Ordinal)
    {
        [Title] = ("Резервна копія", "Backup"),
        [Intro] = (
            "Завантажте копію бази даних і всіх медіафайлів одним архівом .zip. Сайт працює далі, поки копія готується.",
            "Download a copy of the database and every media file as one .zip archive. The site keeps working while it is made."),
        [Secrets] = (
            "Зберігайте її надійно: у ній особисті дані членів і заявників, а також ключі, якими підписано входи й токени.",
            "Keep it safe: it holds members' and applicants' personal data and the keys that sign sign-ins and tokens."),
        [Download] = ("Завантажити резервну копію", "Download a backup"),
        [Restore] = (
            "Як відновити сайт з копії, описано в README, розділ «Backup and restore».",
            "How to restore the site from a backup: README, section \"Backup and restore\"."),
        [PostgreSql] = (
            "База даних цього сайту — PostgreSQL: її копію робить pg_dump, а медіатеку копіюють окремо (README, розділ «Backup and restore»).",
            "This site's database is PostgreSQL: back it up with pg_dump and copy the media folder (README, section \"Backup and restore\")."),
    });

    public static IEnumerable<string> Keys => Texts.Keys;

    public static string Get(string key, string culture) => Texts.Get(key, culture);

    internal static bool HasBothLanguages(string key) => Texts.HasBothLanguages(key);
}
