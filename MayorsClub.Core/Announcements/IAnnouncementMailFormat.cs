namespace MayorsClub.Core.Announcements;

/// <summary>
/// What the announcements' e-mails need from the web application: absolute links from the site's public address and the
/// club's HTML layout. Core has no notion of either; the site implements this.
/// </summary>
public interface IAnnouncementMailFormat
{
    /// <summary>The page that confirms a subscription (it shows a button; a POST confirms).</summary>
    string ConfirmUrl(string culture, string token);

    /// <summary>The unsubscribe page, which is also the RFC 8058 one-click address (a POST unsubscribes).</summary>
    string UnsubscribeUrl(string token);

    /// <summary>The HTML part of an e-mail made from its plain text, with the links given made clickable.</summary>
    string Html(string text, string culture, IReadOnlyCollection<string> links, string? footer);
}
