namespace CareFleet.Alarms;

/// <summary>Time-to-acknowledge figures for one priority.</summary>
/// <param name="Priority">The priority.</param>
/// <param name="Raised">Alarms raised.</param>
/// <param name="Acknowledged">Of those, acknowledged.</param>
/// <param name="Median">Median time from raise to acknowledgement, null when none was acknowledged.</param>
/// <param name="P90">90th percentile (nearest rank).</param>
/// <param name="Max">Longest.</param>
/// <param name="ResolvedWithoutAcknowledgement">Closed without anybody taking ownership first.</param>
public sealed record ResponseTimeStats(
    AlarmPriority Priority,
    int Raised,
    int Acknowledged,
    TimeSpan? Median,
    TimeSpan? P90,
    TimeSpan? Max,
    int ResolvedWithoutAcknowledgement);

/// <summary>Response-time metrics per priority, computed from alarm snapshots (open and closed).</summary>
public static class AlarmResponseMetrics
{
    /// <summary>One entry per priority, highest first, including priorities with no alarms.</summary>
    public static IReadOnlyList<ResponseTimeStats> Compute(IEnumerable<AlarmSnapshot> alarms)
    {
        ArgumentNullException.ThrowIfNull(alarms);
        var byPriority = alarms.ToLookup(a => a.Priority);
        var result = new List<ResponseTimeStats>();
        foreach (var priority in new[] { AlarmPriority.High, AlarmPriority.Medium, AlarmPriority.Low })
        {
            var group = byPriority[priority].ToList();
            var times = group.Where(a => a.AcknowledgedAt is not null)
                .Select(a => a.AcknowledgedAt!.Value - a.RaisedAt)
                .Order()
                .ToList();
            var unowned = group.Count(a => a.State == AlarmState.Resolved && a.AcknowledgedAt is null);
            result.Add(new ResponseTimeStats(
                priority,
                group.Count,
                times.Count,
                times.Count == 0 ? null : NearestRank(times, 0.5),
                times.Count == 0 ? null : NearestRank(times, 0.9),
                times.Count == 0 ? null : times[^1],
                unowned));
        }

        return result;
    }

    private static TimeSpan NearestRank(List<TimeSpan> sorted, double percentile)
    {
        var rank = (int)Math.Ceiling(percentile * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
