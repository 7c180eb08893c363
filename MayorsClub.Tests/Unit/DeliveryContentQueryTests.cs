using MayorsClub.Core.Delivery;

namespace MayorsClub.Tests.Unit;

/// <summary>The Delivery API's query and output parameters as Umbraco v2 writes them, read without a site.</summary>
public sealed class DeliveryContentQueryTests
{
    private static (DeliveryContentQuery? Query, DeliveryQueryError Error) Parse(string? fetch = null, string[]? filters = null, string[]? sorts = null)
    {
        var (query, error, _) = DeliveryContentQuery.Parse(fetch, filters ?? [], sorts ?? [], null);
        return (query, error);
    }

    [TestCase("children:/novyny/", DeliverySelectorKind.Children, "/novyny/")]
    [TestCase("descendants:6ba7b810-9dad-11d1-80b4-00c04fd430c8", DeliverySelectorKind.Descendants, "6ba7b810-9dad-11d1-80b4-00c04fd430c8")]
    [TestCase("ancestors:novyny/some-article", DeliverySelectorKind.Ancestors, "novyny/some-article")]
    public void ASelector_NamesItsKindAndItem(string fetch, DeliverySelectorKind kind, string target) =>
        Assert.That(Parse(fetch).Query!.Selector, Is.EqualTo(new DeliverySelector(kind, target)));

    [TestCase("cousins:/novyny/")]
    [TestCase("children")]
    [TestCase("children:")]
    [TestCase(":x")]
    public void AnUnknownSelector_IsRefused(string fetch) =>
        Assert.That(Parse(fetch).Error, Is.EqualTo(DeliveryQueryError.SelectorOptionNotFound));

