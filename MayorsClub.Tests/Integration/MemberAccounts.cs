using MayorsClub.Core.Members;
using MayorsClub.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsClub.Tests.Integration;

/// <summary>Members made and read straight through Identity, as a membership application would make them (not through the back office).</summary>
public static class MemberAccounts
{
    public static async Task<Member> CreateAsync(TestSite site, string email, string name, bool approved, string community = "Буча", params string[] groups)
    {
        var member = new Member { UserName = email, Email = email, Name = name, Community = community, IsApproved = approved, CreatedUtc = DateTime.UtcNow };
        await WithManagerAsync(site, async members =>
        {
            var created = await members.CreateAsync(member);
            Assert.That(created.Succeeded, Is.True, string.Join(" ", created.Errors.Select(e => e.Description)));
            if (groups.Length > 0)
            {
                await members.AddToRolesAsync(member, groups);
            }
        });
        return member;
    }

    public static async Task<Member?> FindAsync(TestSite site, Guid id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<Member>>().FindByIdAsync(id.ToString());
    }

    public static async Task WithManagerAsync(TestSite site, Func<UserManager<Member>, Task> work)
    {
        await using var scope = site.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<UserManager<Member>>());
    }
}
