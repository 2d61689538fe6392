using System.Globalization;
using Bunit;
using CareFleet.Dashboard.Components.Fleet;
using CareFleet.Fleet.Robots;
using CareFleet.Fleet.Twins;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CareFleet.Dashboard.Tests;

public sealed class RobotTableTests : BunitContext
{
    public RobotTableTests()
    {
        Services.AddLocalization();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static RegisteredRobot Robot(string serial, string type = "medication") =>
        new(Guid.NewGuid(), "Acme", serial, type, serial, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public void EveryRegisteredRobot_GetsARow_EvenBeforeItsFirstReport()
    {
        var twin = RobotDisplayTests.Twin(battery: 12.4) with { SerialNumber = "R-1" };
        var table = Render<RobotTable>(p => p
            .Add(t => t.Robots, [Robot("R-1"), Robot("R-2", "patrol")])
            .Add(t => t.Twins, [twin]));

        var rows = table.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal("ONLINE", rows[0].GetAttribute("data-connection"));
        Assert.Equal("idle", rows[0].GetAttribute("data-status"));
        Assert.Contains("cf-battery-low", table.Find("tr[data-robot='R-1'] td:nth-child(6)").ClassName, StringComparison.Ordinal);
        Assert.Equal("UNKNOWN", rows[1].GetAttribute("data-connection"));
        Assert.Equal("unknown", rows[1].GetAttribute("data-status"));
    }

    [Fact]
    public void Texts_FollowTheUserInterfaceCulture()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
            var table = Render<RobotTable>(p => p.Add(t => t.Robots, [Robot("R-1")]).Add(t => t.Twins, [RobotDisplayTests.Twin() with { SerialNumber = "R-1" }]));
            Assert.Equal("机器人", table.Find("thead th").TextContent);
            Assert.Contains("空闲", table.Find("tbody tr").TextContent, StringComparison.Ordinal);
            Assert.Contains("送药", table.Find("tbody tr").TextContent, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void DetailedTable_ShowsOrderAndErrors()
    {
        var twin = RobotDisplayTests.Twin(fatal: 2, order: "order-7") with { SerialNumber = "R-1" };
        var table = Render<RobotTable>(p => p.Add(t => t.Robots, [Robot("R-1")]).Add(t => t.Twins, [twin]).Add(t => t.Detailed, true));
        Assert.Equal(10, table.FindAll("thead th").Count);
        Assert.Contains("order-7", table.Markup, StringComparison.Ordinal);
        Assert.Contains("Fatal errors: 2", table.Markup, StringComparison.Ordinal);
    }
}
