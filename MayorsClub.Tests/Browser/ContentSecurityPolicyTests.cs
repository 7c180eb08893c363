using MayorsClub.Tests.Infrastructure;

namespace MayorsClub.Tests.Browser;

/// <summary>
/// The Content-Security-Policy as Chromium enforces it. Every browser test fails on anything the policy blocks
/// (<see cref="BrowserTestBase.NothingWasBlockedByTheContentSecurityPolicy"/>); this one proves that such a block is
/// both enforced and noticed.
/// </summary>
public sealed class ContentSecurityPolicyTests : BrowserTestBase
{
    [Test]
    public async Task InlineScriptAndStyleOnThePublicSite_AreBlocked_AndReported()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/uk/");

        // What injected markup would try: an inline script, and an inline style that covers the page.
        var ran = await page.EvaluateAsync<bool>("""
            async () => {
                const script = document.createElement('script');
                script.textContent = 'window.injected = true;';
                document.body.append(script);
                document.body.setAttribute('style', 'position: fixed; inset: 0; background: red');
                await new Promise(resolve => setTimeout(resolve, 200));
                return window.injected === true;
            }
            """);
        var position = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).position");
        var violations = TakeContentSecurityPolicyViolations();

        Assert.That(ran, Is.False, "the inline script did not run");
        Assert.That(position, Is.Not.EqualTo("fixed"), "the inline style was not applied");
        Assert.That(violations, Has.Some.Contains("script-src").And.Some.Contains("style-src"), string.Join("\n", violations));
    }
}
