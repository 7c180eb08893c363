using MayorsClub.Core.Content;

namespace MayorsClub.Web.BackOffice.Content;

/// <summary>
/// The content section's UI strings in both languages, and Ukrainian names for the document types, groups,
/// properties and options (declared in English in the core). A test checks every entry has both languages.
/// </summary>
public static class ContentText
{
    public const string Title = "content.title";
    public const string Tree = "tree.label";
    public const string TreeExpand = "tree.expand";
    public const string TreeEmpty = "tree.empty";
    public const string TreeMore = "tree.more";
    public const string TreeLoading = "tree.loading";
    public const string Create = "create";
    public const string CreateIn = "create.in";
    public const string CreateAtRoot = "create.atRoot";
    public const string ChooseType = "create.chooseType";
    public const string NoAllowedTypes = "create.noTypes";
    public const string NewDocument = "create.newDocument";
    public const string Welcome = "content.welcome";

    public const string StatePublished = "state.published";
    public const string StateChanged = "state.changed";
    public const string StateDraft = "state.draft";
    public const string StateUnpublished = "state.unpublished";
    public const string StateNotCreated = "state.notCreated";
    public const string StateScheduled = "state.scheduled";
    public const string StateAwaitingApproval = "state.awaitingApproval";
    public const string StateInTrash = "state.inTrash";

    public const string Ukrainian = "culture.uk";
    public const string English = "culture.en";
    public const string Shared = "field.shared";
    public const string Name = "field.name";
    public const string Segment = "field.segment";
    public const string SegmentHint = "field.segmentHint";
    public const string Required = "field.required";
    public const string TimeZone = "field.timeZone";
    public const string Yes = "field.yes";
    public const string NoOption = "field.noOption";
    public const string TagsHint = "field.tagsHint";
    public const string Groups = "field.groups";
    public const string ShowLanguage = "field.showLanguage";
    public const string BothLanguages = "field.bothLanguages";

    public const string Save = "action.save";
    public const string SaveAndPublish = "action.saveAndPublish";
    public const string SaveAndSubmit = "action.saveAndSubmit";
    public const string PublishCultures = "action.publishCultures";
    public const string SubmitCultures = "action.submitCultures";
    public const string ChooseCulture = "action.chooseCulture";
    public const string WriterHint = "action.writerHint";
    public const string Unpublish = "action.unpublish";
    public const string Schedule = "action.schedule";
    public const string PublishAt = "action.publishAt";
    public const string UnpublishAt = "action.unpublishAt";
    public const string ScheduleHint = "action.scheduleHint";
    public const string ScheduleInvalid = "action.scheduleInvalid";
    public const string Preview = "action.preview";
    public const string PreviewHint = "action.previewHint";
    public const string History = "action.history";
    public const string Move = "action.move";
    public const string PublicAccess = "action.publicAccess";
    public const string PublicAccessTitle = "access.title";
    public const string PublicAccessIntro = "access.intro";
    public const string PublicAccessGroups = "access.groups";
    public const string PublicAccessSave = "access.save";
    public const string PublicAccessRemove = "access.remove";
    public const string PublicAccessInherited = "access.inherited";
    public const string PublicAccessNone = "access.none";
    public const string PublicAccessLimited = "access.limited";
    public const string DoneAccessSet = "done.accessSet";
    public const string DoneAccessRemoved = "done.accessRemoved";
    public const string SortChildren = "action.sort";
    public const string Trash = "action.trash";
    public const string TrashConfirm = "action.trashConfirm";
    public const string TrashRootConfirm = "action.trashRootConfirm";
    public const string CopyToEnglish = "action.copyToEn";
    public const string CopyToUkrainian = "action.copyToUk";
    public const string CopyConfirm = "action.copyConfirm";
    public const string Copied = "action.copied";
    public const string UnsavedConfirm = "action.unsavedConfirm";
    public const string ViewOnSite = "action.viewOnSite";

    public const string DoneSaved = "done.saved";
    public const string DoneCreated = "done.created";
    public const string DonePublished = "done.published";
    public const string DoneSubmitted = "done.submitted";
    public const string DoneUnpublished = "done.unpublished";
    public const string DoneScheduled = "done.scheduled";
    public const string DoneRolledBack = "done.rolledBack";
    public const string DoneMoved = "done.moved";
    public const string DoneSorted = "done.sorted";
    public const string DoneRestored = "done.restored";
    public const string DoneTrashed = "done.trashed";
    public const string SavedNotPublished = "done.savedNotPublished";
    public const string ErrorSummary = "error.summary";
    public const string ConflictOverwrite = "conflict.overwrite";
    public const string ConflictOpenCurrent = "conflict.openCurrent";
    public const string NotFound = "error.notFound";
    public const string InTrashNotice = "error.inTrash";

