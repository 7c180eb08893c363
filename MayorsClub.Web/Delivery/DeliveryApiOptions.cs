namespace MayorsClub.Web.Delivery;

/// <summary>The "MayorsClub:DeliveryApi" configuration section (Umbraco's "Umbraco:CMS:DeliveryApi", with named keys).</summary>
public sealed class DeliveryApiOptions
{
    public const string Section = "MayorsClub:DeliveryApi";

    /// <summary>Whether the API answers at all (404 for every path under it when false).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When false, every call needs a valid <c>Api-Key</c> header (401 without one).</summary>
    public bool PublicAccess { get; set; } = true;

    /// <summary>
    /// The keys that may read drafts (<c>Preview: true</c>) and call the API when <see cref="PublicAccess"/> is false: name → key.
    /// Several, so one client's key can be rotated or revoked without the others. A key shorter than 32 characters is refused at start.
    /// </summary>
    public Dictionary<string, string> ApiKeys { get; set; } = [];

    /// <summary>Rich text as Umbraco's element tree (<c>#root</c>, <c>tag</c>, <c>attributes</c>, <c>elements</c>, <c>#text</c>) instead of markup.</summary>
    public bool RichTextOutputAsJson { get; set; }

    /// <summary>The largest <c>take</c> a query may ask for (a larger one is cut to it).</summary>
    public int MaxTake { get; set; } = 100;

    /// <summary>Origins a browser may call the API from (CORS); none by default.</summary>
    public List<string> CorsOrigins { get; set; } = [];

    /// <summary>Requests a minute one client address may make (429 with Retry-After beyond it).</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Memory kept for cached anonymous answers.</summary>
    public int CacheSizeLimitMegabytes { get; set; } = 32;

    /// <summary>The members' OpenID Connect client (<c>umbraco-member</c>), as Umbraco's "MemberAuthorization".</summary>
    public DeliveryMemberAuthorizationOptions MemberAuthorization { get; set; } = new();
}

/// <summary>Umbraco's "DeliveryApi:MemberAuthorization:AuthorizationCodeFlow".</summary>
public sealed class DeliveryMemberAuthorizationOptions
{
    /// <summary>Whether members may sign in to the API at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the authorize endpoint may send the code (exact absolute URLs).</summary>
    public List<string> LoginRedirectUrls { get; set; } = [];

    /// <summary>Where the signout endpoint may send the member afterwards (exact absolute URLs).</summary>
    public List<string> LogoutRedirectUrls { get; set; } = [];
}
