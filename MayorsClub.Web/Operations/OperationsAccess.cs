using System.Net;
using System.Security.Cryptography;
using System.Text;
using MayorsClub.Core.Operations;
using MayorsClub.Core.Users;
using MayorsClub.Web.BackOffice;
using Microsoft.AspNetCore.Authentication;

namespace MayorsClub.Web.Operations;

/// <summary>
/// Who may read /metrics and the readiness detail: a request from "MayorsClub:Operations:AllowedNetworks" (CIDR list;
/// the client's address after forwarded headers), one sending "Authorization: Bearer {MayorsClub:Operations:Token}"
/// (compared in constant time), or a signed-in back-office Administrator. Nobody else, by default.
/// </summary>
public sealed class OperationsAccess
{
    public const string AllowedNetworksSetting = OperationsOptions.Section + ":AllowedNetworks";
    public const string TokenSetting = OperationsOptions.Section + ":Token";
    private const int ShortestToken = 24;

    private readonly List<System.Net.IPNetwork> _networks;
    private readonly byte[]? _tokenHash;

    public OperationsAccess(IConfiguration configuration)
    {
        _networks = List(configuration.GetSection(AllowedNetworksSetting)).Select(ParseNetwork).ToList();
        var token = configuration[TokenSetting];
        if (!string.IsNullOrWhiteSpace(token))
        {
            if (token.Trim().Length < ShortestToken)
            {
                throw new InvalidOperationException($"{TokenSetting} must be {ShortestToken} characters or more.");
            }

            _tokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim()));
        }
    }

    public async Task<bool> AllowsAsync(HttpContext context) =>
        FromAllowedNetwork(context.Connection.RemoteIpAddress) || SendsTheToken(context.Request) || await IsAdministratorAsync(context);

    private bool FromAllowedNetwork(IPAddress? address)
    {
        if (address is null || _networks.Count == 0)
        {
            return false;
        }

        var client = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _networks.Any(network => network.Contains(client));
    }

    private bool SendsTheToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (_tokenHash is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Hashes of equal length: the comparison takes the same time whatever was sent.
        var sent = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(sent, _tokenHash);
    }

    /// <summary>The back-office cookie (its path is /umbraco, so a browser sends it to the /umbraco/operations pages; a tool may send it anywhere).</summary>
    private static async Task<bool> IsAdministratorAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(BackOfficeSecurity.Scheme);
        return result.Succeeded && result.Principal.IsInRole(BackOfficeGroups.Administrators);
    }

    private static IEnumerable<string> List(IConfigurationSection section) =>
        !string.IsNullOrWhiteSpace(section.Value) && section.Value is { } single
            ? single.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(child => child.Value).OfType<string>().Where(value => value.Trim().Length > 0).Select(value => value.Trim());

    /// <summary>A network in CIDR notation, or one address (a network of one).</summary>
    private static System.Net.IPNetwork ParseNetwork(string text) =>
        System.Net.IPNetwork.TryParse(text, out var network) ? network
        : IPAddress.TryParse(text, out var address) ? new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8)
            : throw new InvalidOperationException($"{AllowedNetworksSetting}: \"{text}\" is not a network in CIDR notation (e.g. 10.0.0.0/8).");
}
