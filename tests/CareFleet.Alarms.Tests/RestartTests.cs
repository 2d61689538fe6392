using CareFleet.Alarms;
using static CareFleet.Alarms.Tests.AlarmTestKit;

namespace CareFleet.Alarms.Tests;

public sealed class RestartTests
{
    [Fact]
    public void RebuiltBook_HasTheSameNextEscalationTime_AndEscalatesOnTime()
    {
        var clock = Clock();
        var log = new EventLog();
        var before = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        log.Keep(before.Raise(Request(), Id(1)));
        clock.Advance(TimeSpan.FromSeconds(60));
        log.Keep(before.Tick());
        clock.Advance(TimeSpan.FromSeconds(30));
        var expected = before.NextDueAt();

        // The process dies here; a new one starts from the stored events only.
        clock.Advance(TimeSpan.FromSeconds(10));
        var after = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        after.Restore(log.Events);

        Assert.Equal(Start.AddSeconds(120), expected);
        Assert.Equal(expected, after.NextDueAt());
        Assert.Equal(AlarmState.Escalated, after.Find(Id(1))!.State);
        clock.Advance(TimeSpan.FromSeconds(19));
        Assert.Empty(after.Tick());
        clock.Advance(TimeSpan.FromSeconds(1));
        var failsafe = Assert.IsType<AlarmNotified>(Assert.Single(after.Tick()));
        Assert.Equal((2, 4), (failsafe.Step, failsafe.Sequence));
    }

    [Fact]
    public void RebuiltBook_KeepsSilences_AcknowledgementsAndDropsResolvedAlarms()
    {
        var clock = Clock();
        var log = new EventLog();
        var before = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        log.Keep(before.Raise(Request(subject: "res-1"), Id(1)));
        log.Keep(before.Raise(Request(subject: "res-2"), Id(2)));
        log.Keep(before.Raise(Request(subject: "res-3"), Id(3)));
        log.Keep(before.Silence(Id(1), Amy, TimeSpan.FromMinutes(4)));
        log.Keep(before.Acknowledge(Id(2), Chen));
        log.Keep(before.Resolve(Id(3), Chen, ResolutionReason.FalseAlarm, null));

        var after = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        after.Restore(log.Events.AsEnumerable().Reverse());

        Assert.Equal(2, after.OpenAlarms.Count);
        Assert.Equal(AlarmState.Silenced, after.Find(Id(1))!.State);
        Assert.Equal(AlarmState.Acknowledged, after.Find(Id(2))!.State);
        Assert.Null(after.Find(Id(3)));
        Assert.Equal(before.NextDueAt(), after.NextDueAt());
        Assert.Equal(Start.AddMinutes(4), after.NextDueAt());
        Assert.True(after.Raise(Request(subject: "res-1"), Id(4)).IsDuplicate);
    }

    [Fact]
    public void DowntimePastSeveralSteps_GoesStraightToTheStepTheClockReached()
    {
        var clock = Clock();
        var log = new EventLog();
        var before = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        log.Keep(before.Raise(Request(), Id(1)));

        clock.Advance(TimeSpan.FromSeconds(150));
        var after = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        after.Restore(log.Events);
        var notified = Assert.IsType<AlarmNotified>(Assert.Single(after.Tick()));

        Assert.Equal((2, NotificationReason.Escalated), (notified.Step, notified.Reason));
        Assert.Equal(clock.GetUtcNow(), notified.At);
        Assert.Equal(clock.GetUtcNow().AddSeconds(60), after.NextDueAt());
    }

    [Fact]
    public void NextActionDue_IsAPureFunctionOfTheHistory()
    {
        var clock = Clock();
        var log = new EventLog();
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        log.Keep(book.Raise(Request(AlarmPriority.Medium), Id(1)));
        clock.Advance(TimeSpan.FromMinutes(3));
        log.Keep(book.Tick());
        var chain = new AlarmOptions().ChainFor(AlarmPriority.Medium);

        var once = AlarmSnapshot.Replay(log.Events).NextActionDueAt(chain);
        var twice = AlarmSnapshot.Replay(log.Events.ToList()).NextActionDueAt(chain);

        Assert.Equal(Start.AddMinutes(6), once);
        Assert.Equal(once, twice);
    }

    [Fact]
    public void Replay_RejectsAGapInTheSequence()
    {
        var clock = Clock();
        var log = new EventLog();
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        log.Keep(book.Raise(Request(), Id(1)));
        log.Keep(book.Acknowledge(Id(1), Amy));
        log.Events.RemoveAt(1);

        var ex = Assert.Throws<ArgumentException>(() => AlarmSnapshot.Replay(log.Events));
        Assert.Contains("expected event 2, got 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_RejectsAHistoryNotStartingWithRaised()
    {
        var ack = new AlarmAcknowledged(Id(1), 1, Start, Amy);

        var ex = Assert.Throws<ArgumentException>(() => AlarmSnapshot.Replay([ack]));
        Assert.Contains("must start with AlarmRaised", ex.Message, StringComparison.Ordinal);
    }
}

public sealed class BrokenHistoryTests
{
    [Fact]
    public void AlarmWithABrokenHistory_IsNamed_AndTheOthersAreStillRestored()
    {
        var clock = Clock();
        var log = new EventLog();
        var before = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        log.Keep(before.Raise(Request(subject: "res-1"), Id(1)));
        log.Keep(before.Raise(Request(subject: "res-2"), Id(2)));
        log.Keep(before.Acknowledge(Id(2), Amy));
        log.Events.RemoveAll(e => e.AlarmId == Id(2) && e.Sequence == 2);

        var after = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        var problems = after.Restore(log.Events);

        Assert.Contains(Id(2).ToString(), Assert.Single(problems), StringComparison.Ordinal);
        Assert.NotNull(after.Find(Id(1)));
        Assert.Null(after.Find(Id(2)));
    }
}
