using System.Text.RegularExpressions;
using MayorsClub.Core.Members;
using MayorsClub.Web.BackOffice.Members;
using MayorsClub.Web.BackOffice.Users;

namespace MayorsClub.Tests.Unit;

/// <summary>The members section's strings, the refusals of member commands and the member audit actions exist in both languages.</summary>
public sealed partial class MembersTextTests
{
    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields().Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);

    private static IEnumerable<string> DeclaredKeys() => Constants(typeof(MembersText)).Concat(Constants(typeof(MemberErrors)));

    private static IEnumerable<string> AuditActions() => Constants(typeof(MemberAuditActions));

    [TestCaseSource(nameof(DeclaredKeys))]
    public void EveryKey_HasBothLanguages(string key) =>
        Assert.That(MembersText.HasBothLanguages(key), Is.True, key);

    [TestCaseSource(nameof(AuditActions))]
    public void EveryMemberAuditAction_ReadsInBothLanguages(string action)
    {
        Assert.That(UsersText.ActionLabel(action, "uk"), Is.Not.EqualTo(action).And.Match("[а-яіїєґ]"), action);
        Assert.That(UsersText.ActionLabel(action, "en"), Is.EqualTo(action));
    }

    [Test]
    public void EveryText_HasTheSamePlaceholdersInBothLanguages()
    {
        foreach (var key in MembersText.Keys)
        {
            Assert.That(Placeholders(MembersText.Get(key, "uk")), Is.EqualTo(Placeholders(MembersText.Get(key, "en"))), key);
        }
    }

    [Test]
    public void Emails_FillInTheNameAndTheLink_AsTheLastLineOfTheirParagraph()
    {
        foreach (var key in new[] { MembersText.InvitationBody, MembersText.ResetBody })
        {
            foreach (var culture in new[] { "uk", "en" })
            {
                var text = MembersText.Format(key, culture, "Olena", "https://club.test/x");
                Assert.That(text, Does.Contain("Olena").And.Contain("\nhttps://club.test/x\n\n"), $"{key} {culture}");
            }
        }
    }

    private static List<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Order().ToList();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
