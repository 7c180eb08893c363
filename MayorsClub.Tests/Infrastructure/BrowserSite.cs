using System.Net;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MayorsClub.Tests.Infrastructure;

/// <summary>
/// The site on a real socket (Kestrel on 127.0.0.1) and Debian's Chromium driven by Playwright:
/// what a visitor's browser does, clicked for real. One per browser test class.
/// </summary>
public abstract class BrowserTestBase
{
    public const string ChromiumVariable = "MAYORSCLUB_TEST_CHROMIUM";

    private readonly List<string> _policyViolations = [];

    private IPlaywright _playwright = null!;

    protected TestSite Site { get; private set; } = null!;

    protected IBrowser Browser { get; private set; } = null!;

    protected string BaseUrl { get; private set; } = "";

    /// <summary>Configuration this test class's site needs beyond the defaults (SMTP, for example).</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    [OneTimeSetUp]
    public async Task StartSiteAndBrowser()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Browser tests need Chromium at {chromium}: install Debian's chromium package (scripts/test.sh does it) or set {ChromiumVariable}.");
        }

        // Web-first assertions wait only as long as they must; on a loaded 2-core CI machine Playwright's 5 s is sometimes too little.
        Assertions.SetDefaultExpectTimeout(10_000);
        Site = await TestSite.StartAsync(DatabaseProvider.Sqlite, useKestrel: true, settings: Settings);
        BaseUrl = Site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    [OneTimeTearDown]
    public async Task StopSiteAndBrowser()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
        await Site.DisposeAsync();
    }

    /// <summary>
    /// A fresh browser tab (own cookies) with the given viewport and preferred language. Whatever the site's
    /// Content-Security-Policy blocks on it (an inline script or style, a frame, an image) fails the test.
    /// </summary>
    protected async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string locale = "uk-UA")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
        });
        // The browser's own report of what the policy blocked, as a console message this test sees.
        await context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error("
            + "`Content Security Policy blocked ${e.blockedURI || 'inline'} (${e.violatedDirective}) at ${e.sourceFile}:${e.lineNumber}`));");
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (_policyViolations)
                {
                    _policyViolations.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        return page;
    }

    [TearDown]
    public void NothingWasBlockedByTheContentSecurityPolicy() =>
        Assert.That(TakeContentSecurityPolicyViolations(), Is.Empty, "blocked by the Content-Security-Policy");

    /// <summary>What the Content-Security-Policy blocked on this test's pages so far (and forgets it).</summary>
    protected IReadOnlyList<string> TakeContentSecurityPolicyViolations()
    {
        lock (_policyViolations)
        {
            var violations = _policyViolations.ToList();
            _policyViolations.Clear();
            return violations;
        }
    }

    /// <summary>What axe finds on the page against WCAG 2.1 A and AA that is serious or critical, each as "where: rule (impact): help at nodes".</summary>
    protected static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page, string where)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{where}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()).Take(3))}")
            .ToList();
    }

    /// <summary>How wide the page is and how wide the screen shows it: a page wider than its screen scrolls sideways.</summary>
    protected static async Task<(int Page, int Screen)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (widths[0], widths[1]);
    }
}
