using System.Globalization;
using System.Text;
using MayorsClub.Core.Setup;

namespace MayorsClub.Tests.Unit;

/// <summary>
/// Icons are drawn (SVG), never emoji: an emoji needs a font that many machines lack, and shows there as an empty box.
/// Checks every view and every browser script and stylesheet of our own.
/// </summary>
public sealed class NoEmojiIconsTests
{
    private static readonly string Root = SitePaths.FindRoot(AppContext.BaseDirectory);

    [Test]
    public void ViewsAndBrowserCode_UseNoEmoji()
    {
        var folders = new[] { "MayorsClub.Web", "wwwroot" }.Select(f => Path.Combine(Root, f));
        var files = folders.SelectMany(f => Directory.EnumerateFiles(f, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".css", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"wwwroot{Path.DirectorySeparatorChar}umbraco{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) // the built bundle holds third-party code
            .ToList();
        Assert.That(files, Is.Not.Empty);

        var found = files.SelectMany(file => File.ReadAllText(file).EnumerateRunes()
                .Where(IsEmoji)
                .Select(rune => $"{Path.GetRelativePath(Root, file)}: U+{rune.Value:X4}"))
            .Distinct()
            .ToList();
        Assert.That(found, Is.Empty);
    }

    /// <summary>Pictographs and symbols that fonts draw as emoji (clocks, hands, faces, arrows in boxes…).</summary>
    private static bool IsEmoji(Rune rune) =>
        rune.Value is >= 0x1F000 and <= 0x1FAFF // pictographs, emoticons, transport, supplemental symbols
            or >= 0x2300 and <= 0x23FF // technical: ⌚ ⏱ ⏰
            or >= 0x2600 and <= 0x27BF // miscellaneous symbols and dingbats: ☀ ✋ ✏ ✔
            or 0xFE0F // the emoji presentation selector
        && Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherSymbol or UnicodeCategory.Format;
}
