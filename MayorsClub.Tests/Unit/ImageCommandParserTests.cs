using MayorsClub.Core.Imaging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace MayorsClub.Tests.Unit;

/// <summary>
/// The image query as ImageSharp.Web reads it: every key (in any case), the canonical form the site signs and caches
/// under, each malformed value refused (400), and the rule for unsigned requests (403).
/// </summary>
public sealed class ImageCommandParserTests
{
    private static readonly Guid Media = new("0b0d6a0e-1111-4222-8333-444455556666");
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 12, 5, 12, 0));
    private ImageUrlSigner _signer = null!;
    private ImageCommandParser _parser = null!;

    [SetUp]
    public void MakeParser()
    {
        var options = Options.Create(new ImagingOptions { HmacKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray()) });
        _signer = new ImageUrlSigner(options, _clock);
        _parser = new ImageCommandParser(options, _signer);
    }

    [Test]
    public void EveryKey_IsRead_InAnyCase_AndWrittenBackInTheCanonicalOrder()
    {
        var commands = Parse("QUALITY=70&Format=JPEG&bgcolor=FFF&rxy=0.25,0.75&RAnchor=TopLeft&rmode=BoxPad&Height=300&width=400&crop=Card&other=1");

        Assert.That(commands, Is.EqualTo(new ImageCommands
        {
            Crop = "card", Width = 400, Height = 300, Mode = ResizeMode.BoxPad, Anchor = ResizeAnchor.TopLeft, FocalPoint = (0.25, 0.75),
            Background = "ffffff", Format = ImageOutputFormat.Jpeg, Quality = 70,
        }));
        Assert.That(commands.ToQuery(), Is.EqualTo("crop=card&width=400&height=300&rmode=boxpad&ranchor=topleft&rxy=0.25,0.75&bgcolor=ffffff&format=jpg&quality=70"));
        Assert.That(Parse(commands.ToQuery()), Is.EqualTo(commands), "the canonical form reads back as the same commands");
    }

    [TestCase("format=jpg", ImageOutputFormat.Jpeg)]
    [TestCase("format=jpeg", ImageOutputFormat.Jpeg)]
    [TestCase("format=png", ImageOutputFormat.Png)]
    [TestCase("format=webp", ImageOutputFormat.WebP)]
    [TestCase("format=AVIF", ImageOutputFormat.Avif)]
    public void Formats_AreRead(string query, ImageOutputFormat format) =>
        Assert.That(Parse(query).Format, Is.EqualTo(format));

    [TestCase("bgcolor=white", "ffffff")]
    [TestCase("bgcolor=Navy", "000080")]
    [TestCase("bgcolor=%23a1B2c3", "a1b2c3")]
    [TestCase("bgcolor=0f0", "00ff00")]
    public void Colours_AreNamesOrHex(string query, string hex) =>
        Assert.That(Parse(query).Background, Is.EqualTo(hex));

    [Test]
    public void Defaults_AreLeftOutOfTheCanonicalForm_AndAnEmptyQueryIsNoCommand()
    {
        Assert.That(Parse("width=800&rmode=crop&ranchor=center").ToQuery(), Is.EqualTo("width=800"));
        Assert.That(Parse("v=abc&page=2").IsEmpty, Is.True);
        Assert.That(ImageCommandParser.HasCommands(["v", "hmac"]), Is.False);
        Assert.That(ImageCommandParser.HasCommands(["v", "WIDTH"]), Is.True);
    }

    [TestCase("width=abc", ImageMessages.NotANumber)]
    [TestCase("width=", ImageMessages.NotANumber)]
    [TestCase("width=12.5", ImageMessages.NotANumber)]
    [TestCase("height=1e3", ImageMessages.NotANumber)]
    [TestCase("width=-5", ImageMessages.OutOfRange)]
    [TestCase("width=0", ImageMessages.OutOfRange)]
    [TestCase("height=4001", ImageMessages.OutOfRange)]
    [TestCase("width=99999999999999999999", ImageMessages.OutOfRange)]
    [TestCase("quality=0", ImageMessages.OutOfRange)]
    [TestCase("quality=101", ImageMessages.OutOfRange)]
    [TestCase("quality=high", ImageMessages.NotANumber)]
    [TestCase("rmode=zoom", ImageMessages.UnknownMode)]
    [TestCase("rmode=1", ImageMessages.UnknownMode)]
    [TestCase("ranchor=middle", ImageMessages.UnknownAnchor)]
    [TestCase("format=gif", ImageMessages.UnknownFormat)]
    [TestCase("format=", ImageMessages.UnknownFormat)]
    [TestCase("crop=banner", ImageMessages.UnknownCrop)]
    [TestCase("rxy=0.5", ImageMessages.BadFocalPoint)]
    [TestCase("rxy=0.5,1.5", ImageMessages.BadFocalPoint)]
    [TestCase("rxy=-0.1,0.5", ImageMessages.BadFocalPoint)]
    [TestCase("rxy=a,b", ImageMessages.BadFocalPoint)]
    [TestCase("rxy=0.1,0.2,0.3", ImageMessages.BadFocalPoint)]
    [TestCase("bgcolor=notacolour", ImageMessages.BadColour)]
    [TestCase("bgcolor=12345", ImageMessages.BadColour)]
    [TestCase("width=800&expires=tomorrow", ImageMessages.BadExpiry)]
    public void MalformedValues_AreRefusedWith400(string query, string code)
    {
        var check = _parser.Check(Media, Query(query));

        Assert.That((check.Status, check.Refusal?.Code), Is.EqualTo((400, code)));
        Assert.That(check.Refusal!.Message("uk"), Is.Not.EqualTo(check.Refusal.Message("en")), "both languages");
    }

    [TestCase("crop=card")]
    [TestCase("crop=hero&width=800&format=webp")]
    [TestCase("width=800")]
    [TestCase("width=1600&format=avif")]
    [TestCase("format=jpg")]
    public void Unsigned_NamedCropsListedWidthsAndFormats_AreAllowed(string query) =>
        Assert.That(_parser.Check(Media, Query(query)).Status, Is.EqualTo(200));

    [TestCase("width=801")]
    [TestCase("height=400")]
    [TestCase("width=800&rmode=max")]
    [TestCase("crop=card&rxy=0.1,0.1")]
    [TestCase("width=800&quality=95")]
    [TestCase("width=800&bgcolor=red")]
    [TestCase("width=800&ranchor=top")]
    public void Unsigned_AnythingElse_IsRefusedWith403(string query)
    {
        var check = _parser.Check(Media, Query(query));

        Assert.That((check.Status, check.Refusal?.Code), Is.EqualTo((403, ImageMessages.NeedsSignature)));
    }

    [Test]
    public void Signed_AnySizeIsAllowed_InAnyKeyOrder_AndATamperedOrExpiredSignatureIsRefused()
    {
        var commands = Parse("width=801&height=333&rmode=pad");
        var hmac = _signer.Sign(Media, "tok", commands.ToQuery());

        Assert.That(_parser.Check(Media, Query($"rmode=PAD&height=333&v=tok&width=801&hmac={hmac}")).Status, Is.EqualTo(200), "order and case do not matter");
        Assert.That(_parser.Check(Media, Query($"v=tok&width=802&height=333&rmode=pad&hmac={hmac}")).Refusal?.Code, Is.EqualTo(ImageMessages.BadSignature));
        Assert.That(_parser.Check(Media, Query($"v=other&width=801&height=333&rmode=pad&hmac={hmac}")).Refusal?.Code, Is.EqualTo(ImageMessages.BadSignature));
        Assert.That(_parser.Check(Guid.NewGuid(), Query($"v=tok&width=801&height=333&rmode=pad&hmac={hmac}")).Refusal?.Code, Is.EqualTo(ImageMessages.BadSignature));
        Assert.That(_parser.Check(Media, Query($"v=tok&crop=card&hmac={hmac}")).Status, Is.EqualTo(403), "a wrong signature is refused even where unsigned would pass");

        var expires = _clock.GetCurrentInstant().ToUnixTimeSeconds() + 60;
        var expiring = _signer.Sign(Media, "tok", commands.ToQuery(), expires);
        var url = $"v=tok&width=801&height=333&rmode=pad&expires={expires}&hmac={expiring}";
        Assert.That(_parser.Check(Media, Query(url)).Status, Is.EqualTo(200));
        _clock.Advance(Duration.FromMinutes(2));
        Assert.That(_parser.Check(Media, Query(url)).Refusal?.Code, Is.EqualTo(ImageMessages.Expired));
        Assert.That(_parser.Check(Media, Query(url.Replace($"expires={expires}", $"expires={expires + 3600}"))).Refusal?.Code, Is.EqualTo(ImageMessages.BadSignature));
    }

    [Test]
    public void EveryMessage_HasBothLanguages() =>
        Assert.That(ImageMessages.Codes.Where(code => !ImageMessages.HasBothLanguages(code)), Is.Empty);

    private static ImageCommands Parse(string query)
    {
        var parsed = ImageCommandParser.Parse(Query(query), 4000);
        Assert.That(parsed.Refusal, Is.Null, query);
        return parsed.Commands!;
    }

    private static List<KeyValuePair<string, string?>> Query(string query) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)
            .Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.FirstOrDefault())).ToList();
}
