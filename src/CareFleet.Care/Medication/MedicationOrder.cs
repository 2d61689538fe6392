namespace CareFleet.Care.Medication;

/// <summary>When a scheduled order falls due.</summary>
public abstract record DoseSchedule;

/// <summary>At fixed local times of the home's day, optionally on some weekdays only (null = every day).</summary>
public sealed record TimesOfDaySchedule(IReadOnlyList<TimeOnly> Times, IReadOnlyCollection<DayOfWeek>? Weekdays = null) : DoseSchedule;

/// <summary>
/// Every <paramref name="Every"/> of elapsed time from <paramref name="Anchor"/> (default: the order's start). Elapsed
/// time, not wall-clock time, so a q8h dose stays 8 hours apart across a daylight-saving change.
/// </summary>
public sealed record IntervalSchedule(TimeSpan Every, DateTimeOffset? Anchor = null) : DoseSchedule;

/// <summary>As-needed terms: the indications it may be given for, at most so many doses in any 24 hours.</summary>
public sealed record PrnTerms(IReadOnlyList<string> Indications, int MaxDosesPer24Hours, TimeSpan? MinimumInterval = null);

/// <summary>An order-level hold (shows "H" on the MAR); open-ended when <paramref name="Until"/> is null.</summary>
public sealed record OrderHold(string Reason, DateTimeOffset From, DateTimeOffset? Until = null, string? PlacedBy = null)
{
    public bool Covers(DateTimeOffset at) => From <= at && (Until is null || at < Until.Value);
}

/// <summary>Vital signs a check before administration can ask for.</summary>
public enum VitalKind
{
    HeartRate,
    SystolicBloodPressure,
    DiastolicBloodPressure,
    RespiratoryRate,
    OxygenSaturation,
    BodyTemperature,
    BloodGlucose,
    PainScore,
}

/// <summary>
/// "Vitals required before" (e.g. apical pulse ≥ 60/min before digoxin): a reading of <paramref name="Kind"/>, no
/// older than <paramref name="MaxAge"/> (default <see cref="MedicationOptions.VitalsMaxAge"/>), within the bounds.
/// </summary>
public sealed record VitalRequirement(VitalKind Kind, double? Minimum = null, double? Maximum = null, TimeSpan? MaxAge = null);

/// <summary>A vital-sign reading as the medication check sees it.</summary>
public sealed record VitalReading(VitalKind Kind, double Value, DateTimeOffset MeasuredAt);

/// <summary>Order classes with their own administration window (ISMP 2011 acute-care guideline).</summary>
public enum OrderClass
{
    /// <summary>Facility default window (±60 min).</summary>
    Standard,

    /// <summary>Time-critical drugs, e.g. insulin, Parkinson's drugs (±30 min).</summary>
    TimeCritical,

    /// <summary>Daily, weekly or monthly drugs (±120 min).</summary>
    DailyOrLess,
}

/// <summary>A medication order. Scheduled orders have a <see cref="Schedule"/>; as-needed (PRN) orders have <see cref="Prn"/>.</summary>
public sealed record MedicationOrder
{
    public required string OrderId { get; init; }

    public required string ResidentId { get; init; }

    public required Drug Drug { get; init; }

    public required DoseQuantity Dose { get; init; }

    public required MedicationRoute Route { get; init; }

    public DoseSchedule? Schedule { get; init; }

    public PrnTerms? Prn { get; init; }

    public required DateTimeOffset Start { get; init; }

    /// <summary>Exclusive end; null = until stopped.</summary>
    public DateTimeOffset? Stop { get; init; }

    public IReadOnlyList<OrderHold> Holds { get; init; } = [];

    /// <summary>Controlled drug: administration needs a witness: a second, different staff member.</summary>
    public bool IsControlled { get; init; }

    public IReadOnlyList<VitalRequirement> VitalsRequired { get; init; } = [];

    public OrderClass Class { get; init; } = OrderClass.Standard;

    /// <summary>Half-width of the window for this order alone, overriding the class window.</summary>
    public TimeSpan? WindowOverride { get; init; }

    public bool IsPrn => Prn is not null;

    public bool IsActiveAt(DateTimeOffset at) => Start <= at && (Stop is null || at < Stop.Value);

    public OrderHold? HoldAt(DateTimeOffset at)
    {
        foreach (var hold in Holds)
        {
            if (hold.Covers(at))
            {
                return hold;
            }
        }

        return null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first thing wrong with the order.</summary>
    public void Validate()
    {
        static ArgumentException Bad(string what) => new($"Medication order is invalid: {what}.", "order");

        if (string.IsNullOrWhiteSpace(OrderId))
        {
            throw Bad("OrderId is required");
        }

        if (string.IsNullOrWhiteSpace(ResidentId))
        {
            throw Bad($"order {OrderId} has no ResidentId");
        }

        if (Drug is null || string.IsNullOrWhiteSpace(Drug.Name) || Drug.Gtin.Digits is null)
        {
            throw Bad($"order {OrderId} needs a drug with a name and a GTIN");
        }

        if (Dose.Amount <= 0 || string.IsNullOrWhiteSpace(Dose.Unit))
        {
            throw Bad($"order {OrderId} needs a positive dose with a unit");
        }

        if ((Schedule is null) == (Prn is null))
        {
            throw Bad($"order {OrderId} must be either scheduled or PRN");
        }

        if (Stop is { } stop && stop <= Start)
        {
            throw Bad($"order {OrderId} stops before it starts");
        }

        switch (Schedule)
        {
            case TimesOfDaySchedule t when t.Times is null || t.Times.Count == 0:
                throw Bad($"order {OrderId} has a times-of-day schedule with no times");
            case TimesOfDaySchedule t when t.Weekdays is { Count: 0 }:
                throw Bad($"order {OrderId} has a weekday schedule with no weekdays");
            case IntervalSchedule i when i.Every < TimeSpan.FromMinutes(15):
                throw Bad($"order {OrderId} repeats more often than every 15 minutes");
        }

        if (Prn is { } prn)
        {
            if (prn.MaxDosesPer24Hours < 1)
            {
                throw Bad($"PRN order {OrderId} needs a maximum of at least 1 dose per 24 h");
            }

            if (prn.Indications is null || prn.Indications.Count == 0)
            {
                throw Bad($"PRN order {OrderId} needs at least one indication");
            }
        }

        if (WindowOverride is { } w && w <= TimeSpan.Zero)
        {
            throw Bad($"order {OrderId} has a non-positive window");
        }

        foreach (var v in VitalsRequired)
        {
            if (v.Minimum is { } min && v.Maximum is { } max && min > max)
            {
                throw Bad($"order {OrderId} requires {v.Kind} with minimum above maximum");
            }
        }
    }
}
