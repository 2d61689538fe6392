using CareFleet.Alarms;
using CareFleet.Care.Monitoring;
using static CareFleet.Care.Tests.Monitoring.MonitoringKit;

namespace CareFleet.Care.Tests.Monitoring;

public sealed class BedAndFallTests
{
    private static MonitoringOutput Bed(MonitoringEngine engine, BedEventKind kind, double? angle = null, string resident = "res-1") =>
        engine.OnBedEvent(new BedEvent(resident, kind, "mat-101", angle));

    [Fact]
    public void BedExitAtNight_ForAHighFallRiskResident_RaisesAnAlarm_AfterItsOnsetDelay()
    {
        var (engine, clock) = Engine(Night, null, Profile(morse: 45));
        engine.Tick();

        Assert.Empty(Bed(engine, BedEventKind.Exit).Alarms);
        clock.Advance(TimeSpan.FromSeconds(10));
        var alarm = Assert.Single(engine.Tick().Alarms);

        Assert.Equal((MonitoringConditions.BedExitAtNight, AlarmPriority.Medium, "101"), (alarm.ConditionKey, alarm.Priority, alarm.Location.RoomId));
        Assert.Equal("mat-101", alarm.ReportedBy);
        Assert.Contains(new AlarmEvidence("morse", "45", "{score}"), alarm.Evidence);
    }

    [Fact]
    public void BedExitAtNight_BelowTheMorseThreshold_RaisesNoExitAlarm()
    {
        var (engine, clock) = Engine(Night, null, Profile(morse: 40));
        engine.Tick();

        Bed(engine, BedEventKind.Exit);
        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Empty(engine.Tick().Alarms);
    }

    [Fact]
    public void MorseThreshold_IsConfigurable()
    {
        var options = new MonitoringOptions { MorseHighRiskThreshold = 25 };
        var (engine, clock) = Engine(Night, options, Profile(morse: 40));
        engine.Tick();

        Bed(engine, BedEventKind.Exit);
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Single(engine.Tick().Alarms);
    }

    [Fact]
    public void BedExitByDay_RaisesNothing()
    {
        var (engine, clock) = Engine(Day, null, Profile(morse: 90));
        engine.Tick();

        Bed(engine, BedEventKind.Exit);
        clock.Advance(TimeSpan.FromHours(1));

        Assert.Empty(engine.Tick().Alarms);
    }

    [Fact]
    public void NightWindow_UsesTheHomesTimeZone()
    {
        // 14:00 UTC is 22:30 in a home at UTC+08:30: night there.
        var options = new MonitoringOptions { TimeZone = TimeZoneInfo.CreateCustomTimeZone("home", TimeSpan.FromHours(8.5), "home", "home") };
        var (engine, clock) = Engine(Day, options, Profile(morse: 60));
        engine.Tick();

        Bed(engine, BedEventKind.Exit);
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Single(engine.Tick().Alarms);
        Assert.True(options.IsNight(new DateTimeOffset(2026, 3, 1, 22, 30, 0, TimeSpan.FromHours(8.5))));
        Assert.False(options.IsNight(new DateTimeOffset(2026, 3, 1, 7, 0, 0, TimeSpan.FromHours(8.5))));
    }

    [Fact]
    public void EdgeOfBedThenExit_IsOneAlarm()
    {
        var (engine, clock) = Engine(Night, null, Profile(morse: 50));
        engine.Tick();

        Bed(engine, BedEventKind.EdgeOfBed);
        clock.Advance(TimeSpan.FromSeconds(10));
        var first = engine.Tick();
        clock.Advance(TimeSpan.FromSeconds(20));
        var exit = Bed(engine, BedEventKind.Exit);
        clock.Advance(TimeSpan.FromSeconds(20));

        Assert.Contains("edge of the bed", Assert.Single(first.Alarms).Summary, StringComparison.Ordinal);
        Assert.Empty(exit.Alarms);
        Assert.Empty(engine.Tick().Alarms);
    }

    [Fact]
    public void SittingAtTheEdgeAndLyingBackWithinTheOnsetDelay_RaisesNothing()
    {
        var (engine, clock) = Engine(Night, null, Profile(morse: 50));
        engine.Tick();

        Bed(engine, BedEventKind.EdgeOfBed);
        clock.Advance(TimeSpan.FromSeconds(5));
        Bed(engine, BedEventKind.Occupied);
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(engine.Tick().Alarms);
    }

