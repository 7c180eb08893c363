using System.Globalization;
using MayorsClub.Core.Audit;
using MayorsClub.Core.Content;

namespace MayorsClub.Web.BackOffice.Users;

/// <summary>
/// UI strings of the users section, the signed-in user's account page, password e-mails, two-factor sign-in and
/// the audit log, in both languages. A unit test checks every key has both.
/// </summary>
public static class UsersText
{
    // Users section
    public const string UsersTitle = "users.title";
    public const string InviteUser = "users.invite";
    public const string Name = "users.name";
    public const string Email = "users.email";
    public const string Groups = "users.groups";
    public const string State = "users.state";
    public const string LastSignIn = "users.lastSignIn";
    public const string Never = "users.never";
    public const string StateActive = "users.state.active";
    public const string StateInvited = "users.state.invited";
    public const string StateDisabled = "users.state.disabled";
    public const string StateLocked = "users.state.locked";
    public const string TwoFactorOn = "users.twoFactorOn";
    public const string GroupAdministrators = "group.Administrators";
    public const string GroupEditors = "group.Editors";
    public const string GroupWriters = "group.Writers";
    public const string GroupCommittee = "group.Committee";
    public const string GroupsHelp = "users.groups.help";
    public const string InterfaceLanguage = "users.language";
    public const string InviteHelp = "users.invite.help";
    public const string SendInvitation = "users.invite.submit";
    public const string Invited = "users.invited";
    public const string InvitationResent = "users.invitationResent";
    public const string ResendInvitation = "users.resendInvitation";
    public const string SaveGroups = "users.saveGroups";
    public const string GroupsSaved = "users.groupsSaved";
    public const string Disable = "users.disable";
    public const string DisableHelp = "users.disable.help";
    public const string Enable = "users.enable";
    public const string Unlock = "users.unlock";
    public const string Disabled = "users.disabled";
    public const string Enabled = "users.enabled";
    public const string BackToUsers = "users.back";
    public const string Created = "users.created";
    public const string LockedUntil = "users.lockedUntil";
    public const string UserNotFound = "users.notFound";
    public const string ChooseAGroup = "users.error.noGroup";
    public const string UnknownGroup = "users.error.unknownGroup";
    public const string InvalidEmail = "users.error.email";
    public const string EmailTaken = "users.error.emailTaken";
    public const string CannotDisableYourself = "users.error.disableSelf";
    public const string LastAdministrator = "users.error.lastAdmin";
    public const string CannotLeaveAdministrators = "users.error.leaveAdmins";
    public const string AlreadyAccepted = "users.error.alreadyAccepted";
    public const string NameTooLong = "users.error.nameTooLong";
    public const string Actions = "users.actions";

    // Password forms (invitation, reset, change)
    public const string ForgotPassword = "password.forgot";
    public const string ForgotPasswordHelp = "password.forgot.help";
    public const string SendResetLink = "password.forgot.submit";
    public const string ResetLinkSent = "password.forgot.sent";
    public const string TooManyRequests = "password.forgot.tooMany";
    public const string BackToSignIn = "password.backToSignIn";
    public const string TooManyAttempts = "signIn.tooManyAttempts";
    public const string SetPasswordTitle = "password.set.title";
    public const string AcceptInvitationTitle = "password.invitation.title";
    public const string AcceptInvitationHelp = "password.invitation.help";
    public const string NewPassword = "password.new";
    public const string ConfirmPassword = "password.confirm";
    public const string CurrentPassword = "password.current";
    public const string SavePassword = "password.save";
    public const string PasswordsDiffer = "password.differ";
    public const string LinkInvalid = "password.linkInvalid";
    public const string PasswordSetSignIn = "password.setSignIn";
    public const string PasswordRulesLength = "password.rules.length";
    public const string PasswordRulesUpper = "password.rules.upper";
    public const string PasswordRulesLower = "password.rules.lower";
    public const string PasswordRulesDigit = "password.rules.digit";
    public const string PasswordRulesSymbol = "password.rules.symbol";
    public const string PasswordTooShort = "password.error.tooShort";
    public const string PasswordNeedsUpper = "password.error.upper";
    public const string PasswordNeedsLower = "password.error.lower";
    public const string PasswordNeedsDigit = "password.error.digit";
    public const string PasswordNeedsSymbol = "password.error.symbol";
    public const string PasswordNeedsVariety = "password.error.variety";
    public const string PasswordWrong = "password.error.wrong";
    public const string PasswordNotAccepted = "password.error.other";
    public const string AccountDisabled = "signIn.disabled";

