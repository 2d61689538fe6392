using CareFleet.Alarms;
using static CareFleet.Alarms.Tests.AlarmTestKit;

namespace CareFleet.Alarms.Tests;

public sealed class LifecycleEdgeTests
{
    [Fact]
    public void Acknowledging_ASilencedAlarm_CancelsTheReNotification()
    {
        var clock = Clock();
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        book.Raise(Request(), Id(1));
        book.Silence(Id(1), Amy, TimeSpan.FromMinutes(5));

        Assert.True(book.Acknowledge(Id(1), Amy).Succeeded);
        clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Empty(book.Tick());
        Assert.Null(book.NextDueAt());
        Assert.Null(book.Find(Id(1))!.SilencedUntil);
    }

    [Fact]
    public void SilencingAgain_MovesTheReNotificationTime()
    {
        var clock = Clock();
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        book.Raise(Request(), Id(1));
        book.Silence(Id(1), Amy, TimeSpan.FromMinutes(2));
        clock.Advance(TimeSpan.FromMinutes(1));

        book.Silence(Id(1), Chen, TimeSpan.FromMinutes(5));

        Assert.Equal(Start.AddMinutes(6), book.NextDueAt());
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty(book.Tick());
    }

    [Fact]
    public void LatchedAlarm_KeepsEscalating_AfterItsConditionCleared_UntilSomeoneTakesIt()
    {
        var clock = Clock();
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        book.Raise(Request(), Id(1));
        book.ReportCondition("res-1", "news2.high", present: false);

        clock.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(1, Assert.IsType<AlarmNotified>(Assert.Single(book.Tick())).Step);
    }

    [Fact]
    public void NextDueAt_IsTheEarliestAcrossOpenAlarms()
    {
        var clock = Clock();
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        book.Raise(Request(AlarmPriority.Low, subject: "res-1"), Id(1));
        clock.Advance(TimeSpan.FromSeconds(30));
        book.Raise(Request(AlarmPriority.High, subject: "res-2"), Id(2));

        Assert.Equal(Start.AddSeconds(90), book.NextDueAt());
    }

    [Fact]
    public void Raise_WithAnEmptyOrUsedId_IsRejected()
    {
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), Clock());
        book.Raise(Request(subject: "res-1"), Id(1));

        Assert.Equal(AlarmRejectionCode.InvalidRequest, book.Raise(Request(subject: "res-2"), Guid.Empty).Rejection!.Code);
        Assert.Equal(AlarmRejectionCode.InvalidRequest, book.Raise(Request(subject: "res-2"), Id(1)).Rejection!.Code);
    }

    [Fact]
    public void RosterChange_IsPickedUpAtTheNextNotification()
    {
        var clock = Clock();
        var roster = TestRoster.Standard();
        var book = new AlarmBook(new AlarmOptions(), roster, clock);
        book.Raise(Request(), Id(1));
        book.Silence(Id(1), Amy, TimeSpan.FromMinutes(1));

        roster.Without("cg-amy").With("cg-eve", StaffRole.Caregiver, "101");
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(["cg-eve"], Assert.IsType<AlarmNotified>(book.Tick()[1]).Recipients);
    }
}

public sealed class AccessRoleTests
{
    [Theory]
    [InlineData("nurse", false, StaffRole.Nurse, true)]
    [InlineData("nurse", true, StaffRole.ChargeNurse, true)]
    [InlineData("caregiver", false, StaffRole.Caregiver, true)]
    [InlineData("admin", false, StaffRole.Manager, true)]
    [InlineData("viewer", false, StaffRole.Viewer, false)]
    [InlineData("robot", false, StaffRole.Viewer, false)]
    [InlineData(null, false, StaffRole.Viewer, false)]
    public void AccessRole_MapsToAnAlarmRole_AndOnlyViewersCannotAct(string? accessRole, bool chargeNurse, StaffRole expected, bool canAct)
    {
        var role = AlarmActor.RoleFromAccessRole(accessRole, chargeNurse);

        Assert.Equal(expected, role);
        Assert.Equal(canAct, new AlarmActor("someone", role).CanActOnAlarms);
    }
}
