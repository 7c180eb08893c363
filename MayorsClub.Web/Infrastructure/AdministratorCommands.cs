using MayorsClub.Core.Setup;

namespace MayorsClub.Web.Infrastructure;

/// <summary><c>dotnet run --project MayorsClub.Web -- reset-admin-password [email]</c>: prints a new password and exits.</summary>
public static class AdministratorCommands
{
    public static async Task<int> ResetPasswordAsync(IServiceProvider services, string? email)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AdministratorAccess>().MigrateAndResetPasswordAsync(email, CancellationToken.None);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync(result.Message);
            return 1;
        }

        // Straight to the console, never to the log files, as on the first start.
        Console.WriteLine();
        Console.WriteLine($"  {result.Message}");
        Console.WriteLine($"    e-mail:   {result.Email}");
        Console.WriteLine($"    password: {result.Password}");
        Console.WriteLine();
        return 0;
    }
}