    // Two-factor sign-in
    public const string TwoFactorTitle = "twoFactor.title";
    public const string TwoFactorHelp = "twoFactor.help";
    public const string AuthenticatorCode = "twoFactor.code";
    public const string Verify = "twoFactor.verify";
    public const string CodeWrong = "twoFactor.codeWrong";
    public const string UseRecoveryCode = "twoFactor.useRecovery";
    public const string RecoveryTitle = "twoFactor.recovery.title";
    public const string RecoveryHelp = "twoFactor.recovery.help";
    public const string RecoveryCode = "twoFactor.recovery.code";
    public const string RecoveryCodeWrong = "twoFactor.recovery.wrong";
    public const string UseAuthenticatorCode = "twoFactor.useCode";
    public const string TwoFactorExpired = "twoFactor.expired";

    // Account page
    public const string AccountTitle = "account.title";
    public const string ChangePassword = "account.changePassword";
    public const string PasswordChanged = "account.passwordChanged";
    public const string LanguageSaved = "account.languageSaved";
    public const string SaveLanguage = "account.saveLanguage";
    public const string LanguageUnknown = "account.languageUnknown";
    public const string Ukrainian = "language.uk";
    public const string English = "language.en";
    public const string TwoFactorSection = "account.twoFactor";
    public const string TwoFactorIsOn = "account.twoFactor.on";
    public const string TwoFactorIsOff = "account.twoFactor.off";
    public const string TurnOnTwoFactor = "account.twoFactor.turnOn";
    public const string TurnOffTwoFactor = "account.twoFactor.turnOff";
    public const string TurnOffHelp = "account.twoFactor.turnOffHelp";
    public const string TwoFactorTurnedOff = "account.twoFactor.turnedOff";
    public const string SetUpTwoFactorTitle = "account.twoFactor.setUpTitle";
    public const string SetUpStep1 = "account.twoFactor.step1";
    public const string SetUpStep2 = "account.twoFactor.step2";
    public const string SetUpStep3 = "account.twoFactor.step3";
    public const string AuthenticatorKey = "account.twoFactor.key";
    public const string QrCodeAlt = "account.twoFactor.qrAlt";
    public const string TwoFactorTurnedOn = "account.twoFactor.turnedOn";
    public const string RecoveryCodesTitle = "account.recoveryCodes.title";
    public const string RecoveryCodesHelp = "account.recoveryCodes.help";
    public const string RecoveryCodesLeft = "account.recoveryCodes.left";
    public const string NewRecoveryCodes = "account.recoveryCodes.new";
    public const string NewRecoveryCodesHelp = "account.recoveryCodes.newHelp";
    public const string Done = "account.done";

    // Audit log
    public const string AuditTitle = "audit.title";
    public const string When = "audit.when";
    public const string Who = "audit.who";
    public const string Action = "audit.action";
    public const string Document = "audit.document";
    public const string Culture = "audit.culture";
    public const string Details = "audit.details";
    public const string Everyone = "audit.everyone";
    public const string AnyAction = "audit.anyAction";
    public const string From = "audit.from";
    public const string To = "audit.to";
    public const string DocumentFilter = "audit.documentFilter";
    public const string DocumentFilterHelp = "audit.documentFilter.help";
    public const string Filter = "audit.filter";
    public const string ClearFilter = "audit.clear";
    public const string NoEntries = "audit.none";
    public const string Previous = "audit.previous";
    public const string Next = "audit.next";
    public const string PageOf = "audit.pageOf";
    public const string BadDate = "audit.badDate";
    public const string Timezone = "audit.timezone";
    public const string Deleted = "audit.deleted";

    // E-mails ({0}, {1}… are filled in)
    public const string InvitationSubject = "email.invitation.subject";
    public const string InvitationBody = "email.invitation.body";
    public const string ResetSubject = "email.reset.subject";
    public const string ResetBody = "email.reset.body";

