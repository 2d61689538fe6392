using Microsoft.Playwright;

namespace CareFleet.System.Tests;

/// <summary>One running demo and one browser, shared by the dashboard tests.</summary>
public sealed class DemoFixture : IAsyncLifetime
{
    public const string Password = "demo-password-for-tests";

    public DemoProcess Demo { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Demo = DemoProcess.Start(Path.Combine(Path.GetTempPath(), $"carefleet-demo-{Guid.NewGuid():N}"), Password);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await DemoTests.LaunchChromiumAsync(Playwright);
        await Demo.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>A new browser page (its own cookies) logged in as admin, in English.</summary>
    public async Task<IPage> LoggedInPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await DemoTests.LogInAsync(page, Demo.BaseAddress, Password);
        await WaitUntilInteractiveAsync(page);
        return page;
    }

    /// <summary>Waits until the page runs live over its connection (clicks before that are lost).</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-testid=interactive]")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 20_000 });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Demo.DisposeAsync();
    }
}
