using MayorsClub.Core.Content;
using MayorsClub.Core.Members;

namespace MayorsClub.Web.BackOffice.Members;

/// <summary>
/// UI strings of the back office's members section, its dashboard panels, the refusals of member commands
/// (<see cref="MemberErrors"/>) and the e-mails editors send members, in both languages. A unit test checks every key has both.
/// </summary>
public static class MembersText
{
    public const string Title = "members.title";
    public const string CreateMember = "members.create";
    public const string CreateHelp = "members.create.help";
    public const string CreateAndInvite = "members.create.submit";
    public const string Search = "members.search";
    public const string SearchHelp = "members.search.help";
    public const string AllGroups = "members.allGroups";
    public const string AnyState = "members.anyState";
    public const string ShowMembers = "members.show";
    public const string ClearFilter = "members.clear";
    public const string Found = "members.found";
    public const string NoneFound = "members.noneFound";
    public const string Name = "members.name";
    public const string Email = "members.email";
    public const string Position = "members.position";
    public const string Community = "members.community";
    public const string Region = "members.region";
    public const string NoRegion = "members.region.none";
    public const string Phone = "members.phone";
    public const string PreferredLanguage = "members.language";
    public const string Groups = "members.groups";
    public const string GroupsHelp = "members.groups.help";
    public const string State = "members.state";
    public const string Created = "members.createdUtc";
    public const string LastSignIn = "members.lastSignIn";
    public const string StateActive = "members.state.active";
    public const string StateInvited = "members.state.invited";
    public const string StateAwaitingApproval = "members.state.awaiting";
    public const string StateLocked = "members.state.locked";
    public const string StateLockedOut = "members.state.lockedOut";
    public const string LockedOutUntil = "members.lockedOutUntil";
    public const string Details = "members.details";
    public const string SaveChanges = "members.save";
    public const string Approve = "members.approve";
    public const string ApproveHelp = "members.approve.help";
    public const string Lock = "members.lock";
    public const string LockHelp = "members.lock.help";
    public const string Unlock = "members.unlock";
    public const string SendResetLink = "members.sendReset";
    public const string SendResetLinkHelp = "members.sendReset.help";
    public const string Delete = "members.delete";
    public const string DeleteTitle = "members.delete.title";
    public const string DeleteRemoves = "members.delete.removes";
    public const string DeleteAccount = "members.delete.account";
    public const string DeleteGroups = "members.delete.groups";
    public const string DeleteNoGroups = "members.delete.noGroups";
    public const string DeletePasskeys = "members.delete.passkeys";
    public const string DeleteSessions = "members.delete.sessions";
    public const string DeleteIrreversible = "members.delete.irreversible";
    public const string DeleteConfirm = "members.delete.confirm";
    public const string Cancel = "members.cancel";
    public const string BackToMembers = "members.back";
    public const string FixTheFields = "members.fixFields";
    public const string DoneCreated = "members.done.created";
    public const string DoneSaved = "members.done.saved";
    public const string DoneApproved = "members.done.approved";
    public const string DoneLocked = "members.done.locked";
    public const string DoneUnlocked = "members.done.unlocked";
    public const string DoneResetSent = "members.done.resetSent";
    public const string DoneDeleted = "members.done.deleted";
    public const string NewMembers = "members.dashboard.new";
    public const string AwaitingApproval = "members.dashboard.awaiting";
    public const string SeeAll = "members.dashboard.all";
    public const string PreviousPage = "members.previous";
    public const string NextPage = "members.next";

    // E-mails to members ({0}, {1}… are filled in)
    public const string InvitationSubject = "members.email.invitation.subject";
    public const string InvitationBody = "members.email.invitation.body";
    public const string ResetSubject = "members.email.reset.subject";
    public const string ResetBody = "members.email.reset.body";

