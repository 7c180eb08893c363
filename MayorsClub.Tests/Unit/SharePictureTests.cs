using NetVips;

namespace MayorsClub.Tests.Unit;

/// <summary>
/// The built-in share picture (wwwroot/img/share.png): what link previews show for a site whose editors picked none.
/// It is the club's own drawing, made once by <see cref="Draw"/> (run <see cref="Regenerate"/> to make it again) and
/// committed; the test checks the committed file is the 1200×630 PNG the pages announce.
/// </summary>
public sealed class SharePictureTests
{
    private static string PicturePath => Path.Combine(RepositoryRoot(), "wwwroot", "img", "share.png");

    [Test]
    public void TheBuiltInSharePicture_IsA1200By630Png_InTheClubsColours()
    {
        using var picture = Image.NewFromFile(PicturePath, access: Enums.Access.Sequential);
        Assert.That((picture.Width, picture.Height), Is.EqualTo((1200, 630)));
        Assert.That(picture.Get("vips-loader"), Is.EqualTo("pngload"));
        using var corner = Image.NewFromFile(PicturePath).Crop(0, 0, 8, 8);
        var (r, g, b) = ((int)corner[0].Avg(), (int)corner[1].Avg(), (int)corner[2].Avg());
        Assert.That((r, g, b), Is.EqualTo((0x0f, 0x34, 0x70)), "the club's blue");
    }

    [Test]
    [Explicit("Writes wwwroot/img/share.png again; run it on purpose and commit the result.")]
    public void Regenerate() => Draw().WriteToFile(PicturePath, new VOption { { "compression", 9 }, { "strip", true } });

    /// <summary>The emblem of the favicon (a columned hall under a gold roof) and the club's name in both languages, on its blue.</summary>
    public static Image Draw()
    {
        const string svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
              <rect width="1200" height="630" fill="#0f3470"/>
              <rect x="0" y="590" width="1200" height="40" fill="#f2c230"/>
              <circle cx="1010" cy="120" r="360" fill="#1a4a96" opacity=".35"/>
              <g transform="translate(96 150) scale(6.5)">
                <circle cx="24" cy="24" r="23" fill="#0b2548"/>
                <path d="M11 19.5 24 11l13 8.5z" fill="#f2c230"/>
                <rect x="13.5" y="21.5" width="3.4" height="11" rx=".6" fill="#fff"/>
                <rect x="22.3" y="21.5" width="3.4" height="11" rx=".6" fill="#fff"/>
                <rect x="31.1" y="21.5" width="3.4" height="11" rx=".6" fill="#fff"/>
                <rect x="11" y="33.5" width="26" height="3" rx=".8" fill="#f2c230"/>
              </g>
              <g font-family="DejaVu Serif, serif" font-weight="bold" fill="#ffffff">
                <text x="470" y="285" font-size="78">Клуб мерів</text>
                <text x="470" y="380" font-size="60" fill="#f2c230">Mayors' Club</text>
              </g>
              <text x="470" y="450" font-family="DejaVu Sans, sans-serif" font-size="28" fill="#e3eaf6">mayorsclub.org.ua</text>
            </svg>
            """;
        using var drawn = Image.NewFromBuffer(System.Text.Encoding.UTF8.GetBytes(svg));
        return drawn.Flatten(background: [0x0f, 0x34, 0x70]).Cast(Enums.BandFormat.Uchar);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MayorsClub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MayorsClub.sln not found above the test's folder.");
    }
}
