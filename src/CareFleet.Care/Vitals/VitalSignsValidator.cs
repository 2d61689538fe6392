using System.Globalization;

namespace CareFleet.Care.Vitals;

/// <summary>
/// Checks units and plausibility. A report with any impossible value is rejected as a whole: a device that
/// says SpO2 140 % cannot be trusted for its other readings either, and a rejected report is never scored.
/// The limits are the edges of what a live resident or a working sensor can produce, not clinical ranges.
/// </summary>
public static class VitalSignsValidator
{
    /// <summary>How far in the future an effective time may lie (device clocks drift).</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Validates and normalises a report. <paramref name="now"/> comes from the injected clock.</summary>
    public static VitalSignsValidation Validate(VitalSignsReport report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        var problems = new List<VitalSignProblem>();
        if (string.IsNullOrWhiteSpace(report.ResidentId))
        {
            problems.Add(new("residentId", VitalSignProblemKind.Missing, "The report names no resident."));
        }

        if (report.EffectiveAt > now + AllowedClockSkew)
        {
            problems.Add(new("effectiveAt", VitalSignProblemKind.FutureTime, $"The reading is dated {report.EffectiveAt:O}, later than now ({now:O})."));
        }

        var rr = Whole(report.RespiratoryRate, "respiratoryRate", [VitalSignCodes.PerMinute, "{breaths}/min"], 0, 80, problems);
        var spo2 = Whole(report.SpO2, "spO2", [VitalSignCodes.Percent], 1, 100, problems);
        var systolic = Whole(report.Systolic, "systolic", [VitalSignCodes.MillimetresOfMercury], 30, 300, problems);
        var diastolic = Whole(report.Diastolic, "diastolic", [VitalSignCodes.MillimetresOfMercury], 10, 200, problems);
        var hr = Whole(report.HeartRate, "heartRate", [VitalSignCodes.PerMinute, "{beats}/min"], 1, 300, problems);
        var temperature = Temperature(report.Temperature, problems);
        var flow = OxygenFlow(report.OxygenFlow, problems);

        if (systolic is { } s && diastolic is { } d && d >= s)
        {
            problems.Add(new("diastolic", VitalSignProblemKind.Inconsistent, $"Diastolic {d} mm[Hg] is not below systolic {s} mm[Hg]."));
        }

        var onOxygen = report.OnSupplementalOxygen;
        if (flow is > 0m && onOxygen == false)
        {
            problems.Add(new("oxygenFlow", VitalSignProblemKind.Inconsistent, $"An oxygen flow of {flow} L/min is reported for a resident said to be on air."));
        }

        // A flow above zero means oxygen even when the device did not set the flag.
        onOxygen ??= flow is null ? null : flow > 0m;

        if (report.Consciousness is { } c && !Enum.IsDefined(c))
        {
            problems.Add(new("consciousness", VitalSignProblemKind.Impossible, $"Consciousness level {(int)c} is not on the ACVPU scale."));
        }

        return problems.Count > 0
            ? new VitalSignsValidation(null, problems)
            : new VitalSignsValidation(
                new VitalSigns(report.ResidentId, report.EffectiveAt, report.DeviceId, rr, spo2, onOxygen, flow, systolic, diastolic, hr, temperature, report.Consciousness),
                []);
    }

    private static int? Whole(Quantity? quantity, string parameter, string[] units, int min, int max, List<VitalSignProblem> problems)
    {
        if (quantity is not { } q)
        {
            return null;
        }

        if (!units.Contains(q.Unit, StringComparer.Ordinal))
        {
            problems.Add(UnknownUnit(parameter, q.Unit, units));
            return null;
        }

        var value = (int)Math.Round(q.Value, 0, MidpointRounding.AwayFromZero);
        if (q.Value < min || q.Value > max)
        {
            problems.Add(Impossible(parameter, q, min, max));
            return null;
        }

        return value;
    }

    private static decimal? Temperature(Quantity? quantity, List<VitalSignProblem> problems)
    {
        if (quantity is not { } q)
        {
            return null;
        }

        decimal celsius;
        switch (q.Unit)
        {
            case VitalSignCodes.Celsius:
                celsius = q.Value;
                break;
            case VitalSignCodes.Fahrenheit:
                celsius = (q.Value - 32m) * 5m / 9m;
                break;
            default:
                problems.Add(UnknownUnit("temperature", q.Unit, [VitalSignCodes.Celsius, VitalSignCodes.Fahrenheit]));
                return null;
        }

        if (celsius < 25m || celsius > 45m)
        {
            problems.Add(new("temperature", VitalSignProblemKind.Impossible, string.Create(CultureInfo.InvariantCulture, $"Temperature {q.Value} {q.Unit} is outside the possible range 25.0–45.0 Cel.")));
            return null;
        }

        // NEWS2 scores temperature to one decimal place.
        return Math.Round(celsius, 1, MidpointRounding.AwayFromZero);
    }

    private static decimal? OxygenFlow(Quantity? quantity, List<VitalSignProblem> problems)
    {
        if (quantity is not { } q)
        {
            return null;
        }

        if (q.Unit != VitalSignCodes.LitresPerMinute)
        {
            problems.Add(UnknownUnit("oxygenFlow", q.Unit, [VitalSignCodes.LitresPerMinute]));
            return null;
        }

        if (q.Value < 0m || q.Value > 60m)
        {
            problems.Add(Impossible("oxygenFlow", q, 0, 60));
            return null;
        }

        return q.Value;
    }

    private static VitalSignProblem UnknownUnit(string parameter, string? unit, string[] accepted) =>
        new(parameter, VitalSignProblemKind.UnknownUnit, $"Unit '{unit}' is not accepted for {parameter}; use the UCUM unit {string.Join(" or ", accepted.Select(u => $"'{u}'"))}.");

    private static VitalSignProblem Impossible(string parameter, Quantity q, int min, int max) =>
        new(parameter, VitalSignProblemKind.Impossible, string.Create(CultureInfo.InvariantCulture, $"{parameter} {q.Value} {q.Unit} is impossible; a real reading lies between {min} and {max} {q.Unit}."));
}
