using CareFleet.Alarms;
using CareFleet.Care.Monitoring;
using CareFleet.Care.Vitals;
using static CareFleet.Care.Tests.Monitoring.MonitoringKit;

namespace CareFleet.Care.Tests.Monitoring;

public sealed class News2RuleTests
{
    [Fact]
    public void HighBand_RaisesAHighPriorityAlarm_WithTheRoomAndTheReadings()
    {
        var (engine, clock) = Engine(Day);

        var output = engine.Observe(Septic(clock));

        var alarm = Assert.Single(output.Alarms);
        Assert.Equal((MonitoringConditions.News2High, AlarmPriority.High, "res-1"), (alarm.ConditionKey, alarm.Priority, alarm.SubjectId));
        Assert.Equal(new AlarmLocation("101", "101-A"), alarm.Location);
        Assert.Equal("bed-7", alarm.ReportedBy);
        Assert.Contains(new AlarmEvidence("news2.total", "9", "{score}"), alarm.Evidence);
        Assert.Contains(new AlarmEvidence("respiratoryRate", "25", "/min"), alarm.Evidence);
        Assert.StartsWith("NEWS2 9, High band", alarm.Summary, StringComparison.Ordinal);
        Assert.Equal(9, output.Score!.Total);
    }

    [Fact]
    public void MediumBand_RaisesAMediumPriorityAlarm()
    {
        var (engine, clock) = Engine(Day);

        var alarm = Assert.Single(engine.Observe(Unwell(clock)).Alarms);

        Assert.Equal((MonitoringConditions.News2Medium, AlarmPriority.Medium), (alarm.ConditionKey, alarm.Priority));
    }

    [Fact]
    public void SingleRedParameter_RaisesALowMediumAlarm_AtMediumPriority()
    {
        var (engine, clock) = Engine(Day);

        var alarm = Assert.Single(engine.Observe(Normal(clock) with { Consciousness = Consciousness.NewConfusion }).Alarms);

        Assert.Equal((MonitoringConditions.News2LowMedium, AlarmPriority.Medium), (alarm.ConditionKey, alarm.Priority));
    }

    [Fact]
    public void LowBand_RaisesNoAlarm_UnlessConfigured()
    {
        var (engine, clock) = Engine(Day);
        var lowScore = Normal(clock) with { HeartRate = new Quantity(95, "/min") };
        Assert.Empty(engine.Observe(lowScore).Alarms);

        var options = new MonitoringOptions();
        options.News2Priorities[News2Band.Low] = AlarmPriority.Low;
        var (configured, clock2) = Engine(Day, options);
        var alarm = Assert.Single(configured.Observe(lowScore with { EffectiveAt = clock2.GetUtcNow() }).Alarms);
        Assert.Equal((MonitoringConditions.News2Low, AlarmPriority.Low), (alarm.ConditionKey, alarm.Priority));
        Assert.Empty(configured.Observe(Normal(clock2)).Alarms);
    }

    [Fact]
    public void ImpossibleReading_IsRejected_AndNeverScored()
    {
        var (engine, clock) = Engine(Day);

        var output = engine.Observe(Septic(clock) with { SpO2 = new Quantity(140, "%") });

        Assert.Empty(output.Alarms);
        Assert.Null(output.Score);
        Assert.False(output.Validation!.IsValid);
        Assert.Contains("spO2 140 % is impossible", output.Rejection, StringComparison.Ordinal);
        Assert.Null(engine.LastScore("res-1"));
    }

    [Fact]
    public void ReadingForAnUnknownResident_IsRejectedByName()
    {
        var (engine, clock) = Engine(Day);

        var output = engine.Observe(Septic(clock, "res-404"));

        Assert.Empty(output.Alarms);
        Assert.Equal("Resident 'res-404' is not monitored.", output.Rejection);
    }

