using CareFleet.Alarms;
using static CareFleet.Alarms.Tests.AlarmTestKit;

namespace CareFleet.Alarms.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public void Silence_PausesEscalation_ThenRenotifiesTheSameStep_WhileTheConditionPersists()
    {
        var clock = Clock();
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        book.Raise(Request(), Id(1));
        clock.Advance(TimeSpan.FromSeconds(30));

        var silenced = Assert.IsType<AlarmSilenced>(Assert.Single(book.Silence(Id(1), Amy, TimeSpan.FromMinutes(5)).Events));
        Assert.Equal(Start.AddSeconds(30 + 300), silenced.Until);
        Assert.Equal(AlarmState.Silenced, book.Find(Id(1))!.State);

        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Empty(book.Tick());
        clock.Advance(TimeSpan.FromSeconds(239));
        Assert.Empty(book.Tick());
        clock.Advance(TimeSpan.FromSeconds(1));

        var events = book.Tick();
        Assert.Equal(2, events.Count);
        Assert.True(Assert.IsType<AlarmSilenceEnded>(events[0]).ConditionPresent);
        var renotified = Assert.IsType<AlarmNotified>(events[1]);
        Assert.Equal((0, NotificationReason.Renotified), (renotified.Step, renotified.Reason));
        Assert.Equal(["cg-amy"], renotified.Recipients);
        Assert.Equal(clock.GetUtcNow().AddSeconds(60), book.NextDueAt());
    }

    [Fact]
    public void Silence_EndingAfterTheConditionCleared_GoesQuiet_UntilTheConditionReturns()
    {
        var clock = Clock();
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        book.Raise(Request(), Id(1));
        book.Silence(Id(1), Amy, TimeSpan.FromMinutes(2));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.IsType<AlarmConditionCleared>(Assert.Single(book.ReportCondition("res-1", "news2.high", present: false).Events));
        clock.Advance(TimeSpan.FromMinutes(1));

        var ended = Assert.IsType<AlarmSilenceEnded>(Assert.Single(book.Tick()));
        Assert.False(ended.ConditionPresent);
        Assert.True(book.Find(Id(1))!.Quiet);
        Assert.Null(book.NextDueAt());

        clock.Advance(TimeSpan.FromMinutes(10));
        var back = book.ReportCondition("res-1", "news2.high", present: true);
        Assert.IsType<AlarmConditionReturned>(back.Events[0]);
        Assert.Equal(NotificationReason.ConditionReturned, Assert.IsType<AlarmNotified>(back.Events[1]).Reason);
        Assert.Equal(clock.GetUtcNow().AddSeconds(60), book.NextDueAt());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(601)]
    public void Silence_OutsideTheAllowedDuration_IsRejected(int seconds)
    {
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), Clock());
        book.Raise(Request(), Id(1));

        var change = book.Silence(Id(1), Amy, TimeSpan.FromSeconds(seconds));

        Assert.Equal(AlarmRejectionCode.InvalidSilenceDuration, change.Rejection!.Code);
        Assert.Equal(AlarmState.Active, book.Find(Id(1))!.State);
    }

    [Fact]
    public void Silence_OfAnAcknowledgedAlarm_IsRejected()
    {
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), Clock());
        book.Raise(Request(), Id(1));
        book.Acknowledge(Id(1), Amy);

        Assert.Equal(AlarmRejectionCode.InvalidState, book.Silence(Id(1), Amy, TimeSpan.FromMinutes(1)).Rejection!.Code);
    }

    [Fact]
    public void Viewer_CannotSilenceOrResolve()
    {
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), Clock());
        book.Raise(Request(), Id(1));

        Assert.Equal(AlarmRejectionCode.NotAllowedForRole, book.Silence(Id(1), Visitor, TimeSpan.FromMinutes(1)).Rejection!.Code);
        Assert.Equal(AlarmRejectionCode.NotAllowedForRole, book.Resolve(Id(1), Visitor, ResolutionReason.Attended, null).Rejection!.Code);
    }

    [Fact]
    public void Resolve_WithoutAReason_IsRejected()
    {
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), Clock());
        book.Raise(Request(), Id(1));

        var change = book.Resolve(Id(1), Amy, ResolutionReason.Unspecified, "done");

        Assert.Equal(AlarmRejectionCode.ReasonRequired, change.Rejection!.Code);
        Assert.NotNull(book.Find(Id(1)));
    }

    [Fact]
    public void Resolve_WithAnUndefinedReason_IsRejected()
    {
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), Clock());
        book.Raise(Request(), Id(1));

        Assert.Equal(AlarmRejectionCode.ReasonRequired, book.Resolve(Id(1), Amy, (ResolutionReason)42, null).Rejection!.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Resolve_WithReasonOther_NeedsANote(string? note)
    {
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), Clock());
        book.Raise(Request(), Id(1));

        Assert.Equal(AlarmRejectionCode.NoteRequired, book.Resolve(Id(1), Amy, ResolutionReason.Other, note).Rejection!.Code);
    }

    [Fact]
    public void Resolve_WithAReason_ClosesTheAlarm_AndRecordsWhoWhenAndWhy()
    {
        var clock = Clock();
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        var log = new EventLog();
        log.Keep(book.Raise(Request(), Id(1)));
        clock.Advance(TimeSpan.FromMinutes(3));

        var resolved = Assert.IsType<AlarmResolved>(Assert.Single(log.Keep(book.Resolve(Id(1), Chen, ResolutionReason.Other, " GP visited ")).Events));

        Assert.Equal((Chen, Start.AddMinutes(3), ResolutionReason.Other, "GP visited"), (resolved.Actor, resolved.At, resolved.Reason, resolved.Note));
        Assert.Null(book.Find(Id(1)));
        Assert.Empty(book.OpenAlarms);
        var snapshot = AlarmSnapshot.Replay(log.Events);
        Assert.Equal(AlarmState.Resolved, snapshot.State);
        Assert.Equal(Chen, snapshot.ResolvedBy);
        Assert.Equal(AlarmRejectionCode.NotFound, book.Resolve(Id(1), Chen, ResolutionReason.Attended, null).Rejection!.Code);
    }

    [Fact]
    public void SecondRequest_ForAnOpenCondition_IsADuplicate_AndRaisesNothing()
    {
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), Clock());
        book.Raise(Request(), Id(1));

        var again = book.Raise(Request(), Id(2));

        Assert.True(again.IsDuplicate);
        Assert.Equal(Id(1), again.AlarmId);
        Assert.Empty(again.Events);
        Assert.Single(book.OpenAlarms);
    }

    [Fact]
    public void SameCondition_ForAnotherResident_IsANewAlarm()
    {
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), Clock());
        book.Raise(Request(), Id(1));

        var other = book.Raise(Request(subject: "res-2"), Id(2));

        Assert.False(other.IsDuplicate);
        Assert.Equal(2, book.OpenAlarms.Count);
    }

    [Fact]
    public void Request_AfterTheAlarmWasResolved_RaisesANewAlarm()
    {
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), Clock());
        book.Raise(Request(), Id(1));
        book.Resolve(Id(1), Amy, ResolutionReason.Attended, null);

        var next = book.Raise(Request(), Id(2));

        Assert.False(next.IsDuplicate);
        Assert.Equal(Id(2), next.AlarmId);
    }

    [Fact]
    public void DuplicateRequest_AfterTheConditionCleared_RecordsItsReturn()
    {
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), Clock());
        book.Raise(Request(), Id(1));
        book.ReportCondition("res-1", "news2.high", present: false);

        var again = book.Raise(Request(), Id(2));

        Assert.True(again.IsDuplicate);
        Assert.IsType<AlarmConditionReturned>(Assert.Single(again.Events));
        Assert.True(book.Find(Id(1))!.ConditionPresent);
    }

    [Fact]
    public void Request_WithoutASubject_IsRejectedWithAClearMessage()
    {
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), Clock());

        var change = book.Raise(Request(subject: " "), Id(1));

        Assert.Equal(AlarmRejectionCode.InvalidRequest, change.Rejection!.Code);
        Assert.Contains("subject", change.Rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Commands_OnAnUnknownAlarm_AreRejectedAsNotFound()
    {
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), Clock());

        Assert.Equal(AlarmRejectionCode.NotFound, book.Acknowledge(Id(9), Amy).Rejection!.Code);
        Assert.Equal(AlarmRejectionCode.NotFound, book.ReportCondition("res-9", "x", false).Rejection!.Code);
    }
}
