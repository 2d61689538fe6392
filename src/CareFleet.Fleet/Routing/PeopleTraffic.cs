namespace CareFleet.Fleet.Routing;

/// <summary>A report that people block a corridor (a resident with a walker, staff with a cart).</summary>
/// <param name="EdgeId">The blocked edge.</param>
/// <param name="What">What blocks it, e.g. "resident with a walker" (never a name).</param>
/// <param name="ReportedBy">Robot or person who reported it.</param>
/// <param name="Until">When the report lapses unless renewed.</param>
/// <param name="ExpectedWait">How long a robot is expected to wait to pass.</param>
public sealed record PeopleBlockage(string EdgeId, string What, string ReportedBy, DateTimeOffset Until, TimeSpan ExpectedWait);

/// <summary>
/// People as traffic: corridors reported blocked. Routes go around a blocked corridor when the detour costs
/// less than the expected wait, and otherwise plan to wait there and say so.
/// </summary>
public sealed class PeopleTraffic
{
    private readonly Dictionary<string, PeopleBlockage> _blockages = new(StringComparer.Ordinal);

    /// <summary>Current reports (including lapsed ones until <see cref="Prune"/>).</summary>
    public IReadOnlyCollection<PeopleBlockage> Reports => _blockages.Values;

    /// <summary>Adds or renews a report.</summary>
    /// <param name="blockage">The report.</param>
    public void Report(PeopleBlockage blockage)
    {
        ArgumentNullException.ThrowIfNull(blockage);
        _blockages[blockage.EdgeId] = blockage;
    }

    /// <summary>Clears a corridor.</summary>
    /// <param name="edgeId">The edge.</param>
    /// <returns>True when a report was removed.</returns>
    public bool Clear(string edgeId) => _blockages.Remove(edgeId);

    /// <summary>Drops lapsed reports.</summary>
    /// <param name="now">Current time.</param>
    public void Prune(DateTimeOffset now)
    {
        foreach (var key in _blockages.Where(b => b.Value.Until <= now).Select(b => b.Key).ToList())
        {
            _blockages.Remove(key);
        }
    }

    /// <summary>The active report on an edge at a time.</summary>
    /// <param name="edgeId">The edge.</param>
    /// <param name="at">The time.</param>
    /// <returns>The report, or null.</returns>
    public PeopleBlockage? ActiveOn(string edgeId, DateTimeOffset at) =>
        _blockages.TryGetValue(edgeId, out var b) && b.Until > at ? b : null;

    internal bool IsEmpty => _blockages.Count == 0;
}
