using System.Globalization;
using MayorsClub.Core.Audit;
using MayorsClub.Web.BackOffice.Users;

namespace MayorsClub.Tests.Unit;

/// <summary>The users, account, two-factor and audit strings exist in both languages, and their placeholders match.</summary>
public sealed class UsersTextTests
{
    private static IEnumerable<string> DeclaredKeys() =>
        typeof(UsersText).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    private static IEnumerable<string> AuditActionKeys() =>
        typeof(AuditActions).GetFields().Where(f => f.IsLiteral).Select(f => "action." + (string)f.GetRawConstantValue()!);

    [TestCaseSource(nameof(DeclaredKeys))]
    [TestCaseSource(nameof(AuditActionKeys))]
    public void EveryKey_HasBothLanguages(string key) =>
        Assert.That(UsersText.HasBothLanguages(key), Is.True, key);

    [Test]
    public void EveryText_HasTheSamePlaceholdersInBothLanguages()
    {
        foreach (var key in UsersText.Keys)
        {
            Assert.That(Placeholders(UsersText.Get(key, "uk")), Is.EqualTo(Placeholders(UsersText.Get(key, "en"))), key);
        }
    }

    [TestCase("publish", "uk", "публікація")]
    [TestCase("rollback to 7", "uk", "повернення до версії 7")]
    [TestCase("rollback to 12", "en", "rollback to 12")]
    [TestCase("rollback to 7 and publish", "uk", "повернення до версії 7 з публікацією")]
    [TestCase("save and publish", "uk", "збереження й публікація")]
    [TestCase("save and send for approval", "en", "save and send for approval")]
    [TestCase("disable user", "uk", "вимкнення користувача")]
    [TestCase("something new", "uk", "something new")]
    public void AuditActions_ReadInTheEditorsLanguage(string action, string culture, string expected) =>
        Assert.That(UsersText.ActionLabel(action, culture), Is.EqualTo(expected));

    [Test]
    public void GroupNames_ReadInBothLanguages()
    {
        Assert.That(UsersText.GroupLabel("Editors", "uk"), Is.EqualTo("Редактори"));
        Assert.That(UsersText.GroupLabel("Writers", "en"), Is.EqualTo("Writers"));
    }

    [Test]
    public void EmailBodies_FillInNameInviterAndLink()
    {
        var body = UsersText.Format(UsersText.InvitationBody, "uk", "Олена", "Адміністратор", "https://example.test/umbraco/invitation?x=1");
        Assert.That(body, Does.Contain("Вітаємо, Олена!").And.Contain("Адміністратор запрошує").And.Contain("https://example.test/umbraco/invitation?x=1"));
    }

    private static List<string> Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToList();

    [Test]
    public void Format_UsesTheInvariantCulture() =>
        Assert.That(UsersText.Format(UsersText.PageOf, "en", 1, 2), Is.EqualTo(string.Format(CultureInfo.InvariantCulture, "Page {0} of {1}", 1, 2)));
}