    private static readonly BilingualTexts Texts = new(new(StringComparer.Ordinal)
    {
        [Title] = ("Члени клубу", "Members"),
        [CreateMember] = ("Додати члена клубу", "Add a member"),
        [CreateHelp] = (
            "Член клубу одразу схвалений і отримає лист обраною мовою з посиланням, щоб задати пароль.",
            "The member is approved at once and gets an e-mail, in the language chosen, with a link to set their password."),
        [CreateAndInvite] = ("Додати й надіслати запрошення", "Add and send the invitation"),
        [Search] = ("Пошук", "Search"),
        [SearchHelp] = ("Частина імені, адреси пошти або назви громади.", "Part of the name, e-mail address or community."),
        [AllGroups] = ("Усі групи", "All groups"),
        [AnyState] = ("Будь-який стан", "Any state"),
        [ShowMembers] = ("Показати", "Show"),
        [ClearFilter] = ("Скинути", "Clear"),
        [Found] = ("Знайдено: {0}", "Found: {0}"),
        [NoneFound] = ("Нікого не знайдено.", "No members found."),
        [Name] = ("Ім'я та прізвище", "Full name"),
        [Email] = ("Електронна пошта", "E-mail"),
        [Position] = ("Посада", "Position"),
        [Community] = ("Громада", "Community"),
        [Region] = ("Область", "Region"),
        [NoRegion] = ("не вказано", "not given"),
        [Phone] = ("Телефон", "Phone"),
        [PreferredLanguage] = ("Мова листів", "Language of e-mails"),
        [Groups] = ("Групи", "Groups"),
        [GroupsHelp] = (
            "Групи вирішують, які сторінки для членів клубу людина бачить. Можна обрати кілька.",
            "Groups decide which members-only pages the member sees. Choose one or more."),
        [State] = ("Стан", "State"),
        [Created] = ("Додано", "Added"),
        [LastSignIn] = ("Останній вхід", "Last sign-in"),
        [StateActive] = ("активний", "active"),
        [StateInvited] = ("запрошений", "invited"),
        [StateAwaitingApproval] = ("чекає на схвалення", "awaiting approval"),
        [StateLocked] = ("заблокований", "locked"),
        [StateLockedOut] = ("тимчасово заблокований", "locked out for now"),
        [LockedOutUntil] = ("після невдалих спроб входу, до {0}", "after failed sign-ins, until {0}"),
        [Details] = ("Дані члена клубу", "Member details"),
        [SaveChanges] = ("Зберегти зміни", "Save changes"),
        [Approve] = ("Схвалити", "Approve"),
        [ApproveHelp] = ("Лише схвалені члени клубу можуть увійти.", "Only approved members can sign in."),
        [Lock] = ("Заблокувати", "Lock"),
        [LockHelp] = (
            "Заблокований член клубу не може увійти, а його відкриті сеанси завершуються протягом хвилини.",
            "A locked member cannot sign in, and their open sessions end within a minute."),
        [Unlock] = ("Розблокувати", "Unlock"),
        [SendResetLink] = ("Надіслати посилання для нового пароля", "Send a link to set a new password"),
        [SendResetLinkHelp] = (
            "Лист іде мовою члена клубу. Поточний пароль діє, доки не буде задано новий.",
            "The e-mail is in the member's language. Their current password works until they set a new one."),
        [Delete] = ("Видалити", "Delete"),
        [DeleteTitle] = ("Видалити члена клубу {0}?", "Delete the member {0}?"),
        [DeleteRemoves] = ("Буде видалено:", "This removes:"),
        [DeleteAccount] = ("обліковий запис і дані профілю ({0})", "the account and its profile ({0})"),
        [DeleteGroups] = ("членство в групах: {0}", "membership of the groups: {0}"),
        [DeleteNoGroups] = ("членство в групах: жодної групи", "membership of the groups: none"),
        [DeletePasskeys] = ("ключі входу (passkeys): {0}", "passkeys: {0}"),
        [DeleteSessions] = ("відкриті сеанси на сайті (закінчуються протягом хвилини)", "open sessions on the site (they end within a minute)"),
        [DeleteIrreversible] = ("Цю дію не можна скасувати.", "This cannot be undone."),
        [DeleteConfirm] = ("Так, видалити", "Yes, delete"),
        [Cancel] = ("Скасувати", "Cancel"),
        [BackToMembers] = ("До списку членів клубу", "Back to members"),
        [FixTheFields] = ("Виправте позначені поля.", "Correct the fields marked below."),
        [DoneCreated] = ("Члена клубу додано, запрошення надіслано на {0}.", "The member is added, and the invitation has been sent to {0}."),
        [DoneSaved] = ("Зміни збережено.", "Changes saved."),
        [DoneApproved] = ("Члена клубу схвалено.", "The member is approved."),
        [DoneLocked] = ("Обліковий запис заблоковано.", "The account is locked."),
        [DoneUnlocked] = ("Обліковий запис розблоковано.", "The account is unlocked."),
        [DoneResetSent] = ("Посилання для нового пароля надіслано на {0}.", "A link to set a new password has been sent to {0}."),
        [DoneDeleted] = ("Члена клубу {0} видалено.", "The member {0} has been deleted."),
        [NewMembers] = ("Нові члени клубу (30 днів)", "New members (30 days)"),
        [AwaitingApproval] = ("Члени клубу чекають на схвалення", "Members awaiting approval"),
        [SeeAll] = ("Усі", "See all"),
        [PreviousPage] = ("Попередня сторінка", "Previous page"),
        [NextPage] = ("Наступна сторінка", "Next page"),

        [MemberErrors.NameRequired] = ("Вкажіть ім'я та прізвище.", "Enter the full name."),
        [MemberErrors.TooLong] = ("Задовго: до 200 символів.", "Too long: 200 characters at most."),
        [MemberErrors.EmailInvalid] = ("Вкажіть правильну адресу електронної пошти.", "Enter a valid e-mail address."),
        [MemberErrors.EmailTaken] = ("Член клубу з цією адресою вже є.", "A member with this e-mail address already exists."),
        [MemberErrors.RegionUnknown] = ("Оберіть область зі списку.", "Choose a region from the list."),
        [MemberErrors.PhoneInvalid] = (
            "Телефон може містити лише цифри, пробіли та знаки + - ( ) (до 40 символів).",
            "A phone number may hold only digits, spaces and + - ( ) (40 characters at most)."),
        [MemberErrors.LanguageUnknown] = ("Оберіть українську або англійську.", "Choose Ukrainian or English."),
        [MemberErrors.GroupRequired] = ("Оберіть хоча б одну групу.", "Choose at least one group."),
        [MemberErrors.GroupUnknown] = ("Такої групи немає.", "There is no such group."),
        [MemberErrors.NotFound] = ("Такого члена клубу немає.", "There is no such member."),
        [MemberErrors.Conflict] = (
            "Цього члена клубу саме змінив хтось інший, тож нічого не збережено. Перегляньте сторінку й спробуйте ще раз.",
            "Someone else changed this member at the same moment, so nothing was saved. Look at the page again and retry."),

        [InvitationSubject] = ("Запрошення до Клубу мерів", "Your invitation to the Mayors' Club"),
        [InvitationBody] = (
            "Вітаємо, {0}!\n\nВас додано до членів Клубу мерів. На сайті клубу для вас відкриті записи експертних сесій і матеріали для членів клубу.\n\nЩоб задати пароль і увійти, відкрийте посилання:\n{1}\n\nПосилання діє один раз і обмежений час. Якщо воно вже не діє, скористайтеся «Забули пароль?» на сторінці входу. Якщо ви не чекали цього листа, просто не зважайте на нього.",
            "Hello {0},\n\nYou have been added as a member of the Mayors' Club. On the club's site, the recordings of expert sessions and the members' materials are open to you.\n\nTo set your password and sign in, open this link:\n{1}\n\nThe link works once and for a limited time. If it no longer works, use \"Forgot your password?\" on the sign-in page. If you did not expect this e-mail, you can ignore it."),
        [ResetSubject] = ("Новий пароль на сайті Клубу мерів", "A new password for the Mayors' Club site"),
        [ResetBody] = (
            "Вітаємо, {0}!\n\nКлуб мерів надсилає вам посилання, щоб задати новий пароль для входу на сайт клубу:\n{1}\n\nПосилання діє один раз і обмежений час. Доки ви не задасте новий пароль, діє поточний.",
            "Hello {0},\n\nThe Mayors' Club sends you a link to set a new password for signing in to the club's site:\n{1}\n\nThe link works once and for a limited time. Until you set a new password, your current one keeps working."),
    });

    public static IEnumerable<string> Keys => Texts.Keys;

    public static string Get(string key, string culture) => Texts.Get(key, culture);

    public static string Format(string key, string culture, params object[] values) => Texts.Format(key, culture, values);

    /// <summary>A member's state as the list and their page show it.</summary>
    public static string StateLabel(MemberSummary member, string culture) => Get(StateKey(member), culture);

    public static string StateKey(MemberSummary member) =>
        member.IsLocked ? StateLocked
        : member.LockedOutUntil is not null ? StateLockedOut
        : !member.IsApproved ? StateAwaitingApproval
        : !member.HasPassword ? StateInvited
        : StateActive;

    internal static bool HasBothLanguages(string key) => Texts.HasBothLanguages(key);
}
