using System.Text;
using CareFleet.Contracts.Vda5050;
using CareFleet.Fleet.Master;
using CareFleet.Fleet.Twins;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace CareFleet.Host.Tests;

[Collection(ServerCollection.Name)]
public sealed class MasterControlTests(ServerFixture server)
{
    private const string Vendor = "TwinVendor";

    internal static AgvState State(string manufacturer, string serial, uint headerId, double battery, OperatingMode mode = OperatingMode.Automatic) => new()
    {
        HeaderId = headerId,
        Timestamp = DateTimeOffset.UtcNow,
        Manufacturer = manufacturer,
        SerialNumber = serial,
        OrderId = "",
        LastNodeId = "",
        Driving = false,
        AgvPosition = new AgvPosition { X = 3.5, Y = 7.25, Theta = 0, MapId = "F1", PositionInitialized = true },
        BatteryState = new BatteryState { BatteryCharge = battery, Charging = false },
        OperatingMode = mode,
        SafetyState = new SafetyState(),
    };

    private async Task<(MqttTestClient Robot, string Key)> OnlineRobotAsync(string prefix)
    {
        var serial = RobotRegistrationExtensions.UniqueSerial(prefix);
        var credentials = await server.RegisterRobotAsync(Vendor, serial);
        var robot = new MqttTestClient();
        Assert.Equal(MqttClientConnectResultCode.Success, (await robot.ConnectAsync("127.0.0.1", server.MqttPort, credentials.UserName, credentials.Password)).ResultCode);
        return (robot, credentials.UserName);
    }

    [Fact]
    public async Task ValidConnectionAndState_UpdateTheTwin()
    {
        var (robot, key) = await OnlineRobotAsync("TW");
        await using var _ = robot;
        var serial = key.Split('/')[1];
        var connection = new Connection { HeaderId = 0, Timestamp = DateTimeOffset.UtcNow, Manufacturer = Vendor, SerialNumber = serial, ConnectionState = ConnectionState.Online };
        await robot.PublishAsync($"uagv/v2/{key}/connection", Encoding.UTF8.GetString(Vda5050Json.Serialize(connection)));
        await robot.PublishAsync($"uagv/v2/{key}/state", Encoding.UTF8.GetString(Vda5050Json.Serialize(State(Vendor, serial, 1, 42.5))));

        var feed = server.Services.GetRequiredService<FleetLiveFeed>();
        var twin = await TwinWaiter.WaitForAsync(feed, key, t => t.Connection == ConnectionStates.Online && t.BatteryCharge == 42.5, "online at 42.5 %");
        Assert.Equal("AUTOMATIC", twin.OperatingMode);
        Assert.Equal(3.5, twin.Position!.X);
        Assert.Equal("F1", twin.Position.MapId);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"headerId\": 5}")]
    [InlineData("{\"headerId\":1,\"timestamp\":\"2026-11-30T10:00:00Z\",\"version\":\"2.0.0\",\"manufacturer\":\"TwinVendor\",\"serialNumber\":\"x\",\"batteryState\":{\"batteryCharge\":\"full\"}}")]
    [InlineData("")]
    public async Task MalformedState_IsRejected_AndChangesNothing(string payload)
    {
        var (robot, key) = await OnlineRobotAsync("MF");
        await using var _ = robot;
        var serial = key.Split('/')[1];
        var master = server.Services.GetRequiredService<MasterControl>();
        var feed = server.Services.GetRequiredService<FleetLiveFeed>();
        var seen = new List<RobotTwinSnapshot>();
        void Record(RobotTwinSnapshot s)
        {
            if (s.Key == key)
            {
                lock (seen)
                {
                    seen.Add(s);
                }
            }
        }

        feed.Changed += Record;
        try
        {
            var rejectedBefore = master.RejectedMessages;
            await robot.PublishAsync($"uagv/v2/{key}/state", payload);
            // A valid report afterwards is the barrier: it is handled after the bad one.
            await robot.PublishAsync($"uagv/v2/{key}/state", Encoding.UTF8.GetString(Vda5050Json.Serialize(State(Vendor, serial, 2, 77))));
            await TwinWaiter.WaitForAsync(feed, key, t => t.BatteryCharge == 77, "at 77 %");

            lock (seen)
            {
                Assert.All(seen, s => Assert.Equal(77, s.BatteryCharge));
            }

            if (payload.Length > 0)
            {
                Assert.True(master.RejectedMessages > rejectedBefore, "The malformed message was not counted as rejected.");
            }
        }
        finally
        {
            feed.Changed -= Record;
        }
    }

    [Fact]
    public async Task State_WhoseHeaderNamesAnotherRobot_IsRejected()
    {
        var (robot, key) = await OnlineRobotAsync("HD");
        await using var _ = robot;
        var serial = key.Split('/')[1];
        var master = server.Services.GetRequiredService<MasterControl>();
        var feed = server.Services.GetRequiredService<FleetLiveFeed>();
        var before = master.RejectedMessages;
        await robot.PublishAsync($"uagv/v2/{key}/state", Encoding.UTF8.GetString(Vda5050Json.Serialize(State(Vendor, "SOMEONE-ELSE", 1, 11))));
        await robot.PublishAsync($"uagv/v2/{key}/state", Encoding.UTF8.GetString(Vda5050Json.Serialize(State(Vendor, serial, 2, 66))));
        await TwinWaiter.WaitForAsync(feed, key, t => t.BatteryCharge == 66, "at 66 %");
        Assert.True(master.RejectedMessages > before);
        Assert.DoesNotContain(feed.All, t => t.SerialNumber == "SOMEONE-ELSE");
    }

    [Fact]
    public async Task OlderState_ArrivingLate_DoesNotOverwriteNewer()
    {
        var (robot, key) = await OnlineRobotAsync("OO");
        await using var _ = robot;
        var serial = key.Split('/')[1];
        var feed = server.Services.GetRequiredService<FleetLiveFeed>();
        var newer = State(Vendor, serial, 2, 50) with { Timestamp = DateTimeOffset.UtcNow };
        var older = State(Vendor, serial, 1, 90) with { Timestamp = newer.Timestamp.AddSeconds(-30) };
        var barrier = State(Vendor, serial, 3, 49) with { Timestamp = newer.Timestamp.AddSeconds(1) };
        await robot.PublishAsync($"uagv/v2/{key}/state", Encoding.UTF8.GetString(Vda5050Json.Serialize(newer)));
        await TwinWaiter.WaitForAsync(feed, key, t => t.BatteryCharge == 50, "at 50 %");
        await robot.PublishAsync($"uagv/v2/{key}/state", Encoding.UTF8.GetString(Vda5050Json.Serialize(older)));
        await robot.PublishAsync($"uagv/v2/{key}/state", Encoding.UTF8.GetString(Vda5050Json.Serialize(barrier)));
        var twin = await TwinWaiter.WaitForAsync(feed, key, t => t.BatteryCharge is 49 or 90, "past the late message");
        Assert.Equal(49, twin.BatteryCharge);
    }
}
