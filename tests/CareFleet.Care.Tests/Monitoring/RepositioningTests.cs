using CareFleet.Alarms;
using CareFleet.Care.Monitoring;
using static CareFleet.Care.Tests.Monitoring.MonitoringKit;

namespace CareFleet.Care.Tests.Monitoring;

public sealed class RepositioningTests
{
    [Theory]
    [InlineData(6, 120)]
    [InlineData(12, 120)]
    [InlineData(13, 180)]
    [InlineData(14, 180)]
    [InlineData(15, 240)]
    [InlineData(18, 240)]
    [InlineData(19, null)]
    [InlineData(23, null)]
    public void Interval_FollowsTheBradenBand(int braden, int? minutes)
    {
        var interval = new MonitoringOptions().RepositionIntervalFor(Profile(braden: braden));

        Assert.Equal(minutes is null ? null : TimeSpan.FromMinutes(minutes.Value), interval);
    }

    [Fact]
    public void CarePlanInterval_OverridesTheBradenDefault()
    {
        var profile = Profile(braden: 12) with { RepositionInterval = TimeSpan.FromMinutes(90) };

        Assert.Equal(TimeSpan.FromMinutes(90), new MonitoringOptions().RepositionIntervalFor(profile));
    }

    [Fact]
    public void OverdueTurn_BecomesATaskForTheTransferRobot_ThenAnAlarm()
    {
        var (engine, clock) = Engine(Day, null, Profile(braden: 12) with { TurnNeedsCaregiver = true });
        engine.Tick();

        clock.Advance(TimeSpan.FromMinutes(119));
        Assert.DoesNotContain(engine.Tick().Tasks, t => t.Kind == CareTaskKind.Reposition);
        clock.Advance(TimeSpan.FromMinutes(1));
        var task = Assert.Single(engine.Tick().Tasks, t => t.Kind == CareTaskKind.Reposition);
        Assert.Equal((TaskPerformer.TransferAssistRobot, true, Day.AddHours(2)), (task.Performer, task.RequiresCaregiverPresent, task.DueAt));

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Empty(engine.Tick().Alarms);
        clock.Advance(TimeSpan.FromMinutes(1));
        var alarm = Assert.Single(engine.Tick().Alarms);
        Assert.Equal((MonitoringConditions.RepositionOverdue, AlarmPriority.Low), (alarm.ConditionKey, alarm.Priority));
        clock.Advance(TimeSpan.FromMinutes(30));
        var later = engine.Tick();
        Assert.Empty(later.Alarms);
        Assert.DoesNotContain(later.Tasks, t => t.Kind == CareTaskKind.Reposition);
    }

    [Fact]
    public void SufficientTurn_ResetsTheClock_AndClearsTheOverdueCondition()
    {
        var (engine, clock) = Engine(Day, null, Profile(braden: 14));
        engine.Tick();
        clock.Advance(TimeSpan.FromHours(3.5));
        engine.Tick();

        var turn = engine.OnBedEvent(new BedEvent("res-1", BedEventKind.Turn, "bed-7", -30));

        Assert.Equal(new ConditionChange("res-1", MonitoringConditions.RepositionOverdue, false, clock.GetUtcNow()), Assert.Single(turn.ConditionChanges));
        clock.Advance(TimeSpan.FromMinutes(179));
        Assert.DoesNotContain(engine.Tick().Tasks, t => t.Kind == CareTaskKind.Reposition);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains(engine.Tick().Tasks, t => t.Kind == CareTaskKind.Reposition);
    }

    [Fact]
    public void TurnSmallerThanTheMinimumAngle_DoesNotResetTheClock()
    {
        var (engine, clock) = Engine(Day, null, Profile(braden: 12));
        engine.Tick();
        clock.Advance(TimeSpan.FromMinutes(100));

        engine.OnBedEvent(new BedEvent("res-1", BedEventKind.Turn, "bed-7", 15));
        clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Contains(engine.Tick().Tasks, t => t.Kind == CareTaskKind.Reposition);
    }

    [Fact]
    public void ResidentWithoutPressureInjuryRisk_HasNoTurningSchedule()
    {
        var (engine, clock) = Engine(Day, null, Profile(braden: 21));
        engine.Tick();

        clock.Advance(TimeSpan.FromHours(24));

        Assert.DoesNotContain(engine.Tick().Tasks, t => t.Kind == CareTaskKind.Reposition);
    }
}
