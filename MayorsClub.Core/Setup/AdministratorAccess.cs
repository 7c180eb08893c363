using System.Security.Cryptography;
using MayorsClub.Core.Persistence;
using MayorsClub.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MayorsClub.Core.Setup;

/// <summary>
/// Getting into the back office when the first administrator's password is lost: a hint in the log on every start
/// until that administrator has signed in, and the <c>reset-admin-password</c> command that sets a new one.
/// </summary>
public sealed class AdministratorAccess(
    MayorsClubDbContext db,
    UserManager<BackOfficeUser> users,
    IOptions<MayorsClubOptions> options,
    SitePaths paths,
    IClock clock,
    ILogger<AdministratorAccess> logger)
{
    public const string ResetCommand = "reset-admin-password";

    /// <summary>The back office records each sign-in as this user token (provider and name).</summary>
    public const string SignInRecordProvider = "MayorsClub";
    public const string LastSignInToken = "LastSignInUtc";

    /// <summary>Logs how to get in while the configured administrator has never signed in; returns whether it did.</summary>
    public async Task<bool> LogSignInHintAsync(CancellationToken ct)
    {
        var email = options.Value.Admin.Email;
        var user = await users.FindByEmailAsync(email);
        if (user is null || await HasSignedInAsync(user, ct))
        {
            return false;
        }

        logger.LogInformation(
            "The administrator {Email} has not signed in yet. Lost the password? Use \"Forgot password\" at /umbraco/ " +
            "(without SMTP settings the e-mail is written to {PickupFolder}), or run: dotnet run --project MayorsClub.Web -- {Command} {Email}",
            email, Path.Combine(paths.Data, "mail-pickup"), ResetCommand, email);
        return true;
    }

    public sealed record ResetResult(bool Succeeded, string Message, string? Email = null, string? Password = null);

    /// <summary>
    /// Sets a new generated password for a back-office administrator (the configured one when no e-mail is given),
    /// ends their sessions (a new security stamp) and lifts a lockout from failed attempts, not a deliberate disable.
    /// </summary>
    /// <summary>The <c>reset-admin-password</c> command: brings the database up to date (it may run before the site ever started), then resets.</summary>
    public async Task<ResetResult> MigrateAndResetPasswordAsync(string? email, CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        return await ResetPasswordAsync(email, ct);
    }

    public async Task<ResetResult> ResetPasswordAsync(string? email, CancellationToken ct)
    {
        email = string.IsNullOrWhiteSpace(email) ? options.Value.Admin.Email : email.Trim();
        var user = await users.FindByEmailAsync(email);
        var administrators = await users.GetUsersInRoleAsync(BackOfficeGroups.Administrators);
        if (user is null || !administrators.Any(a => a.Id == user.Id))
        {
            var known = administrators.Select(a => a.Email).OrderBy(e => e, StringComparer.OrdinalIgnoreCase).ToList();
            return new ResetResult(false, known.Count == 0
                ? $"No back-office administrator {email}: start the site once to create the first one."
                : $"No back-office administrator {email}. Administrators: {string.Join(", ", known)}.");
        }

        var password = GeneratePassword();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Ensure(await users.RemovePasswordAsync(user));
        Ensure(await users.AddPasswordAsync(user, password));
        if (user.LockoutEnd is { Year: < 9999 })
        {
            Ensure(await users.SetLockoutEndDateAsync(user, null));
            Ensure(await users.ResetAccessFailedCountAsync(user));
        }

        db.AuditEntries.Add(new AuditEntryEntity
        {
            Utc = clock.GetCurrentInstant().ToDateTimeUtc(), User = "(command line)", Action = "reset password", Details = $"{user.Email}: {ResetCommand}",
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var disabled = user.LockoutEnd is { Year: >= 9999 } ? " The account is disabled: another administrator can enable it in Users." : "";
        return new ResetResult(true, "New password set; sessions of this user were signed out." + disabled, user.Email, password);
    }

    /// <summary>18 letters and digits that cannot be confused (no l/1, O/0) and a suffix meeting the password rules.</summary>
    public static string GeneratePassword()
    {
        const string letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = Enumerable.Range(0, 18).Select(_ => letters[RandomNumberGenerator.GetInt32(letters.Length)]);
        return string.Concat(chars) + "-9a";
    }

    private Task<bool> HasSignedInAsync(BackOfficeUser user, CancellationToken ct) =>
        db.UserTokens.AnyAsync(t => t.UserId == user.Id && t.LoginProvider == SignInRecordProvider && t.Name == LastSignInToken, ct);

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
