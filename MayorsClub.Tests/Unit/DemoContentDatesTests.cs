using MayorsClub.Core.Setup;
using NodaTime;

namespace MayorsClub.Tests.Unit;

public sealed class DemoContentDatesTests
{
    [TestCase("\"@today+21T10:00\"", "\"2026-12-14T10:00\"")]
    [TestCase("\"@today-40T09:30\"", "\"2026-10-14T09:30\"")]
    [TestCase("\"@today\"", "\"2026-11-23\"")]
    [TestCase("\"2026-05-11\"", "\"2026-05-11\"")]
    public void ResolveRelativeDates_CountsDaysFromTheSeedingDay(string json, string expected) =>
        Assert.That(DemoContentSeeder.ResolveRelativeDates(json, new LocalDate(2026, 11, 23)), Is.EqualTo(expected));
}
