using System.Text.RegularExpressions;
using MayorsClub.Core.Users;
using Microsoft.Extensions.Options;

namespace MayorsClub.Web.ManagementApi;

/// <summary>The "MayorsClub:ManagementApi" configuration section.</summary>
public sealed class ManagementApiOptions
{
    public const string Section = "MayorsClub:ManagementApi";

    /// <summary>API clients that may get a token with the OAuth 2.0 client-credentials grant.</summary>
    public List<ApiClientOptions> Clients { get; set; } = [];

    /// <summary>
    /// Refuse token requests that do not arrive over HTTPS (as seen by the site; set it to false behind a proxy
    /// that ends TLS without forwarding the scheme, or on a developer's machine).
    /// </summary>
    public bool RequireHttps { get; set; } = true;
}

/// <summary>One API client: its id and secret for the token request, and the user group whose rights it has.</summary>
public sealed class ApiClientOptions
{
    public string Id { get; set; } = "";

    public string Secret { get; set; } = "";

    /// <summary>Administrators, Editors, Writers or Committee.</summary>
    public string Group { get; set; } = "";
}

/// <summary>Checks the configured clients when the site starts, naming the setting that is wrong.</summary>
public sealed partial class ManagementApiOptionsValidator : IValidateOptions<ManagementApiOptions>
{
    public const int MinimumSecretLength = 24;

    public ValidateOptionsResult Validate(string? name, ManagementApiOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Clients.Count; i++)
        {
            var client = options.Clients[i];
            var setting = $"{ManagementApiOptions.Section}:Clients:{i}";
            if (!ClientIdPattern().IsMatch(client.Id))
            {
                failures.Add($"{setting}:Id must be 1 to 100 letters, digits, dots, hyphens or underscores.");
            }

            if (client.Id == Delivery.Security.DeliveryMemberAuthorization.ClientId)
            {
                failures.Add($"{setting}:Id \"{client.Id}\" is the Delivery API's member client: choose another.");
            }

            if (client.Secret.Length < MinimumSecretLength)
            {
                failures.Add($"{setting}:Secret must be at least {MinimumSecretLength} characters long (use a generated one).");
            }

            if (!BackOfficeGroups.All.Contains(client.Group, StringComparer.Ordinal))
            {
                failures.Add($"{setting}:Group must be one of {string.Join(", ", BackOfficeGroups.All)}.");
            }
        }

        foreach (var duplicate in options.Clients.GroupBy(c => c.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            failures.Add($"{ManagementApiOptions.Section}:Clients names the client \"{duplicate.Key}\" more than once.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex ClientIdPattern();
}
