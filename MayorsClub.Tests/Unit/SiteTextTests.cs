using MayorsClub.Core.Content.DocumentTypes;
using MayorsClub.Web.Site;

namespace MayorsClub.Tests.Unit;

/// <summary>The site's own texts: event types by name, format strings.</summary>
public sealed class SiteTextTests
{
    [TestCase("expertSession", "uk", "Експертна сесія")]
    [TestCase("conference", "en", "Conference")]
    [TestCase("tradeMission", "uk", "Торговельна місія")]
    [TestCase("webinar", "en", "Webinar")]
    [TestCase("forum", "uk", "Форум")]
    [TestCase("other", "en", "Event")]
    [TestCase("unknownKind", "uk", "Подія")]
    [TestCase(null, "en", "Event")]
    public void EventType_IsLocalized_AndUnknownKindsAreEvents(string? type, string culture, string expected) =>
        Assert.That(SiteText.EventType(type, culture), Is.EqualTo(expected));

    [Test]
    public void EveryEventTypeOfTheDocumentType_HasAName()
    {
        foreach (var type in Event.EventTypes)
        {
            Assert.That(SiteText.EventType(type, "en"), Is.Not.EqualTo("Event").Or.Matches<string>(_ => type == "other"), type);
        }
    }

    [Test]
    public void Format_FillsThePlaceholders() =>
        Assert.That(SiteText.Format(SiteText.PageOfPages, "uk", 2, 5), Is.EqualTo("сторінка 2 з 5"));
}
