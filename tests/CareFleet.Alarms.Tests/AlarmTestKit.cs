using CareFleet.Alarms;
using Microsoft.Extensions.Time.Testing;

namespace CareFleet.Alarms.Tests;

internal static class AlarmTestKit
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);

    public static readonly AlarmActor Amy = new("cg-amy", StaffRole.Caregiver);
    public static readonly AlarmActor Chen = new("rn-chen", StaffRole.Nurse);
    public static readonly AlarmActor Visitor = new("screen-lobby", StaffRole.Viewer);

    public static FakeTimeProvider Clock() => new(Start);

    public static AlarmRequest Request(
        AlarmPriority priority = AlarmPriority.High,
        string subject = "res-1",
        string condition = "news2.high",
        string? room = "101") =>
        new(
            subject,
            subject,
            condition,
            "news2-band",
            priority,
            new AlarmLocation(room),
            "NEWS2 7",
            [new AlarmEvidence("news2.total", "7", "{score}")],
            Start);

    public static Guid Id(int n) => new(n, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]);
}

internal sealed class EventLog
{
    public List<AlarmEvent> Events { get; } = [];

    public AlarmChange Keep(AlarmChange change)
    {
        Events.AddRange(change.Events);
        return change;
    }

    public IReadOnlyList<AlarmEvent> Keep(IReadOnlyList<AlarmEvent> events)
    {
        Events.AddRange(events);
        return events;
    }
}