    [Fact]
    public void RepeatedHighReadings_RaiseOneAlarm()
    {
        var (engine, clock) = Engine(Day);
        Assert.Single(engine.Observe(Septic(clock)).Alarms);

        clock.Advance(TimeSpan.FromMinutes(5));
        var again = engine.Observe(Septic(clock));

        Assert.Empty(again.Alarms);
        Assert.Empty(again.ConditionChanges);
    }

    [Fact]
    public void LatchedCondition_ThatClearsAndReturns_IsReportedAsChanges_NotNewAlarms()
    {
        var (engine, clock) = Engine(Day);
        engine.Observe(Septic(clock));
        clock.Advance(TimeSpan.FromMinutes(10));

        var cleared = engine.Observe(Normal(clock));
        clock.Advance(TimeSpan.FromMinutes(10));
        var back = engine.Observe(Septic(clock));

        Assert.Equal([new ConditionChange("res-1", MonitoringConditions.News2High, false, clock.GetUtcNow().AddMinutes(-10))], cleared.ConditionChanges);
        Assert.Empty(back.Alarms);
        Assert.Equal([new ConditionChange("res-1", MonitoringConditions.News2High, true, clock.GetUtcNow())], back.ConditionChanges);
    }

    [Fact]
    public void AfterTheAlarmIsResolved_ANewHighReading_RaisesANewAlarm()
    {
        var (engine, clock) = Engine(Day);
        engine.Observe(Septic(clock));
        engine.AlarmResolved("res-1", MonitoringConditions.News2High);

        clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Single(engine.Observe(Septic(clock)).Alarms);
    }

    [Fact]
    public void RiseFromMediumToHigh_RaisesTheHighAlarm_AndClearsTheMediumCondition()
    {
        var (engine, clock) = Engine(Day);
        engine.Observe(Unwell(clock));
        clock.Advance(TimeSpan.FromMinutes(30));

        var output = engine.Observe(Septic(clock));

        Assert.Equal(MonitoringConditions.News2High, Assert.Single(output.Alarms).ConditionKey);
        var change = Assert.Single(output.ConditionChanges);
        Assert.Equal((MonitoringConditions.News2Medium, false), (change.ConditionKey, change.Present));
    }

    [Fact]
    public void PartialSet_CanRaiseABand_ButNotClearOne()
    {
        var (engine, clock) = Engine(Day);
        var bedSensorOnly = new VitalSignsReport("res-1", clock.GetUtcNow(), "bed-7", RespiratoryRate: new Quantity(26, "/min"), HeartRate: new Quantity(135, "/min"), SpO2: new Quantity(90, "%"));

        var raised = engine.Observe(bedSensorOnly);
        Assert.Equal(MonitoringConditions.News2High, Assert.Single(raised.Alarms).ConditionKey);
        Assert.False(raised.Score!.IsComplete);

        clock.Advance(TimeSpan.FromMinutes(1));
        var calmPartial = new VitalSignsReport("res-1", clock.GetUtcNow(), "bed-7", RespiratoryRate: new Quantity(16, "/min"), HeartRate: new Quantity(70, "/min"));
        Assert.Empty(engine.Observe(calmPartial).ConditionChanges);

        Assert.Single(engine.Observe(Normal(clock)).ConditionChanges);
    }

    [Fact]
    public void Scale2Resident_OnAirAt93_RaisesNothing_ButOnScale1ItIsScored()
    {
        var (engine, clock) = Engine(Day, null, Profile("copd", scale: SpO2Scale.Scale2), Profile("other"));
        var reading = Normal(clock, "copd") with { SpO2 = new Quantity(88, "%") };

        Assert.Equal(0, engine.Observe(reading).Score!.Total);
        var scale1 = engine.Observe(reading with { ResidentId = "other" });
        Assert.Equal((3, News2Band.LowMedium), (scale1.Score!.Total, scale1.Score.Band));
        Assert.Single(scale1.Alarms);
    }

