using MayorsClub.Core.Applications;
using MayorsClub.Core.Content.DocumentTypes;
using NodaTime;

namespace MayorsClub.Web.Site.Rendering;

/// <summary>The partners directory: its introduction and its published partners, in the editors' order.</summary>
public sealed record PartnersIndexPageModel(SiteLayout Layout, string Title, string? Intro, IReadOnlyList<PartnerCard> Partners) : ISitePage;

/// <param name="Anchor">The card's id on the page (a partner has no page of its own).</param>
/// <param name="Kind">The kind of partner in the page's language.</param>
public sealed record PartnerCard(string Anchor, string Name, ResponsiveImage? Logo, string Kind, string? Country, string? Website, string? Description)
{
    /// <summary>What the website link shows: its host, without "www.".</summary>
    public string? WebsiteLabel => Uri.TryCreate(Website, UriKind.Absolute, out var uri)
        ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host)
        : Website;
}

public static class PartnersPageBuilder
{
    public static PageRendering Build(PageRequest request, Instant now)
    {
        var (index, culture, view, values) = (request.Document, request.Culture, request.View, request.Values);
        var title = index.Name(culture) ?? "";
        var layout = SiteLayoutBuilder.ForDocument(request, now);
        var partners = view.ChildrenIn(index, culture)
            .Where(child => child.ContentType == Partner.Alias)
            .Select(child =>
            {
                var partner = view.Of(child, culture);
                var name = partner.Name ?? "";
                var kind = partner.Text(Partner.Kind) is { } value && Partner.Kinds.Contains(value) ? value : "other";
                return new PartnerCard(
                    $"partner-{child.Key:N}",
                    name,
                    MediaImages.First(partner, Partner.Logo, alt: name, ImageSlot.Logo),
                    ApplicationTexts.Get($"{ApplicationForms.PartnershipName}.kind.{kind}", culture),
                    partner.Text(Partner.Country),
                    partner.Text(Partner.Website),
                    partner.Text(Partner.Description));
            })
            .ToList();
        return new PageRendering("PartnersIndex", new PartnersIndexPageModel(layout, title, values.Text(PartnersIndex.Intro), partners));
    }
}
