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
        // Another test of this class may register a robot of its own: the sample fleet must all be there.
        foreach (var serial in new[] { "MED-1", "MED-2", "CHESS-1", "PATROL-1", "PATROL-2", "LAUNDRY-1", "BED-1", "BED-2", "BED-3", "EX-1" })
        {
            await Assertions.Expect(robots.Locator($"tbody tr[data-robot='{serial}']")).ToHaveCountAsync(1);
        }

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

    [Fact]
    public async Task Admin_RegistersARobot_SeesItsCredentialsOnce_AndAddsACaregiverWhoCannotOpenAdministration()
    {
        var page = await fixture.LoggedInPageAsync();
        await page.ClickAsync("[data-testid=nav-admin]");
        var serial = $"NEW-{Guid.NewGuid():N}"[..12];
        await page.Locator("[data-testid=robot-manufacturer] input, input[data-testid=robot-manufacturer]").FillAsync("TestVendor");
        await page.Locator("[data-testid=robot-serial] input, input[data-testid=robot-serial]").FillAsync(serial);
        await page.ClickAsync("[data-testid=register-robot]");
        await Assertions.Expect(page.GetByTestId("robot-credentials")).ToContainTextAsync($"TestVendor/{serial}");
        Assert.True((await page.GetByTestId("robot-password").InnerTextAsync()).Length >= 40, "the issued password is too short");
        await page.ScreenshotAsync(new() { Path = Screenshot("admin.png") });

        var caregiver = $"cg-{Guid.NewGuid():N}"[..12];
        await page.Locator("[data-testid=new-user] input, input[data-testid=new-user]").FillAsync(caregiver);
        await page.Locator("[data-testid=new-password] input, input[data-testid=new-password]").FillAsync("caregiver-password-1");
        await page.ClickAsync("[data-testid=add-staff]");
        await Assertions.Expect(page.Locator($"[data-testid=staff] tr[data-user='{caregiver}']")).ToHaveCountAsync(1);

        await page.ClickAsync("[data-testid=nav-fleet]");
        await Assertions.Expect(page.Locator($"tr[data-robot='{serial}']")).ToHaveAttributeAsync("data-connection", "UNKNOWN");

        var context = await fixture.Browser.NewContextAsync(new() { Locale = "en-GB" });
        var other = await context.NewPageAsync();
        await DemoTests.LogInAsync(other, fixture.Demo.BaseAddress, caregiver, "caregiver-password-1");
        await DemoFixture.WaitUntilInteractiveAsync(other);
        await Assertions.Expect(other.GetByTestId("nav-admin")).ToHaveCountAsync(0);
        await other.GotoAsync(new Uri(fixture.Demo.BaseAddress, "/admin").ToString());
        await Assertions.Expect(other.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(other.GetByTestId("staff")).ToHaveCountAsync(0);
    }
    [Fact]
    public async Task AnAlarmRaisedByABedRobot_AppearsLive_AndIsAcknowledgedInTheBrowser()
    {
        var page = await fixture.LoggedInPageAsync();
        await page.ClickAsync("[data-testid=nav-alarms]");
        await DemoFixture.WaitUntilInteractiveAsync(page);

        // The demo's bed robot BED-1, with the broker credentials the simulator keeps, reports a very sick
        // resident: NEWS2 well into the high band.
        var credentials = global::System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(
            await File.ReadAllTextAsync(Path.Combine(fixture.Demo.DataDirectory, "simulated-robots.json")))!;
        using var robot = new MQTTnet.MqttClientFactory().CreateMqttClient();
        var connected = await robot.ConnectAsync(new MQTTnet.MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", fixture.Demo.MqttPort)
            .WithClientId($"test-bed-{Guid.NewGuid():N}")
            .WithCredentials("AuroraMed/BED-1", credentials["AuroraMed/BED-1"])
            .Build());
        Assert.Equal(MQTTnet.MqttClientConnectResultCode.Success, connected.ResultCode);
        var timestamp = DateTimeOffset.UtcNow.ToString("O", global::System.Globalization.CultureInfo.InvariantCulture);
        var vitals = "{\"headerId\":1,\"timestamp\":\"" + timestamp + "\",\"residentId\":\"R-0011\","
            + "\"respiratoryRate\":{\"value\":29,\"unit\":\"/min\"},\"spO2\":{\"value\":86,\"unit\":\"%\"},\"supplementalOxygen\":false,"
            + "\"systolic\":{\"value\":88,\"unit\":\"mm[Hg]\"},\"heartRate\":{\"value\":134,\"unit\":\"/min\"},"
            + "\"temperature\":{\"value\":39.4,\"unit\":\"Cel\"},\"consciousness\":\"A\"}";
        await robot.PublishAsync(new MQTTnet.MqttApplicationMessageBuilder()
            .WithTopic("carefleet/v1/robots/AuroraMed/BED-1/vitals").WithPayload(vitals)
            .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build());

        var row = page.Locator("[data-testid=alarms] tbody tr[data-priority='High']").First;
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(row).ToContainTextAsync("F1-R110");
        await page.ScreenshotAsync(new() { Path = Screenshot("alarms.png") });
        var id = await row.GetAttributeAsync("data-alarm");
        await row.Locator("[data-testid=acknowledge]").ClickAsync();
        await Assertions.Expect(page.Locator($"tr[data-alarm='{id}']")).ToHaveAttributeAsync("data-state", "Acknowledged");

        // Acknowledged is still open: the overview counts it, and its tile leads back to the list.
        await page.ClickAsync("[data-testid=nav-overview]");
        await Assertions.Expect(page.GetByTestId("open-alarms-high")).Not.ToContainTextAsync(new global::System.Text.RegularExpressions.Regex("^0"));
        await page.GetByTestId("open-alarms-high").ClickAsync();
        await Assertions.Expect(page.Locator($"tr[data-alarm='{id}']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task FloorMap_ShowsRobotsDrivingTheDemosFirstTasks()
    {
        var page = await fixture.LoggedInPageAsync();
        await page.ClickAsync("[data-testid=nav-map]");
        var map = page.GetByTestId("floor-map");
        await Assertions.Expect(map.Locator("[data-robot]")).ToHaveCountAsync(5, new() { Timeout = 15_000 });
        var before = await Positions(page);
        // The demo queues a patrol and a delivery on this floor at start: within seconds a robot has moved.
        await page.WaitForFunctionAsync(
            "before => [...document.querySelectorAll('[data-testid=floor-map] [data-robot]')].map(r => r.dataset.robot + '@' + r.dataset.x + ',' + r.dataset.y).sort().join(';') !== before",
            before, new() { Timeout = 30_000 });
        Assert.NotEqual(before, await Positions(page));
    }

    private static Task<string> Positions(IPage page) => page.EvaluateAsync<string>(
        "() => [...document.querySelectorAll('[data-testid=floor-map] [data-robot]')].map(r => r.dataset.robot + '@' + r.dataset.x + ',' + r.dataset.y).sort().join(';')");
}
