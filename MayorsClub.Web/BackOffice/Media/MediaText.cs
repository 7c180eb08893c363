using MayorsClub.Core.Content;

namespace MayorsClub.Web.BackOffice.Media;

/// <summary>The media section's UI strings in both languages. A test checks every key has both.</summary>
public static class MediaText
{
    public const string Title = "mediaSection.title";
    public const string Library = "mediaSection.library";
    public const string Folders = "mediaSection.folders";
    public const string Root = "mediaSection.root";
    public const string Empty = "mediaSection.empty";
    public const string Upload = "mediaSection.upload";
    public const string UploadHint = "mediaSection.uploadHint";
    public const string ChooseFiles = "mediaSection.chooseFiles";
    public const string UploadButton = "mediaSection.uploadButton";
    public const string MembersOnly = "mediaSection.membersOnly";
    public const string MembersOnlyHint = "mediaSection.membersOnlyHint";
    public const string MembersOnlyTag = "mediaSection.membersOnlyTag";
    public const string AlwaysMembersOnly = "mediaSection.alwaysMembersOnly";
    public const string Limits = "mediaSection.limits";
    public const string Uploading = "mediaSection.uploading";
    public const string Uploaded = "mediaSection.uploaded";
    public const string UploadFailed = "mediaSection.uploadFailed";
    public const string NetworkError = "mediaSection.networkError";
    public const string SignedOut = "mediaSection.signedOut";
    public const string NoFileChosen = "mediaSection.noFileChosen";
    public const string RequestTooLarge = "mediaSection.requestTooLarge";
    public const string TooLargeHere = "mediaSection.tooLargeHere";
    public const string UnreadableUpload = "mediaSection.unreadableUpload";
    public const string NewFolder = "mediaSection.newFolder";
    public const string FolderName = "mediaSection.folderName";
    public const string Create = "mediaSection.create";
    public const string FolderSettings = "mediaSection.folderSettings";
    public const string Rename = "mediaSection.rename";
    public const string Move = "mediaSection.move";
    public const string MoveTo = "mediaSection.moveTo";
    public const string Delete = "mediaSection.delete";
    public const string DeleteFolderHint = "mediaSection.deleteFolderHint";
    public const string Name = "mediaSection.name";
    public const string AltText = "mediaSection.altText";
    public const string AltTextHint = "mediaSection.altTextHint";
    public const string AltTextIn = "mediaSection.altTextIn";
    public const string FocalPoint = "mediaSection.focalPoint";
    public const string FocalPointHint = "mediaSection.focalPointHint";
    public const string FocalX = "mediaSection.focalX";
    public const string FocalY = "mediaSection.focalY";
    public const string FocalClear = "mediaSection.focalClear";
    public const string Save = "mediaSection.save";
    public const string Saved = "mediaSection.saved";
    public const string Replace = "mediaSection.replace";
    public const string ReplaceHint = "mediaSection.replaceHint";
    public const string ReplaceButton = "mediaSection.replaceButton";
    public const string Replaced = "mediaSection.replaced";
    public const string UsedBy = "mediaSection.usedBy";
    public const string NotUsed = "mediaSection.notUsed";
    public const string InDraft = "mediaSection.inDraft";
    public const string InPublished = "mediaSection.inPublished";
    public const string InRecycleBin = "mediaSection.inRecycleBin";
    public const string DeleteWarning = "mediaSection.deleteWarning";
    public const string DeleteConfirm = "mediaSection.deleteConfirm";
    public const string DeleteUnused = "mediaSection.deleteUnused";
    public const string Details = "mediaSection.details";
    public const string FileType = "mediaSection.fileType";
    public const string FileSize = "mediaSection.fileSize";
    public const string Dimensions = "mediaSection.dimensions";
    public const string PublicUrl = "mediaSection.publicUrl";
    public const string Download = "mediaSection.download";
    public const string Back = "mediaSection.back";
    public const string Open = "mediaSection.open";
    public const string Deleted = "mediaSection.deleted";