    [Fact]
    public void NotBackInBed_WithinTheConfiguredTime_RaisesAnAlarm_ForAnyResident()
    {
        var (engine, clock) = Engine(Night, null, Profile(morse: 10));
        engine.Tick();
        Bed(engine, BedEventKind.Exit);

        clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Empty(engine.Tick().Alarms);
        clock.Advance(TimeSpan.FromMinutes(1));
        var alarm = Assert.Single(engine.Tick().Alarms);

        Assert.Equal((MonitoringConditions.NotReturned, AlarmPriority.Medium), (alarm.ConditionKey, alarm.Priority));
        Assert.Contains(new AlarmEvidence("minutesOut", "20", "min"), alarm.Evidence);
    }

    [Fact]
    public void BackInBedInTime_RaisesNoNotReturnedAlarm()
    {
        var (engine, clock) = Engine(Night, null, Profile(morse: 10));
        engine.Tick();
        Bed(engine, BedEventKind.Exit);
        clock.Advance(TimeSpan.FromMinutes(15));
        Bed(engine, BedEventKind.Occupied);

        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Empty(engine.Tick().Alarms);
    }

    [Fact]
    public void Fall_RaisesAHighAlarm_AndSendsTheNearestFreeRobot()
    {
        var (engine, _) = Engine(Day);

        var output = engine.OnFall(new FallReport("res-1", "wearable-3"));

        var alarm = Assert.Single(output.Alarms);
        Assert.Equal((MonitoringConditions.Fall, AlarmPriority.High, "wearable-3"), (alarm.ConditionKey, alarm.Priority, alarm.ReportedBy));
        var task = Assert.Single(output.Tasks);
        Assert.Equal((CareTaskKind.StayWithResident, TaskPerformer.NearestFreeRobot, "res-1"), (task.Kind, task.Performer, task.ResidentId));
        Assert.Equal("101", task.Location.RoomId);
    }

    [Fact]
    public void SecondReportOfTheSameFall_IsNotANewAlarm_UntilTheFirstIsResolved()
    {
        var (engine, _) = Engine(Day);
        engine.OnFall(new FallReport("res-1", "wearable-3"));

        var again = engine.OnFall(new FallReport("res-1", "bed-7"));
        engine.AlarmResolved("res-1", MonitoringConditions.Fall);
        var later = engine.OnFall(new FallReport("res-1", "bed-7"));

        Assert.Empty(again.Alarms);
        Assert.Empty(again.Tasks);
        Assert.Single(later.Alarms);
    }

    [Fact]
    public void SensorOffline_RaisesAnAlarm_OnlyIfItStaysOfflineForItsOnsetDelay()
    {
        var (engine, clock) = Engine(Day);
        engine.Tick();

        Bed(engine, BedEventKind.SensorOffline);
        clock.Advance(TimeSpan.FromSeconds(30));
        Bed(engine, BedEventKind.SensorOnline);
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(engine.Tick().Alarms);

        Bed(engine, BedEventKind.SensorOffline);
        clock.Advance(TimeSpan.FromSeconds(60));
        var alarm = Assert.Single(engine.Tick().Alarms);
        Assert.Equal((MonitoringConditions.SensorOffline, AlarmPriority.Low), (alarm.ConditionKey, alarm.Priority));
    }

    [Fact]
    public void NoMotion_RaisesALowAlarm_ThatAMovementClears()
    {
        var (engine, clock) = Engine(Day);
        engine.Tick();

        var alarm = Assert.Single(Bed(engine, BedEventKind.NoMotion).Alarms);
        clock.Advance(TimeSpan.FromMinutes(3));
        var turn = Bed(engine, BedEventKind.Turn, 10);

        Assert.Equal((MonitoringConditions.NoMotion, AlarmPriority.Low), (alarm.ConditionKey, alarm.Priority));
        Assert.Equal(new ConditionChange("res-1", MonitoringConditions.NoMotion, false, clock.GetUtcNow()), Assert.Single(turn.ConditionChanges));
    }

    [Fact]
    public void BedEvent_ForAnUnknownResident_IsRejected()
    {
        var (engine, _) = Engine(Day);

        Assert.Equal("Resident 'nobody' is not monitored.", Bed(engine, BedEventKind.Exit, resident: "nobody").Rejection);
    }
}

public sealed class BedEventInputTests
{
    [Fact]
    public void UnknownBedEventKind_IsRejected_WithoutChangingAnything()
    {
        var (engine, clock) = Engine(Day);
        engine.Tick();
        engine.OnBedEvent(new BedEvent("res-1", BedEventKind.SensorOffline));

        var output = engine.OnBedEvent(new BedEvent("res-1", (BedEventKind)99));
        clock.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal("Bed event kind 99 is not known.", output.Rejection);
        Assert.Equal(MonitoringConditions.SensorOffline, Assert.Single(engine.Tick().Alarms).ConditionKey);
    }
}
