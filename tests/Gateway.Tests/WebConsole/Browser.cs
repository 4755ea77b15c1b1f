using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace EPoomasi.Gateway.Tests.WebConsole;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright through its executable path (no browser is downloaded), with the
/// flags a closed network needs; and what every console test does on every page: an axe audit and a screenshot.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    /// <summary>Screenshots of the pages, in Korean, kept as the run's artifacts.</summary>
    public static readonly string Screenshots = Path.Combine(Repository.Root, "TestResults", "console-screenshots");

    private readonly IPlaywright _playwright;
    private readonly IBrowser _chromium;

    private Browser(IPlaywright playwright, IBrowser chromium) => (_playwright, _chromium) = (playwright, chromium);

    public static string ExecutablePath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new Browser(playwright, chromium);
    }

    /// <summary>A fresh person's browser: its own cookies, a phone-sized or desktop window, Korean as its language.</summary>
    public async Task<IPage> PageAsync(bool phone = false)
    {
        var context = await _chromium.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "ko-KR", TimezoneId = "Asia/Seoul",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        return page;
    }

    /// <summary>Opens the console's sign-in page on <paramref name="console"/> and signs in there.</summary>
    public static async Task SignInAsync(IPage page, Uri console, string role, string subject, string district, string? account = null)
    {
        await page.GotoAsync(new Uri(console, "/console/sign-in").ToString());
        await SignInAsync(page, role, subject, district, account);
    }

    /// <summary>Signs in on the sign-in page shown, through the development issuer, and waits for the home page.</summary>
    public static async Task SignInAsync(IPage page, string role, string subject, string district, string? account = null)
    {
        await page.GetByLabel("역할").SelectOptionAsync(role);
        await page.GetByLabel("사용자 이름").FillAsync(subject);
        await page.GetByLabel("구 (").FillAsync(district);
        if (account is not null) await page.GetByLabel("계좌 번호").FillAsync(account);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "내 계좌" }).WaitForAsync();
    }

    /// <summary>Audits the page with axe (WCAG 2.1 A and AA) and keeps a full-page screenshot named after it.</summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}.png"), FullPage = true });
        var audit = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(audit.Violations.Length == 0,
            $"{name}: axe found {string.Join("; ", audit.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"))}");
    }

    public async ValueTask DisposeAsync()
    {
        await _chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