    public const string Info = "info.title";
    public const string Publishing = "info.publishing";
    public const string LastEdited = "info.lastEdited";
    public const string PublishedOn = "info.publishedOn";
    public const string Address = "info.address";
    public const string ApprovalAskedBy = "info.approvalAskedBy";
    public const string DocumentType = "info.type";
    public const string Scheduled = "info.scheduled";

    public const string PreviewBanner = "preview.banner";
    public const string BackToEditor = "preview.back";
    public const string PreviewNotAPage = "preview.notAPage";
    public const string PreviewNotWritten = "preview.notWritten";

    public const string VersionHistory = "history.title";
    public const string VersionNumber = "history.version";
    public const string When = "history.when";
    public const string Who = "history.who";
    public const string What = "history.what";
    public const string Compare = "history.compare";
    public const string Rollback = "history.rollback";
    public const string RollbackAndPublish = "history.rollbackAndPublish";
    public const string RollbackHint = "history.rollbackHint";
    public const string CurrentVersion = "history.current";
    public const string NoChanges = "history.noChanges";
    public const string DiffLegend = "history.legend";
    public const string ChangeAdded = "change.added";
    public const string ChangeRemoved = "change.removed";
    public const string ChangeChanged = "change.changed";
    public const string VersionNotFound = "history.notFound";

    public const string ActionCreate = "what.create";
    public const string ActionSave = "what.save";
    public const string ActionPublish = "what.publish";
    public const string ActionSaveAndPublish = "what.saveAndPublish";
    public const string ActionSaveAndSubmit = "what.saveAndSubmit";
    public const string ActionSaveAndSchedule = "what.saveAndSchedule";
    public const string ActionRollbackAndPublish = "what.rollbackAndPublish";
    public const string ActionUnpublish = "what.unpublish";
    public const string ActionMove = "what.move";
    public const string ActionTrash = "what.trash";
    public const string ActionRestore = "what.restore";
    public const string ActionScheduledPublish = "what.scheduledPublish";
    public const string ActionScheduledUnpublish = "what.scheduledUnpublish";
    public const string ActionRollback = "what.rollback";

    public const string MoveTitle = "move.title";
    public const string MoveTo = "move.to";
    public const string Root = "move.root";
    public const string NoMoveTargets = "move.none";
    public const string SortTitle = "sort.title";
    public const string SortHint = "sort.hint";
    public const string MoveUp = "sort.up";
    public const string MoveDown = "sort.down";
    public const string SaveOrder = "sort.save";
    public const string MovedTo = "sort.movedTo";
    public const string NothingToSort = "sort.nothing";
    public const string RecycleBin = "bin.title";
    public const string Restore = "bin.restore";
    public const string RecycleBinEmpty = "bin.empty";
    public const string RecycleBinHint = "bin.hint";

    public const string AddBlock = "block.add";
    public const string RemoveBlock = "block.remove";
    public const string BlockUp = "block.up";
    public const string BlockDown = "block.down";
    public const string Block = "block.label";
    public const string PickerChoose = "picker.choose";
    public const string PickerRemove = "picker.remove";
    public const string PickerNone = "picker.none";
    public const string PickerTitle = "picker.title";
    public const string PickerClose = "picker.close";
    public const string PickerPick = "picker.pick";
    public const string PickerUnknown = "picker.unknown";
    public const string MediaChoose = "media.choose";
    public const string MediaUnknown = "media.unknown";
    public const string MediaMoveUp = "media.up";
    public const string MediaMoveDown = "media.down";
    public const string MediaDialogTitle = "media.dialogTitle";
    public const string MediaImagesOnly = "media.imagesOnly";
    public const string MediaFilesOnly = "media.filesOnly";
    public const string MediaFilter = "media.filter";
    public const string MediaUploadHere = "media.uploadHere";
    public const string MediaNothingHere = "media.nothingHere";
    public const string MediaNothingMatches = "media.nothingMatches";
    public const string MediaOpenFolder = "media.openFolder";
    public const string MediaConfirm = "media.confirm";
    public const string MediaSelected = "media.selected";
    public const string MediaSelectedNone = "media.selectedNone";
    public const string MediaUploadedSelected = "media.uploadedSelected";

