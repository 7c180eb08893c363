using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace MayorsClub.Web.Site;

/// <summary>
/// The names of the cookies that say who a visitor is: one per registered cookie authentication scheme (the back
/// office's sign-in, two-factor and external cookies today, the members' later), read from the schemes' own options so
/// that a new identity is covered without naming it here. A request carrying one of them is personal.
/// </summary>
public sealed class IdentityCookies(IAuthenticationSchemeProvider schemes, IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    private IReadOnlyList<string>? _names;

    public IReadOnlyList<string> Names => _names ??= Read();

    /// <summary>Whether the request carries any identity scheme's cookie (a large one is split into name, nameC1…: the first part keeps the name).</summary>
    public bool AnyIn(HttpRequest request)
    {
        if (request.Headers.Cookie.Count == 0)
        {
            return false;
        }

        foreach (var name in Names)
        {
            if (request.Cookies.ContainsKey(name))
            {
                return true;
            }
        }

        return false;
    }

    private string[] Read() =>
        // The default provider answers synchronously; the schemes are all registered before the first request.
        schemes.GetAllSchemesAsync().GetAwaiter().GetResult()
            .Where(scheme => typeof(CookieAuthenticationHandler).IsAssignableFrom(scheme.HandlerType))
            .Select(scheme => cookies.Get(scheme.Name).Cookie.Name)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}
