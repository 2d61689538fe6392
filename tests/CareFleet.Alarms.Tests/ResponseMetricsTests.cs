using CareFleet.Alarms;
using static CareFleet.Alarms.Tests.AlarmTestKit;

namespace CareFleet.Alarms.Tests;

public sealed class ResponseMetricsTests
{
    [Fact]
    public void TimeToAcknowledge_IsReportedPerPriority()
    {
        var clock = Clock();
        var book = new AlarmBook(new AlarmOptions(), TestRoster.Standard(), clock);
        var log = new EventLog();
        var n = 0;
        foreach (var seconds in new[] { 10, 40, 20, 90 })
        {
            clock.SetUtcNow(Start.AddHours(n));
            log.Keep(book.Raise(Request(subject: $"res-{n}"), Id(++n)));
            clock.Advance(TimeSpan.FromSeconds(seconds));
            log.Keep(book.Acknowledge(Id(n), Amy));
        }

        log.Keep(book.Raise(Request(AlarmPriority.Low, subject: "res-low"), Id(50)));
        log.Keep(book.Resolve(Id(50), Amy, ResolutionReason.FalseAlarm, null));
        log.Keep(book.Raise(Request(AlarmPriority.Low, subject: "res-low2"), Id(51)));

        var alarms = log.Events.GroupBy(e => e.AlarmId).Select(g => AlarmSnapshot.Replay(g));
        var stats = AlarmResponseMetrics.Compute(alarms);

        Assert.Equal([AlarmPriority.High, AlarmPriority.Medium, AlarmPriority.Low], stats.Select(s => s.Priority));
        var high = stats[0];
        Assert.Equal((4, 4), (high.Raised, high.Acknowledged));
        Assert.Equal(TimeSpan.FromSeconds(20), high.Median);
        Assert.Equal(TimeSpan.FromSeconds(90), high.P90);
        Assert.Equal(TimeSpan.FromSeconds(90), high.Max);
        Assert.Equal((0, null), (stats[1].Raised, stats[1].Median));
        Assert.Equal((2, 0, 1), (stats[2].Raised, stats[2].Acknowledged, stats[2].ResolvedWithoutAcknowledgement));
    }
}
