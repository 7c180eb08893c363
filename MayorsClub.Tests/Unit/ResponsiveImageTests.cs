using MayorsClub.Core.Imaging;
using MayorsClub.Core.Publishing;
using MayorsClub.Web.Site.Rendering;
using Microsoft.Extensions.Options;
using NodaTime.Testing;

namespace MayorsClub.Tests.Unit;

/// <summary>What the site asks of the image endpoint for each place an image is shown: crops, widths, formats, sizes.</summary>
public sealed class ResponsiveImageTests
{
    private static readonly ImageUrls Urls = new(new ImageUrlSigner(
        Options.Create(new ImagingOptions { HmacKey = Convert.ToBase64String(new byte[32]) }),
        new FakeClock(NodaTime.Instant.FromUtc(2026, 12, 5, 12, 0))));

    [Test]
    public void ACard_IsTheCardCrop_AtThreeWidths_InEachFormat_Signed()
    {
        var card = new ResponsiveImage(Photo(4000, 3000, "image/jpeg"), "", ImageSlot.Card);

        Assert.That((card.Width, card.Height), Is.EqualTo((600, 400)), "the crop's shape, not the file's");
        Assert.That(card.Srcset(Urls, ImageOutputFormat.Avif).Split(", ").Select(s => s[(s.IndexOf('?') + 1)..s.IndexOf("&hmac=", StringComparison.Ordinal)]), Is.EqualTo(new[]
        {
            "v=t1&crop=card&width=300&format=avif",
            "v=t1&crop=card&width=600&format=avif",
            "v=t1&crop=card&width=900&format=avif",
        }));
        Assert.That(card.Srcset(Urls, ImageOutputFormat.WebP), Does.EndWith(" 900w"));
        Assert.That(card.Src(Urls), Does.Contain("&crop=card&width=600&format=jpg&hmac="));
        Assert.That(card.Eager, Is.False);
    }

    [Test]
    public void AWholeImage_IsNeverAskedWiderThanItIs_AndATransparentOneFallsBackToPng()
    {
        var small = new ResponsiveImage(Photo(640, 360, "image/png"), "", ImageSlot.Figure);

        Assert.That(small.OfferedWidths(), Is.EqualTo(new[] { 480, 640 }));
        Assert.That((small.Width, small.Height), Is.EqualTo((640, 360)));
        Assert.That(small.FallbackFormat, Is.EqualTo(ImageOutputFormat.Png));
        Assert.That(small.Eager, Is.True, "a page's main picture is seen on arrival");
        Assert.That(new ResponsiveImage(Photo(3000, 2000, "image/jpeg"), "", ImageSlot.Figure).OfferedWidths(), Is.EqualTo(new[] { 480, 800, 1200, 1600 }));
    }

    [Test]
    public void APictureInTheText_IsDrawnAtItsOwnWidth_WhenNarrowerThanTheColumn_AndLoadsLazily()
    {
        var small = new ResponsiveImage(Photo(400, 300, "image/jpeg"), "", ImageSlot.InText);
        var large = new ResponsiveImage(Photo(3000, 2000, "image/jpeg"), "", ImageSlot.InText);

        Assert.That(small.Sizes, Is.EqualTo("(min-width: 400px) 400px, 100vw"));
        Assert.That(small.OfferedWidths(), Is.EqualTo(new[] { 400 }));
        Assert.That(large.Sizes, Is.EqualTo("(min-width: 48rem) 46rem, 100vw"));
        Assert.That(new ResponsiveImage(Photo(400, 300, "image/jpeg"), "", ImageSlot.Figure).Sizes, Is.EqualTo("(min-width: 48rem) 46rem, 100vw"), "a page's main picture fills its column");
        Assert.That(large.Eager, Is.False);
    }

    [Test]
    public void ALogo_FitsItsBoxWhole_AtOneAndTwoTimes()
    {
        var logo = new ResponsiveImage(Photo(1000, 500, "image/png"), "Logo", ImageSlot.Logo);

        Assert.That((logo.Width, logo.Height), Is.EqualTo((160, 80)), "5rem high, the shape kept");
        Assert.That(logo.Sizes, Is.Null);
        var srcset = logo.Srcset(Urls, ImageOutputFormat.WebP);
        Assert.That(srcset, Does.Contain("&width=256&height=80&rmode=max&format=webp&hmac=").And.Contain("&width=512&height=160&rmode=max&format=webp&hmac="));
        Assert.That(srcset, Does.EndWith(" 2x"));
    }

    private static PublishedMedia Photo(int width, int height, string type) =>
        new(Guid.NewGuid(), "photo", "/media/0/photo.jpg?v=t1", type, true, width, height, null, new Dictionary<string, string>()) { FileToken = "t1" };
}