    private static readonly BilingualTexts Texts = new(new(StringComparer.Ordinal)
    {
        [Title] = ("Медіа", "Media"),
        [Library] = ("Медіатека", "Media library"),
        [Folders] = ("Теки", "Folders"),
        [Root] = ("Медіатека", "Media library"),
        [Empty] = ("Тут поки нічого немає.", "Nothing here yet."),
        [Upload] = ("Завантаження файлів", "Upload files"),
        [UploadHint] = ("Перетягніть сюди кілька файлів або", "Drag several files here, or"),
        [ChooseFiles] = ("виберіть файли", "choose files"),
        [UploadButton] = ("Завантажити", "Upload"),
        [MembersOnly] = ("Лише для членів клубу", "Members only"),
        [MembersOnlyHint] = ("Зображення без цієї позначки доступні всім за публічною адресою. Документи (PDF, DOCX, PPTX) і відео (MP4) — матеріали сесій — завжди лише для членів клубу.",
            "Images without this mark are public at their own address. Documents (PDF, DOCX, PPTX) and videos (MP4) — session materials — are always for members only."),
        [MembersOnlyTag] = ("лише для членів", "members only"),
        [AlwaysMembersOnly] = ("Документи й відео завжди доступні лише членам клубу.", "Documents and videos are always for members only."),
        [Limits] = ("Зображення до {0}, документи до {1}, відео до {2}.", "Images up to {0}, documents up to {1}, videos up to {2}."),
        [Uploading] = ("Завантаження…", "Uploading…"),
        [Uploaded] = ("Завантажено", "Uploaded"),
        [UploadFailed] = ("Не завантажено", "Not uploaded"),
        [NetworkError] = ("Зв'язок перервався. Перевірте мережу й спробуйте ще раз.", "The connection broke off. Check the network and try again."),
        [SignedOut] = ("Сеанс завершився: увійдіть знову й повторіть завантаження.", "Your session has ended: sign in again and repeat the upload."),
        [NoFileChosen] = ("Виберіть хоча б один файл.", "Choose at least one file."),
        [RequestTooLarge] = ("Завантаження завелике: файл може мати щонайбільше {0} МБ.", "The upload is too large: a file may be at most {0} MB."),
        [TooLargeHere] = ("Файл «{0}» завеликий: щонайбільше {1} МБ.", "The file \"{0}\" is too large: at most {1} MB."),
        [UnreadableUpload] = ("Завантаження не вдалося прочитати. Спробуйте ще раз.", "The upload could not be read. Please try again."),
        [NewFolder] = ("Нова тека", "New folder"),
        [FolderName] = ("Назва теки", "Folder name"),
        [Create] = ("Створити", "Create"),
        [FolderSettings] = ("Ця тека", "This folder"),
        [Rename] = ("Перейменувати", "Rename"),
        [Move] = ("Перемістити", "Move"),
        [MoveTo] = ("Куди", "Move to"),
        [Delete] = ("Видалити", "Delete"),
        [DeleteFolderHint] = ("Видалити можна лише порожню теку.", "Only an empty folder can be deleted."),
        [Name] = ("Назва", "Name"),
        [AltText] = ("Альтернативний текст", "Alternative text"),
        [AltTextHint] = ("Опис зображення для тих, хто його не бачить: що на ньому важливого.", "What the picture shows, for people who cannot see it."),
        [AltTextIn] = ("Альтернативний текст ({0})", "Alternative text ({0})"),
        [FocalPoint] = ("Фокусна точка", "Focal point"),
        [FocalPointHint] = ("Клацніть на зображенні там, де найважливіше: обрізані версії зберігатимуть цю частину.", "Click on the picture where it matters most: cropped versions will keep that part."),
        [FocalX] = ("Зліва (0–1)", "From the left (0–1)"),
        [FocalY] = ("Згори (0–1)", "From the top (0–1)"),
        [FocalClear] = ("Прибрати точку", "Remove the point"),
        [Save] = ("Зберегти", "Save"),
        [Saved] = ("Збережено.", "Saved."),
        [Replace] = ("Замінити файл", "Replace the file"),
        [ReplaceHint] = ("Новий файл отримає ту саму адресу, тож усі посилання на нього працюватимуть далі.", "The new file keeps the same address, so every link to it keeps working."),
        [ReplaceButton] = ("Замінити", "Replace"),
        [Replaced] = ("Файл замінено.", "The file was replaced."),
        [UsedBy] = ("Де використовується", "Used by"),
        [NotUsed] = ("Жоден документ не використовує цей файл.", "No document uses this file."),
        [InDraft] = ("у чернетці", "in the draft"),
        [InPublished] = ("на сайті", "on the site"),
        [InRecycleBin] = ("у кошику", "in the recycle bin"),
        [DeleteWarning] = ("Видалення не можна скасувати.", "Deleting cannot be undone."),
        [DeleteConfirm] = ("Усе одно видалити", "Delete anyway"),
        [DeleteUnused] = ("Видалити файл", "Delete the file"),
        [Details] = ("Відомості", "Details"),
        [FileType] = ("Тип", "Type"),
        [FileSize] = ("Розмір", "Size"),
        [Dimensions] = ("Розміри", "Dimensions"),
        [PublicUrl] = ("Публічна адреса", "Public address"),
        [Download] = ("Завантажити файл", "Download the file"),
        [Back] = ("Назад до теки", "Back to the folder"),
        [Open] = ("Відкрити", "Open"),
        [Deleted] = ("Видалено.", "Deleted."),
    });

    public static IEnumerable<string> Keys => Texts.Keys;

    public static string Get(string key, string culture) =>
        Texts.Get(key, culture);

    public static string Format(string key, string culture, params object[] args) =>
        Texts.Format(key, culture, args);

    internal static bool HasBothLanguages(string key) => Texts.HasBothLanguages(key);
}
