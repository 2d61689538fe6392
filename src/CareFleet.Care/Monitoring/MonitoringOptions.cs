using CareFleet.Alarms;
using CareFleet.Care.Vitals;

namespace CareFleet.Care.Monitoring;

/// <summary>Options of the monitoring rules; every default is stated and configurable per home.</summary>
public sealed class MonitoringOptions
{
    /// <summary>The home's time zone, for "at night". Default UTC.</summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>Start of the night (local time). Default 22:00.</summary>
    public TimeOnly NightStart { get; set; } = new(22, 0);

    /// <summary>End of the night (local time). Default 07:00.</summary>
    public TimeOnly NightEnd { get; set; } = new(7, 0);

    /// <summary>
    /// Morse Fall Scale total from which a resident counts as high fall risk. Default 45 (the common
    /// 0–24 / 25–44 / ≥45 cut-points; Morse says each institution sets its own, CARE.md §4.3).
    /// </summary>
    public int MorseHighRiskThreshold { get; set; } = 45;

    /// <summary>How long a resident may be out of bed at night before "not returned" fires. Default 20 min.</summary>
    public TimeSpan NotReturnedAfter { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>The smallest tilt change that counts as a turn. Default 30° (the 30° lateral tilt of the NPIAP/EPUAP guideline, CARE.md §4.1).</summary>
    public double MinimumTurnAngleDegrees { get; set; } = 30;

    /// <summary>How long after a turn falls due (and the task was requested) the overdue turn becomes an alarm. Default 30 min.</summary>
    public TimeSpan RepositionAlarmAfterDue { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Turning interval for Braden ≤12. Default 2 h (CARE.md §4.1 platform defaults).</summary>
    public TimeSpan BradenHighRiskInterval { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Turning interval for Braden 13–14. Default 3 h.</summary>
    public TimeSpan BradenModerateRiskInterval { get; set; } = TimeSpan.FromHours(3);

    /// <summary>Turning interval for Braden 15–18. Default 4 h (NICE QS89: at high risk at least every 4 h).</summary>
    public TimeSpan BradenAtRiskInterval { get; set; } = TimeSpan.FromHours(4);

    /// <summary>
    /// The oldest reading that may still raise or clear a NEWS2 alarm; older (buffered, late) readings are
    /// scored and count for the observation schedule only. Default 15 min.
    /// </summary>
    public TimeSpan MaxReadingAgeForAlarms { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>NEWS2 observation intervals per frequency.</summary>
    public ObservationScheduleOptions Observations { get; } = new();

    /// <summary>
    /// Alarm priority per NEWS2 band; a band not listed raises no alarm. Defaults follow the RCP Chart 4
    /// responses: high (emergency response) → High; medium ("key threshold for urgent response") and
    /// low–medium ("urgent ward-based response") → Medium; low (ward-based response at the next round) → none.
    /// </summary>
    public Dictionary<News2Band, AlarmPriority> News2Priorities { get; } = new()
    {
        [News2Band.High] = AlarmPriority.High,
        [News2Band.Medium] = AlarmPriority.Medium,
        [News2Band.LowMedium] = AlarmPriority.Medium,
    };

    /// <summary>
    /// Priority per condition key (see <see cref="MonitoringConditions"/>). Defaults: a fall High (patrol
    /// "resident on floor" included, CARE.md §5.2); bed exit at night, not returned, bed empty at night,
    /// wandering, robot FATAL error and robot offline during a task Medium; no motion, sensor offline,
    /// overdue turn, door open, wet floor and stuck robot Low. A robot fault while the robot is working with
    /// a resident is always High.
    /// </summary>
    public Dictionary<string, AlarmPriority> Priorities { get; } = new(StringComparer.Ordinal)
    {
        [MonitoringConditions.Fall] = AlarmPriority.High,
        [MonitoringConditions.BedExitAtNight] = AlarmPriority.Medium,
        [MonitoringConditions.NotReturned] = AlarmPriority.Medium,
        [MonitoringConditions.NoMotion] = AlarmPriority.Low,
        [MonitoringConditions.SensorOffline] = AlarmPriority.Low,
        [MonitoringConditions.RepositionOverdue] = AlarmPriority.Low,
        [MonitoringConditions.PatrolBedEmpty] = AlarmPriority.Medium,
        [MonitoringConditions.PatrolDoorOpen] = AlarmPriority.Low,
        [MonitoringConditions.PatrolWetFloor] = AlarmPriority.Low,
        [MonitoringConditions.PatrolWandering] = AlarmPriority.Medium,
        [MonitoringConditions.RobotFatalError] = AlarmPriority.Medium,
        [MonitoringConditions.RobotStuck] = AlarmPriority.Low,
        [MonitoringConditions.RobotOffline] = AlarmPriority.Medium,
    };

    /// <summary>
    /// How long a condition must persist before its alarm fires, per condition key; absent keys fire at
    /// once. Defaults: bed exit at night 10 s (a resident shifting to the edge and back), sensor offline
    /// 60 s (short radio dropouts). Homes with continuous bed sensors feeding NEWS2 may add delays for the
    /// news2.* keys to filter self-correcting excursions.
    /// </summary>
    public Dictionary<string, TimeSpan> OnsetDelays { get; } = new(StringComparer.Ordinal)
    {
        [MonitoringConditions.BedExitAtNight] = TimeSpan.FromSeconds(10),
        [MonitoringConditions.SensorOffline] = TimeSpan.FromSeconds(60),
    };

    /// <summary>The problems with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(Observations.Validate());
        if (MorseHighRiskThreshold is < 0 or > 125)
        {
            problems.Add($"MorseHighRiskThreshold must lie within 0–125 (was {MorseHighRiskThreshold}).");
        }

        foreach (var (name, value) in new[]
        {
            (nameof(NotReturnedAfter), NotReturnedAfter),
            (nameof(MaxReadingAgeForAlarms), MaxReadingAgeForAlarms),
            (nameof(RepositionAlarmAfterDue), RepositionAlarmAfterDue),
            (nameof(BradenHighRiskInterval), BradenHighRiskInterval),
            (nameof(BradenModerateRiskInterval), BradenModerateRiskInterval),
            (nameof(BradenAtRiskInterval), BradenAtRiskInterval),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                problems.Add($"{name} must be positive (was {value}).");
            }
        }

        foreach (var (key, delay) in OnsetDelays)
        {
            if (delay < TimeSpan.Zero)
            {
                problems.Add($"The onset delay of '{key}' must not be negative (was {delay}).");
            }
        }

        if (MinimumTurnAngleDegrees is <= 0 or > 90)
        {
            problems.Add($"MinimumTurnAngleDegrees must lie within (0, 90] (was {MinimumTurnAngleDegrees}).");
        }

        return problems;
    }

    /// <summary>
    /// The turning interval for a resident: the care plan's, else the Braden default (≤12 → 2 h, 13–14 →
    /// 3 h, 15–18 → 4 h; CARE.md §4.1), else none (no risk or not assessed).
    /// </summary>
    public TimeSpan? RepositionIntervalFor(ResidentMonitoringProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.RepositionInterval ?? profile.BradenScore switch
        {
            null => null,
            <= 12 => BradenHighRiskInterval,
            <= 14 => BradenModerateRiskInterval,
            <= 18 => BradenAtRiskInterval,
            _ => null,
        };
    }

    /// <summary>Whether <paramref name="at"/> is night time in the home.</summary>
    public bool IsNight(DateTimeOffset at)
    {
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZone).DateTime);
        return NightStart <= NightEnd
            ? local >= NightStart && local < NightEnd
            : local >= NightStart || local < NightEnd;
    }

    internal TimeSpan OnsetDelayOf(string conditionKey) => OnsetDelays.GetValueOrDefault(conditionKey, TimeSpan.Zero);

    internal AlarmPriority PriorityOf(string conditionKey) =>
        Priorities.TryGetValue(conditionKey, out var p) ? p : AlarmPriority.Medium;
}
