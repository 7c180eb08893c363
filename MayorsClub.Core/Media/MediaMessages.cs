using MayorsClub.Core.Content;

namespace MayorsClub.Core.Media;

/// <summary>
/// Every message a media operation can return, in Ukrainian and English. {0} is the file's name where a file
/// is refused. A test checks that each code has both languages.
/// </summary>
public static class MediaMessages
{
    public const string Empty = "media.empty";
    public const string UnsupportedType = "media.unsupportedType";
    public const string SvgRefused = "media.svgRefused";
    public const string NotAnOfficeDocument = "media.notAnOfficeDocument";
    public const string ImageDamaged = "media.imageDamaged";
    public const string TooLarge = "media.tooLarge";
    public const string NotFound = "media.notFound";
    public const string FolderNotFound = "media.folderNotFound";
    public const string NotAFolder = "media.notAFolder";
    public const string NotAFile = "media.notAFile";
    public const string NameRequired = "media.nameRequired";
    public const string NameTooLong = "media.nameTooLong";
    public const string AltTextTooLong = "media.altTextTooLong";
    public const string UnknownCulture = "media.unknownCulture";
    public const string FocalPointOutOfRange = "media.focalPointOutOfRange";
    public const string Conflict = "media.conflict";
    public const string InUse = "media.inUse";
    public const string FolderNotEmpty = "media.folderNotEmpty";
    public const string MoveIntoItself = "media.moveIntoItself";
    public const string ReplaceDifferentKind = "media.replaceDifferentKind";
    public const string AlwaysMembersOnly = "media.alwaysMembersOnly";
    public const string AudienceNeedsPublishRights = "media.audienceNeedsPublishRights";
    public const string LiveMediaNeedsPublishRights = "media.liveMediaNeedsPublishRights";
    public const string TooManyPixels = "media.tooManyPixels";
    public const string ImpossibleDimensions = "media.impossibleDimensions";
    public const string HeicNotSupported = "media.heicNotSupported";

