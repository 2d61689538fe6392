using CareFleet.Care.Monitoring;
using static CareFleet.Care.Tests.Monitoring.MonitoringKit;

namespace CareFleet.Care.Tests.Monitoring;

public sealed class ObservationDueTests
{
    [Fact]
    public void NewResident_WithoutObservations_GetsAnObservationTaskAtOnce()
    {
        var (engine, _) = Engine(Day);

        var task = Assert.Single(engine.Tick().Tasks);

        Assert.Equal((CareTaskKind.TakeObservations, TaskPerformer.Staff, Day), (task.Kind, task.Performer, task.DueAt));
    }

    [Fact]
    public void ScoreZero_MakesTheNextObservationDue_In12Hours_ForTheBedRobot()
    {
        var (engine, clock) = Engine(Day, null, Profile(bedRobot: true));
        engine.Observe(Normal(clock));

        clock.Advance(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(1));
        Assert.Empty(engine.Tick().Tasks);
        clock.Advance(TimeSpan.FromSeconds(1));
        var task = Assert.Single(engine.Tick().Tasks);

        Assert.Equal((CareTaskKind.TakeObservations, TaskPerformer.BedRobot, Day.AddHours(12)), (task.Kind, task.Performer, task.DueAt));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty(engine.Tick().Tasks);
    }

    [Fact]
    public void MediumBand_MakesObservationsHourly()
    {
        var (engine, clock) = Engine(Day);
        engine.Observe(Unwell(clock));

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Empty(engine.Tick().Tasks);
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(Day.AddHours(1), Assert.Single(engine.Tick().Tasks).DueAt);
    }

    [Fact]
    public void HighBand_ExpectsContinuousMonitoring_AndFlagsA15MinuteGap()
    {
        var (engine, clock) = Engine(Day);
        engine.Observe(Septic(clock));

        clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(Day.AddMinutes(15), Assert.Single(engine.Tick().Tasks).DueAt);
    }

    [Fact]
    public void ANewCompleteObservation_ResetsTheSchedule()
    {
        var (engine, clock) = Engine(Day);
        engine.Observe(Unwell(clock));
        clock.Advance(TimeSpan.FromMinutes(50));
        engine.Observe(Normal(clock));

        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Empty(engine.Tick().Tasks);
    }

    [Fact]
    public void RestoredHistory_KeepsTheObservationDueTime()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Day);
        var engine = new MonitoringEngine(new MonitoringOptions(), clock);
        engine.Register(Profile(), new MonitoringHistory(Day.AddHours(-3), CareFleet.Care.Vitals.ObservationFrequency.FourToSixHourly, Day));

        Assert.Empty(engine.Tick().Tasks);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(Day.AddHours(1), Assert.Single(engine.Tick().Tasks).DueAt);
    }
}
