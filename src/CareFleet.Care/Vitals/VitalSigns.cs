namespace CareFleet.Care.Vitals;

/// <summary>A measured value with its UCUM unit, as it arrived.</summary>
public readonly record struct Quantity(decimal Value, string Unit);

/// <summary>
/// A set of vital signs as reported by a bed robot, wearable or spot check, before validation. Any
/// parameter may be absent.
/// </summary>
public sealed record VitalSignsReport(
    string ResidentId,
    DateTimeOffset EffectiveAt,
    string? DeviceId = null,
    Quantity? RespiratoryRate = null,
    Quantity? SpO2 = null,
    bool? OnSupplementalOxygen = null,
    Quantity? OxygenFlow = null,
    Quantity? Systolic = null,
    Quantity? Diastolic = null,
    Quantity? HeartRate = null,
    Quantity? Temperature = null,
    Consciousness? Consciousness = null);

/// <summary>
/// Validated vital signs in canonical units, at the resolution NEWS2 charts use: whole numbers for rates,
/// SpO2 and pressures, temperature in °C to one decimal place.
/// </summary>
public sealed record VitalSigns(
    string ResidentId,
    DateTimeOffset EffectiveAt,
    string? DeviceId,
    int? RespiratoryRate,
    int? SpO2,
    bool? OnSupplementalOxygen,
    decimal? OxygenFlowLitresPerMinute,
    int? Systolic,
    int? Diastolic,
    int? HeartRate,
    decimal? TemperatureCelsius,
    Consciousness? Consciousness);

/// <summary>Why a vital-sign report was rejected.</summary>
public enum VitalSignProblemKind
{
    /// <summary>A required identifier is missing.</summary>
    Missing = 1,

    /// <summary>The unit is not one accepted for this parameter.</summary>
    UnknownUnit = 2,

    /// <summary>The value cannot be a real measurement.</summary>
    Impossible = 3,

    /// <summary>Two values contradict each other.</summary>
    Inconsistent = 4,

    /// <summary>The time is in the future.</summary>
    FutureTime = 5,
}

/// <summary>One problem found in a report, naming the parameter.</summary>
public sealed record VitalSignProblem(string Parameter, VitalSignProblemKind Kind, string Message);

/// <summary>The outcome of validation: either accepted vital signs, or the problems (never both).</summary>
public sealed record VitalSignsValidation(VitalSigns? Accepted, IReadOnlyList<VitalSignProblem> Problems)
{
    /// <summary>Whether the report was accepted.</summary>
    public bool IsValid => Accepted is not null;
}
