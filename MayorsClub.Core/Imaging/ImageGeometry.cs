namespace MayorsClub.Core.Imaging;

/// <summary>
/// Where the pixels go, in ImageSharp.Web's terms, before any pixel is touched: the size to scale the upright source
/// to, then the area to cut out of it (crop) or the box to centre it in (pad, boxpad). With only a width or only a
/// height the other side follows the source's aspect ratio. Like ImageSharp.Web, crop, max, pad and stretch enlarge a
/// smaller source to the asked size; min and boxpad never enlarge (min returns the source's size, boxpad pads it).
/// </summary>
public static class ImageGeometry
{
    public static ImagePlan Plan(int sourceWidth, int sourceHeight, ImageCommands commands, (double X, double Y)? libraryFocalPoint)
    {
        var (width, height, mode) = Box(commands);
        if (width is null && height is null)
        {
            return new ImagePlan(sourceWidth, sourceHeight, null, null);
        }

        var boxWidth = width ?? Math.Max(1, (int)Math.Round((double)height!.Value * sourceWidth / sourceHeight));
        var boxHeight = height ?? Math.Max(1, (int)Math.Round((double)width!.Value * sourceHeight / sourceWidth));
        double scaleX = (double)boxWidth / sourceWidth, scaleY = (double)boxHeight / sourceHeight;

        switch (mode)
        {
            case ResizeMode.Stretch:
                return new ImagePlan(boxWidth, boxHeight, null, null);

            case ResizeMode.Max:
                return Scaled(Math.Min(scaleX, scaleY), null);

            case ResizeMode.Pad:
                return Scaled(Math.Min(scaleX, scaleY), new ImagePad(boxWidth, boxHeight, commands.Anchor));

            case ResizeMode.BoxPad:
                return sourceWidth <= boxWidth && sourceHeight <= boxHeight
                    ? new ImagePlan(sourceWidth, sourceHeight, null, new ImagePad(boxWidth, boxHeight, commands.Anchor))
                    : Scaled(Math.Min(scaleX, scaleY), new ImagePad(boxWidth, boxHeight, commands.Anchor));

            case ResizeMode.Min:
                return boxWidth > sourceWidth || boxHeight > sourceHeight
                    ? new ImagePlan(sourceWidth, sourceHeight, null, null)
                    : Scaled(Math.Max(scaleX, scaleY), null);

            default:
                var scale = Math.Max(scaleX, scaleY);
                var resizedWidth = Math.Max(boxWidth, (int)Math.Round(sourceWidth * scale));
                var resizedHeight = Math.Max(boxHeight, (int)Math.Round(sourceHeight * scale));
                var (left, top) = Offset(resizedWidth - boxWidth, resizedHeight - boxHeight, boxWidth, boxHeight, resizedWidth, resizedHeight,
                    commands.FocalPoint ?? libraryFocalPoint, commands.Anchor);
                return new ImagePlan(resizedWidth, resizedHeight, new ImageArea(left, top, boxWidth, boxHeight), null);
        }

        ImagePlan Scaled(double factor, ImagePad? pad) => new(
            Math.Max(1, (int)Math.Round(sourceWidth * factor)), Math.Max(1, (int)Math.Round(sourceHeight * factor)), null, pad);
    }

    /// <summary>The asked box: a named crop's frame (its shape kept when a width or height is given too), or the width and height.</summary>
    private static (int? Width, int? Height, ResizeMode Mode) Box(ImageCommands commands)
    {
        if (ImageCrops.Find(commands.Crop) is not { } crop)
        {
            return (commands.Width, commands.Height, commands.Mode);
        }

        return commands switch
        {
            { Width: { } w } => (w, Math.Max(1, (int)Math.Round((double)w * crop.Height / crop.Width)), ResizeMode.Crop),
            { Height: { } h } => (Math.Max(1, (int)Math.Round((double)h * crop.Width / crop.Height)), h, ResizeMode.Crop),
            _ => (crop.Width, crop.Height, ResizeMode.Crop),
        };
    }

    /// <summary>Where the box sits in the scaled image: centred on the focal point as far as the edges allow, else by the anchor.</summary>
    private static (int Left, int Top) Offset(int spareX, int spareY, int boxWidth, int boxHeight, int width, int height,
        (double X, double Y)? focalPoint, ResizeAnchor anchor)
    {
        if (focalPoint is { } point)
        {
            return (Math.Clamp((int)Math.Round(point.X * width - boxWidth / 2.0), 0, spareX),
                Math.Clamp((int)Math.Round(point.Y * height - boxHeight / 2.0), 0, spareY));
        }

        var left = anchor switch
        {
            ResizeAnchor.Left or ResizeAnchor.TopLeft or ResizeAnchor.BottomLeft => 0,
            ResizeAnchor.Right or ResizeAnchor.TopRight or ResizeAnchor.BottomRight => spareX,
            _ => spareX / 2,
        };
        var top = anchor switch
        {
            ResizeAnchor.Top or ResizeAnchor.TopLeft or ResizeAnchor.TopRight => 0,
            ResizeAnchor.Bottom or ResizeAnchor.BottomLeft or ResizeAnchor.BottomRight => spareY,
            _ => spareY / 2,
        };
        return (left, top);
    }
}

/// <summary>Scale the upright source to <see cref="ResizeWidth"/>×<see cref="ResizeHeight"/>, then cut <see cref="Crop"/> or pad to <see cref="Pad"/>.</summary>
public sealed record ImagePlan(int ResizeWidth, int ResizeHeight, ImageArea? Crop, ImagePad? Pad);

public sealed record ImageArea(int Left, int Top, int Width, int Height);

public sealed record ImagePad(int Width, int Height, ResizeAnchor Anchor);
