using Microsoft.Playwright;

namespace CareFleet.System.Tests;

/// <summary>The staff dashboard against the running demo, in a real browser.</summary>
public sealed class DashboardTests(DemoFixture fixture) : IClassFixture<DemoFixture>
{
    private static string Screenshot(string name) => Path.Combine(DemoProcess.RepositoryRoot, "docs", "screenshots", name);

    [Fact]
    public async Task FloorMap_DrawsEachFloor_WithItsRobotsWhereTheyReport()
    {
        var page = await fixture.LoggedInPageAsync();
        await page.ClickAsync("[data-testid=nav-map]");
        var map = page.GetByTestId("floor-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-floor", "F1");
        // Five of the sample home's ten robots start on the ground floor, five upstairs.
        await Assertions.Expect(map.Locator("[data-robot]")).ToHaveCountAsync(5, new() { Timeout = 15_000 });
        await Assertions.Expect(map.Locator("[data-robot='MED-1']")).ToHaveCountAsync(1);
        await Assertions.Expect(map.Locator("[data-room='F1-R101']")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Screenshot("floor-map.png") });

        await page.Locator("[data-robot='MED-1']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("robot-details")).ToContainTextAsync("KangleRobotics");

        await page.ClickAsync("[data-testid=floor-F2]");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-floor", "F2");
        await Assertions.Expect(map.Locator("[data-robot]")).ToHaveCountAsync(5);
        await Assertions.Expect(map.Locator("[data-robot='MED-2']")).ToHaveCountAsync(1);
        await Assertions.Expect(map.Locator("[data-robot='MED-1']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ClickingARoom_ListsItsResidents()
    {
        var page = await fixture.LoggedInPageAsync();
        await page.GotoAsync(new Uri(fixture.Demo.BaseAddress, "/map").ToString());
        await DemoFixture.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-room='F1-R101']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("room-details")).ToContainTextAsync("F1-R101-A");
    }

    [Fact]
    public async Task SwitchingToChinese_TranslatesThePage_AndBack()
    {
        var page = await fixture.LoggedInPageAsync();
        await Assertions.Expect(page.GetByTestId("nav-overview")).ToContainTextAsync("Overview");
        await page.ClickAsync("[data-testid=lang-zh]");
        await DemoFixture.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("nav-overview")).ToContainTextAsync("概览");
        await Assertions.Expect(page.GetByTestId("robots-online")).ToContainTextAsync("台机器人中");
        await Assertions.Expect(page.Locator("th").First).ToHaveTextAsync("机器人");
        await page.ScreenshotAsync(new() { Path = Screenshot("overview-zh.png") });

        await page.ClickAsync("[data-testid=lang-en]");
        await DemoFixture.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("nav-overview")).ToContainTextAsync("Overview");
    }

    [Fact]
    public async Task FleetPage_ListsEveryRobot_WithItsOrderAndErrors()
    {
        var page = await fixture.LoggedInPageAsync();
        await page.ClickAsync("[data-testid=nav-fleet]");
        var robots = page.GetByTestId("robots");
        await Assertions.Expect(robots.Locator("tbody tr")).ToHaveCountAsync(10);
        await Assertions.Expect(robots.Locator("thead th")).ToHaveCountAsync(10);
        await Assertions.Expect(robots.Locator("tr[data-robot='MED-2']")).ToHaveAttributeAsync("data-status", "charging", new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new() { Path = Screenshot("fleet.png") });
    }

    [Fact]
    public async Task LargeTextMode_IsSwitchedOnAndOff_AndRemembered()
    {
        var page = await fixture.LoggedInPageAsync();
        await Assertions.Expect(page.Locator("html")).Not.ToHaveClassAsync(new global::System.Text.RegularExpressions.Regex("cf-large"));
        await page.ClickAsync("[data-testid=large-text]");
        await DemoFixture.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new global::System.Text.RegularExpressions.Regex("cf-large"));
        await page.ClickAsync("[data-testid=nav-fleet]");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new global::System.Text.RegularExpressions.Regex("cf-large"));
        await DemoFixture.WaitUntilInteractiveAsync(page);
        await page.ClickAsync("[data-testid=large-text]");
        await Assertions.Expect(page.Locator("html")).Not.ToHaveClassAsync(new global::System.Text.RegularExpressions.Regex("cf-large"));
    }
}