    private static readonly BilingualTexts Texts = new(new(StringComparer.Ordinal)
    {
        [UsersTitle] = ("Користувачі", "Users"),
        [InviteUser] = ("Запросити користувача", "Invite a user"),
        [Name] = ("Ім'я", "Name"),
        [Email] = ("Електронна пошта", "E-mail"),
        [Groups] = ("Групи", "Groups"),
        [State] = ("Стан", "State"),
        [LastSignIn] = ("Останній вхід", "Last sign-in"),
        [Never] = ("ще не входив(-ла)", "never"),
        [StateActive] = ("активний", "active"),
        [StateInvited] = ("запрошений", "invited"),
        [StateDisabled] = ("вимкнений", "disabled"),
        [StateLocked] = ("заблокований", "locked"),
        [TwoFactorOn] = ("2FA", "2FA"),
        [GroupAdministrators] = ("Адміністратори", "Administrators"),
        [GroupEditors] = ("Редактори", "Editors"),
        [GroupWriters] = ("Автори", "Writers"),
        [GroupCommittee] = ("Комітет", "Committee"),
        [GroupsHelp] = (
            "Автори пишуть і зберігають чернетки; редактори ще й публікують; адміністратори керують користувачами. Комітет розглядає заявки і не бачить контенту.",
            "Writers write and save drafts; editors also publish; administrators also manage users. The committee reviews applications and does not see content."),
        [InterfaceLanguage] = ("Мова інтерфейсу та листів", "Language of the interface and e-mails"),
        [InviteHelp] = (
            "Людина отримає лист із посиланням, за яким вона сама задасть пароль. Посилання діє 7 днів.",
            "They get an e-mail with a link to set their own password. The link works for 7 days."),
        [SendInvitation] = ("Надіслати запрошення", "Send the invitation"),
        [Invited] = ("Запрошення надіслано на {0}.", "The invitation has been sent to {0}."),
        [InvitationResent] = ("Запрошення надіслано ще раз.", "The invitation has been sent again."),
        [ResendInvitation] = ("Надіслати запрошення ще раз", "Send the invitation again"),
        [SaveGroups] = ("Зберегти групи", "Save groups"),
        [GroupsSaved] = ("Групи збережено.", "Groups saved."),
        [Disable] = ("Вимкнути обліковий запис", "Disable the account"),
        [DisableHelp] = (
            "Вимкнений користувач не може увійти, а його відкриті сеанси завершуються протягом хвилини.",
            "A disabled user cannot sign in, and their open sessions end within a minute."),
        [Enable] = ("Увімкнути обліковий запис", "Enable the account"),
        [Unlock] = ("Розблокувати", "Unlock"),
        [Disabled] = ("Обліковий запис вимкнено.", "The account is disabled."),
        [Enabled] = ("Обліковий запис увімкнено.", "The account is enabled."),
        [BackToUsers] = ("До списку користувачів", "Back to users"),
        [Created] = ("Створено", "Created"),
        [LockedUntil] = ("заблоковано до {0}", "locked until {0}"),
        [UserNotFound] = ("Такого користувача немає.", "There is no such user."),
        [ChooseAGroup] = ("Оберіть хоча б одну групу.", "Choose at least one group."),
        [UnknownGroup] = ("Такої групи немає.", "There is no such group."),
        [InvalidEmail] = ("Вкажіть правильну адресу електронної пошти.", "Enter a valid e-mail address."),
        [EmailTaken] = ("Користувач із цією адресою вже є.", "A user with this e-mail address already exists."),
        [CannotDisableYourself] = ("Ви не можете вимкнути власний обліковий запис.", "You cannot disable your own account."),
        [LastAdministrator] = (
            "Це останній активний адміністратор: спершу призначте іншого.",
            "This is the last active administrator: make someone else an administrator first."),
        [CannotLeaveAdministrators] = (
            "Ви не можете вийти з групи адміністраторів самі: попросіть іншого адміністратора.",
            "You cannot leave the Administrators group yourself: ask another administrator."),
        [AlreadyAccepted] = ("Цей користувач уже прийняв запрошення.", "This user has already accepted the invitation."),
        [NameTooLong] = ("Ім'я задовге (до 200 символів).", "The name is too long (200 characters at most)."),
        [Actions] = ("Дії", "Actions"),

        [ForgotPassword] = ("Забули пароль?", "Forgot your password?"),
        [ForgotPasswordHelp] = (
            "Вкажіть адресу, з якою входите. Ми надішлемо на неї посилання, щоб задати новий пароль.",
            "Enter the address you sign in with. We will send a link to set a new password to it."),
        [SendResetLink] = ("Надіслати посилання", "Send the link"),
        [ResetLinkSent] = (
            "Якщо така адреса є серед користувачів, на неї вже йде лист із посиланням. Посилання діє 3 години.",
            "If this address belongs to a user, an e-mail with a link is on its way. The link works for 3 hours."),
        [TooManyRequests] = ("Забагато запитів. Спробуйте за кілька хвилин.", "Too many requests. Try again in a few minutes."),
        [BackToSignIn] = ("Повернутися до входу", "Back to sign-in"),
        [TooManyAttempts] = ("Забагато невдалих спроб. Спробуйте знову за {0} хв.", "Too many failed attempts. Try again in {0} min."),
        [SetPasswordTitle] = ("Новий пароль", "Set a new password"),
        [AcceptInvitationTitle] = ("Ласкаво просимо до адмінпанелі", "Welcome to the back office"),
        [AcceptInvitationHelp] = ("Задайте пароль для входу як {0}.", "Set a password to sign in as {0}."),
        [NewPassword] = ("Новий пароль", "New password"),
        [ConfirmPassword] = ("Повторіть новий пароль", "Repeat the new password"),
        [CurrentPassword] = ("Поточний пароль", "Current password"),
        [SavePassword] = ("Зберегти пароль", "Save the password"),
        [PasswordsDiffer] = ("Паролі не збігаються.", "The passwords do not match."),
        [LinkInvalid] = (
            "Це посилання недійсне або застаріло. Попросіть нове.",
            "This link is not valid or has expired. Ask for a new one."),
        [PasswordSetSignIn] = ("Пароль збережено. Тепер увійдіть із ним.", "Your password is saved. Sign in with it now."),
        [PasswordRulesLength] = ("щонайменше {0} символів", "at least {0} characters"),
        [PasswordRulesUpper] = ("велика літера", "an upper-case letter"),
        [PasswordRulesLower] = ("мала літера", "a lower-case letter"),
        [PasswordRulesDigit] = ("цифра", "a digit"),
        [PasswordRulesSymbol] = ("знак, що не є літерою чи цифрою", "a character that is not a letter or digit"),
        [PasswordTooShort] = ("Пароль закороткий: потрібно щонайменше {0} символів.", "The password is too short: it needs at least {0} characters."),
        [PasswordNeedsUpper] = ("Додайте до пароля велику літеру.", "Add an upper-case letter to the password."),
        [PasswordNeedsLower] = ("Додайте до пароля малу літеру.", "Add a lower-case letter to the password."),
        [PasswordNeedsDigit] = ("Додайте до пароля цифру.", "Add a digit to the password."),
        [PasswordNeedsSymbol] = ("Додайте до пароля знак, що не є літерою чи цифрою.", "Add a character that is not a letter or digit to the password."),
        [PasswordNeedsVariety] = ("У паролі замало різних символів.", "The password has too few different characters."),
        [PasswordWrong] = ("Поточний пароль неправильний.", "The current password is not right."),
        [PasswordNotAccepted] = ("Цей пароль не підходить.", "This password cannot be used."),
        [AccountDisabled] = (
            "Цей обліковий запис вимкнено. Зверніться до адміністратора.",
            "This account is disabled. Ask an administrator."),

        [TwoFactorTitle] = ("Код підтвердження", "Verification code"),
        [TwoFactorHelp] = (
            "Відкрийте застосунок автентифікації на телефоні й введіть 6-значний код для Mayors' Club.",
            "Open the authenticator app on your phone and enter the 6-digit code for Mayors' Club."),
        [AuthenticatorCode] = ("Код із застосунку", "Code from the app"),
        [Verify] = ("Підтвердити", "Verify"),
        [CodeWrong] = ("Код неправильний або застарів. Спробуйте новий.", "The code is not right or has expired. Try a new one."),
        [UseRecoveryCode] = ("Немає доступу до телефону? Увійдіть із резервним кодом.", "No access to your phone? Sign in with a recovery code."),
        [RecoveryTitle] = ("Вхід із резервним кодом", "Sign in with a recovery code"),
        [RecoveryHelp] = (
            "Введіть один із резервних кодів, які ви зберегли, коли вмикали двофакторний вхід. Кожен код діє один раз.",
            "Enter one of the recovery codes you saved when you turned on two-factor sign-in. Each code works once."),
        [RecoveryCode] = ("Резервний код", "Recovery code"),
        [RecoveryCodeWrong] = ("Цей резервний код не підходить.", "This recovery code does not work."),
        [UseAuthenticatorCode] = ("Увійти з кодом із застосунку", "Sign in with a code from the app"),
        [TwoFactorExpired] = ("Час на підтвердження минув. Увійдіть ще раз.", "The time to verify has run out. Sign in again."),

        [AccountTitle] = ("Мій обліковий запис", "My account"),
        [ChangePassword] = ("Змінити пароль", "Change password"),
        [PasswordChanged] = ("Пароль змінено.", "Your password has been changed."),
        [LanguageSaved] = ("Мову інтерфейсу збережено.", "The interface language is saved."),
        [SaveLanguage] = ("Зберегти мову", "Save language"),
        [LanguageUnknown] = ("Оберіть українську або англійську.", "Choose Ukrainian or English."),
        [Ukrainian] = ("Українська", "Ukrainian"),
        [English] = ("Англійська", "English"),
        [TwoFactorSection] = ("Двофакторний вхід", "Two-factor sign-in"),
        [TwoFactorIsOn] = (
            "Увімкнено: під час входу потрібен код із застосунку автентифікації.",
            "On: signing in asks for a code from your authenticator app."),
        [TwoFactorIsOff] = (
            "Вимкнено. Увімкніть, щоб для входу, крім пароля, був потрібен код із телефону.",
            "Off. Turn it on so that signing in needs a code from your phone as well as your password."),
        [TurnOnTwoFactor] = ("Увімкнути двофакторний вхід", "Turn on two-factor sign-in"),
        [TurnOffTwoFactor] = ("Вимкнути двофакторний вхід", "Turn off two-factor sign-in"),
        [TurnOffHelp] = ("Щоб вимкнути, введіть свій пароль.", "To turn it off, enter your password."),
        [TwoFactorTurnedOff] = ("Двофакторний вхід вимкнено.", "Two-factor sign-in is off."),
        [SetUpTwoFactorTitle] = ("Увімкнення двофакторного входу", "Turn on two-factor sign-in"),
        [SetUpStep1] = (
            "Установіть на телефон застосунок автентифікації (наприклад, Google Authenticator, Microsoft Authenticator або FreeOTP).",
            "Install an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator or FreeOTP)."),
        [SetUpStep2] = (
            "Відскануйте QR-код застосунком або введіть ключ вручну.",
            "Scan the QR code with the app, or type in the key."),
        [SetUpStep3] = ("Введіть 6-значний код, який покаже застосунок.", "Enter the 6-digit code the app shows."),
        [AuthenticatorKey] = ("Ключ", "Key"),
        [QrCodeAlt] = ("QR-код для застосунку автентифікації", "QR code for the authenticator app"),
        [TwoFactorTurnedOn] = ("Двофакторний вхід увімкнено.", "Two-factor sign-in is on."),
        [RecoveryCodesTitle] = ("Резервні коди", "Recovery codes"),
        [RecoveryCodesHelp] = (
            "Збережіть ці коди в надійному місці: ми показуємо їх лише раз. Кожен код дає змогу увійти один раз, якщо телефона немає під рукою.",
            "Keep these codes somewhere safe: they are shown only this once. Each code lets you sign in once if your phone is not at hand."),
        [RecoveryCodesLeft] = ("Залишилося резервних кодів: {0}.", "Recovery codes left: {0}."),
        [NewRecoveryCodes] = ("Створити нові резервні коди", "Make new recovery codes"),
        [NewRecoveryCodesHelp] = (
            "Старі коди перестануть діяти. Введіть свій пароль.",
            "The old codes stop working. Enter your password."),
        [Done] = ("Готово", "Done"),

        [AuditTitle] = ("Журнал дій", "Audit log"),
        [When] = ("Коли", "When"),
        [Who] = ("Хто", "Who"),
        [Action] = ("Дія", "Action"),
        [Document] = ("Документ", "Document"),
        [Culture] = ("Мова", "Language"),
        [Details] = ("Подробиці", "Details"),
        [Everyone] = ("Усі користувачі", "All users"),
        [AnyAction] = ("Усі дії", "All actions"),
        [From] = ("Від", "From"),
        [To] = ("До", "To"),
        [DocumentFilter] = ("Документ (назва або ключ)", "Document (name or key)"),
        [DocumentFilterHelp] = ("Частина назви будь-якою мовою або ключ документа.", "Part of the name in either language, or the document's key."),
        [Filter] = ("Показати", "Show"),
        [ClearFilter] = ("Скинути", "Clear"),
        [NoEntries] = ("Немає записів.", "No entries."),
        [Previous] = ("Новіші", "Newer"),
        [Next] = ("Старіші", "Older"),
        [PageOf] = ("Сторінка {0} з {1}", "Page {0} of {1}"),
        [BadDate] = ("Дата має бути у форматі РРРР-ММ-ДД.", "A date must look like YYYY-MM-DD."),
        [Timezone] = ("Час за UTC.", "Times are UTC."),
        [Deleted] = ("(видалено)", "(deleted)"),

        [InvitationSubject] = ("Запрошення до адмінпанелі Клубу мерів", "Your invitation to the Mayors' Club back office"),
        [InvitationBody] = (
            "Вітаємо, {0}!\n\n{1} запрошує вас працювати в адмінпанелі сайту Клубу мерів.\n\nЩоб задати пароль і увійти, відкрийте посилання:\n{2}\n\nПосилання діє 7 днів. Якщо ви не чекали цього листа, просто не зважайте на нього.",
            "Hello {0},\n\n{1} has invited you to work in the back office of the Mayors' Club site.\n\nTo set your password and sign in, open this link:\n{2}\n\nThe link works for 7 days. If you did not expect this e-mail, you can ignore it."),
        [ResetSubject] = ("Новий пароль до адмінпанелі Клубу мерів", "A new password for the Mayors' Club back office"),
        [ResetBody] = (
            "Вітаємо, {0}!\n\nХтось (імовірно, ви) попросив задати новий пароль до адмінпанелі Клубу мерів.\n\nЩоб задати новий пароль, відкрийте посилання:\n{1}\n\nПосилання діє 3 години. Якщо ви цього не просили, не зважайте на лист: ваш пароль не змінився.",
            "Hello {0},\n\nSomeone (probably you) asked to set a new password for the Mayors' Club back office.\n\nTo set a new password, open this link:\n{1}\n\nThe link works for 3 hours. If you did not ask for this, ignore this e-mail: your password has not changed."),

        // Audit actions, as the log shows them.
        ["action.create"] = ("створення", "create"),
        ["action.save"] = ("збереження", "save"),
        ["action.publish"] = ("публікація", "publish"),
        ["action.unpublish"] = ("зняття з публікації", "unpublish"),
        ["action.schedule"] = ("планування", "schedule"),
        ["action.scheduled publish"] = ("публікація за розкладом", "scheduled publish"),
        ["action.scheduled unpublish"] = ("зняття за розкладом", "scheduled unpublish"),
        ["action.scheduled publish failed"] = ("публікація за розкладом не вдалася", "scheduled publish failed"),
        ["action.send for approval"] = ("надіслано на схвалення", "send for approval"),
        ["action.rollback to"] = ("повернення до версії", "rollback to"),
        ["action.rollback to and publish"] = ("повернення до версії {0} з публікацією", "rollback to {0} and publish"),
        ["action.save and publish"] = ("збереження й публікація", "save and publish"),
        ["action.save and send for approval"] = ("збереження й надсилання на схвалення", "save and send for approval"),
        ["action.save and schedule"] = ("збереження й планування", "save and schedule"),
        ["action.move"] = ("переміщення", "move"),
        ["action.sort"] = ("сортування", "sort"),
        ["action.trash"] = ("у кошик", "trash"),
        ["action.restore"] = ("відновлення з кошика", "restore"),
        ["action." + AuditActions.Invite] = ("запрошення користувача", "invite user"),
        ["action." + AuditActions.ResendInvitation] = ("повторне запрошення", "resend invitation"),
        ["action." + AuditActions.ChangeGroups] = ("зміна груп", "change groups"),
        ["action." + AuditActions.Disable] = ("вимкнення користувача", "disable user"),
        ["action." + AuditActions.Enable] = ("увімкнення користувача", "enable user"),
        ["action." + AuditActions.AcceptInvitation] = ("прийняття запрошення", "accept invitation"),
        ["action." + AuditActions.ResetPassword] = ("відновлення пароля", "reset password"),
        ["action." + AuditActions.ChangePassword] = ("зміна пароля", "change password"),
        ["action." + AuditActions.TwoFactorOn] = ("увімкнення 2FA", "turn on two-factor"),
        ["action." + AuditActions.TwoFactorOff] = ("вимкнення 2FA", "turn off two-factor"),
        ["action." + AuditActions.NewRecoveryCodes] = ("нові резервні коди", "new recovery codes"),
        ["action." + MayorsClub.Core.Members.MemberAuditActions.Create] = ("додавання члена клубу", "create member"),
        ["action." + MayorsClub.Core.Members.MemberAuditActions.Update] = ("зміна даних члена клубу", "edit member"),
        ["action." + MayorsClub.Core.Members.MemberAuditActions.ChangeGroups] = ("зміна груп члена клубу", "change member groups"),
        ["action." + MayorsClub.Core.Members.MemberAuditActions.Approve] = ("схвалення члена клубу", "approve member"),
        ["action." + MayorsClub.Core.Members.MemberAuditActions.Lock] = ("блокування члена клубу", "lock member"),
        ["action." + MayorsClub.Core.Members.MemberAuditActions.Unlock] = ("розблокування члена клубу", "unlock member"),
        ["action." + MayorsClub.Core.Members.MemberAuditActions.SendResetLink] = ("посилання для нового пароля члену клубу", "send member reset link"),
        ["action." + MayorsClub.Core.Members.MemberAuditActions.Delete] = ("видалення члена клубу", "delete member"),
        ["action.review application"] = ("заявку взято на розгляд", "take application into review"),
        ["action.approve application"] = ("схвалення заявки", "approve application"),
        ["action.reject application"] = ("відхилення заявки", "reject application"),
        ["action.close application"] = ("закриття заявки", "close application"),
        ["action.note on application"] = ("нотатка до заявки", "note on application"),
        ["action.member from application"] = ("член клубу із заявки", "member from application"),
        ["action.erase application"] = ("видалення даних заявника на запит", "erase applicant's data on request"),
        ["action.anonymise application"] = ("знеособлення заявки після строку зберігання", "anonymise application after retention"),
        ["action." + MayorsClub.Core.Applications.ApplicationSettings.SettingsAuditAction] = ("зміна налаштувань заявок", "change application settings"),
        ["action." + MayorsClub.Core.Applications.ReviewOutbox.RetryAuditAction] = ("повторне надсилання листа", "retry e-mail"),
        ["action." + MayorsClub.Core.Announcements.AnnouncementEditor.SendAuditAction] = ("розсилка анонсу підписникам", "send announcement"),
        ["action." + MayorsClub.Core.Announcements.AnnouncementEditor.RemoveSubscriberAuditAction] = ("видалення підписника на запит", "remove subscriber on request"),
        ["action." + MayorsClub.Core.Announcements.PartnerDrafts.AuditAction] = ("чернетка партнера із заявки", "partner draft from application"),
    });

    public static IEnumerable<string> Keys => Texts.Keys;

    public static string Get(string key, string culture) =>
        Texts.Get(key, culture);

    public static string Format(string key, string culture, params object[] values) =>
        Texts.Format(key, culture, values);

    /// <summary>An audit action as people read it; an action this class does not know is shown as stored.</summary>
    public static string ActionLabel(string action, string culture)
    {
        if (Texts.Contains("action." + action))
        {
            return Get("action." + action, culture);
        }

        // "rollback to 7": the kind of action in words, with its number where the words put it ({0}) or after them.
        var general = MayorsClub.Core.Audit.AuditLog.Generalize(action);
        if (general == action || !Texts.Contains("action." + general))
        {
            return action;
        }

        var label = Get("action." + general, culture);
        var number = MayorsClub.Core.Audit.AuditLog.NumberIn(action);
        return label.Contains("{0}", StringComparison.Ordinal) ? string.Format(CultureInfo.InvariantCulture, label, number) : $"{label} {number}";
    }

    public static string GroupLabel(string group, string culture) => Get("group." + group, culture);

    internal static bool HasBothLanguages(string key) => Texts.HasBothLanguages(key);
}