    [Test]
    public void Filters_ReadUmbracosSyntax_AndTheCalendars()
    {
        var query = Parse(filters: ["contentType:newsArticle,event", "contentType:!page", "name:Мост", "createDate>2026-01-01", "updateDate<:2026-02-01T10:00:00+02:00",
            "eventStart>:2026-06-01", "eventType:forum", "city:  Львів ", "online:true"]).Query!;
        Assert.That(query.Filters, Has.Count.EqualTo(9));
        Assert.That(query.Filters[0], Is.EqualTo(new DeliveryFilter.ContentType(["newsArticle", "event"], false)).Using<DeliveryFilter>((a, b) =>
            a is DeliveryFilter.ContentType x && b is DeliveryFilter.ContentType y && x.Aliases.SequenceEqual(y.Aliases) && x.Negated == y.Negated));
        Assert.That(((DeliveryFilter.ContentType)query.Filters[1]).Negated, Is.True);
        Assert.That(query.Filters[2], Is.EqualTo(new DeliveryFilter.Name("Мост", false)));
        Assert.That(query.Filters[3], Is.EqualTo(new DeliveryFilter.Date(DeliveryDateField.CreateDate, DeliveryDateComparison.After, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))));
        Assert.That(query.Filters[4], Is.EqualTo(new DeliveryFilter.Date(DeliveryDateField.UpdateDate, DeliveryDateComparison.BeforeOrAt, new DateTimeOffset(2026, 2, 1, 8, 0, 0, TimeSpan.Zero))));
        Assert.That(((DeliveryFilter.Date)query.Filters[5]).Comparison, Is.EqualTo(DeliveryDateComparison.AfterOrAt));
        Assert.That(query.Filters[7], Is.EqualTo(new DeliveryFilter.City("львів")));
        Assert.That(query.Filters[8], Is.EqualTo(new DeliveryFilter.Online(true)));
    }

    [Test]
    public void OptionNames_AreReadWhateverTheirCase_AsUmbracoReadsThem()
    {
        var query = Parse("Children:/novyny/", ["CONTENTTYPE:newsArticle", "createdate>2026-01-01"], ["SortOrder:asc"]).Query!;
        Assert.That(query.Selector!.Kind, Is.EqualTo(DeliverySelectorKind.Children));
        Assert.That(query.Filters[0], Is.InstanceOf<DeliveryFilter.ContentType>());
        Assert.That(((DeliveryFilter.Date)query.Filters[1]).Field, Is.EqualTo(DeliveryDateField.CreateDate));
        Assert.That(query.Sorts.Single().Field, Is.EqualTo(DeliverySortField.SortOrder));
    }

    [TestCase("colour:red", DeliveryQueryError.FilterOptionNotFound)]
    [TestCase("createDateish>2026-01-01", DeliveryQueryError.FilterOptionNotFound)]
    [TestCase("nothing", DeliveryQueryError.FilterOptionNotFound)]
    [TestCase("createDate>yesterday", DeliveryQueryError.InvalidFilterValue)]
    [TestCase("createDate>", DeliveryQueryError.InvalidFilterValue)]
    [TestCase("eventStart<2026-02-30", DeliveryQueryError.InvalidFilterValue)]
    [TestCase("online:maybe", DeliveryQueryError.InvalidFilterValue)]
    [TestCase("contentType:", DeliveryQueryError.InvalidFilterValue)]
    public void ABadFilter_IsRefusedWithItsReason(string filter, DeliveryQueryError error) =>
        Assert.That(Parse(filters: [filter]).Error, Is.EqualTo(error));

    [TestCase("createDate:desc", DeliverySortField.CreateDate, true)]
    [TestCase("name:asc", DeliverySortField.Name, false)]
    [TestCase("sortOrder", DeliverySortField.SortOrder, false)]
    [TestCase("level:DESC", DeliverySortField.Level, true)]
    [TestCase("eventStart:desc", DeliverySortField.EventStart, true)]
    [TestCase("CreateDate:desc", DeliverySortField.CreateDate, true)]
    public void ASort_NamesItsFieldAndDirection(string sort, DeliverySortField field, bool descending) =>
        Assert.That(Parse(sorts: [sort]).Query!.Sorts.Single(), Is.EqualTo(new DeliverySort(field, descending)));

    [TestCase("colour:asc")]
    [TestCase("name:sideways")]
    [TestCase("createDates:asc")]
    public void AnUnknownSort_IsRefused(string sort) =>
        Assert.That(Parse(sorts: [sort]).Error, Is.EqualTo(DeliveryQueryError.SortOptionNotFound));

    [Test]
    public void ExpandAndFields_ReadNestedSelections()
    {
        Assert.That(DeliveryPropertySelection.Parse(null)!.IsNone, Is.True);
        Assert.That(DeliveryPropertySelection.Parse("properties[$all]")!.All, Is.True);
        var named = DeliveryPropertySelection.Parse("properties[relatedNews[properties[summary,image]],date]")!;
        Assert.That((named.Includes("relatedNews"), named.Includes("date"), named.Includes("body")), Is.EqualTo((true, true, false)));
        Assert.That(named.Below("relatedNews").Includes("summary") && named.Below("relatedNews").Includes("image"), Is.True);
        Assert.That(named.Below("date").IsNone, Is.True);
        Assert.That(DeliveryPropertySelection.Parse("properties[a[properties[$all]]]")!.Below("a").All, Is.True);
    }

    [TestCase("properties[")]
    [TestCase("properties[a,]")]
    [TestCase("properties[a[b]]")]
    [TestCase("properties[$all")]
    [TestCase("properties]")]
    [TestCase("all")]
    [TestCase("property:a")]
    [TestCase("properties[a]x")]
    public void AMalformedSelection_DoesNotParse(string value) =>
        Assert.That(DeliveryPropertySelection.Parse(value), Is.Null);

    [Test]
    public void ADeeplyNestedSelection_DoesNotParse() =>
        Assert.That(DeliveryPropertySelection.Parse(string.Concat(Enumerable.Repeat("properties[a[", 300)) + "properties[$all]" + new string(']', 600)), Is.Null);
}
