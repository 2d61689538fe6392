using Microsoft.EntityFrameworkCore;

namespace CareFleet.Alarms.Persistence;

/// <summary>The append failed because an event with the same alarm and sequence is already stored.</summary>
public sealed class AlarmEventConflictException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Appends alarm events and reads them back. Appends are one transaction per command, so an alarm's
/// history never holds half a change.
/// </summary>
public sealed class AlarmEventStore(AlarmsDbContext db)
{
    /// <summary>
    /// Stores the events of one accepted command. Throws <see cref="AlarmEventConflictException"/> when any
    /// (alarm, sequence) is already stored: the caller's book is then out of date and must be restored.
    /// </summary>
    public async Task AppendAsync(string homeId, IReadOnlyList<AlarmEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        db.Events.AddRange(events.Select(e => new StoredAlarmEvent(homeId, e)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            db.ChangeTracker.Clear();
            var first = events[0];
            throw new AlarmEventConflictException($"Alarm {first.AlarmId}: event {first.Sequence} (or a later one of this append) is already stored.", e);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Every event of the home's alarms that are not resolved, for <see cref="AlarmBook.Restore"/>.</summary>
    public async Task<IReadOnlyList<AlarmEvent>> LoadOpenAsync(string homeId, CancellationToken cancellationToken)
    {
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.HomeId == homeId && !db.Events.Any(r => r.AlarmId == e.AlarmId && r.Type == StoredAlarmEvent.Resolved))
            .OrderBy(e => e.Id)
            .Select(e => e.Json)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(AlarmEventJson.Deserialize);
    }

    /// <summary>
    /// Every event of the home's alarms raised from <paramref name="from"/> to <paramref name="to"/> (both included), open or
    /// closed, for history and metrics.
    /// </summary>
    public async Task<IReadOnlyList<AlarmEvent>> LoadRaisedBetweenAsync(string homeId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.HomeId == homeId && db.Events.Any(r => r.AlarmId == e.AlarmId && r.Type == "raised" && r.At >= from && r.At <= to))
            .OrderBy(e => e.Id)
            .Select(e => e.Json)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(AlarmEventJson.Deserialize);
    }

    /// <summary>The stored events of one alarm, in sequence order.</summary>
    public async Task<IReadOnlyList<AlarmEvent>> LoadAlarmAsync(Guid alarmId, CancellationToken cancellationToken)
    {
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.AlarmId == alarmId)
            .OrderBy(e => e.Sequence)
            .Select(e => e.Json)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(AlarmEventJson.Deserialize);
    }
}
