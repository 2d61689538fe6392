using Microsoft.Playwright;

namespace CareFleet.System.Tests;

/// <summary>
/// A user's first hour: start the demo, log in through a real browser, watch the robots go live, stop it
/// with Ctrl+C, start it again and find everything still there.
/// </summary>
public sealed class DemoTests
{
    private const string Password = "demo-password-for-tests";
    private const int SampleRobots = 10;
    private const int SampleResidents = 48;

    internal static async Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        var executable = Environment.GetEnvironmentVariable("CAREFLEET_TEST_CHROMIUM") ?? "/usr/bin/chromium";
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // Quiet, sandbox-free Chromium: it runs as root in CI and must not reach for the network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    internal static Task LogInAsync(IPage page, Uri baseAddress, string password) => LogInAsync(page, baseAddress, "admin", password);

    internal static async Task LogInAsync(IPage page, Uri baseAddress, string userName, string password)
    {
        await page.GotoAsync(new Uri(baseAddress, "/").ToString());
        await page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal), new() { Timeout = 15_000 });
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task Demo_StartsLogsInShowsLiveRobots_StopsCleanly_AndKeepsItsDataAcrossARestart()
    {
        var data = Path.Combine(Path.GetTempPath(), $"carefleet-demo-{Guid.NewGuid():N}");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);

        // First run.
        await using (var demo = DemoProcess.Start(data, Password))
        {
            var ready = await demo.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            TestContext.Current.SendDiagnosticMessage($"carefleet demo ready in {ready.TotalSeconds:0.0} s");
            Assert.Contains($"{SampleRobots} of {SampleRobots} robots online", demo.Output, StringComparison.Ordinal);

            var page = await browser.NewPageAsync();
            await LogInAsync(page, demo.BaseAddress, Password);
            var online = page.GetByTestId("robots-online");
            await Assertions.Expect(online).ToHaveTextAsync($"{SampleRobots} of {SampleRobots} robots online", new() { Timeout = 20_000 });
            await Assertions.Expect(page.Locator("tr[data-connection='ONLINE']")).ToHaveCountAsync(SampleRobots, new() { Timeout = 20_000 });
            await Assertions.Expect(page.GetByTestId("residents").Locator("tbody tr")).ToHaveCountAsync(SampleResidents);

            // Live: the robots' reports keep arriving over the page's connection without a reload.
            var lastReport = page.Locator("tr[data-robot='MED-1'] td").Nth(7);
            var before = await lastReport.InnerTextAsync();
            await Assertions.Expect(lastReport).Not.ToHaveTextAsync(before, new() { Timeout = 15_000 });

            await page.ScreenshotAsync(new() { Path = Path.Combine(DemoProcess.RepositoryRoot, "docs", "screenshots", "overview.png"), FullPage = false });
            await page.CloseAsync();

            var exit = await demo.InterruptAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, exit);
            Assert.Contains("Stopped.", demo.Output, StringComparison.Ordinal);
        }

        // Second run on the same data, without giving the password again.
        await using (var demo = DemoProcess.Start(data, adminPassword: null))
        {
            await demo.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            Assert.DoesNotContain("generated", demo.Output, StringComparison.Ordinal);
            var page = await browser.NewPageAsync();
            await LogInAsync(page, demo.BaseAddress, Password);
            await Assertions.Expect(page.GetByTestId("robots-online")).ToHaveTextAsync($"{SampleRobots} of {SampleRobots} robots online", new() { Timeout = 20_000 });
            await Assertions.Expect(page.GetByTestId("residents").Locator("tbody tr")).ToHaveCountAsync(SampleResidents);
            Assert.Equal(0, await demo.InterruptAsync(TimeSpan.FromSeconds(30)));
        }
    }

    [Fact]
    public async Task WrongPassword_IsRefusedOnTheLoginPage()
    {
        var data = Path.Combine(Path.GetTempPath(), $"carefleet-demo-{Guid.NewGuid():N}");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        await using var demo = DemoProcess.Start(data, Password);
        await demo.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(demo.BaseAddress, "/login").ToString());
        await page.FillAsync("#userName", "admin");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("#login");
        await Assertions.Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
    }
}
