using MayorsClub.Web.Delivery.Content;

namespace MayorsClub.Tests.Unit;

/// <summary>Every refusal of the content Delivery API is explained in Ukrainian and in English.</summary>
public sealed class DeliveryContentTextTests
{
    private static IEnumerable<string> Keys() =>
        typeof(DeliveryContentText).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    [TestCaseSource(nameof(Keys))]
    public void DeliveryContentText_HasBothLanguages(string key) =>
        Assert.That(DeliveryContentText.HasBothLanguages(key), Is.True, key);

    [Test]
    public void EveryKey_IsInTheCatalogue() =>
        Assert.That(DeliveryContentText.Keys, Is.EquivalentTo(Keys()));
}
