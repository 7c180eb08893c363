using MayorsClub.Core.Content;

namespace MayorsClub.Core.Imaging;

/// <summary>
/// The image endpoint's refusals, in Ukrainian and English (short plain text: an image URL is read by a browser's
/// image loader, a developer or a crawler, not shown as a page). {0} is the query key, {1} its limit where it has one.
/// </summary>
public static class ImageMessages
{
    public const string NotANumber = "image.notANumber";
    public const string OutOfRange = "image.outOfRange";
    public const string UnknownMode = "image.unknownMode";
    public const string UnknownAnchor = "image.unknownAnchor";
    public const string UnknownFormat = "image.unknownFormat";
    public const string UnknownCrop = "image.unknownCrop";
    public const string BadFocalPoint = "image.badFocalPoint";
    public const string BadColour = "image.badColour";
    public const string BadExpiry = "image.badExpiry";
    public const string NeedsSignature = "image.needsSignature";
    public const string BadSignature = "image.badSignature";
    public const string Expired = "image.expired";
    public const string CannotProcess = "image.cannotProcess";
    public const string TooManyPixels = "image.tooManyPixels";
    public const string Busy = "image.busy";

    private static readonly BilingualTexts Messages = new(new(StringComparer.Ordinal)
    {
        [NotANumber] = ("Параметр «{0}» має бути цілим числом.", "The parameter \"{0}\" must be a whole number."),
        [OutOfRange] = ("Параметр «{0}» має бути від 1 до {1}.", "The parameter \"{0}\" must be between 1 and {1}."),
        [UnknownMode] = (
            "Невідомий rmode: дозволено crop, max, min, pad, boxpad, stretch.",
            "Unknown rmode: use crop, max, min, pad, boxpad or stretch."),
        [UnknownAnchor] = (
            "Невідомий ranchor: дозволено center, top, bottom, left, right, topleft, topright, bottomleft, bottomright.",
            "Unknown ranchor: use center, top, bottom, left, right, topleft, topright, bottomleft or bottomright."),
        [UnknownFormat] = ("Невідомий format: дозволено avif, webp, jpg, png.", "Unknown format: use avif, webp, jpg or png."),
        [UnknownCrop] = ("Невідомий crop: дозволено {1}.", "Unknown crop: use {1}."),
        [BadFocalPoint] = ("rxy має бути двома числами від 0 до 1 через кому, наприклад rxy=0.5,0.3.", "rxy must be two numbers between 0 and 1 separated by a comma, e.g. rxy=0.5,0.3."),
        [BadColour] = ("bgcolor має бути назвою кольору (white, black…) або шістнадцятковим RGB чи RRGGBB.", "bgcolor must be a colour name (white, black…) or hex RGB or RRGGBB."),
        [BadExpiry] = ("Параметр «expires» має бути часом Unix у секундах.", "The parameter \"expires\" must be a Unix time in seconds."),
        [NeedsSignature] = (
            "Без підпису (hmac) можна просити лише іменовані кадрування (crop), ширини зі списку сайту й формат.",
            "Without a signature (hmac) only the named crops, the site's list of widths and a format may be asked for."),
        [BadSignature] = ("Підпис (hmac) не відповідає цьому запиту.", "The signature (hmac) does not match this request."),
        [Expired] = ("Термін дії цього посилання на зображення минув.", "This image link has expired."),
        [CannotProcess] = ("Цей файл неможливо обробити як зображення.", "This file cannot be processed as an image."),
        [TooManyPixels] = ("Зображення завелике для обробки.", "The image is too large to be processed."),
        [Busy] = ("Сервер зараз обробляє забагато зображень. Спробуйте ще раз за кілька секунд.", "The server is processing too many images right now. Try again in a few seconds."),
    });

    public static IEnumerable<string> Codes => Messages.Keys;

    public static string Format(string code, string culture, params object?[] args) => Messages.Format(code, culture, args);

    public static bool HasBothLanguages(string code) => Messages.HasBothLanguages(code);
}

/// <summary>Why the endpoint refuses a request: a message code of <see cref="ImageMessages"/> with its arguments.</summary>
public sealed record ImageRefusal(string Code, params object?[] Args)
{
    public string Message(string culture) => ImageMessages.Format(Code, culture, Args);
}
