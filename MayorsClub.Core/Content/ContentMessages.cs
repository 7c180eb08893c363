namespace MayorsClub.Core.Content;

/// <summary>
/// Every message a content operation can return, in Ukrainian and English.
/// A test checks that each code has both languages.
/// </summary>
public static class ContentMessages
{
    public const string DocumentNotFound = "document.notFound";
    public const string ParentNotFound = "document.parentNotFound";
    public const string UnknownDocumentType = "document.unknownType";
    public const string NotAllowedAtRoot = "document.notAllowedAtRoot";
    public const string ChildNotAllowed = "document.childNotAllowed";
    public const string ConcurrencyConflict = "document.conflict";
    public const string UnknownCulture = "document.unknownCulture";
    public const string NameRequired = "document.nameRequired";
    public const string NameTooLong = "document.nameTooLong";
    public const string SegmentInvalid = "document.segmentInvalid";
    public const string SegmentTaken = "document.segmentTaken";
    public const string SegmentTooLong = "document.segmentTooLong";
    public const string EmptyKey = "document.emptyKey";
    public const string RootTrashNeedsAdministrator = "tree.rootTrashNeedsAdministrator";
    public const string TooDeeplyNested = "property.tooDeeplyNested";
    public const string CultureNotCreated = "document.cultureNotCreated";
    public const string CultureNotPublished = "document.cultureNotPublished";
    public const string ParentNotPublished = "document.parentNotPublished";
    public const string UnknownProperty = "property.unknown";
    public const string PropertyVariesByCulture = "property.variesByCulture";
    public const string PropertyIsShared = "property.isShared";
    public const string Required = "property.required";
    public const string TooLong = "property.tooLong";
    public const string NotText = "property.notText";
    public const string InvalidDate = "property.invalidDate";
    public const string InvalidDateTime = "property.invalidDateTime";
    public const string UnknownTimeZone = "property.unknownTimeZone";
    public const string TimeInClockChange = "property.timeInClockChange";
    public const string NotNumber = "property.notNumber";
    public const string NumberOutOfRange = "property.numberOutOfRange";
    public const string NotBoolean = "property.notBoolean";
    public const string InvalidKeyList = "property.invalidKeyList";
    public const string TooManyItems = "property.tooManyItems";
    public const string InvalidTags = "property.invalidTags";
    public const string InvalidUrl = "property.invalidUrl";
    public const string NotAnOption = "property.notAnOption";
    public const string InvalidBlocks = "property.invalidBlocks";
    public const string EndBeforeStart = "event.endBeforeStart";
    public const string MoveIntoItself = "tree.moveIntoItself";
    public const string SortListMismatch = "tree.sortListMismatch";
    public const string InTrash = "tree.inTrash";
    public const string NotInTrash = "tree.notInTrash";
    public const string VersionNotFound = "version.notFound";
    public const string ScheduleInPast = "schedule.inPast";
    public const string ScheduleOrder = "schedule.order";
    public const string ScheduleOnePerCulture = "schedule.onePerCulture";
    public const string AccessNoGroups = "access.noGroups";
    public const string AccessUnknownGroup = "access.unknownGroup";
    public const string AccessNeedsEditor = "access.needsEditor";

