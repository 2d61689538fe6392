using CareFleet.Care.Monitoring;
using CareFleet.Care.Vitals;
using Microsoft.Extensions.Time.Testing;

namespace CareFleet.Care.Tests.Monitoring;

internal static class MonitoringKit
{
    // 02:00 UTC: night in a home on UTC.
    public static readonly DateTimeOffset Night = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Day = new(2026, 3, 1, 14, 0, 0, TimeSpan.Zero);

    public static ResidentMonitoringProfile Profile(string id = "res-1", int? morse = null, int? braden = null, SpO2Scale scale = SpO2Scale.Scale1, bool bedRobot = false) =>
        new(id, "101", "101-A", scale, morse, braden, HasBedRobot: bedRobot);

    public static (MonitoringEngine Engine, FakeTimeProvider Clock) Engine(DateTimeOffset start, MonitoringOptions? options = null, params ResidentMonitoringProfile[] residents)
    {
        var clock = new FakeTimeProvider(start);
        var engine = new MonitoringEngine(options ?? new MonitoringOptions(), clock);
        foreach (var r in residents.Length == 0 ? [Profile()] : residents)
        {
            engine.Register(r);
        }

        return (engine, clock);
    }

    public static VitalSignsReport Normal(FakeTimeProvider clock, string resident = "res-1") => new(
        resident,
        clock.GetUtcNow(),
        "bed-7",
        RespiratoryRate: new Quantity(16, "/min"),
        SpO2: new Quantity(97, "%"),
        OnSupplementalOxygen: false,
        Systolic: new Quantity(128, "mm[Hg]"),
        Diastolic: new Quantity(78, "mm[Hg]"),
        HeartRate: new Quantity(74, "/min"),
        Temperature: new Quantity(36.9m, "Cel"),
        Consciousness: Consciousness.Alert);

    /// <summary>NEWS2 9: RR 25 (3), SpO2 93 (2), SBP 98 (2), HR 118 (2).</summary>
    public static VitalSignsReport Septic(FakeTimeProvider clock, string resident = "res-1") => Normal(clock, resident) with
    {
        RespiratoryRate = new Quantity(25, "/min"),
        SpO2 = new Quantity(93, "%"),
        Systolic = new Quantity(98, "mm[Hg]"),
        HeartRate = new Quantity(118, "/min"),
    };

    /// <summary>NEWS2 5: RR 22 (2), HR 112 (2), temperature 38.4 (1).</summary>
    public static VitalSignsReport Unwell(FakeTimeProvider clock) => Normal(clock) with
    {
        RespiratoryRate = new Quantity(22, "/min"),
        HeartRate = new Quantity(112, "/min"),
        Temperature = new Quantity(38.4m, "Cel"),
    };
}
