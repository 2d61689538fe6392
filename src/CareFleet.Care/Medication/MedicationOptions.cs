namespace CareFleet.Care.Medication;

/// <summary>
/// Medication-administration options (section "CareFleet:Care:Medication"). Windows are half-widths around the
/// scheduled time. Defaults follow US long-term-care practice (facility policy ±60 min, as CMS surveyors cite it; ISMP time-critical ±30 min, daily or less
/// often ±120 min) and eMAR vendors' PRN follow-up (flagged when still pending after 60 min):
/// <see cref="StandardWindow"/> 60 min, <see cref="TimeCriticalWindow"/> 30 min, <see cref="DailyOrLessWindow"/>
/// 120 min, <see cref="PrnWindow"/> 60 min, <see cref="PrnFollowUpDelay"/> 60 min, <see cref="VitalsMaxAge"/> 60 min,
/// <see cref="WitnessMaxAge"/> 30 min.
/// </summary>
public sealed class MedicationOptions
{
    public TimeSpan StandardWindow { get; set; } = TimeSpan.FromMinutes(60);

    public TimeSpan TimeCriticalWindow { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan DailyOrLessWindow { get; set; } = TimeSpan.FromMinutes(120);

    /// <summary>How long after it is asked for a PRN dose stays open before it counts as missed.</summary>
    public TimeSpan PrnWindow { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>When the effectiveness of a PRN dose must be documented after it is given.</summary>
    public TimeSpan PrnFollowUpDelay { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>How old a required vital sign may be, unless the order says otherwise.</summary>
    public TimeSpan VitalsMaxAge { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>A witness's confirmation for a controlled drug older than this no longer counts.</summary>
    public TimeSpan WitnessMaxAge { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan WindowFor(OrderClass orderClass) => orderClass switch
    {
        OrderClass.TimeCritical => TimeCriticalWindow,
        OrderClass.DailyOrLess => DailyOrLessWindow,
        _ => StandardWindow,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first non-positive setting.</summary>
    public void Validate()
    {
        Positive(StandardWindow, nameof(StandardWindow));
        Positive(TimeCriticalWindow, nameof(TimeCriticalWindow));
        Positive(DailyOrLessWindow, nameof(DailyOrLessWindow));
        Positive(PrnWindow, nameof(PrnWindow));
        Positive(PrnFollowUpDelay, nameof(PrnFollowUpDelay));
        Positive(VitalsMaxAge, nameof(VitalsMaxAge));
        Positive(WitnessMaxAge, nameof(WitnessMaxAge));
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{name} must be positive; got {value}.", name);
        }
    }
}
