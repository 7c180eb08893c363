using System.Net;
using System.Text.RegularExpressions;
using MayorsClub.Core.Members;
using MayorsClub.Core.Persistence;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MayorsClub.Tests.Integration;

/// <summary>
/// Members on the public site: signing in and out, the same answer for every failure, lockout, the per-address and
/// per-account limits, return URLs that stay on the site, reset links that work once and expire, a password change that
/// ends the member's other sessions, and the profile.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed partial class MemberAccountTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string Password = MemberSession.DefaultPassword;
    private const string FailedUk = "Неправильна електронна пошта або пароль, або вхід до цього облікового запису зараз неможливий.";
    private const string FailedEn = "The e-mail or password is not right, or this account cannot sign in now.";

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>(SmtpSink.Settings)
    {
        ["MayorsClub:Members:SecurityStampValidationSeconds"] = "0",
        ["MayorsClub:Members:SignInPerAddressPerMinute"] = "12",
        ["MayorsClub:Members:SignInPerAccountPerQuarterHour"] = "8",
        ["MayorsClub:Members:ForgotPerAddressPerQuarterHour"] = "5",
        ["MayorsClub:Members:ForgotPerAccountPerHour"] = "3",
    };

    [Test]
    public async Task AMember_SignsInWithThePassword_SeesTheirNameAndProfile_AndSignsOut()
    {
        var email = MemberSession.NewEmail();
        await MemberSession.CreateMemberAsync(Site, email, name: "Марія Приклад");
        using var member = await MemberSession.SignInAsync(Site, email);

        var (status, profile) = await GetAsync(member.Client, "/uk/members/profile");
        var (_, home) = await GetAsync(member.Client, "/uk/");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(profile, Does.Contain(email).And.Contain("Міські голови"));
        Assert.That(home, Does.Contain("Марія Приклад").And.Contain("/uk/members/sign-out"));
        Assert.That(await LastSignInAsync(email), Is.Not.Null);

        await member.SignOutAsync();
        using var after = await member.Client.GetAsync("/uk/members/profile");
        var (_, homeAfter) = await GetAsync(member.Client, "/uk/");
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(after.Headers.Location!.OriginalString, Is.EqualTo("/uk/members/sign-in?returnUrl=%2Fuk%2Fmembers%2Fprofile"));
        Assert.That(homeAfter, Does.Not.Contain("Марія Приклад").And.Contain("/uk/members/sign-in"));
    }

    [Test]
    public async Task ASignedInMembersPages_AreTheirs_NeverRevalidatedAgainstAnAnonymousCopyNorKept()
    {
        using var anonymous = MemberSession.Anonymous(Site);
        using var shared = await anonymous.GetAsync("/uk/");
        using var member = await MemberSession.SignInNewAsync(Site);
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, "/uk/");
        revalidation.Headers.IfNoneMatch.Add(shared.Headers.ETag!);
        using var personal = await member.Client.SendAsync(revalidation);

        Assert.That(shared.Headers.ETag, Is.Not.Null);
        Assert.That(personal.StatusCode, Is.EqualTo(HttpStatusCode.OK), "not a 304 to the copy kept while anonymous");
        Assert.That(personal.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(personal.Headers.ETag, Is.Null);
        Assert.That(await personal.Content.ReadAsStringAsync(), Does.Contain("/uk/members/sign-out"));
    }

    [Test]
    public async Task SigningOut_TouchesOnlyTheMembersCookies_NeverTheBackOffices()
    {
        using var member = await MemberSession.SignInNewAsync(Site);
        using var signedOut = await MemberSession.PostFormAsync(member.Client, "/uk/members/profile", "/uk/members/sign-out", []);

        var cookies = signedOut.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        Assert.That(signedOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(cookies, Has.Some.StartsWith("mc_member=;"));
        Assert.That(cookies, Has.None.Contains("path=/umbraco"));
        Assert.That(cookies.Select(c => c.Split('=')[0]), Is.SubsetOf(new[] { "mc_member", "mc_member_passkey" }));
    }

    [Test]
    public async Task PasskeySignIn_KeepsItsChallengeInTheMembersOwnCookie_AndAForgedCredentialGets400()
    {
        using var client = MemberSession.Anonymous(Site);
        var token = await MemberSession.AntiforgeryTokenAsync(client, "/en/members/sign-in");
        using var options = new HttpRequestMessage(HttpMethod.Post, "/en/members/passkey/options");
        options.Headers.Add("RequestVerificationToken", token);
        using var answer = await client.SendAsync(options);
        var json = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
        var cookies = answer.Headers.GetValues("Set-Cookie").ToList();

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(json.GetProperty("rpId").GetString(), Is.EqualTo("localhost"));
        Assert.That(json.GetProperty("challenge").GetString(), Is.Not.Empty);
        Assert.That(cookies, Has.One.StartsWith("mc_member_passkey=").And.Contains("path=/;").And.Contains("httponly"));
        Assert.That(cookies, Has.None.Contains("Identity.TwoFactorUserId"));

        using var forged = await MemberSession.PostFormAsync(client, "/en/members/sign-in", "/en/members/passkey/sign-in",
            [new("Credential", "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{}}")]);
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(AlertIn(await BodyAsync(forged)), Is.EqualTo("Signing in with a passkey did not work. Try again or sign in with your password."));
        Assert.That(MemberCookie(forged), Is.Empty);
    }

    [Test]
    public async Task RememberMe_MakesTheCookieOutliveTheBrowser_OnlyWhenTicked()
    {
        var email = MemberSession.NewEmail();
        await MemberSession.CreateMemberAsync(Site, email);

        using var session = MemberSession.Anonymous(Site);
        using var remembered = MemberSession.Anonymous(Site);
        using var forSession = await MemberSession.PostSignInAsync(session, email, Password);
        using var forRemembered = await MemberSession.PostSignInAsync(remembered, email, Password, rememberMe: true);

        Assert.That(MemberCookie(forSession), Does.Not.Contain("expires="));
        Assert.That(MemberCookie(forRemembered), Does.Contain("expires="));
        Assert.That(MemberCookie(forRemembered), Does.Contain("httponly").And.Contain("path=/;").Or.Contain("path=/"));
    }

    [Test]
    public async Task AWrongPassword_AnUnknownEmail_AndAnUnapprovedMember_GetTheSameAnswer_InBothLanguages()
    {
        var known = MemberSession.NewEmail("known");
        var unapproved = MemberSession.NewEmail("unapproved");
        await MemberSession.CreateMemberAsync(Site, known);
        await MemberSession.CreateMemberAsync(Site, unapproved, approved: false);

        foreach (var (culture, message) in new[] { ("uk", FailedUk), ("en", FailedEn) })
        {
            var answers = new List<(HttpStatusCode, string)>();
            foreach (var (email, password) in new[] { (known, "Wrong-password-1"), (MemberSession.NewEmail("nobody"), Password), (unapproved, Password) })
            {
                using var client = MemberSession.Anonymous(Site);
                using var response = await MemberSession.PostSignInAsync(client, email, password, culture);
                answers.Add((response.StatusCode, AlertIn(await BodyAsync(response))));
                Assert.That(response.Headers.Contains("Set-Cookie") && MemberCookie(response).Length > 0, Is.False, $"no member cookie for {email}");
            }

            Assert.That(answers, Is.All.EqualTo((HttpStatusCode.BadRequest, message)), culture);
        }
    }

    [Test]
    public async Task AfterFiveWrongPasswords_TheAccountIsLocked_AndEvenTheRightPasswordGetsTheSameFailure()
    {
        var email = MemberSession.NewEmail("locked");
        await MemberSession.CreateMemberAsync(Site, email);
        using var client = MemberSession.Anonymous(Site);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await MemberSession.PostSignInAsync(client, email, $"Wrong-password-{i}");
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        using var right = await MemberSession.PostSignInAsync(client, email, Password);
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(AlertIn(await BodyAsync(right)), Is.EqualTo(FailedUk), "the same message: the lock is not revealed");
        var member = await MemberAsync(email);
        Assert.That(member.LockoutEnd, Is.GreaterThan(DateTimeOffset.UtcNow.AddMinutes(10)));
    }

    [Test]
    public async Task RepeatedSignInsFromOneAddress_Get429_WithRetryAfter_AndTheMessageInTheLanguage()
    {
        using var client = MemberSession.Anonymous(Site, "198.51.100.23");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 13; i++)
        {
            last?.Dispose();
            last = await MemberSession.PostSignInAsync(client, MemberSession.NewEmail("guess"), "Guessed-password-1", "en");
            statuses.Add(last.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(Enumerable.Repeat(HttpStatusCode.BadRequest, 12).Append(HttpStatusCode.TooManyRequests)));
        Assert.That(last!.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(await BodyAsync(last), Does.Contain("Too many attempts. Try again in"));
        last.Dispose();
    }

    [Test]
    public async Task RepeatedSignInsForOneAccount_FromManyAddresses_Get429_WhetherOrNotTheEmailIsKnown()
    {
        foreach (var email in new[] { MemberSession.NewEmail("unknown-target"), await NewMemberAsync("known-target") })
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 9; i++)
            {
                using var client = MemberSession.Anonymous(Site);
                using var response = await MemberSession.PostSignInAsync(client, email, "Guessed-password-1");
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
                    Assert.That(AlertIn(await BodyAsync(response)), Does.StartWith("Забагато спроб."));
                }
            }

            Assert.That(statuses[^1], Is.EqualTo(HttpStatusCode.TooManyRequests), email);
            Assert.That(statuses[..5], Is.All.EqualTo(HttpStatusCode.BadRequest), email);
        }
    }

    [TestCase("https://evil.example/")]
    [TestCase("//evil.example/")]
    [TestCase("/\\evil.example/")]
    [TestCase("\\\\evil.example")]
    [TestCase("%2F%2Fevil.example")]
    [TestCase("/%2F%2Fevil.example")]
    [TestCase("/%5Cevil.example")]
    [TestCase("javascript:alert(1)")]
    [TestCase(" //evil.example")]
    [TestCase("http:/evil.example")]
    public async Task AReturnUrlOffTheSite_LandsOnTheHomePage(string returnUrl)
    {
        var email = await NewMemberAsync("redirect");
        using var client = MemberSession.Anonymous(Site);
        using var response = await MemberSession.PostSignInAsync(client, email, Password, "en", returnUrl);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo("/en/"));
    }

    [Test]
    public async Task ALocalReturnUrl_IsWhereTheMemberLands_AndTheSignInPageKeepsIt()
    {
        var email = await NewMemberAsync("return");
        using var client = MemberSession.Anonymous(Site);
        var (_, page) = await GetAsync(client, "/uk/members/sign-in?returnUrl=%2Fuk%2Fnovyny%2F%3Fpage%3D2");
        using var response = await MemberSession.PostSignInAsync(client, email, Password, "uk", "/uk/novyny/?page=2");

        Assert.That(page, Does.Contain("value=\"/uk/novyny/?page=2\""));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo("/uk/novyny/?page=2"));
    }

    [Test]
    public async Task AResetLink_ComesInTheMembersLanguage_WorksOnce_AndTheNewPasswordSignsIn()
    {
        var email = MemberSession.NewEmail("reset");
        await MemberSession.CreateMemberAsync(Site, email, culture: "en", name: "Oksana Example");
        using var client = MemberSession.Anonymous(Site);
        using (var asked = await MemberSession.PostFormAsync(client, "/uk/members/forgot-password", "/uk/members/forgot-password", [new("Email", email)]))
        {
            Assert.That(asked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var mail = await SmtpSink.WaitForMessageToAsync(email);
        var link = LinkIn(mail.TextBody);
        Assert.That(mail.Subject, Is.EqualTo("A new password for the Mayors' Club site"));
        Assert.That(mail.TextBody, Does.Contain("Hello Oksana Example"));
        Assert.That(link, Does.StartWith("http://localhost/en/members/set-password?member="));

        var (shown, form) = await GetAsync(client, link);
        Assert.That(shown, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(form, Does.Contain(email));
        using (var set = await SetPasswordAsync(client, link, "New-member-password-2"))
        {
            Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(set.Headers.Location!.OriginalString, Is.EqualTo("/en/members/sign-in?done=password"));
        }

        using (var again = await SetPasswordAsync(client, link, "Third-member-password-3"))
        {
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await BodyAsync(again), Does.Contain("This link is not valid, has expired or has been used already. Ask for a new one.")
                .And.Contain("/en/members/forgot-password"));
        }

        var (reopened, _) = await GetAsync(client, link);
        Assert.That(reopened, Is.EqualTo(HttpStatusCode.BadRequest));
        using var stranger = MemberSession.Anonymous(Site);
        using var withOld = await MemberSession.PostSignInAsync(stranger, email, Password);
        Assert.That(withOld.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        (await MemberSession.SignInAsync(Site, email, "New-member-password-2")).Dispose();
    }

    [Test]
    public async Task AnInvitationLink_FromMemberLinks_LetsANewMemberSetAFirstPassword_AndConfirmsTheirEmail()
    {
        var email = MemberSession.NewEmail("invited");
        var (id, link) = await WithServices(async s =>
        {
            var users = s.GetRequiredService<UserManager<Member>>();
            var member = new Member { UserName = email, Email = email, Name = "Запрошена Членкиня", IsApproved = true, CreatedUtc = DateTime.UtcNow };
            Assert.That((await users.CreateAsync(member)).Succeeded, Is.True);
            var token = await users.GeneratePasswordResetTokenAsync(member);
            return (member.Id, s.GetRequiredService<MayorsClub.Web.Members.MemberLinks>().SetPassword("uk", member.Id, token));
        });
        using var client = MemberSession.Anonymous(Site);

        var (shown, form) = await GetAsync(client, link);
        using var set = await SetPasswordAsync(client, link, "First-password-6");

        Assert.That(link, Does.StartWith($"http://localhost/uk/members/set-password?member={id}&code="));
        Assert.That(shown, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(form, Does.Contain("Задайте пароль для входу як " + email));
        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await MemberAsync(email)).EmailConfirmed, Is.True);
        (await MemberSession.SignInAsync(Site, email, "First-password-6")).Dispose();
    }

    [Test]
    public async Task ASetPasswordForm_WithAShortOrMismatchedPassword_ShowsTheFormAgain_AndTheLinkStillWorks()
    {
        var email = await NewMemberAsync("short");
        var link = await WithServices(async s =>
        {
            var users = s.GetRequiredService<UserManager<Member>>();
            var member = (await users.FindByEmailAsync(email))!;
            return s.GetRequiredService<MayorsClub.Web.Members.MemberLinks>().SetPassword("en", member.Id, await users.GeneratePasswordResetTokenAsync(member));
        });
        using var client = MemberSession.Anonymous(Site);

        using var tooShort = await SetPasswordAsync(client, link, "short");
        var shortPage = await BodyAsync(tooShort);
        using var garbage = await client.GetAsync("/en/members/set-password?member=not-a-guid&code=%%%");

        Assert.That(tooShort.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(shortPage, Does.Contain("The password must have at least 10 characters."));
        Assert.That(garbage.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await GetAsync(client, link)).Status, Is.EqualTo(HttpStatusCode.OK), "a refused password does not use the link up");
    }

    [Test]
    public async Task AResetLink_ExpiresAfterADay()
    {
        var email = await NewMemberAsync("expiring");
        using var client = MemberSession.Anonymous(Site);
        (await MemberSession.PostFormAsync(client, "/uk/members/forgot-password", "/uk/members/forgot-password", [new("Email", email)])).Dispose();
        var link = LinkIn((await SmtpSink.WaitForMessageToAsync(email)).TextBody);

        Site.Clock.Advance(Duration.FromHours(25));
        try
        {
            var (status, page) = await GetAsync(client, link);
            using var set = await SetPasswordAsync(client, link, "Too-late-password-4");
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(page, Does.Contain("Посилання недійсне, застаріле або вже використане. Попросіть нове."));
            Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }
        finally
        {
            Site.Clock.Advance(Duration.FromHours(-25));
        }
    }

    [Test]
    public async Task ForgotPassword_AnswersTheSameForAnyone_ButMailsOnlyAnApprovedMember()
    {
        var unapproved = MemberSession.NewEmail("pending");
        await MemberSession.CreateMemberAsync(Site, unapproved, approved: false);
        var nobody = MemberSession.NewEmail("nobody");
        var approved = await NewMemberAsync("approved");
        var answers = new List<string>();
        foreach (var email in new[] { nobody, unapproved, approved })
        {
            using var client = MemberSession.Anonymous(Site);
            using var response = await MemberSession.PostFormAsync(client, "/en/members/forgot-password", "/en/members/forgot-password", [new("Email", email)]);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            answers.Add(StatusIn(await BodyAsync(response)));
        }

        Assert.That(answers, Is.All.EqualTo("If this address belongs to a member of the club, a link to set a new password has been sent to it. It works for 24 hours."));
        Assert.That(await OutboxCountAsync(approved), Is.EqualTo(1));
        Assert.That(await OutboxCountAsync(unapproved) + await OutboxCountAsync(nobody), Is.Zero);
    }

    [Test]
    public async Task ForgotPassword_IsLimitedPerAddress_AndPerAccount()
    {
        using var oneAddress = MemberSession.Anonymous(Site, "203.0.113.77");
        var perAddress = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await MemberSession.PostFormAsync(oneAddress, "/uk/members/forgot-password", "/uk/members/forgot-password", [new("Email", MemberSession.NewEmail("any"))]);
            perAddress.Add(response.StatusCode);
            if (i == 5)
            {
                Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
                Assert.That(await BodyAsync(response), Does.Contain("Забагато спроб."));
            }
        }

        var target = MemberSession.NewEmail("target");
        var perAccount = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var client = MemberSession.Anonymous(Site);
            using var response = await MemberSession.PostFormAsync(client, "/en/members/forgot-password", "/en/members/forgot-password", [new("Email", target)]);
            perAccount.Add(response.StatusCode);
        }

        Assert.That(perAddress, Is.EqualTo(Enumerable.Repeat(HttpStatusCode.OK, 5).Append(HttpStatusCode.TooManyRequests)));
        Assert.That(perAccount, Is.EqualTo(Enumerable.Repeat(HttpStatusCode.OK, 3).Append(HttpStatusCode.TooManyRequests)));
    }

    [Test]
    public async Task ChangingThePassword_EndsTheMembersOtherSessions_AndKeepsThisOne()
    {
        var email = await NewMemberAsync("changer");
        using var here = await MemberSession.SignInAsync(Site, email);
        using var elsewhere = await MemberSession.SignInAsync(Site, email);
        Assert.That((await GetAsync(elsewhere.Client, "/uk/members/profile")).Status, Is.EqualTo(HttpStatusCode.OK));

        using var changed = await MemberSession.PostFormAsync(here.Client, "/uk/members/profile", "/uk/members/profile/password",
            [new("Current", Password), new("Password", "Changed-password-5"), new("Confirm", "Changed-password-5")]);

        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await GetAsync(here.Client, "/uk/members/profile")).Status, Is.EqualTo(HttpStatusCode.OK));
        using var other = await elsewhere.Client.GetAsync("/uk/members/profile");
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(other.Headers.Location!.OriginalString, Does.StartWith("/uk/members/sign-in"));
    }

    [Test]
    public async Task AMemberTheClubLocksOrUnapproves_WhileSignedIn_IsSignedOutAtTheNextCheck()
    {
        using var locked = await MemberSession.SignInNewAsync(Site);
        using var unapproved = await MemberSession.SignInNewAsync(Site);
        await WithServices(async s =>
        {
            var users = s.GetRequiredService<UserManager<Member>>();
            var first = (await users.FindByEmailAsync(locked.Email))!;
            await users.SetLockoutEndDateAsync(first, new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero));
            var second = (await users.FindByEmailAsync(unapproved.Email))!;
            second.IsApproved = false;
            return await users.UpdateAsync(second);
        });

        foreach (var session in new[] { locked, unapproved })
        {
            using var response = await session.Client.GetAsync("/uk/members/profile");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), session.Email);
            Assert.That(response.Headers.Location!.OriginalString, Does.StartWith("/uk/members/sign-in"));
        }
    }

    [Test]
    public async Task AWrongCurrentPassword_DoesNotChangeIt()
    {
        using var member = await MemberSession.SignInNewAsync(Site);
        using var refused = await MemberSession.PostFormAsync(member.Client, "/en/members/profile", "/en/members/profile/password",
            [new("Current", "Not-the-password-1"), new("Password", "Changed-password-5"), new("Confirm", "Changed-password-5")]);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await BodyAsync(refused), Does.Contain("The current password is not right."));
        (await MemberSession.SignInAsync(Site, member.Email)).Dispose();
    }

    [Test]
    public async Task TheProfile_SavesTheMembersDetails_AndTheHeaderShowsTheNewName()
    {
        using var member = await MemberSession.SignInNewAsync(Site, MemberGroups.Partners, MemberGroups.CommunityTeams);
        using var saved = await MemberSession.PostFormAsync(member.Client, "/en/members/profile", "/en/members/profile",
        [
            new("Name", "Taras Newname"), new("Position", "Deputy head"), new("Community", "Irpin community"), new("Region", "UA-46"),
            new("Phone", "+380 (44) 000-12-34"), new("PreferredCulture", "en"),
        ]);

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var (_, page) = await GetAsync(member.Client, saved.Headers.Location!.OriginalString);
        var (_, home) = await GetAsync(member.Client, "/en/");
        Assert.That(page, Does.Contain("Your profile is saved.").And.Contain("Taras Newname").And.Contain("Partners").And.Contain("Community teams")
            .And.Contain("<option value=\"UA-46\" selected=\"selected\">Lviv Oblast</option>"));
        Assert.That(home, Does.Contain("Taras Newname"), "the header shows the new name");
        var stored = await MemberAsync(member.Email);
        Assert.That((stored.Name, stored.Position, stored.Community, stored.Region, stored.PhoneNumber, stored.PreferredCulture),
            Is.EqualTo(("Taras Newname", "Deputy head", "Irpin community", "UA-46", "+380 (44) 000-12-34", "en")));
    }

    [TestCase("uk", "Виберіть область зі списку.", "Заповніть це поле.")]
    [TestCase("en", "Choose a region from the list.", "Fill in this field.")]
    public async Task BadProfileInput_ShowsTheFormAgain_With400_InTheLanguage_AndSavesNothing(string culture, string regionMessage, string nameMessage)
    {
        using var member = await MemberSession.SignInNewAsync(Site);
        using var refused = await MemberSession.PostFormAsync(member.Client, $"/{culture}/members/profile", $"/{culture}/members/profile",
            [new("Name", ""), new("Region", "UA-99"), new("Phone", "call me"), new("PreferredCulture", "de"), new("Position", new string('x', 201))]);

        var page = await BodyAsync(refused);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page, Does.Contain(regionMessage).And.Contain(nameMessage));
        Assert.That((await MemberAsync(member.Email)).Name, Is.EqualTo("Олена Коваль"));
    }

    [TestCase("uk", "Заповніть це поле.")]
    [TestCase("en", "Fill in this field.")]
    public async Task AnEmptySignInForm_Gets400_InTheLanguage(string culture, string message)
    {
        using var client = MemberSession.Anonymous(Site);
        using var response = await MemberSession.PostFormAsync(client, $"/{culture}/members/sign-in", $"/{culture}/members/sign-in", [new("Email", ""), new("Password", "")]);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(AlertIn(await BodyAsync(response)), Is.EqualTo(message));
    }

    [Test]
    public async Task APostWithoutTheAntiforgeryToken_IsRefused()
    {
        var email = await NewMemberAsync("forged");
        using var client = MemberSession.Anonymous(Site);
        using var response = await client.PostAsync("/uk/members/sign-in",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["Password"] = Password }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(MemberCookie(response), Is.Empty);
    }

    [Test]
    public async Task MembersOnlyPages_SendPeopleToTheSignInPageOfTheirLanguage_AndJsonClientsGet401()
    {
        using var client = MemberSession.Anonymous(Site);
        using var page = await client.GetAsync("/en/members/profile");
        using var json = new HttpRequestMessage(HttpMethod.Get, "/en/members/profile");
        json.Headers.Accept.ParseAdd("application/json");
        using var api = await client.SendAsync(json);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(page.Headers.Location!.OriginalString, Is.EqualTo("/en/members/sign-in?returnUrl=%2Fen%2Fmembers%2Fprofile"));
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task TheMembersPages_AreNeverCached_AndTheSignInPageIsInBothLanguages()
    {
        using var client = MemberSession.Anonymous(Site);
        using var uk = await client.GetAsync("/uk/members/sign-in");
        using var en = await client.GetAsync("/en/members/sign-in");

        Assert.That(uk.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(await BodyAsync(uk), Does.Contain("Вхід для членів клубу").And.Contain("Увійти з ключем доступу").And.Contain("lang=\"uk\""));
        Assert.That(await BodyAsync(en), Does.Contain("Members' sign-in").And.Contain("Sign in with a passkey").And.Contain("href=\"/uk/members/sign-in\""));
        var membership = MayorsClub.Web.Site.Rendering.CardBuilder.MembershipPageUrl(Snapshot.For(MayorsClub.Core.Publishing.Viewer.Anonymous), "en");
        Assert.That(await BodyAsync(en), Does.Contain($"<a href=\"{membership ?? "/en/"}\">Apply for membership</a>"));
    }

    private async Task<string> NewMemberAsync(string who)
    {
        var email = MemberSession.NewEmail(who);
        await MemberSession.CreateMemberAsync(Site, email);
        return email;
    }

    private Task<Member> MemberAsync(string email) =>
        WithServices(async s => (await s.GetRequiredService<UserManager<Member>>().FindByEmailAsync(email))!);

    private async Task<DateTime?> LastSignInAsync(string email) => (await MemberAsync(email)).LastSignInUtc;

    private Task<int> OutboxCountAsync(string email) =>
        WithServices(s => s.GetRequiredService<MayorsClubDbContext>().OutboxMessages.CountAsync(m => m.ToAddress == email));

    private static async Task<HttpResponseMessage> SetPasswordAsync(HttpClient client, string link, string password)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(link).Query);
        var path = new Uri(link).AbsolutePath;
        return await MemberSession.PostFormAsync(client, "/uk/members/forgot-password", path,
            [new("Member", query["member"].ToString()), new("Code", query["code"].ToString()), new("Password", password), new("Confirm", password)]);
    }

    private static string MemberCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith("mc_member=", StringComparison.Ordinal) && !c.StartsWith("mc_member=;", StringComparison.Ordinal))?.ToLowerInvariant() ?? ""
            : "";

    private static async Task<string> BodyAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (response.StatusCode, await BodyAsync(response));
    }

    private static string AlertIn(string html) => AlertPattern().Match(html) is { Success: true } match ? match.Groups[1].Value.Trim() : "";

    private static string StatusIn(string html) => StatusPattern().Match(html) is { Success: true } match ? match.Groups[1].Value.Trim() : "";

    private static string LinkIn(string? text) =>
        LinkPattern().Match(text ?? "") is { Success: true } match ? match.Value : throw new AssertionException("No set-password link in: " + text);

    [GeneratedRegex("role=\"alert\"[^>]*>([^<]*)<")]
    private static partial Regex AlertPattern();

    [GeneratedRegex("role=\"status\"[^>]*>([^<]*)<")]
    private static partial Regex StatusPattern();

    [GeneratedRegex(@"http://localhost/(uk|en)/members/set-password\?member=[0-9a-f-]+&code=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