    private static readonly BilingualTexts Messages = new(new(StringComparer.Ordinal)
    {
        [DocumentNotFound] = ("Документ не знайдено.", "The document was not found."),
        [ParentNotFound] = ("Батьківський документ не знайдено.", "The parent document was not found."),
        [UnknownDocumentType] = ("Невідомий тип документа «{0}».", "Unknown document type \"{0}\"."),
        [NotAllowedAtRoot] = ("Документ типу «{0}» не можна створити в корені дерева.", "A \"{0}\" document cannot be created at the root of the tree."),
        [ChildNotAllowed] = ("Документ типу «{0}» не можна розмістити під «{1}».", "A \"{0}\" document is not allowed under \"{1}\"."),
        [ConcurrencyConflict] = ("Хтось інший зберіг цей документ, поки ви його редагували (поточна версія {0}). Ваші зміни не збережено й не втрачено: перезавантажте документ і перенесіть їх.", "Someone else saved this document while you were editing it (current version {0}). Your changes were not saved and are not lost: reload the document and apply them again."),
        [UnknownCulture] = ("Мова «{0}» не підтримується (лише uk або en).", "Language \"{0}\" is not supported (only uk or en)."),
        [NameRequired] = ("Вкажіть назву документа.", "Enter the document's name."),
        [NameTooLong] = ("Назва задовга: не більше {0} символів.", "The name is too long: at most {0} characters."),
        [SegmentInvalid] = ("Сегмент URL може містити лише латинські літери, цифри й дефіси.", "A URL segment may contain only Latin letters, digits and hyphens."),
        [SegmentTaken] = ("Сегмент URL «{0}» уже має інший документ на цьому рівні.", "Another document at this level already uses the URL segment \"{0}\"."),
        [SegmentTooLong] = ("Сегмент URL задовгий: не більше {0} символів.", "The URL segment is too long: at most {0} characters."),
        [EmptyKey] = ("Ідентифікатор документа не може складатися з самих нулів: пропустіть його, і документ отримає новий.", "A document's id cannot be all zeros: leave it out and the document gets a new one."),
        [RootTrashNeedsAdministrator] = (
            "Лише адміністратор може перемістити до кошика документ верхнього рівня: разом із ним з сайту зникають усі його сторінки цією мовою чи обома.",
            "Only an administrator may move a top-level document to the recycle bin: every page below it goes offline with it, in one language or both."),
        [TooDeeplyNested] = (
            "Поле «{0}»: розмітка вкладена надто глибоко (більше {1} рівнів). Приберіть зайве форматування, наприклад вкладені курсиви.",
            "The field \"{0}\": the markup is nested too deeply (more than {1} levels). Remove the extra formatting, such as italics inside italics."),
        [CultureNotCreated] = ("Мовну версію «{0}» ще не створено: спершу збережіть її текст.", "The \"{0}\" version has not been written yet: save its text first."),
        [CultureNotPublished] = ("Мовна версія «{0}» не опублікована.", "The \"{0}\" version is not published."),
        [ParentNotPublished] = ("Батьківський документ не опубліковано мовою «{0}», тож цей документ не буде видно на сайті.", "The parent document is not published in \"{0}\", so this document will not be visible on the site."),
        [UnknownProperty] = ("Документ цього типу не має поля «{0}».", "This document type has no field \"{0}\"."),
        [PropertyVariesByCulture] = ("Поле «{0}» має окреме значення для кожної мови.", "The field \"{0}\" has a separate value for each language."),
        [PropertyIsShared] = ("Поле «{0}» спільне для обох мов.", "The field \"{0}\" is shared by both languages."),
        [Required] = ("Поле «{0}» обов'язкове.", "The field \"{0}\" is required."),
        [TooLong] = ("Поле «{0}» задовге: не більше {1} символів.", "The field \"{0}\" is too long: at most {1} characters."),
        [NotText] = ("Поле «{0}» має бути текстом.", "The field \"{0}\" must be text."),
        [InvalidDate] = ("Поле «{0}»: дата має бути у форматі РРРР-ММ-ДД.", "The field \"{0}\": the date must be in the form YYYY-MM-DD."),
        [InvalidDateTime] = ("Поле «{0}»: вкажіть дату й час у форматі РРРР-ММ-ДДTгг:хх та часовий пояс.", "The field \"{0}\": enter a date and time as YYYY-MM-DDThh:mm and a time zone."),
        [UnknownTimeZone] = ("Поле «{0}»: невідомий часовий пояс «{1}».", "The field \"{0}\": unknown time zone \"{1}\"."),
        [TimeInClockChange] = (
            "Поле «{0}»: часу {1} у поясі {2} не існує: тієї ночі годинники переводять уперед з {3} одразу на {4}. Виберіть час до {3} або від {4}.",
            "The field \"{0}\": {1} does not exist in {2}: that night the clocks jump forward from {3} straight to {4}. Choose a time before {3} or from {4}."),
        [NotNumber] = ("Поле «{0}» має бути числом.", "The field \"{0}\" must be a number."),
        [NumberOutOfRange] = ("Поле «{0}» має бути від {1} до {2}.", "The field \"{0}\" must be between {1} and {2}."),
        [NotBoolean] = ("Поле «{0}» має бути «так» або «ні».", "The field \"{0}\" must be yes or no."),
        [InvalidKeyList] = ("Поле «{0}» має містити ідентифікатори вибраних елементів.", "The field \"{0}\" must hold the identifiers of the chosen items."),
        [TooManyItems] = ("У полі «{0}» можна вибрати лише один елемент.", "Only one item may be chosen in the field \"{0}\"."),
        [InvalidTags] = ("Поле «{0}»: теги мають бути короткими рядками (до 50 символів).", "The field \"{0}\": tags must be short texts (up to 50 characters)."),
        [InvalidUrl] = ("Поле «{0}»: вкажіть повну адресу, що починається з http:// або https://.", "The field \"{0}\": enter a full address starting with http:// or https://."),
        [NotAnOption] = ("Поле «{0}»: значення «{1}» не входить до списку.", "The field \"{0}\": \"{1}\" is not one of the choices."),
        [InvalidBlocks] = ("Поле «{0}» має містити список блоків.", "The field \"{0}\" must hold a list of blocks."),
        [EndBeforeStart] = ("Подія не може закінчитися раніше, ніж почнеться.", "An event cannot end before it starts."),
        [MoveIntoItself] = ("Документ не можна перемістити всередину нього самого.", "A document cannot be moved inside itself."),
        [SortListMismatch] = ("Список для сортування має містити всі дочірні документи рівно один раз.", "The sort list must contain every child document exactly once."),
        [InTrash] = ("Документ у кошику: спершу відновіть його.", "The document is in the recycle bin: restore it first."),
        [NotInTrash] = ("Документ не в кошику.", "The document is not in the recycle bin."),
        [VersionNotFound] = ("Версію {0} не знайдено.", "Version {0} was not found."),
        [ScheduleInPast] = ("Запланований час уже минув.", "The scheduled time has already passed."),
        [ScheduleOnePerCulture] = ("Розклад задається один раз для кожної мови: щонайбільше {0} записи за запит.", "A schedule is given once per language: at most {0} entries in one request."),
        [AccessNoGroups] = ("Оберіть принаймні одну групу учасників або зніміть обмеження доступу.", "Choose at least one member group, or remove the access rule."),
        [AccessUnknownGroup] = ("Невідома група учасників «{0}».", "Unknown member group \"{0}\"."),
        [AccessNeedsEditor] = ("Обмеження доступу встановлюють і знімають лише редактори та адміністратори.", "Only editors and administrators set or remove an access rule."),
        [ScheduleOrder] = ("Зняття з публікації має бути пізніше за публікацію.", "Unpublishing must be scheduled after publishing."),
    });

    public static IEnumerable<string> Codes => Messages.Keys;

    public static string Format(string code, string uiCulture, IReadOnlyList<string> args) => Messages.Format(code, uiCulture, [.. args]);

    internal static bool HasBothLanguages(string code) => Messages.HasBothLanguages(code);
}
