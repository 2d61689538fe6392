using CareFleet.Alarms;
using CareFleet.Care.Monitoring;
using static CareFleet.Care.Tests.Monitoring.MonitoringKit;

namespace CareFleet.Care.Tests.Monitoring;

/// <summary>The deterioration walk on the pure path: readings → NEWS2 → alarm request → alarm book → escalation.</summary>
public sealed class DeteriorationToEscalationTests
{
    private sealed class Roster : IStaffRoster
    {
        public IReadOnlyList<StaffMember> CoveringRoom(string roomId, DateTimeOffset at) =>
            roomId == "101" ? [new StaffMember("cg-amy", StaffRole.Caregiver)] : [];

        public IReadOnlyList<StaffMember> OnShiftWithRole(StaffRole role, DateTimeOffset at) => role switch
        {
            StaffRole.Nurse => [new StaffMember("rn-chen", StaffRole.Nurse)],
            StaffRole.ChargeNurse => [new StaffMember("cn-dara", StaffRole.ChargeNurse)],
            _ => [],
        };

        public IReadOnlyList<StaffMember> OnShift(DateTimeOffset at) => [];

        public bool IsOnShift(string staffId, DateTimeOffset at) => true;
    }

    [Fact]
    public void UnansweredDeterioration_EscalatesToTheChargeNurse_AndAcknowledgingStopsIt()
    {
        var (monitor, clock) = Engine(Day);
        var book = new AlarmBook(new AlarmOptions(), new Roster(), clock);
        var unwell = monitor.Observe(Unwell(clock));
        var medium = book.Raise(Assert.Single(unwell.Alarms), Guid.NewGuid());

        clock.Advance(TimeSpan.FromMinutes(2));
        var septic = monitor.Observe(Septic(clock));
        foreach (var change in septic.ConditionChanges)
        {
            book.ReportCondition(change.SubjectId, change.ConditionKey, change.Present);
        }

        var high = book.Raise(Assert.Single(septic.Alarms), Guid.NewGuid());
        Assert.Equal(AlarmPriority.High, book.Find(high.AlarmId!.Value)!.Priority);
        Assert.False(book.Find(medium.AlarmId!.Value)!.ConditionPresent);
        var recipients = high.Events.OfType<AlarmNotified>().SelectMany(n => n.Recipients).ToList();

        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(60));
            recipients.AddRange(book.Tick().OfType<AlarmNotified>().Where(n => n.AlarmId == high.AlarmId).SelectMany(n => n.Recipients));
        }

        Assert.Equal(["cg-amy", "rn-chen", "cn-dara", "cn-dara"], recipients);
        book.Acknowledge(high.AlarmId.Value, new AlarmActor("cn-dara", StaffRole.ChargeNurse));
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.DoesNotContain(book.Tick(), e => e.AlarmId == high.AlarmId);
    }
}