    public const string RichTextParagraph = "rt.paragraph";
    public const string RichTextHeading2 = "rt.h2";
    public const string RichTextHeading3 = "rt.h3";
    public const string RichTextBold = "rt.bold";
    public const string RichTextItalic = "rt.italic";
    public const string RichTextBulletList = "rt.bulletList";
    public const string RichTextOrderedList = "rt.orderedList";
    public const string RichTextLink = "rt.link";
    public const string RichTextUnlink = "rt.unlink";
    public const string RichTextQuote = "rt.quote";
    public const string RichTextTable = "rt.table";
    public const string RichTextAddRow = "rt.addRow";
    public const string RichTextAddColumn = "rt.addColumn";
    public const string RichTextDeleteRow = "rt.deleteRow";
    public const string RichTextDeleteColumn = "rt.deleteColumn";
    public const string RichTextDeleteTable = "rt.deleteTable";
    public const string RichTextImage = "rt.image";
    public const string RichTextVideo = "rt.video";
    public const string RichTextUndo = "rt.undo";
    public const string RichTextRedo = "rt.redo";
    public const string RichTextToolbar = "rt.toolbar";
    public const string RichTextLinkPrompt = "rt.linkPrompt";
    public const string RichTextImagePrompt = "rt.imagePrompt";
    public const string RichTextImageAltPrompt = "rt.imageAltPrompt";
    public const string RichTextVideoPrompt = "rt.videoPrompt";
    public const string RichTextVideoInvalid = "rt.videoInvalid";

