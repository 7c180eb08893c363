using MayorsClub.Core.Publishing;
using MayorsClub.Web.Site.Rendering;

namespace MayorsClub.Tests.Unit;

/// <summary>Pictures of the media library in rich text are shown like every other picture of the site; the rest of the text is untouched.</summary>
public sealed class RichTextHtmlTests
{
    private static readonly PublishedMedia Photo = Media("image/jpeg", isImage: true);
    private static readonly PublishedMedia Slides = Media("application/pdf", isImage: false);

    [Test]
    public void ALibraryPicture_BecomesAResponsivePicture_WithTheEditorsAltText_BetweenTheTextAroundIt()
    {
        var html = $"""<p>Before the signing.</p><p><img src="/media/{Photo.Key:D}/memorandum.jpg?v=old" alt="Mayors sign &gt; the memorandum" width="4000" height="3000"> After it.</p>""";

        var text = RichTextHtml.From(html, Lookup)!;

        Assert.That(text.Parts.Select(p => p.Html), Is.EqualTo(new[] { "<p>Before the signing.</p><p>", null, " After it.</p>" }));
        var picture = text.Parts[1].Picture!;
        Assert.That(picture.Media, Is.SameAs(Photo), "the library's current file, whatever token the text was saved with");
        Assert.That(picture.Alt, Is.EqualTo("Mayors sign > the memorandum"));
        Assert.That(picture.Slot, Is.SameAs(ImageSlot.InText));
        Assert.That(picture.Eager, Is.False, "pictures in the text load as they are scrolled near");
    }

    [Test]
    public void EachOfSeveralPictures_IsFoundInItsPlace()
    {
        var html = $"""<h2>Day one</h2><img src="/media/{Photo.Key:D}/a.jpg" alt="one"><h2>Day two</h2><p><a href="/uk/"><img src="/media/{Photo.Key:D}/a.jpg" alt="two"></a></p>""";

        var parts = RichTextHtml.From(html, Lookup)!.Parts;

        Assert.That(parts.Select(p => p.Picture?.Alt ?? p.Html), Is.EqualTo(new[] { "<h2>Day one</h2>", "one", "<h2>Day two</h2><p><a href=\"/uk/\">", "two", "</a></p>" }));
    }

    [TestCase("https://example.org/photo.jpg", TestName = "AnImageFromElsewhere_StaysAsWritten")]
    [TestCase("/media/00000000-0000-0000-0000-000000000042/gone.jpg?v=1", TestName = "AnImageNoLongerPublic_StaysAsWritten")]
    [TestCase("/media/{slides}/slides.pdf", TestName = "ALibraryFileThatIsNoPicture_StaysAsWritten")]
    [TestCase("/media/not-a-key/x.jpg", TestName = "AMediaAddressWithoutAKey_StaysAsWritten")]
    public void OtherImages_StayAsWritten(string src)
    {
        var html = $"""<p><img src="{src.Replace("{slides}", Slides.Key.ToString("D"))}" alt="x"></p>""";

        var text = RichTextHtml.From(html, Lookup)!;

        Assert.That(text.Parts.Single().Html, Is.EqualTo(html));
    }

    [Test]
    public void TextWithoutPictures_IsTheSameHtml_AndNoTextIsNull()
    {
        Assert.That(RichTextHtml.From("<p>Just words &amp; more.</p>", Lookup)!.Parts.Single().Html, Is.EqualTo("<p>Just words &amp; more.</p>"));
        Assert.That(RichTextHtml.From(null, Lookup), Is.Null);
        Assert.That(RichTextHtml.From("", Lookup), Is.Null);
    }

    private static PublishedMedia? Lookup(Guid key) => key == Photo.Key ? Photo : key == Slides.Key ? Slides : null;

    private static PublishedMedia Media(string type, bool isImage) =>
        new(Guid.NewGuid(), "file", "/media/0/file?v=t1", type, isImage, isImage ? 4000 : null, isImage ? 3000 : null, null, new Dictionary<string, string>()) { FileToken = "t1" };
}
