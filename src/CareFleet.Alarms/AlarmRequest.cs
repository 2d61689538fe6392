namespace CareFleet.Alarms;

/// <summary>Where an alarm happened; every part is optional because robots report what they know.</summary>
/// <param name="RoomId">The room, used to route the alarm to the caregiver covering it.</param>
/// <param name="BedId">The bed, when the signal came from a bed sensor.</param>
/// <param name="AreaId">A corridor, zone or map area when there is no room (patrol findings).</param>
/// <param name="X">Map x in metres, when known.</param>
/// <param name="Y">Map y in metres, when known.</param>
public sealed record AlarmLocation(string? RoomId, string? BedId = null, string? AreaId = null, double? X = null, double? Y = null)
{
    /// <summary>No location known.</summary>
    public static AlarmLocation Unknown { get; } = new(RoomId: null);
}

/// <summary>One piece of evidence behind an alarm: a reading, a score or a finding.</summary>
/// <param name="Name">What was measured or seen, e.g. "respiratoryRate" or "news2.total".</param>
/// <param name="Value">The value as text, invariant culture.</param>
/// <param name="Unit">The UCUM unit, when the value is a quantity.</param>
public sealed record AlarmEvidence(string Name, string Value, string? Unit = null);

/// <summary>
/// A request to raise an alarm, produced by a monitoring rule. The pair (<see cref="SubjectId"/>,
/// <see cref="ConditionKey"/>) identifies the condition: while an alarm for it is open, further requests
/// for the same pair are duplicates and raise nothing new.
/// </summary>
/// <param name="SubjectId">Whom or what the alarm is about: a resident id, a robot id or a location id.</param>
/// <param name="ResidentId">The resident concerned, when there is one.</param>
/// <param name="ConditionKey">The condition, e.g. "news2.high", "bed.exit-night", "patrol.wet-floor".</param>
/// <param name="RuleId">The rule that fired (for audit and tuning).</param>
/// <param name="Priority">The priority the rule assigns.</param>
/// <param name="Location">Where it happened.</param>
/// <param name="Summary">A short staff-facing text without personal data beyond what the dashboard shows anyway.</param>
/// <param name="Evidence">The readings or finding that triggered the rule.</param>
/// <param name="DetectedAt">When the condition was detected (after its onset delay).</param>
/// <param name="ReportedBy">The robot or sensor that reported it, when known.</param>
public sealed record AlarmRequest(
    string SubjectId,
    string? ResidentId,
    string ConditionKey,
    string RuleId,
    AlarmPriority Priority,
    AlarmLocation Location,
    string Summary,
    IReadOnlyList<AlarmEvidence> Evidence,
    DateTimeOffset DetectedAt,
    string? ReportedBy = null);