    private static readonly BilingualTexts Texts = new(new(StringComparer.Ordinal)
    {
        [Title] = ("Вміст", "Content"),
        [Tree] = ("Дерево вмісту", "Content tree"),
        [TreeExpand] = ("Показати вкладені документи «{0}»", "Show the documents inside “{0}”"),
        [TreeEmpty] = ("Тут поки нічого немає.", "Nothing here yet."),
        [TreeMore] = ("Показати ще", "Show more"),
        [TreeLoading] = ("Завантаження…", "Loading…"),
        [Create] = ("Створити", "Create"),
        [CreateIn] = ("Створити в «{0}»", "Create in “{0}”"),
        [CreateAtRoot] = ("Створити в корені", "Create at the root"),
        [ChooseType] = ("Оберіть, що створити", "Choose what to create"),
        [NoAllowedTypes] = ("Тут не можна створювати документи.", "No documents can be created here."),
        [NewDocument] = ("Новий документ: {0}", "New document: {0}"),
        [Welcome] = ("Оберіть документ у дереві, щоб редагувати його, або створіть новий.", "Choose a document in the tree to edit it, or create a new one."),

        [StatePublished] = ("опубліковано", "published"),
        [StateChanged] = ("змінено після публікації", "changed since publishing"),
        [StateDraft] = ("чернетка", "draft"),
        [StateUnpublished] = ("знято з публікації", "unpublished"),
        [StateNotCreated] = ("не створено", "not written"),
        [StateScheduled] = ("заплановано", "scheduled"),
        [StateAwaitingApproval] = ("чекає на схвалення", "waiting for approval"),
        [StateInTrash] = ("у кошику", "in the recycle bin"),

        [Ukrainian] = ("Українська", "Ukrainian"),
        [English] = ("Англійська", "English"),
        [Shared] = ("Спільне для обох мов", "Shared by both languages"),
        [Name] = ("Назва", "Name"),
        [Segment] = ("Сегмент URL", "URL segment"),
        [SegmentHint] = ("Порожнє поле — сегмент утвориться з назви.", "Leave empty to make it from the name."),
        [Required] = ("обов'язкове", "required"),
        [TimeZone] = ("Часовий пояс", "Time zone"),
        [Yes] = ("Так", "Yes"),
        [NoOption] = ("— не вибрано —", "— none —"),
        [TagsHint] = ("Через кому.", "Separated by commas."),
        [Groups] = ("Розділи документа", "Parts of the document"),
        [ShowLanguage] = ("Показати мову", "Show language"),
        [BothLanguages] = ("Обидві", "Both"),

        [Save] = ("Зберегти", "Save"),
        [SaveAndPublish] = ("Зберегти й опублікувати", "Save and publish"),
        [SaveAndSubmit] = ("Зберегти й надіслати на схвалення", "Save and send for approval"),
        [PublishCultures] = ("Опублікувати мовами", "Publish in"),
        [SubmitCultures] = ("Надіслати на схвалення мовами", "Send for approval in"),
        [ChooseCulture] = ("Оберіть принаймні одну мову.", "Choose at least one language."),
        [WriterHint] = ("Публікують редактори: надішліть їм текст на схвалення.", "Editors publish: send them your text for approval."),
        [Unpublish] = ("Зняти з публікації", "Unpublish"),
        [Schedule] = ("Запланувати", "Schedule"),
        [PublishAt] = ("Опублікувати", "Publish at"),
        [UnpublishAt] = ("Зняти з публікації", "Unpublish at"),
        [ScheduleHint] = ("Час за Києвом (Europe/Kyiv). Порожнє поле скасовує заплановане.", "Kyiv time (Europe/Kyiv). Leave a field empty to cancel what was scheduled."),
        [ScheduleInvalid] = ("Вкажіть дату й час, наприклад 2026-05-11T14:30.", "Enter a date and time, for example 2026-05-11T14:30."),
        [Preview] = ("Попередній перегляд", "Preview"),
        [PreviewHint] = ("Показує останню збережену чернетку.", "Shows the last saved draft."),
        [History] = ("Історія версій", "Version history"),
        [Move] = ("Перемістити", "Move"),
        [SortChildren] = ("Упорядкувати вкладені", "Sort the documents inside"),
        [Trash] = ("До кошика", "Move to the recycle bin"),
        [TrashRootConfirm] = (
            "«{0}» — сторінка верхнього рівня. Якщо перемістити її до кошика, увесь сайт (усі сторінки під нею, кожною мовою, якою вони опубліковані) зникне з інтернету й відвідувачі бачитимуть «сторінку не знайдено», доки її не відновлять. Перемістити до кошика?",
            "“{0}” is a top-level page. Moving it to the recycle bin takes the whole site offline (every page below it, in every language it is published in): visitors will see “page not found” until it is restored. Move it to the recycle bin?"),
        [TrashConfirm] = ("Перемістити «{0}» і все, що в ньому, до кошика? Сторінки зникнуть із сайту.", "Move “{0}” and everything inside it to the recycle bin? The pages will leave the site."),
        [CopyToEnglish] = ("Скопіювати в англійську версію", "Copy to the English version"),
        [CopyToUkrainian] = ("Скопіювати в українську версію", "Copy to the Ukrainian version"),
        [CopyConfirm] = ("Замінити текст іншої мови копією? Нічого не збережеться, доки ви не натиснете «Зберегти».", "Replace the other language's text with a copy? Nothing is saved until you press Save."),
        [Copied] = ("Текст скопійовано. Перекладіть його й збережіть.", "Copied. Translate it, then save."),
        [UnsavedConfirm] = ("У редакторі є незбережені зміни, і вони пропадуть. Продовжити?", "The editor has unsaved changes, which will be lost. Go on?"),
        [ViewOnSite] = ("Відкрити на сайті", "Open on the site"),

        [DoneSaved] = ("Збережено.", "Saved."),
        [DoneCreated] = ("Документ створено.", "The document was created."),
        [DonePublished] = ("Опубліковано.", "Published."),
        [DoneSubmitted] = ("Надіслано редакторам на схвалення.", "Sent to the editors for approval."),
        [DoneUnpublished] = ("Знято з публікації.", "Unpublished."),
        [DoneScheduled] = ("Розклад збережено.", "The schedule was saved."),
        [DoneRolledBack] = ("Попередню версію відновлено.", "The earlier version was restored."),
        [PublicAccess] = ("Публічний доступ", "Public access"),
        [PublicAccessTitle] = ("Публічний доступ до «{0}»", "Public access to “{0}”"),
        [PublicAccessIntro] = ("Лише члени обраних груп бачитимуть цю сторінку й усе, що під нею, повністю. Решта відвідувачів бачитиме назву й короткий опис і запрошення увійти.", "Only members of the chosen groups will see this page and everything below it in full. Other visitors see its title and summary and an invitation to sign in."),
        [PublicAccessGroups] = ("Групи учасників", "Member groups"),
        [PublicAccessSave] = ("Зберегти обмеження", "Save the rule"),
        [PublicAccessRemove] = ("Зняти обмеження", "Remove the rule"),
        [PublicAccessInherited] = ("Тут діє обмеження, встановлене на «{0}»: {1}.", "A rule set on “{0}” applies here: {1}."),
        [PublicAccessLimited] = ("лише для обраних груп учасників", "only for chosen member groups"),
        [PublicAccessNone] = ("Обмеження не встановлено: сторінку бачать усі.", "No rule is set: everyone sees the page."),
        [DoneAccessSet] = ("Обмеження доступу збережено.", "The access rule was saved."),
        [DoneAccessRemoved] = ("Обмеження доступу знято.", "The access rule was removed."),
        [DoneMoved] = ("Документ переміщено.", "The document was moved."),
        [DoneSorted] = ("Порядок збережено.", "The order was saved."),
        [DoneRestored] = ("Документ відновлено з кошика.", "The document was restored from the recycle bin."),
        [DoneTrashed] = ("Документ переміщено до кошика.", "The document was moved to the recycle bin."),
        [SavedNotPublished] = ("Збережено, але не опубліковано:", "Saved, but not published:"),
        [ErrorSummary] = ("Виправте, будь ласка:", "Please correct:"),
        [ConflictOverwrite] = ("Зберегти мій текст замість їхнього", "Save my text over theirs"),
        [ConflictOpenCurrent] = ("Відкрити їхню версію в новій вкладці", "Open their version in a new tab"),
        [NotFound] = ("Документ не знайдено.", "The document was not found."),
        [InTrashNotice] = ("Документ у кошику. Відновіть його, щоб редагувати.", "The document is in the recycle bin. Restore it to edit it."),

        [Info] = ("Відомості", "Info"),
        [Publishing] = ("Публікація", "Publishing"),
        [LastEdited] = ("Остання зміна", "Last edited"),
        [PublishedOn] = ("Опубліковано", "Published"),
        [Address] = ("Адреса", "Address"),
        [ApprovalAskedBy] = ("Чекає на схвалення: просить {0}, {1}", "Waiting for approval: asked by {0}, {1}"),
        [DocumentType] = ("Тип", "Type"),
        [Scheduled] = ("Заплановано", "Scheduled"),

        [PreviewBanner] = ("Попередній перегляд чернетки — відвідувачі цього не бачать.", "Draft preview — visitors do not see this."),
        [BackToEditor] = ("Повернутися до редактора", "Back to the editor"),
        [PreviewNotAPage] = ("У цього документа немає сторінки на сайті (можливо, батьківський документ ще не написано цією мовою).", "This document has no page on the site (perhaps its parent is not written in this language yet)."),
        [PreviewNotWritten] = ("Цю мовну версію ще не написано: збережіть її текст.", "This language version has not been written yet: save its text first."),

        [VersionHistory] = ("Історія версій", "Version history"),
        [VersionNumber] = ("Версія {0}", "Version {0}"),
        [When] = ("Коли", "When"),
        [Who] = ("Хто", "Who"),
        [What] = ("Що", "What"),
        [Compare] = ("Порівняти з поточною", "Compare with the current draft"),
        [Rollback] = ("Відновити цю версію", "Roll back to this version"),
        [RollbackAndPublish] = ("Відновити й опублікувати", "Roll back and publish"),
        [RollbackHint] = ("Відновлення створює нову версію; історія не змінюється. «Відновити й опублікувати» одразу показує відновлений текст на сайті тими мовами, що вже опубліковані.", "Rolling back makes a new version; history is never rewritten. “Roll back and publish” shows the restored text on the site at once, in the languages already published."),
        [CurrentVersion] = ("поточна", "current"),
        [NoChanges] = ("Ця версія не відрізняється від поточної чернетки.", "This version is the same as the current draft."),
        [DiffLegend] = ("Закреслене є лише у версії {0}, підкреслене — лише в поточній чернетці.", "Struck-out text is only in version {0}; underlined text is only in the current draft."),
        [ChangeAdded] = ("додано", "added"),
        [ChangeRemoved] = ("видалено", "removed"),
        [ChangeChanged] = ("змінено", "changed"),
        [VersionNotFound] = ("Такої версії немає.", "There is no such version."),

        [ActionCreate] = ("створено", "created"),
        [ActionSave] = ("збережено", "saved"),
        [ActionPublish] = ("опубліковано", "published"),
        [ActionSaveAndPublish] = ("збережено й опубліковано", "saved and published"),
        [ActionSaveAndSubmit] = ("збережено й надіслано на схвалення", "saved and sent for approval"),
        [ActionSaveAndSchedule] = ("збережено й заплановано", "saved and scheduled"),
        [ActionRollbackAndPublish] = ("відновлено версію {0} й опубліковано", "rolled back to version {0} and published"),
        [ActionUnpublish] = ("знято з публікації", "unpublished"),
        [ActionMove] = ("переміщено", "moved"),
        [ActionTrash] = ("до кошика", "moved to the recycle bin"),
        [ActionRestore] = ("відновлено з кошика", "restored from the recycle bin"),
        [ActionScheduledPublish] = ("опубліковано за розкладом", "published on schedule"),
        [ActionScheduledUnpublish] = ("знято з публікації за розкладом", "unpublished on schedule"),
        [ActionRollback] = ("відновлено версію {0}", "rolled back to version {0}"),

        [MoveTitle] = ("Перемістити «{0}»", "Move “{0}”"),
        [MoveTo] = ("Куди", "Where to"),
        [Root] = ("Корінь дерева", "The root of the tree"),
        [NoMoveTargets] = ("Немає іншого місця, куди можна перемістити цей документ.", "There is no other place this document may go."),
        [SortTitle] = ("Порядок у «{0}»", "The order inside “{0}”"),
        [SortHint] = ("Перетягніть рядки мишею або скористайтеся кнопками «Вгору» та «Вниз».", "Drag the rows with the mouse, or use the Up and Down buttons."),
        [MoveUp] = ("Вгору", "Up"),
        [MoveDown] = ("Вниз", "Down"),
        [SaveOrder] = ("Зберегти порядок", "Save the order"),
        [MovedTo] = ("«{0}» тепер на місці {1}.", "“{0}” is now at position {1}."),
        [NothingToSort] = ("Тут нічого впорядковувати.", "There is nothing to sort here."),
        [RecycleBin] = ("Кошик", "Recycle bin"),
        [Restore] = ("Відновити", "Restore"),
        [RecycleBinEmpty] = ("Кошик порожній.", "The recycle bin is empty."),
        [RecycleBinHint] = ("Документ відновлюється туди, де був, разом із усім, що в ньому.", "A document is restored to where it was, with everything inside it."),

        [AddBlock] = ("Додати: {0}", "Add: {0}"),
        [RemoveBlock] = ("Видалити", "Remove"),
        [BlockUp] = ("Вгору", "Up"),
        [BlockDown] = ("Вниз", "Down"),
        [Block] = ("{0} {1}", "{0} {1}"),
        [PickerChoose] = ("Вибрати…", "Choose…"),
        [PickerRemove] = ("Прибрати «{0}»", "Remove “{0}”"),
        [PickerNone] = ("Нічого не вибрано.", "Nothing chosen."),
        [PickerTitle] = ("Виберіть документ", "Choose a document"),
        [PickerClose] = ("Закрити", "Close"),
        [PickerPick] = ("Вибрати «{0}»", "Choose “{0}”"),
        [PickerUnknown] = ("(документ не знайдено)", "(document not found)"),
        [MediaChoose] = ("Вибрати з медіатеки", "Choose from the media library"),
        [MediaUnknown] = ("(файл не знайдено в медіатеці)", "(file not found in the media library)"),
        [MediaMoveUp] = ("Вище: «{0}»", "Move up: “{0}”"),
        [MediaMoveDown] = ("Нижче: «{0}»", "Move down: “{0}”"),
        [MediaDialogTitle] = ("Медіатека", "Media library"),
        [MediaImagesOnly] = ("Показано лише зображення, доступні всім.", "Only images that everyone may see are shown."),
        [MediaFilesOnly] = ("Показано лише матеріали для членів клубу: PDF, DOCX, PPTX, MP4.", "Only members' material is shown: PDF, DOCX, PPTX, MP4."),
        [MediaFilter] = ("Пошук за назвою в цій теці", "Filter this folder by name"),
        [MediaUploadHere] = ("Завантажити файл у цю теку", "Upload a file into this folder"),
        [MediaNothingHere] = ("У цій теці немає відповідних файлів.", "This folder has no files of that kind."),
        [MediaNothingMatches] = ("Нічого не знайдено за «{0}».", "Nothing matches “{0}”."),
        [MediaOpenFolder] = ("Відкрити теку «{0}»", "Open the folder “{0}”"),
        [MediaConfirm] = ("Вибрати", "Choose"),
        [MediaSelected] = ("Вибрано: {0}", "Selected: {0}"),
        [MediaSelectedNone] = ("Виберіть файл у списку.", "Select a file in the list."),
        [MediaUploadedSelected] = ("Завантажений файл вибрано: натисніть «Вибрати».", "The uploaded file is selected: press “Choose”."),

        [RichTextToolbar] = ("Форматування", "Formatting"),
        [RichTextParagraph] = ("Звичайний текст", "Normal text"),
        [RichTextHeading2] = ("Заголовок", "Heading"),
        [RichTextHeading3] = ("Підзаголовок", "Subheading"),
        [RichTextBold] = ("Жирний", "Bold"),
        [RichTextItalic] = ("Курсив", "Italic"),
        [RichTextBulletList] = ("Маркований список", "Bulleted list"),
        [RichTextOrderedList] = ("Нумерований список", "Numbered list"),
        [RichTextLink] = ("Посилання", "Link"),
        [RichTextUnlink] = ("Прибрати посилання", "Remove link"),
        [RichTextQuote] = ("Цитата", "Quote"),
        [RichTextTable] = ("Вставити таблицю", "Insert a table"),
        [RichTextAddRow] = ("Додати рядок", "Add a row"),
        [RichTextAddColumn] = ("Додати стовпець", "Add a column"),
        [RichTextDeleteRow] = ("Видалити рядок", "Delete the row"),
        [RichTextDeleteColumn] = ("Видалити стовпець", "Delete the column"),
        [RichTextDeleteTable] = ("Видалити таблицю", "Delete the table"),
        [RichTextImage] = ("Зображення", "Image"),
        [RichTextVideo] = ("Відео", "Video"),
        [RichTextUndo] = ("Скасувати", "Undo"),
        [RichTextRedo] = ("Повторити", "Redo"),
        [RichTextLinkPrompt] = ("Адреса посилання (https://…). Порожнє поле прибирає посилання.", "Link address (https://…). Leave empty to remove the link."),
        [RichTextImagePrompt] = ("Адреса зображення (https://… або /media/…):", "Image address (https://… or /media/…):"),
        [RichTextImageAltPrompt] = ("Опис зображення для тих, хто його не бачить:", "Describe the image for people who cannot see it:"),
        [RichTextVideoPrompt] = ("Посилання на відео YouTube або Vimeo:", "Link to a YouTube or Vimeo video:"),
        [RichTextVideoInvalid] = ("Вставити можна лише відео з YouTube або Vimeo.", "Only YouTube and Vimeo videos can be embedded."),
    });

