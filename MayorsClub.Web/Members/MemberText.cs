using MayorsClub.Core.Content;

namespace MayorsClub.Web.Members;

/// <summary>The members' pages' texts (sign-in, passwords, profile, passkeys) in both languages. A test checks that every key has both.</summary>
public static class MemberText
{
    // Sign-in
    public const string SignInTitle = "signIn.title";
    public const string SignInIntro = "signIn.intro";
    public const string Email = "field.email";
    public const string Password = "field.password";
    public const string RememberMe = "signIn.remember";
    public const string SignInButton = "signIn.button";
    public const string SignInFailed = "signIn.failed";
    public const string OrPasskey = "signIn.or";
    public const string PasskeyButton = "signIn.passkey";
    public const string PasskeyFailed = "signIn.passkeyFailed";
    public const string PasskeyUnsupported = "signIn.passkeyUnsupported";
    public const string ForgotLink = "signIn.forgot";
    public const string NotAMember = "signIn.notMember";
    public const string Apply = "signIn.apply";
    public const string SignIn = "header.signIn";
    public const string SignOut = "header.signOut";
    public const string Profile = "header.profile";
    public const string MemberMenu = "header.member";
    public const string FieldRequired = "field.required";
    public const string TooManyAttempts = "signIn.tooMany";
    public const string PasswordSetNotice = "signIn.passwordSet";
    public const string SignedOutNotice = "signIn.signedOut";

    // Forgot and set password
    public const string ForgotTitle = "forgot.title";
    public const string ForgotIntro = "forgot.intro";
    public const string ForgotButton = "forgot.button";
    public const string ForgotSent = "forgot.sent";
    public const string BackToSignIn = "forgot.back";
    public const string SetPasswordTitle = "setPassword.title";
    public const string SetPasswordIntro = "setPassword.intro";
    public const string NewPassword = "field.newPassword";
    public const string ConfirmPassword = "field.confirmPassword";
    public const string SetPasswordButton = "setPassword.button";
    public const string PasswordRules = "setPassword.rules";
    public const string PasswordsDiffer = "setPassword.differ";
    public const string PasswordTooShort = "setPassword.short";
    public const string LinkInvalidTitle = "link.invalidTitle";
    public const string LinkInvalid = "link.invalid";
    public const string AskForNewLink = "link.askNew";
    public const string ResetSubject = "mail.resetSubject";
    public const string ResetBody = "mail.resetBody";

    // Profile
    public const string ProfileTitle = "profile.title";
    public const string Name = "field.name";
    public const string Position = "field.position";
    public const string Community = "field.community";
    public const string Region = "field.region";
    public const string NoRegion = "field.noRegion";
    public const string Phone = "field.phone";
    public const string PreferredLanguage = "field.language";
    public const string Groups = "profile.groups";
    public const string NoGroups = "profile.noGroups";
    public const string SaveProfile = "profile.save";
    public const string ProfileSaved = "profile.saved";
    public const string TooLong = "field.tooLong";
    public const string RegionUnknown = "field.regionUnknown";
    public const string LanguageUnknown = "field.languageUnknown";
    public const string PhoneInvalid = "field.phoneInvalid";
    public const string ChangePasswordTitle = "password.title";
    public const string CurrentPassword = "field.currentPassword";
    public const string ChangePasswordButton = "password.button";
    public const string CurrentPasswordWrong = "password.wrong";
    public const string PasswordChanged = "password.changed";
    public const string PasskeysTitle = "passkeys.title";
    public const string PasskeysIntro = "passkeys.intro";
    public const string NoPasskeys = "passkeys.none";
    public const string AddPasskey = "passkeys.add";
    public const string PasskeyAdded = "passkeys.added";
    public const string PasskeyNotAdded = "passkeys.notAdded";
    public const string PasskeyName = "passkeys.name";
    public const string PasskeyDefaultName = "passkeys.defaultName";
    public const string PasskeyCreated = "passkeys.created";
    public const string RenamePasskey = "passkeys.rename";
    public const string PasskeyRenamed = "passkeys.renamed";
    public const string RemovePasskey = "passkeys.remove";
    public const string PasskeyRemoved = "passkeys.removed";
    public const string PasskeyNotFound = "passkeys.notFound";
    public const string Saved = "form.saved";
    public const string FormErrors = "form.errors";

