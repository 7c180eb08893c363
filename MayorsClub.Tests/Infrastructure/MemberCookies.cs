using MayorsClub.Core.Members;
using MayorsClub.Web.Members;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MayorsClub.Tests.Infrastructure;

/// <summary>
/// Members for tests: made with the site's own UserManager, signed in with the cookie the member scheme itself would
/// issue (its ticket format and claims factory), until tests can post the members' sign-in page.
/// </summary>
public static class MemberCookies
{
    /// <summary>An approved member in the given groups, and the "mc_member=…" cookie header of their session.</summary>
    public static async Task<(Guid Id, string Cookie)> SignedInMemberAsync(TestSite site, params string[] groups)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var email = $"member-{Guid.NewGuid():N}@test.local";
        var member = new Member
        {
            UserName = email, Email = email, EmailConfirmed = true, Name = "Test Member", IsApproved = true, CreatedUtc = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(member, "Member-password-1");
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors.Select(e => e.Description)));
        if (groups.Length > 0)
        {
            var added = await users.AddToRolesAsync(member, groups);
            Assert.That(added.Succeeded, Is.True, string.Join("; ", added.Errors.Select(e => e.Description)));
        }

        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<Member>>().CreateAsync(member);
        var options = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(MemberSecurity.Scheme);
        var now = DateTimeOffset.UtcNow;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(1) }, MemberSecurity.Scheme);
        return (member.Id, $"{MemberSecurity.CookieName}={options.TicketDataFormat.Protect(ticket)}");
    }
}