    /// <summary>Ukrainian names of what the core declares in English: document and element types, groups, properties, options.</summary>
    private static readonly Dictionary<string, string> UkrainianNames = new(StringComparer.Ordinal)
    {
        // Document and element types
        ["Content page"] = "Сторінка",
        ["Event"] = "Подія",
        ["Events calendar"] = "Календар подій",
        ["Expert session"] = "Експертна сесія",
        ["Expert sessions"] = "Експертні сесії",
        ["Home page"] = "Головна сторінка",
        ["News article"] = "Новина",
        ["News list"] = "Список новин",
        ["Site settings"] = "Налаштування сайту",
        ["Speaker"] = "Доповідач",
        ["List item"] = "Пункт",
        ["Service"] = "Послуга",
        ["Partners directory"] = "Партнери клубу",
        ["Partner"] = "Партнер",

        // Groups
        ["Content"] = "Вміст",
        ["When"] = "Коли",
        ["Where"] = "Де",
        ["Navigation"] = "Навігація",
        ["Registration"] = "Реєстрація",
        ["Members only"] = "Лише для членів клубу",
        ["Hero"] = "Банер",
        ["Mission"] = "Місія",
        ["Services"] = "Послуги",
        ["Sessions and events"] = "Сесії та події",
        ["Membership and partnership"] = "Членство й партнерство",
        ["Contact"] = "Контакти",
        ["SEO"] = "Пошукові системи",
        ["Social"] = "Соцмережі",

        // Properties
        ["Summary"] = "Короткий виклад",
        ["Text"] = "Текст",
        ["Image"] = "Зображення",
        ["Meta description"] = "Опис для пошукових систем",
        ["Starts"] = "Початок",
        ["Ends"] = "Кінець",
        ["All day"] = "Увесь день",
        ["Description"] = "Опис",
        ["Type"] = "Тип",
        ["Speakers"] = "Доповідачі",
        ["Venue"] = "Місце",
        ["City"] = "Місто",
        ["Country"] = "Країна",
        ["Online"] = "Онлайн",
        ["Online link"] = "Посилання для онлайн-участі",
        ["Registration open"] = "Реєстрацію відкрито",
        ["Form on the page"] = "Форма на сторінці",
        ["Form"] = "Форма",
        ["Registration deadline"] = "Реєстрація до",
        ["Hide from navigation"] = "Приховати з навігації",
        ["Places"] = "Кількість місць",
        ["Introduction"] = "Вступ",
        ["Date and time"] = "Дата й час",
        ["Video file"] = "Відеофайл",
        ["Video link (embed)"] = "Посилання на відео (для вбудовування)",
        ["Materials"] = "Матеріали",
        ["Tags"] = "Теги",
        ["Date"] = "Дата",
        ["Related news"] = "Пов'язані новини",
        ["Source"] = "Джерело",
        ["Articles per page"] = "Новин на сторінці",
        ["Site name"] = "Назва сайту",
        ["Tagline"] = "Гасло",
        ["Contact e-mail"] = "Контактна пошта",
        ["Contact phone"] = "Контактний телефон",
        ["Address"] = "Адреса",
        ["Facebook"] = "Facebook",
        ["LinkedIn"] = "LinkedIn",
        ["YouTube"] = "YouTube",
        ["Footer text"] = "Текст унизу сторінки",
        ["Share image"] = "Зображення для поширення в соцмережах",
        ["Name"] = "Ім'я",
        ["Role"] = "Посада",
        ["Organisation"] = "Організація",
        ["Photo"] = "Фото",
        ["Title"] = "Назва",
        ["Hero title"] = "Заголовок банера",
        ["Hero subtitle"] = "Підзаголовок банера",
        ["Hero image"] = "Зображення банера",
        ["Mission title"] = "Заголовок місії",
        ["Mission introduction"] = "Вступ до місії",
        ["Missions"] = "Завдання",
        ["Services title"] = "Заголовок послуг",
        ["Services for members"] = "Послуги для членів клубу",
        ["Expert sessions title"] = "Заголовок експертних сесій",
        ["Current events title"] = "Заголовок поточних подій",
        ["Text when there are no events"] = "Текст, коли подій немає",
        ["Membership title"] = "Заголовок про членство",
        ["Membership text"] = "Текст про членство",
        ["Membership button"] = "Кнопка членства",
        ["Membership page"] = "Сторінка членства",
        ["Partnership title"] = "Заголовок про партнерство",
        ["Partnership text"] = "Текст про партнерство",
        ["Partnership button"] = "Кнопка партнерства",
        ["Partnership page"] = "Сторінка партнерства",
        ["Partner privileges title"] = "Заголовок привілеїв партнерів",
        ["Partner privileges"] = "Привілеї партнерів",
        ["Contact title"] = "Заголовок контактів",
        ["Contact text"] = "Текст контактів",
        ["Logo"] = "Логотип",
        ["Kind of partner"] = "Тип партнера",
        ["Website"] = "Вебсайт",
    };