    private static readonly BilingualTexts Messages = new(new(StringComparer.Ordinal)
    {
        [Empty] = ("Файл «{0}» порожній.", "The file \"{0}\" is empty."),
        [UnsupportedType] = (
            "Файл «{0}» не належить до дозволених типів (тип визначається за вмістом, а не за назвою). Дозволено: зображення JPEG, PNG, GIF, WebP, AVIF; документи PDF, Word (DOCX), PowerPoint (PPTX); відео MP4.",
            "The file \"{0}\" is not one of the accepted types (the type is told from the file's contents, not its name). Accepted: images JPEG, PNG, GIF, WebP, AVIF; documents PDF, Word (DOCX), PowerPoint (PPTX); video MP4."),
        [SvgRefused] = (
            "Файл «{0}» — це малюнок SVG. SVG не приймаються, бо можуть містити скрипти: збережіть малюнок як PNG або WebP і завантажте його.",
            "The file \"{0}\" is an SVG drawing. SVG files are not accepted because they can carry scripts: save the picture as PNG or WebP and upload that."),
        [NotAnOfficeDocument] = (
            "Файл «{0}» — це ZIP-архів, але не документ Word (DOCX) чи презентація PowerPoint (PPTX). Документи з макросами (DOCM, PPTM) теж не приймаються.",
            "The file \"{0}\" is a ZIP archive but not a Word document (DOCX) or a PowerPoint presentation (PPTX). Documents with macros (DOCM, PPTM) are not accepted either."),
        [ImageDamaged] = ("Файл «{0}» схожий на зображення {1}, але його не вдалося прочитати: можливо, файл пошкоджено.", "The file \"{0}\" looks like a {1} image but could not be read: the file may be damaged."),
        [TooLarge] = ("Файл «{0}» завеликий: файли {1} можуть мати щонайбільше {2} МБ.", "The file \"{0}\" is too large: {1} files may be at most {2} MB."),
        [NotFound] = ("Медіафайл не знайдено.", "The media item was not found."),
        [FolderNotFound] = ("Теку не знайдено.", "The folder was not found."),
        [NotAFolder] = ("Це не тека: файли можна класти лише в теки.", "That is not a folder: files can only go into folders."),
        [NotAFile] = ("Теку не можна замінити файлом.", "A folder cannot be replaced by a file."),
        [NameRequired] = ("Вкажіть назву.", "Enter a name."),
        [NameTooLong] = ("Назва задовга: не більше {0} символів.", "The name is too long: at most {0} characters."),
        [AltTextTooLong] = ("Альтернативний текст ({0}) задовгий: не більше {1} символів.", "The alternative text ({0}) is too long: at most {1} characters."),
        [UnknownCulture] = ("Мова «{0}» не підтримується (лише uk або en).", "Language \"{0}\" is not supported (only uk or en)."),
        [FocalPointOutOfRange] = ("Фокусна точка має бути в межах зображення: обидва значення від 0 до 1.", "The focal point must lie on the image: both values between 0 and 1."),
        [Conflict] = (
            "Хтось інший змінив цей файл, поки ви його редагували (поточна версія {0}). Ваші зміни не збережено: перезавантажте сторінку й внесіть їх знову.",
            "Someone else changed this item while you were editing it (current version {0}). Your changes were not saved: reload the page and make them again."),
        [InUse] = (
            "«{0}» використовується в документах ({1}). Підтвердьте видалення: на їхніх сторінках на місці файлу нічого не буде.",
            "\"{0}\" is used by {1} document(s). Confirm to delete it anyway: those pages will show nothing in its place."),
        [FolderNotEmpty] = ("Тека «{0}» не порожня: спершу перемістіть або видаліть її вміст.", "The folder \"{0}\" is not empty: move or delete what is in it first."),
        [MoveIntoItself] = ("Теку не можна перемістити в неї саму чи в її підтеку.", "A folder cannot be moved into itself or into one of its subfolders."),
        [ReplaceDifferentKind] = (
            "Замінювати можна лише файлом того самого виду: зображення — зображенням, документ — документом, відео — відео.",
            "A file can only be replaced by one of the same kind: an image by an image, a document by a document, a video by a video."),
        [AudienceNeedsPublishRights] = (
            "Змінювати, хто бачить файл (лише члени клубу чи всі), можуть редактори й адміністратори: це рішення про публікацію.",
            "Only editors and administrators may change who can see a file (members only or everyone): that is a publishing decision."),
        [LiveMediaNeedsPublishRights] = (
            "Цей файл показують опубліковані сторінки, тож змінити чи замінити його можуть лише редактори й адміністратори. Завантажте новий файл і виберіть його в чернетці або попросіть редактора.",
            "Published pages show this file, so only editors and administrators may change or replace it. Upload a new file and choose it in a draft, or ask an editor."),
        [TooManyPixels] = (
            "Зображення «{0}» завелике: {1} × {2} пікселів, а дозволено щонайбільше {3} мегапікселів. Зменште його й завантажте знову.",
            "The image \"{0}\" is too large: {1} × {2} pixels, and at most {3} megapixels are accepted. Make it smaller and upload it again."),
        [ImpossibleDimensions] = (
            "Зображення «{0}» має неможливі розміри в заголовку файлу: можливо, файл пошкоджено.",
            "The image \"{0}\" declares impossible dimensions in its header: the file may be damaged."),
        [HeicNotSupported] = (
            "Фото «{0}» у форматі HEIC (так iPhone зберігає знімки), а сервер поки не вміє його прочитати. Збережіть фото як JPEG і завантажте знову: на iPhone — «Параметри» → «Камера» → «Формати» → «Найсумісніший», або надішліть фото собі поштою чи експортуйте як JPEG.",
            "The photo \"{0}\" is in HEIC format (how iPhones save pictures), which this server cannot read yet. Save it as JPEG and upload it again: on an iPhone, Settings → Camera → Formats → \"Most Compatible\", or e-mail the photo to yourself or export it as JPEG."),
        [AlwaysMembersOnly] = (
            "Документи й відео завжди доступні лише членам клубу.",
            "Documents and videos are always for members only."),
    });

    public static IEnumerable<string> Codes => Messages.Keys;

    public static string Format(string code, string uiCulture, IReadOnlyList<string> args) => Messages.Format(code, uiCulture, [.. args]);

    internal static bool HasBothLanguages(string code) => Messages.HasBothLanguages(code);
}
