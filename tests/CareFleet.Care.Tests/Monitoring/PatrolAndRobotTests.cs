using CareFleet.Alarms;
using CareFleet.Care.Monitoring;
using static CareFleet.Care.Tests.Monitoring.MonitoringKit;

namespace CareFleet.Care.Tests.Monitoring;

public sealed class PatrolAndRobotTests
{
    private static readonly AlarmLocation Corridor = new(null, AreaId: "corridor-2F-east", X: 12.5, Y: 3.0);

    [Fact]
    public void ResidentOnTheFloor_IsAHighAlarm_WithTheLocationAndTheRobot_AndARobotStays()
    {
        var (engine, _) = Engine(Night);

        var output = engine.OnPatrolFinding(new PatrolFinding(PatrolFindingKind.ResidentOnFloor, "patrol-1", Corridor));

        var alarm = Assert.Single(output.Alarms);
        Assert.Equal((MonitoringConditions.Fall, AlarmPriority.High, "patrol-1", Corridor), (alarm.ConditionKey, alarm.Priority, alarm.ReportedBy, alarm.Location));
        Assert.Equal("corridor-2F-east", alarm.SubjectId);
        Assert.Null(alarm.ResidentId);
        var task = Assert.Single(output.Tasks);
        Assert.Equal((CareTaskKind.StayWithResident, null, Corridor), (task.Kind, task.ResidentId, task.Location));
    }

    [Fact]
    public void KnownResidentOnTheFloor_IsTheSameConditionAsTheirReportedFall()
    {
        var (engine, _) = Engine(Night);
        engine.OnFall(new FallReport("res-1", "wearable-3"));

        var patrol = engine.OnPatrolFinding(new PatrolFinding(PatrolFindingKind.ResidentOnFloor, "patrol-1", new AlarmLocation("101"), "res-1"));

        Assert.Empty(patrol.Alarms);
    }

    [Theory]
    [InlineData(PatrolFindingKind.BedEmptyAtNight, MonitoringConditions.PatrolBedEmpty, AlarmPriority.Medium)]
    [InlineData(PatrolFindingKind.DoorOpen, MonitoringConditions.PatrolDoorOpen, AlarmPriority.Low)]
    [InlineData(PatrolFindingKind.WetFloor, MonitoringConditions.PatrolWetFloor, AlarmPriority.Low)]
    [InlineData(PatrolFindingKind.WanderingResident, MonitoringConditions.PatrolWandering, AlarmPriority.Medium)]
    public void PatrolFinding_BecomesAnAlarmOfItsPriority(PatrolFindingKind kind, string condition, AlarmPriority priority)
    {
        var (engine, _) = Engine(Night);

        var alarm = Assert.Single(engine.OnPatrolFinding(new PatrolFinding(kind, "patrol-2", Corridor)).Alarms);

        Assert.Equal((condition, priority, "patrol-2", "corridor-2F-east"), (alarm.ConditionKey, alarm.Priority, alarm.ReportedBy, alarm.Location.AreaId));
    }

    [Fact]
    public void SameFinding_ReportedOnTheNextRound_IsNotANewAlarm()
    {
        var (engine, clock) = Engine(Night);
        engine.OnPatrolFinding(new PatrolFinding(PatrolFindingKind.WetFloor, "patrol-2", Corridor));
        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Empty(engine.OnPatrolFinding(new PatrolFinding(PatrolFindingKind.WetFloor, "patrol-3", Corridor)).Alarms);
        Assert.Single(engine.OnPatrolFinding(new PatrolFinding(PatrolFindingKind.WetFloor, "patrol-3", new AlarmLocation(null, AreaId: "lobby"))).Alarms);
    }

    [Fact]
    public void PatrolFinding_WithoutARobot_IsRejected()
    {
        var (engine, _) = Engine(Night);

        Assert.Contains("reporting robot", engine.OnPatrolFinding(new PatrolFinding(PatrolFindingKind.DoorOpen, " ", Corridor)).Rejection, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RobotFaultKind.FatalError, MonitoringConditions.RobotFatalError, AlarmPriority.Medium)]
    [InlineData(RobotFaultKind.Stuck, MonitoringConditions.RobotStuck, AlarmPriority.Low)]
    [InlineData(RobotFaultKind.OfflineDuringTask, MonitoringConditions.RobotOffline, AlarmPriority.Medium)]
    public void RobotFault_BecomesAnAlarmAboutTheRobot(RobotFaultKind kind, string condition, AlarmPriority priority)
    {
        var (engine, _) = Engine(Day);

        var alarm = Assert.Single(engine.OnRobotFault(new RobotFault("med-1", kind, Corridor, "drive fault", "task-9")).Alarms);

        Assert.Equal(("med-1", condition, priority), (alarm.SubjectId, alarm.ConditionKey, alarm.Priority));
        Assert.Contains(new AlarmEvidence("taskId", "task-9"), alarm.Evidence);
    }

    [Fact]
    public void RobotFault_WhileWorkingWithAResident_IsHighPriority()
    {
        var (engine, _) = Engine(Day);

        var alarm = Assert.Single(engine.OnRobotFault(new RobotFault("lift-1", RobotFaultKind.Stuck, new AlarmLocation("101"), "arm blocked", "turn-3", "res-1")).Alarms);

        Assert.Equal((AlarmPriority.High, "res-1"), (alarm.Priority, alarm.ResidentId));
    }

    [Fact]
    public void RepeatedFault_IsOneAlarm_AndRecoveryClearsTheCondition()
    {
        var (engine, _) = Engine(Day);
        engine.OnRobotFault(new RobotFault("med-1", RobotFaultKind.FatalError, Corridor, "e1"));

        Assert.Empty(engine.OnRobotFault(new RobotFault("med-1", RobotFaultKind.FatalError, Corridor, "e1")).Alarms);
        var recovered = engine.OnRobotRecovered("med-1");

        Assert.Equal(("med-1", MonitoringConditions.RobotFatalError, false), (recovered.ConditionChanges[0].SubjectId, recovered.ConditionChanges[0].ConditionKey, recovered.ConditionChanges[0].Present));
    }

    [Fact]
    public void InvalidOptions_AreRejectedNamingEachProblem()
    {
        var options = new MonitoringOptions { MorseHighRiskThreshold = 200, NotReturnedAfter = TimeSpan.Zero };
        options.OnsetDelays["fall"] = TimeSpan.FromSeconds(-1);

        var ex = Assert.Throws<ArgumentException>(() => new MonitoringEngine(options, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Day)));

        Assert.Contains("MorseHighRiskThreshold", ex.Message, StringComparison.Ordinal);
        Assert.Contains("NotReturnedAfter", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'fall'", ex.Message, StringComparison.Ordinal);
    }
}