    /// <summary>Ukrainian names of option values.</summary>
    private static readonly Dictionary<string, string> UkrainianOptions = new(StringComparer.Ordinal)
    {
        ["expertSession"] = "Експертна сесія",
        ["conference"] = "Конференція",
        ["forum"] = "Форум",
        ["tradeMission"] = "Торговельна місія",
        ["webinar"] = "Вебінар",
        ["other"] = "Інше",
        ["ukrainianEnterprise"] = "Українське підприємство",
        ["internationalCompany"] = "Міжнародна компанія",
        ["investor"] = "Інвестиційний фонд або інвестор",
        ["membership"] = "Заявка на членство",
        ["partnership"] = "Заявка на партнерство",
        ["contact"] = "Зворотний зв’язок («Напишіть нам»)",
    };

    /// <summary>English names of option values (the core stores values, not names).</summary>
    private static readonly Dictionary<string, string> EnglishOptions = new(StringComparer.Ordinal)
    {
        ["expertSession"] = "Expert session",
        ["conference"] = "Conference",
        ["forum"] = "Forum",
        ["tradeMission"] = "Trade mission",
        ["webinar"] = "Webinar",
        ["other"] = "Other",
        ["ukrainianEnterprise"] = "Ukrainian enterprise",
        ["internationalCompany"] = "International company",
        ["investor"] = "Investment fund or investor",
        ["membership"] = "Membership application",
        ["partnership"] = "Partnership application",
        ["contact"] = "Contact (“Write to us”)",
    };

