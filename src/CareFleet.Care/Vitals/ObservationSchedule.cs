namespace CareFleet.Care.Vitals;

/// <summary>
/// The longest interval between observations at each NEWS2 monitoring frequency. Defaults: 12-hourly 12 h;
/// 4–6-hourly 4 h (the strict end of the range; a home may choose up to 6 h); hourly 1 h; continuous
/// 15 minutes (a continuous monitor silent for longer counts as a missed observation).
/// </summary>
public sealed class ObservationScheduleOptions
{
    /// <summary>Interval for aggregate 0. Default 12 h.</summary>
    public TimeSpan TwelveHourly { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Interval for aggregate 1–4. Default 4 h; must lie within 4–6 h.</summary>
    public TimeSpan FourToSixHourly { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Interval for a red score or aggregate 5–6. Default 1 h.</summary>
    public TimeSpan Hourly { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Longest gap in continuous monitoring. Default 15 min.</summary>
    public TimeSpan Continuous { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The problems with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (TwelveHourly <= TimeSpan.Zero || TwelveHourly > TimeSpan.FromHours(12))
        {
            problems.Add($"TwelveHourly must be positive and at most 12 h (was {TwelveHourly}).");
        }

        if (FourToSixHourly < TimeSpan.FromHours(4) || FourToSixHourly > TimeSpan.FromHours(6))
        {
            problems.Add($"FourToSixHourly must lie within 4–6 h (was {FourToSixHourly}).");
        }

        if (Hourly <= TimeSpan.Zero || Hourly > TimeSpan.FromHours(1))
        {
            problems.Add($"Hourly must be positive and at most 1 h (was {Hourly}).");
        }

        if (Continuous <= TimeSpan.Zero || Continuous > TimeSpan.FromHours(1))
        {
            problems.Add($"Continuous must be positive and at most 1 h (was {Continuous}).");
        }

        return problems;
    }

    /// <summary>The interval for a frequency.</summary>
    public TimeSpan IntervalFor(ObservationFrequency frequency) => frequency switch
    {
        ObservationFrequency.TwelveHourly => TwelveHourly,
        ObservationFrequency.FourToSixHourly => FourToSixHourly,
        ObservationFrequency.Hourly => Hourly,
        ObservationFrequency.Continuous => Continuous,
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Unknown observation frequency."),
    };
}

/// <summary>When the next observation is due, so an overdue one can become a task.</summary>
public static class ObservationSchedule
{
    /// <summary>The latest time the next observation may be taken.</summary>
    public static DateTimeOffset NextDue(DateTimeOffset lastObservedAt, ObservationFrequency frequency, ObservationScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return lastObservedAt + options.IntervalFor(frequency);
    }

    /// <summary>Whether the next observation is overdue at <paramref name="now"/>.</summary>
    public static bool IsOverdue(DateTimeOffset lastObservedAt, ObservationFrequency frequency, ObservationScheduleOptions options, DateTimeOffset now) =>
        now >= NextDue(lastObservedAt, frequency, options);
}
