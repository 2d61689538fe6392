using CareFleet.Alarms;
using static CareFleet.Alarms.Tests.AlarmTestKit;

namespace CareFleet.Alarms.Tests;

public sealed class EscalationTests
{
    [Fact]
    public void Raise_NotifiesTheCaregiverCoveringTheRoom()
    {
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), Clock());

        var change = book.Raise(Request(room: "201"), Id(1));

        Assert.True(change.Succeeded);
        Assert.IsType<AlarmRaised>(change.Events[0]);
        var notified = Assert.IsType<AlarmNotified>(change.Events[1]);
        Assert.Equal(0, notified.Step);
        Assert.Equal(NotificationReason.Raised, notified.Reason);
        Assert.Equal(["cg-bo"], notified.Recipients);
        Assert.Equal([1, 2], change.Events.Select(e => e.Sequence));
        Assert.All(change.Events, e => Assert.Equal(Start, e.At));
        Assert.Equal(AlarmState.Active, book.Find(Id(1))!.State);
    }

    [Fact]
    public void HighAlarm_EscalatesStepByStep_ToTheChargeNurse_ThenRepeats()
    {
        var clock = Clock();
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        book.Raise(Request(), Id(1));
        Assert.Equal(Start.AddSeconds(60), book.NextDueAt());

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(book.Tick());

        clock.Advance(TimeSpan.FromSeconds(1));
        var toNurse = Assert.IsType<AlarmNotified>(Assert.Single(book.Tick()));
        Assert.Equal((1, NotificationReason.Escalated), (toNurse.Step, toNurse.Reason));
        Assert.Equal(["rn-chen"], toNurse.Recipients);
        Assert.Equal(AlarmState.Escalated, book.Find(Id(1))!.State);
        Assert.Equal(Start.AddSeconds(120), book.NextDueAt());

        clock.Advance(TimeSpan.FromSeconds(60));
        var toFailsafe = Assert.IsType<AlarmNotified>(Assert.Single(book.Tick()));
        Assert.Equal(2, toFailsafe.Step);
        Assert.Equal(["cn-dara"], toFailsafe.Recipients);

        clock.Advance(TimeSpan.FromSeconds(60));
        var repeat = Assert.IsType<AlarmNotified>(Assert.Single(book.Tick()));
        Assert.Equal((2, NotificationReason.FailsafeRepeated), (repeat.Step, repeat.Reason));
        Assert.Equal(Start.AddSeconds(240), book.NextDueAt());
    }

    [Fact]
    public void MediumAlarm_UsesItsOwnChainTimes()
    {
        var clock = Clock();
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        book.Raise(Request(AlarmPriority.Medium), Id(1));

        clock.Advance(TimeSpan.FromSeconds(179));
        Assert.Empty(book.Tick());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, Assert.IsType<AlarmNotified>(Assert.Single(book.Tick())).Step);
    }

    [Fact]
    public void ConfiguredChain_WithPerStepTimes_IsFollowed()
    {
        var options = new AlarmOptions();
        options.Chains[AlarmPriority.Low] = new EscalationChain(
            [
                new EscalationStep(EscalationTarget.ForStaff("cg-bo"), TimeSpan.FromMinutes(2)),
                new EscalationStep(EscalationTarget.ForRole(StaffRole.Nurse), TimeSpan.FromMinutes(7)),
            ],
            EscalationTarget.ForRole(StaffRole.ChargeNurse),
            TimeSpan.FromMinutes(30));
        var clock = Clock();
        var book = new AlarmBook(options, TestRoster.Standard(), clock);

        var first = Assert.IsType<AlarmNotified>(book.Raise(Request(AlarmPriority.Low), Id(1)).Events[1]);
        Assert.Equal(["cg-bo"], first.Recipients);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(["rn-chen"], Assert.IsType<AlarmNotified>(Assert.Single(book.Tick())).Recipients);
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Empty(book.Tick());
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(["cn-dara"], Assert.IsType<AlarmNotified>(Assert.Single(book.Tick())).Recipients);
        Assert.Equal(clock.GetUtcNow().AddMinutes(30), book.NextDueAt());
    }

    [Fact]
    public void Acknowledge_StopsEscalation()
    {
        var clock = Clock();
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        book.Raise(Request(), Id(1));
        clock.Advance(TimeSpan.FromSeconds(30));

        var ack = book.Acknowledge(Id(1), Amy);

        var e = Assert.IsType<AlarmAcknowledged>(Assert.Single(ack.Events));
        Assert.Equal((Amy, Start.AddSeconds(30)), (e.Actor, e.At));
        Assert.Null(book.NextDueAt());
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty(book.Tick());
        Assert.Equal(AlarmState.Acknowledged, book.Find(Id(1))!.State);
    }

    [Fact]
    public void Viewer_CannotAcknowledge_AndTheAlarmKeepsEscalating()
    {
        var clock = Clock();
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        book.Raise(Request(), Id(1));

        var change = book.Acknowledge(Id(1), Visitor);

        Assert.False(change.Succeeded);
        Assert.Equal(AlarmRejectionCode.NotAllowedForRole, change.Rejection!.Code);
        Assert.Contains("Viewer", change.Rejection.Message, StringComparison.Ordinal);
        Assert.Empty(change.Events);
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Single(book.Tick());
    }

    [Fact]
    public void Acknowledge_Twice_IsRejected_NamingTheOwner()
    {
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), Clock());
        book.Raise(Request(), Id(1));
        book.Acknowledge(Id(1), Amy);

        var second = book.Acknowledge(Id(1), Chen);

        Assert.Equal(AlarmRejectionCode.AlreadyAcknowledged, second.Rejection!.Code);
        Assert.Contains("cg-amy", second.Rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_WithNobodyCoveringTheRoom_IsSkipped()
    {
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), Clock());

        var change = book.Raise(Request(room: "999"), Id(1));

        var notified = Assert.IsType<AlarmNotified>(change.Events[1]);
        Assert.Equal(1, notified.Step);
        Assert.Equal(NotificationReason.Escalated, notified.Reason);
        Assert.Equal([0], notified.SkippedSteps);
        Assert.Equal(["rn-chen"], notified.Recipients);
    }

    [Fact]
    public void Failsafe_WithNoChargeNurseOnShift_FallsBackToEverybodyOnShift()
    {
        var roster = new TestRoster().With("cg-amy", StaffRole.Caregiver, "101").With("cg-bo", StaffRole.Caregiver, "201");
        var book = new AlarmBook(new AlarmOptions(), roster, Clock());

        var notified = Assert.IsType<AlarmNotified>(book.Raise(Request(room: null), Id(1)).Events[1]);

        Assert.Equal(2, notified.Step);
        Assert.Equal([0, 1], notified.SkippedSteps);
        Assert.Equal(["cg-amy", "cg-bo"], notified.Recipients);
    }

    [Fact]
    public void Options_WithoutAChainOrWithZeroTimes_AreRejectedNamingTheProblem()
    {
        var options = new AlarmOptions();
        options.Chains.Remove(AlarmPriority.Low);
        options.Chains[AlarmPriority.High] = new EscalationChain(
            [new EscalationStep(EscalationTarget.RoomCaregiver, TimeSpan.Zero)], EscalationTarget.ForRole(StaffRole.ChargeNurse), TimeSpan.FromMinutes(1));

        var ex = Assert.Throws<ArgumentException>(() => new AlarmBook(options, TestRoster.Standard(), Clock()));

        Assert.Contains("priority Low", ex.Message, StringComparison.Ordinal);
        Assert.Contains("High: Escalation step 0", ex.Message, StringComparison.Ordinal);
    }
}