    private static readonly BilingualTexts Texts = new(new(StringComparer.Ordinal)
    {
        [SignInTitle] = ("Вхід для членів клубу", "Members' sign-in"),
        [SignInIntro] = ("Записи та матеріали експертних сесій доступні членам клубу.", "The recordings and materials of expert sessions are for members of the club."),
        [Email] = ("Електронна пошта", "E-mail"),
        [Password] = ("Пароль", "Password"),
        [RememberMe] = ("Запам'ятати мене на цьому пристрої", "Remember me on this device"),
        [SignInButton] = ("Увійти", "Sign in"),
        [SignInFailed] = ("Неправильна електронна пошта або пароль, або вхід до цього облікового запису зараз неможливий.", "The e-mail or password is not right, or this account cannot sign in now."),
        [OrPasskey] = ("або", "or"),
        [PasskeyButton] = ("Увійти з ключем доступу", "Sign in with a passkey"),
        [PasskeyFailed] = ("Не вдалося увійти з ключем доступу. Спробуйте ще раз або увійдіть з паролем.", "Signing in with a passkey did not work. Try again or sign in with your password."),
        [PasskeyUnsupported] = ("Цей браузер не підтримує ключі доступу.", "This browser does not support passkeys."),
        [ForgotLink] = ("Забули пароль?", "Forgot your password?"),
        [NotAMember] = ("Ще не член клубу?", "Not a member yet?"),
        [Apply] = ("Подати заявку на членство", "Apply for membership"),
        [SignIn] = ("Увійти", "Sign in"),
        [SignOut] = ("Вийти", "Sign out"),
        [Profile] = ("Мій профіль", "My profile"),
        [MemberMenu] = ("Обліковий запис члена клубу", "Member's account"),
        [FieldRequired] = ("Заповніть це поле.", "Fill in this field."),
        [TooManyAttempts] = ("Забагато спроб. Спробуйте знову за {0} хв.", "Too many attempts. Try again in {0} min."),
        [PasswordSetNotice] = ("Пароль збережено. Тепер увійдіть з ним.", "Your password is saved. Sign in with it now."),
        [SignedOutNotice] = ("Ви вийшли з облікового запису.", "You have signed out."),

        [ForgotTitle] = ("Відновлення пароля", "Forgot password"),
        [ForgotIntro] = ("Вкажіть електронну пошту, з якою ви входите. Ми надішлемо посилання, щоб задати новий пароль.", "Enter the e-mail you sign in with. We will send a link to set a new password."),
        [ForgotButton] = ("Надіслати посилання", "Send the link"),
        [ForgotSent] = ("Якщо ця адреса належить члену клубу, на неї надіслано посилання для нового пароля. Воно дійсне 24 години.", "If this address belongs to a member of the club, a link to set a new password has been sent to it. It works for 24 hours."),
        [BackToSignIn] = ("Повернутися до входу", "Back to sign-in"),
        [SetPasswordTitle] = ("Новий пароль", "Set your password"),
        [SetPasswordIntro] = ("Задайте пароль для входу як {0}.", "Set the password you will sign in with as {0}."),
        [NewPassword] = ("Новий пароль", "New password"),
        [ConfirmPassword] = ("Повторіть пароль", "Repeat the password"),
        [SetPasswordButton] = ("Зберегти пароль", "Save the password"),
        [PasswordRules] = ("Щонайменше {0} символів.", "At least {0} characters."),
        [PasswordsDiffer] = ("Паролі не збігаються.", "The passwords do not match."),
        [PasswordTooShort] = ("Пароль має містити щонайменше {0} символів.", "The password must have at least {0} characters."),
        [LinkInvalidTitle] = ("Посилання не діє", "This link does not work"),
        [LinkInvalid] = ("Посилання недійсне, застаріле або вже використане. Попросіть нове.", "This link is not valid, has expired or has been used already. Ask for a new one."),
        [AskForNewLink] = ("Отримати нове посилання", "Get a new link"),
        [ResetSubject] = ("Новий пароль для сайту Клубу мерів", "A new password for the Mayors' Club site"),
        [ResetBody] = ("Вітаємо, {0}!\n\nЩоб задати новий пароль, відкрийте посилання (воно дійсне 24 години і спрацює один раз):\n\n{1}\n\nЯкщо ви не просили змінити пароль, нічого не робіть: старий пароль діє далі.",
            "Hello {0},\n\nTo set a new password, open this link (it works for 24 hours, once):\n\n{1}\n\nIf you did not ask for a new password, do nothing: your password stays as it is."),

        [ProfileTitle] = ("Мій профіль", "My profile"),
        [Name] = ("Ім'я та прізвище", "Full name"),
        [Position] = ("Посада", "Position"),
        [Community] = ("Громада", "Community"),
        [Region] = ("Область", "Region"),
        [NoRegion] = ("Не вказано", "Not given"),
        [Phone] = ("Телефон", "Phone"),
        [PreferredLanguage] = ("Мова листів", "Language of e-mails"),
        [Groups] = ("Групи", "Groups"),
        [NoGroups] = ("Поки що без групи", "No group yet"),
        [SaveProfile] = ("Зберегти профіль", "Save the profile"),
        [ProfileSaved] = ("Профіль збережено.", "Your profile is saved."),
        [TooLong] = ("Не більше {0} символів.", "At most {0} characters."),
        [RegionUnknown] = ("Виберіть область зі списку.", "Choose a region from the list."),
        [LanguageUnknown] = ("Виберіть українську або англійську.", "Choose Ukrainian or English."),
        [PhoneInvalid] = ("Номер телефону може містити цифри, пробіли, дужки, дефіси і «+».", "A phone number may have digits, spaces, brackets, hyphens and \"+\"."),
        [ChangePasswordTitle] = ("Змінити пароль", "Change the password"),
        [CurrentPassword] = ("Поточний пароль", "Current password"),
        [ChangePasswordButton] = ("Змінити пароль", "Change the password"),
        [CurrentPasswordWrong] = ("Поточний пароль неправильний.", "The current password is not right."),
        [PasswordChanged] = ("Пароль змінено. На інших пристроях потрібно увійти знову.", "Your password is changed. Other devices will need to sign in again."),
        [PasskeysTitle] = ("Ключі доступу", "Passkeys"),
        [PasskeysIntro] = ("Ключ доступу дає змогу входити відбитком пальця, обличчям або PIN-кодом телефона чи комп'ютера, без пароля.", "A passkey lets you sign in with your fingerprint, face or your phone's or computer's PIN, without a password."),
        [NoPasskeys] = ("Ключів доступу ще немає.", "No passkeys yet."),
        [AddPasskey] = ("Додати ключ доступу", "Add a passkey"),
        [PasskeyAdded] = ("Ключ доступу додано.", "The passkey is added."),
        [PasskeyNotAdded] = ("Не вдалося додати ключ доступу. Спробуйте ще раз.", "The passkey could not be added. Try again."),
        [PasskeyName] = ("Назва", "Name"),
        [PasskeyDefaultName] = ("Ключ доступу від {0}", "Passkey of {0}"),
        [PasskeyCreated] = ("Додано {0}", "Added {0}"),
        [RenamePasskey] = ("Перейменувати", "Rename"),
        [PasskeyRenamed] = ("Ключ доступу перейменовано.", "The passkey is renamed."),
        [RemovePasskey] = ("Видалити", "Remove"),
        [PasskeyRemoved] = ("Ключ доступу видалено.", "The passkey is removed."),
        [PasskeyNotFound] = ("Такого ключа доступу немає.", "There is no such passkey."),
        [Saved] = ("Збережено.", "Saved."),
        [FormErrors] = ("Виправте позначені поля.", "Correct the marked fields."),
    });

    public static IEnumerable<string> Keys => Texts.Keys;

    public static string Get(string key, string culture) => Texts.Get(key, culture);

    public static string Format(string key, string culture, params object[] args) => Texts.Format(key, culture, args);

    internal static bool HasBothLanguages(string key) => Texts.HasBothLanguages(key);
}
