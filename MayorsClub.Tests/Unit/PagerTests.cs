using MayorsClub.Web.Site.Rendering;

namespace MayorsClub.Tests.Unit;

/// <summary>How lists are cut into pages and which page links are shown.</summary>
public sealed class PagerTests
{
    [TestCase(0, 9, 1)]
    [TestCase(1, 9, 1)]
    [TestCase(9, 9, 1)]
    [TestCase(10, 9, 2)]
    [TestCase(10000, 9, 1112)]
    public void PageCountOf_IsAtLeastOne(int total, int pageSize, int expected) =>
        Assert.That(Pager.PageCountOf(total, pageSize), Is.EqualTo(expected));

    [TestCase(1, new[] { 1, 2, 3 })]
    [TestCase(3, new[] { 7, 8, 9 })]
    [TestCase(4, new[] { 10 })]
    [TestCase(5, new int[0])]
    public void Slice_TakesOnePage(int page, int[] expected) =>
        Assert.That(Pager.Slice(Enumerable.Range(1, 10).ToList(), page, 3), Is.EqualTo(expected));

    [Test]
    public void Links_FirstPageIsTheListItself()
    {
        var pager = new Pager(2, 3, "/uk/novyny/");

        Assert.That(pager.PreviousUrl, Is.EqualTo("/uk/novyny/"));
        Assert.That(pager.NextUrl, Is.EqualTo("/uk/novyny/?page=3"));
        Assert.That(new Pager(3, 3, "/uk/novyny/").NextUrl, Is.Null);
        Assert.That(new Pager(1, 3, "/uk/novyny/").PreviousUrl, Is.Null);
    }

    [TestCase(1, 1, new int[] { 1 })]
    [TestCase(1, 5, new int[] { 1, 2, 3, 4, 5 })]
    [TestCase(1, 100, new int[] { 1, 2, 3, 0, 100 })]
    [TestCase(50, 100, new int[] { 1, 0, 48, 49, 50, 51, 52, 0, 100 })]
    [TestCase(100, 100, new int[] { 1, 0, 98, 99, 100 })]
    [TestCase(4, 7, new int[] { 1, 2, 3, 4, 5, 6, 7 })]
    [TestCase(5, 9, new int[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    [TestCase(6, 12, new int[] { 1, 0, 4, 5, 6, 7, 8, 0, 12 })]
    public void Numbers_ShowTheEndsAndTheNeighbourhood_WithGapsAsZero(int current, int count, int[] expected) =>
        Assert.That(new Pager(current, count, "/").Numbers.Select(n => n ?? 0), Is.EqualTo(expected));
}
