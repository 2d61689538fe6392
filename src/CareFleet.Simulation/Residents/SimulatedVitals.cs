using CareFleet.Contracts.Care;

namespace CareFleet.Simulation.Residents;

/// <summary>
/// The transfer-assist beds measuring their residents: each resident's next set is due one interval after
/// the last, the first sets staggered over one interval so the beds do not all publish at once.
/// </summary>
public sealed class SimulatedVitals(SimulatedResidents residents, TimeProvider time)
{
    /// <summary>The robot type that carries the bed sensors.</summary>
    public const string BedRobotType = "transferAssist";

    private readonly Dictionary<string, DateTimeOffset> _next = new(StringComparer.Ordinal);
    private long _headerId;

    /// <summary>Vital-sign sets published so far.</summary>
    public long Published => Interlocked.Read(ref _headerId);

    /// <summary>Publishes every set that is due now through the connected bed robots.</summary>
    public async Task PublishDueAsync(IReadOnlyList<SimulatedRobot> robots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(robots);
        var beds = robots.Where(r => r.Spec.Type == BedRobotType).OrderBy(r => r.Spec.SerialNumber, StringComparer.Ordinal).ToList();
        var assignment = residents.AssignTo([.. beds.Select(Key)]);
        var now = time.GetUtcNow();
        var interval = residents.Options.VitalsInterval;
        foreach (var bed in beds.Where(b => b.IsConnected))
        {
            if (!assignment.TryGetValue(Key(bed), out var assigned))
            {
                continue;
            }

            for (var i = 0; i < assigned.Count; i++)
            {
                var resident = assigned[i];
                if (!_next.TryGetValue(resident.ResidentId, out var due))
                {
                    due = now + interval * i / assigned.Count;
                    _next[resident.ResidentId] = due;
                }

                if (due > now)
                {
                    continue;
                }

                await bed.PublishCareAsync(CareTopic.Vitals, resident.Reading(now, Interlocked.Increment(ref _headerId)), cancellationToken);
                _next[resident.ResidentId] = now + interval;
            }
        }
    }

    private static string Key(SimulatedRobot robot) => robot.Spec.Manufacturer + "/" + robot.Spec.SerialNumber;
}