    public static IEnumerable<string> Keys => Texts.Keys;

    public static string Get(string key, string culture) =>
        Texts.Get(key, culture);

    public static string Format(string key, string culture, params object[] args) =>
        Texts.Format(key, culture, args);

    /// <summary>A name the core declares in English (type, group, property), in the editor's language.</summary>
    public static string Label(string englishName, string culture) =>
        culture == "uk" && UkrainianNames.TryGetValue(englishName, out var uk) ? uk : englishName;

    /// <summary>A dropdown option's name in the editor's language.</summary>
    public static string Option(string value, string culture) =>
        culture == "uk" && UkrainianOptions.TryGetValue(value, out var uk) ? uk
        : EnglishOptions.TryGetValue(value, out var en) ? en : value;

    /// <summary>What a version's action ("save", "rollback to 3"…) was, in the editor's language.</summary>
    public static string Action(string action, string culture)
    {
        const string rollback = "rollback to ";
        const string andPublish = " and publish";
        if (action.StartsWith(rollback, StringComparison.Ordinal) && action.EndsWith(andPublish, StringComparison.Ordinal))
        {
            return Format(ActionRollbackAndPublish, culture, action[rollback.Length..^andPublish.Length]);
        }

        if (action.StartsWith(rollback, StringComparison.Ordinal))
        {
            return Format(ActionRollback, culture, action[rollback.Length..]);
        }

        var key = action switch
        {
            "create" => ActionCreate,
            "save" => ActionSave,
            "publish" => ActionPublish,
            "save and publish" => ActionSaveAndPublish,
            "save and send for approval" => ActionSaveAndSubmit,
            "save and schedule" => ActionSaveAndSchedule,
            "unpublish" => ActionUnpublish,
            "move" => ActionMove,
            "trash" => ActionTrash,
            "restore" => ActionRestore,
            "scheduled publish" => ActionScheduledPublish,
            "scheduled unpublish" => ActionScheduledUnpublish,
            _ => null,
        };
        return key is null ? action : Get(key, culture);
    }

    /// <summary>A core message in the editor's language, with the names it quotes (fields, types) in that language too.</summary>
    public static string Message(MayorsClub.Core.Content.ContentError error, string culture) =>
        (error.Args is { Count: > 0 } args ? error with { Args = args.Select(a => Label(a, culture)).ToList() } : error).Message(culture);

    /// <summary>The name of a content language (uk, en) in the editor's language.</summary>
    public static string CultureName(string contentCulture, string culture) =>
        Get(contentCulture == "uk" ? Ukrainian : English, culture);

    internal static bool HasBothLanguages(string key) => Texts.HasBothLanguages(key);

    internal static IEnumerable<KeyValuePair<string, string>> UkrainianLabels => UkrainianNames;

    internal static IEnumerable<string> OptionValues => UkrainianOptions.Keys.Union(EnglishOptions.Keys);

    internal static bool HasBothOptionNames(string value) => UkrainianOptions.ContainsKey(value) && EnglishOptions.ContainsKey(value);
}
