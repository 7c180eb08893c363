using Microsoft.Extensions.Options;

namespace MayorsClub.Web.BackOffice.Users;

/// <summary>The "MayorsClub:BackOffice" section: the address links in e-mails start with.</summary>
public sealed class BackOfficeLinkOptions
{
    public const string Section = "MayorsClub:BackOffice";

    /// <summary>
    /// The site's public address (e.g. https://mayorsclub.org.ua). Set it in production: without it, links in
    /// e-mails use the address of the request that caused them, which is only as trustworthy as AllowedHosts.
    /// </summary>
    public string? PublicUrl { get; set; }
}

/// <summary>Absolute links for e-mails.</summary>
public sealed class BackOfficeLinks(IOptions<BackOfficeLinkOptions> options, IHttpContextAccessor http)
{
    public string Absolute(string pathAndQuery)
    {
        var configured = options.Value.PublicUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/') + pathAndQuery;
        }

        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("No request to take the site's address from: set MayorsClub:BackOffice:PublicUrl.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}{pathAndQuery}";
    }
}
