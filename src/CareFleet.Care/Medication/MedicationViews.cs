using CareFleet.Care.Consents;

namespace CareFleet.Care.Medication;

/// <summary>One failed check in a hold, in English and Simplified Chinese.</summary>
public sealed record HoldReasonView(string Code, string Text, string TextZh);

/// <summary>The answer to a handover request. <see cref="Replayed"/> marks the stored answer returned for a resend.</summary>
public sealed record HandoverView(
    string DoseId,
    string Verdict,
    IReadOnlyList<HoldReasonView> Reasons,
    DateTimeOffset DecidedAt,
    string IdentityPath,
    double? FaceSimilarity,
    bool Replayed = false);

public sealed record OrderView(
    string OrderId,
    string ResidentId,
    string Status,
    OrderInput Terms,
    IReadOnlyList<OrderHold> Holds,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset LastUpdated);

public sealed record HoldInput(string? Reason, DateTimeOffset? From, DateTimeOffset? Until);

/// <summary>A dose with where it stands (Future, Due, Late, Missed) and its outcome if one is recorded.</summary>
public sealed record DoseView(
    string DoseId,
    string OrderId,
    string ResidentId,
    string? RoomId,
    string Drug,
    string Dose,
    string Route,
    DateTimeOffset ScheduledAt,
    DateTimeOffset WindowOpens,
    DateTimeOffset WindowCloses,
    string State,
    string? Hold,
    bool Released,
    string? Outcome);

public sealed record OutcomeInput(
    string? DoseId,
    string? ClientMessageId,
    string? Outcome,
    DateTimeOffset? OccurredAt = null,
    string? Reason = null,
    string? PrnIndication = null,
    string? WitnessId = null,
    string? DeviceId = null);

public sealed record CorrectionInput(string? RecordId, string? ClientMessageId, string? Reason, OutcomeInput? Replacement = null);

public sealed record RecordView(
    string RecordId,
    long Sequence,
    string DoseId,
    string OrderId,
    string ResidentId,
    string Outcome,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    string? Reason,
    string? PrnIndication,
    string? WitnessId,
    string? DeviceId,
    string? CorrectsRecordId)
{
    public static RecordView Of(AdministrationRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.RecordId, r.Sequence, r.DoseId.Value, r.OrderId, r.ResidentId, r.Outcome.ToString(), r.OccurredAt, r.RecordedAt,
            r.RecordedBy, r.Reason, r.PrnIndication, r.WitnessId, r.DeviceId, r.CorrectsRecordId);
    }
}

/// <summary>What happened to an outcome or correction: recorded now, or the original records of a resend.</summary>
public sealed record OutcomeView(string Status, IReadOnlyList<RecordView> Records);

public sealed record FaceInput(string? ModelId, double? Similarity = null, double? ClosestOtherSimilarity = null, float[]? Embedding = null);

public sealed record CaregiverInput(string? StaffId, string? ResidentId, DateTimeOffset? ConfirmedAt);

public sealed record WitnessInput(string? StaffId, DateTimeOffset? ConfirmedAt);

public sealed record VitalReadingInput(string? Kind, double? Value, DateTimeOffset? MeasuredAt);

/// <summary>
/// A bedside handover request: the robot's path in HTTP form, and a nurse's manual administration under the same rules
/// (a nurse gives the wristband scan and confirms the resident as caregiver).
/// </summary>
public sealed record HandoverInput(
    string? DoseId,
    string? ClientMessageId,
    string? ScannedBarcode,
    decimal? PreparedDoseAmount,
    string? PreparedDoseUnit,
    string? PreparedRoute,
    FaceInput? Face = null,
    string? ScannedWristband = null,
    CaregiverInput? Caregiver = null,
    IReadOnlyList<VitalReadingInput>? Vitals = null,
    WitnessInput? Witness = null,
    string? PrnIndication = null,
    string? AdministeringStaffId = null,
    string? DeviceId = null);

/// <summary>A release with no outcome: the handover was interrupted, and a nurse must say what happened.</summary>
public sealed record UnresolvedHandover(string DoseId, string OrderId, string ResidentId, DateTimeOffset ReleasedAt, string? DeviceId, string Action);

/// <summary>A bedside check that kept the drawer shut, for the nurse to follow up.</summary>
public sealed record HeldHandover(string DoseId, string OrderId, string ResidentId, DateTimeOffset DecidedAt, string? DeviceId, string RequestedBy, IReadOnlyList<HoldReasonView> Reasons);

public sealed record RoundSummaryView(string Floor, DateTimeOffset PassStart, DateTimeOffset PassEnd, DoseOutcomeSummary Summary, IReadOnlyList<string> MissedDoseIds);

public sealed record ErrorRateView(DateTimeOffset From, DateTimeOffset To, int Errors, int Opportunities, decimal RatePercent, bool AtOrAboveCitationThreshold, IReadOnlyDictionary<string, int> ByType);

public sealed record ConsentInput(string? ResidentId, string? Kind, DateTimeOffset? GrantedAt = null, string? Source = null);

public sealed record ConsentView(Guid Id, string ResidentId, string Kind, DateTimeOffset GrantedAt, string RecordedBy, string? Source, DateTimeOffset? RevokedAt, string? RevokedBy, bool Active)
{
    public static ConsentView Of(ConsentRow c, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.ResidentId, c.Kind.ToString(), c.GrantedAt, c.RecordedBy, c.Source, c.RevokedAt, c.RevokedBy, c.IsActiveAt(now));
    }
}

public sealed record FaceEnrollmentInput(string? ResidentId, string? ModelId, float[]? Embedding);

public sealed record EffectivenessInput(string? DoseId, bool? Effective, string? Note);

/// <summary>The result of a service call: a value, field errors, not found, or a conflict with its reason.</summary>
public sealed record ServiceResult<T>(T? Value, IDictionary<string, string[]>? Errors = null, string? NotFound = null, string? Conflict = null);

public static class ServiceResult
{
    public static ServiceResult<T> Ok<T>(T value) => new(value);

    public static ServiceResult<T> Invalid<T>(string field, string message) => new(default, new Dictionary<string, string[]> { [field] = [message] });

    public static ServiceResult<T> Invalid<T>(IDictionary<string, string[]> errors) => new(default, errors);

    public static ServiceResult<T> Missing<T>(string what) => new(default, NotFound: what);

    public static ServiceResult<T> Conflicting<T>(string why) => new(default, Conflict: why);
}
