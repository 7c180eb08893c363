using MayorsClub.Core.Media;
using MayorsClub.Web.BackOffice.Media;

namespace MayorsClub.Tests.Unit;

/// <summary>Every media message and media-section string exists in Ukrainian and in English.</summary>
public sealed class MediaMessagesTests
{
    private static IEnumerable<string> MessageCodes() =>
        typeof(MediaMessages).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    private static IEnumerable<string> TextKeys() =>
        typeof(MediaText).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    [TestCaseSource(nameof(MessageCodes))]
    public void MediaMessage_HasBothLanguages(string code) =>
        Assert.That(MediaMessages.HasBothLanguages(code), Is.True, code);

    [TestCaseSource(nameof(TextKeys))]
    public void MediaText_HasBothLanguages(string key) =>
        Assert.That(MediaText.HasBothLanguages(key), Is.True, key);

    [Test]
    public void TooLarge_NamesTheFileTheFormatAndTheLimit_InTheAskedLanguage()
    {
        var error = new MediaError(MediaMessages.TooLarge, "file", ["big.png", "PNG", "20"]);

        Assert.That(error.Message("en"), Is.EqualTo("The file \"big.png\" is too large: PNG files may be at most 20 MB."));
        Assert.That(error.Message("uk"), Is.EqualTo("Файл «big.png» завеликий: файли PNG можуть мати щонайбільше 20 МБ."));
    }
}
