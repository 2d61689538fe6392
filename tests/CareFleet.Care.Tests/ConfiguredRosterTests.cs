using CareFleet.Alarms;
using CareFleet.Care.Alarming;

namespace CareFleet.Care.Tests;

public sealed class ConfiguredRosterTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static ConfiguredRoster Roster() => new(new RosterOptions
    {
        Staff =
        [
            new() { StaffId = "day-f1", Role = StaffRole.Caregiver, Rooms = ["F1-*"], From = "07:00", To = "19:00" },
            new() { StaffId = "night-f1", Role = StaffRole.Caregiver, Rooms = ["F1-*"], From = "19:00", To = "07:00" },
            new() { StaffId = "r201", Role = StaffRole.Caregiver, Rooms = ["F2-R201"] },
            new() { StaffId = "charge", Role = StaffRole.ChargeNurse },
        ],
    });

    [Fact]
    public void DayCaregiver_CoversTheFloor_OnlyDuringTheDayShift()
    {
        var roster = Roster();

        Assert.Equal(["day-f1"], roster.CoveringRoom("F1-R101", Noon).Select(s => s.StaffId));
        Assert.Equal(["night-f1"], roster.CoveringRoom("F1-R101", Noon.AddHours(14)).Select(s => s.StaffId));
        Assert.Equal(["night-f1"], roster.CoveringRoom("F1-R101", Noon.AddHours(-9)).Select(s => s.StaffId));
    }

    [Fact]
    public void RoomPatterns_MatchExactRoomsAndPrefixes_Only()
    {
        var roster = Roster();

        Assert.Equal(["r201"], roster.CoveringRoom("F2-R201", Noon).Select(s => s.StaffId));
        Assert.Empty(roster.CoveringRoom("F2-R2010", Noon));
        Assert.Empty(roster.CoveringRoom("F3-R301", Noon));
    }

    [Fact]
    public void ChargeNurse_IsOnShiftAllDay_WhenFromEqualsTo()
    {
        var roster = Roster();

        Assert.Equal(["charge"], roster.OnShiftWithRole(StaffRole.ChargeNurse, Noon.AddHours(13)).Select(s => s.StaffId));
        Assert.True(roster.IsOnShift("charge", Noon.AddHours(-12)));
        Assert.False(roster.IsOnShift("day-f1", Noon.AddHours(10)));
    }

    [Fact]
    public void BadShiftTimes_AreRefused_NamingTheLine()
    {
        var error = Assert.Throws<ArgumentException>(() => new ConfiguredRoster(new RosterOptions { Staff = [new() { StaffId = "x", From = "7am" }] }));

        Assert.Contains("x", error.Message, StringComparison.Ordinal);
        Assert.Contains("HH:mm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyRoster_FallsBackToTheDemoRota_WithAChargeNurse()
    {
        var roster = new ConfiguredRoster(new RosterOptions());

        Assert.Equal(["charge-nurse"], roster.OnShiftWithRole(StaffRole.ChargeNurse, Noon).Select(s => s.StaffId));
        Assert.Equal(["caregiver-f2"], roster.CoveringRoom("F2-R205", Noon).Select(s => s.StaffId));
    }
}