    [Fact]
    public void OnsetDelay_HoldsTheAlarm_UntilTheConditionHasPersisted()
    {
        var options = new MonitoringOptions();
        options.OnsetDelays[MonitoringConditions.News2High] = TimeSpan.FromSeconds(30);
        var (engine, clock) = Engine(Day, options);

        Assert.Empty(engine.Observe(Septic(clock)).Alarms);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(engine.Tick().Alarms);
        clock.Advance(TimeSpan.FromSeconds(1));
        var alarm = Assert.Single(engine.Tick().Alarms);
        Assert.Equal(clock.GetUtcNow(), alarm.DetectedAt);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(engine.Tick().Alarms);
    }

    [Fact]
    public void OnsetDelay_FiltersAnExcursionThatCorrectsItself()
    {
        var options = new MonitoringOptions();
        options.OnsetDelays[MonitoringConditions.News2High] = TimeSpan.FromSeconds(30);
        var (engine, clock) = Engine(Day, options);

        engine.Observe(Septic(clock));
        clock.Advance(TimeSpan.FromSeconds(20));
        engine.Observe(Normal(clock));
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(engine.Tick().Alarms);
        Assert.Equal(0, engine.TrackedConditionCount);
    }

    [Fact]
    public void OnsetDelay_IsMeasuredFromTheFirstReading_WhenReadingsKeepComing()
    {
        var options = new MonitoringOptions();
        options.OnsetDelays[MonitoringConditions.News2High] = TimeSpan.FromSeconds(30);
        var (engine, clock) = Engine(Day, options);

        engine.Observe(Septic(clock));
        clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Empty(engine.Observe(Septic(clock)).Alarms);
        clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Single(engine.Observe(Septic(clock)).Alarms);
    }
}

public sealed class LateReadingAndRestartTests
{
    [Fact]
    public void BufferedOldReading_IsScored_ButRaisesNoAlarm()
    {
        var (engine, clock) = Engine(Day);

        var output = engine.Observe(Septic(clock) with { EffectiveAt = Day.AddMinutes(-16) });

        Assert.Equal(9, output.Score!.Total);
        Assert.Empty(output.Alarms);
        Assert.Single(engine.Observe(Septic(clock) with { EffectiveAt = Day.AddMinutes(-15) }).Alarms);
    }

    [Fact]
    public void ReadingOlderThanTheLastOne_NeitherClearsTheAlarmNorResetsTheSchedule()
    {
        var (engine, clock) = Engine(Day);
        clock.Advance(TimeSpan.FromMinutes(5));
        engine.Observe(Septic(clock));

        var stale = engine.Observe(Normal(clock) with { EffectiveAt = Day });
        clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Empty(stale.ConditionChanges);
        Assert.Equal(9, engine.LastScore("res-1")!.Total);
        Assert.Equal(Day.AddMinutes(20), Assert.Single(engine.Tick().Tasks).DueAt);
    }

    [Fact]
    public void RestoredOpenAlarm_StaysLatched_AndItsClearingIsReported()
    {
        var (engine, clock) = Engine(Day);
        engine.RestoreOpenAlarm("res-1", MonitoringConditions.News2High);

        Assert.Empty(engine.Observe(Septic(clock)).Alarms);
        clock.Advance(TimeSpan.FromMinutes(1));
        var cleared = engine.Observe(Normal(clock));

        Assert.Equal((MonitoringConditions.News2High, false), (Assert.Single(cleared.ConditionChanges).ConditionKey, cleared.ConditionChanges[0].Present));
    }

    [Fact]
    public void OxygenFlow_IsPartOfTheEvidence()
    {
        var (engine, clock) = Engine(Day);

        var alarm = Assert.Single(engine.Observe(Septic(clock) with { OnSupplementalOxygen = true, OxygenFlow = new Quantity(2, "L/min") }).Alarms);

        Assert.Contains(new AlarmEvidence("oxygenFlow", "2", "L/min"), alarm.Evidence);
        Assert.Contains(new AlarmEvidence("supplementalOxygen", "true"), alarm.Evidence);
    }
}
