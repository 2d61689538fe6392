using System.Text.Json;
using CareFleet.Alarms;
using static CareFleet.Alarms.Tests.AlarmTestKit;

namespace CareFleet.Alarms.Tests;

public sealed class AlarmEventJsonTests
{
    [Fact]
    public void StoredHistory_ReadBackAfterARestart_GivesTheSameAlarmsAndClock()
    {
        var clock = Clock();
        var log = new EventLog();
        var before = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        log.Keep(before.Raise(Request(subject: "res-1"), Id(1)));
        log.Keep(before.Raise(Request(AlarmPriority.Low, subject: "res-2"), Id(2)));
        clock.Advance(TimeSpan.FromSeconds(61));
        log.Keep(before.Tick());
        log.Keep(before.Silence(Id(1), Amy, TimeSpan.FromMinutes(3)));
        log.Keep(before.ReportCondition("res-2", "news2.high", false));
        log.Keep(before.Resolve(Id(2), Chen, ResolutionReason.Other, "moved to hospital"));
        var stored = log.Events.Select(AlarmEventJson.Serialize).ToList();

        var after = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        after.Restore(stored.Select(AlarmEventJson.Deserialize));

        Assert.Equal(before.NextDueAt(), after.NextDueAt());
        var snapshot = Assert.Single(after.OpenAlarms);
        var original = before.Find(Id(1))!;
        Assert.Equal(
            (original.State, original.Step, original.StepStartedAt, original.SilencedUntil, original.ConditionPresent, original.LastSequence),
            (snapshot.State, snapshot.Step, snapshot.StepStartedAt, snapshot.SilencedUntil, snapshot.ConditionPresent, snapshot.LastSequence));
        Assert.Equal(["rn-chen"], snapshot.Recipients);
        Assert.Equal(original.Request.Evidence, snapshot.Request.Evidence);
        Assert.Equal(original.Request with { Evidence = [] }, snapshot.Request with { Evidence = [] });
    }

    [Fact]
    public void StoredEvent_IsReadableJson_WithTypeAndEnumNames()
    {
        var e = new AlarmResolved(Id(1), 7, Start, Chen, ResolutionReason.FalseAlarm, null);

        var json = AlarmEventJson.Serialize(e);

        Assert.Contains("\"type\":\"resolved\"", json, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"falseAlarm\"", json, StringComparison.Ordinal);
        Assert.Contains("\"role\":\"nurse\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("note", json, StringComparison.Ordinal);
        Assert.Equal(e, AlarmEventJson.Deserialize(json));
    }

    [Fact]
    public void UnknownEventType_IsRejectedWithAJsonError()
    {
        Assert.ThrowsAny<JsonException>(() => AlarmEventJson.Deserialize("""{"type":"exploded","alarmId":"00000001-0000-0000-0000-000000000001"}"""));
    }
}
