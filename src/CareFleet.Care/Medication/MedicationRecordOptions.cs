namespace CareFleet.Care.Medication;

/// <summary>
/// Where the home is, for reading order times of day (section "CareFleet:Care:Record"). Default
/// <see cref="TimeZone"/> "UTC"; an IANA or Windows zone id.
/// </summary>
public sealed class MedicationRecordOptions
{
    public const string Section = "CareFleet:Care:Record";

    public string TimeZone { get; set; } = "UTC";

    public TimeZoneInfo Zone() => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone)
        ? zone
        : throw new ArgumentException($"CareFleet:Care:Record:TimeZone '{TimeZone}' is not a known time zone.", nameof(TimeZone));
}
