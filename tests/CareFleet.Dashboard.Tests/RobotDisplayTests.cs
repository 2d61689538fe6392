using CareFleet.Dashboard.Components.Fleet;
using CareFleet.Fleet.Twins;

namespace CareFleet.Dashboard.Tests;

public sealed class RobotDisplayTests
{
    internal static RobotTwinSnapshot Twin(string connection = ConnectionStates.Online, string mode = "AUTOMATIC", int fatal = 0, bool paused = false, bool driving = false, bool charging = false, string? order = null, double? battery = 80) =>
        new("Acme", "R-1", connection, null, battery, charging, mode, driving, paused, 0, fatal, order, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Fault_OutranksEverything() =>
        Assert.Equal("fault", RobotDisplay.Status(Twin(fatal: 1, mode: "MANUAL", paused: true, driving: true)));

    [Theory]
    [InlineData("MANUAL", "manual")]
    [InlineData("SERVICE", "service")]
    public void HandOverToAPerson_OutranksMotion(string mode, string expected) =>
        Assert.Equal(expected, RobotDisplay.Status(Twin(mode: mode, driving: true, paused: true)));

    [Fact]
    public void Paused_OutranksDriving() => Assert.Equal("paused", RobotDisplay.Status(Twin(paused: true, driving: true)));

    [Fact]
    public void Driving_OutranksCharging() => Assert.Equal("driving", RobotDisplay.Status(Twin(driving: true, charging: true)));

    [Fact]
    public void AnOrder_WithoutMotion_IsWorking() => Assert.Equal("working", RobotDisplay.Status(Twin(order: "o-1")));

    [Fact]
    public void NothingToDo_IsIdle() => Assert.Equal("idle", RobotDisplay.Status(Twin()));

    [Theory]
    [InlineData(ConnectionStates.Offline)]
    [InlineData(ConnectionStates.ConnectionBroken)]
    [InlineData(ConnectionStates.Unknown)]
    public void ARobotNotOnline_HasNoStatusToTrust(string connection) => Assert.Equal("unknown", RobotDisplay.Status(Twin(connection, fatal: 1)));

    [Theory]
    [InlineData(19.9, true)]
    [InlineData(20.0, false)]
    [InlineData(null, false)]
    public void BatteryBelowTwentyPercent_IsLow(double? charge, bool low) => Assert.Equal(low, RobotDisplay.IsBatteryLow(Twin(battery: charge)));
}
