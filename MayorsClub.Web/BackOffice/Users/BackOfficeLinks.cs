using MayorsClub.Web.Infrastructure;

namespace MayorsClub.Web.BackOffice.Users;

/// <summary>The "MayorsClub:BackOffice" section: the address links in e-mails start with.</summary>
public sealed class BackOfficeLinkOptions
{
    public const string Section = "MayorsClub:BackOffice";

    /// <summary>
    /// The site's public address (e.g. https://mayorsclub.org.ua). Required outside Development (the site refuses
    /// to start without it); see <see cref="PublicAddress"/>.
    /// </summary>
    public string? PublicUrl { get; set; }
}

/// <summary>Absolute links for e-mails: from the configured public address, never from the request's Host (except in Development).</summary>
public sealed class BackOfficeLinks(PublicAddress address, IHttpContextAccessor http)
{
    public string Absolute(string pathAndQuery) => address.Origin(http.HttpContext?.Request) + pathAndQuery;
}
