namespace CareFleet.Care.Medication;

public enum OutcomeStatus
{
    /// <summary>Appended now.</summary>
    Recorded,

    /// <summary>A resend of a message already recorded: the original records come back, nothing is appended.</summary>
    Replayed,

    Rejected,
}

public enum OutcomeRejection
{
    InvalidReport,
    ReasonRequired,
    PrnIndicationRequired,
    RecordedBeforeItHappened,
    OutcomeAlreadyRecorded,
    MessageIdReused,
    RecordNotFound,
    AlreadyEnteredInError,
}

/// <summary>What happened to a report. <see cref="Records"/> holds what was appended (or, on a replay, what had been).</summary>
public sealed record OutcomeResult(
    OutcomeStatus Status,
    IReadOnlyList<AdministrationRecord> Records,
    OutcomeRejection? Rejection = null,
    string? Detail = null,
    AdministrationRecord? Conflicting = null)
{
    public bool Accepted => Status != OutcomeStatus.Rejected;

    public AdministrationRecord? Record => Records.Count > 0 ? Records[^1] : null;
}

/// <summary>Marks <paramref name="RecordId"/> entered in error and optionally appends what really happened.</summary>
public sealed record CorrectionReport(
    string RecordId,
    string Reason,
    string RecordedBy,
    string ClientMessageId,
    OutcomeReport? Replacement = null);

/// <summary>The effectiveness of a PRN dose, documented after the fact (the "right response" of the eight rights).</summary>
public sealed record EffectivenessReport(DoseId DoseId, bool Effective, string Note, string RecordedBy, DateTimeOffset AssessedAt);

public enum FollowUpState
{
    Pending,
    Overdue,
    Done,
}

/// <summary>An effectiveness follow-up owed for a PRN dose that was given.</summary>
public sealed record PrnFollowUp(DoseId DoseId, string AdministrationRecordId, string ResidentId, DateTimeOffset DueAt, EffectivenessReport? Assessment)
{
    public FollowUpState StateAt(DateTimeOffset now) =>
        Assessment is not null ? FollowUpState.Done : now > DueAt ? FollowUpState.Overdue : FollowUpState.Pending;
}

/// <summary>How the doses of a round (or any set) ended.</summary>
public sealed record DoseOutcomeSummary(int Doses, int Given, int Refused, int Held, int NotAvailable, int Missed, int Open);

/// <summary>
/// The eMAR as an append-only log, in memory: each dose ends in exactly one standing outcome (surveyors cite blank
/// MAR cells; a double entry is a double dose on paper). Idempotent per dose id and client message id: a resend gets the original answer, a
/// different message for a dose that already has an outcome is rejected. Corrections append an entered-in-error
/// marker and the new record, so the original stays visible. The host persists each appended record (and each
/// effectiveness assessment) before acknowledging, and on start rebuilds the log with <see cref="Restore"/>.
/// </summary>
public sealed class MedicationAdministrationLog
{
    internal const string MissedSweepMessageId = "system:missed";
    internal const string HoldSweepMessageId = "system:order-hold";

    // Documentation after the act, never before (right documentation); this much clock skew between robot and server is tolerated.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    private readonly Lock _gate = new();
    private readonly MedicationOptions _options;
    private readonly TimeProvider _time;
    private readonly List<AdministrationRecord> _records = [];
    private readonly Dictionary<string, AdministrationRecord> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<DoseId, AdministrationRecord> _standing = [];
    private readonly Dictionary<(DoseId, string), (object Report, OutcomeResult Result)> _seen = [];
    private readonly Dictionary<DoseId, PrnFollowUp> _followUps = [];

    public MedicationAdministrationLog(MedicationOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _options = options;
        _time = time;
    }

    public IReadOnlyList<AdministrationRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _records];
            }
        }
    }

    /// <summary>Effectiveness assessments of PRN doses, for the host to persist.</summary>
    public IReadOnlyList<EffectivenessReport> Assessments
    {
        get
        {
            lock (_gate)
            {
                return [.. _followUps.Values.Where(f => f.Assessment is not null).Select(f => f.Assessment!)];
            }
        }
    }

    /// <summary>
    /// Rebuilds an empty log from persisted records (in <see cref="AdministrationRecord.Sequence"/> order) and
    /// assessments, including the idempotency memory, so a robot's resend after a restart still gets its original
    /// answer.
    /// </summary>
    public void Restore(IEnumerable<AdministrationRecord> records, IEnumerable<EffectivenessReport>? assessments = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        lock (_gate)
        {
            if (_records.Count > 0)
            {
                throw new InvalidOperationException("Restore needs an empty log.");
            }

            var ordered = records.OrderBy(r => r.Sequence).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                if (ordered[i].Sequence != i + 1)
                {
                    throw new ArgumentException($"Persisted records must be numbered 1..n without gaps; found {ordered[i].Sequence} at position {i + 1}.", nameof(records));
                }

                Apply(ordered[i]);
            }

            foreach (var r in ordered)
            {
                if (r.Outcome == AdministrationOutcome.EnteredInError)
                {
                    var replacement = _byId.GetValueOrDefault(RecordIdFor(r.DoseId, r.ClientMessageId));
                    var correction = new CorrectionReport(r.CorrectsRecordId ?? string.Empty, r.Reason ?? string.Empty, r.RecordedBy,
                        r.ClientMessageId, replacement is null ? null : ReportOf(replacement));
                    _seen[(r.DoseId, r.ClientMessageId)] = (correction,
                        new OutcomeResult(OutcomeStatus.Recorded, replacement is null ? [r] : [r, replacement]));
                }
                else if (!_seen.ContainsKey((r.DoseId, r.ClientMessageId))
                    && string.Equals(r.RecordId, RecordIdFor(r.DoseId, r.ClientMessageId), StringComparison.Ordinal))
                {
                    _seen[(r.DoseId, r.ClientMessageId)] = (ReportOf(r), new OutcomeResult(OutcomeStatus.Recorded, [r]));
                }
            }

            foreach (var a in assessments ?? [])
            {
                if (_followUps.TryGetValue(a.DoseId, out var f))
                {
                    _followUps[a.DoseId] = f with { Assessment = a };
                }
            }
        }
    }

    public OutcomeResult Record(OutcomeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        lock (_gate)
        {
            var key = (report.DoseId, report.ClientMessageId ?? string.Empty);
            if (_seen.TryGetValue(key, out var seen))
            {
                return Equals(seen.Report, report)
                    ? seen.Result with { Status = OutcomeStatus.Replayed }
                    : Reject(OutcomeRejection.MessageIdReused, $"Message {report.ClientMessageId} was already used for a different report on dose {report.DoseId}.");
            }

            if (Validate(report) is { } invalid)
            {
                return invalid;
            }

            if (_standing.TryGetValue(report.DoseId, out var existing))
            {
                return Reject(OutcomeRejection.OutcomeAlreadyRecorded,
                    $"Dose {report.DoseId} already has the outcome {existing.Outcome} (record {existing.RecordId}).", existing);
            }

            var record = Append(report, RecordIdFor(report.DoseId, report.ClientMessageId!), correctsRecordId: null);
            var result = new OutcomeResult(OutcomeStatus.Recorded, [record]);
            _seen[key] = (report, result);
            return result;
        }
    }

    public OutcomeResult Correct(CorrectionReport correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        lock (_gate)
        {
            if (string.IsNullOrWhiteSpace(correction.RecordId) || !_byId.TryGetValue(correction.RecordId, out var target))
            {
                return Reject(OutcomeRejection.RecordNotFound, $"No record {correction.RecordId} to correct.");
            }

            var key = (target.DoseId, correction.ClientMessageId ?? string.Empty);
            if (_seen.TryGetValue(key, out var seen))
            {
                return Equals(seen.Report, correction)
                    ? seen.Result with { Status = OutcomeStatus.Replayed }
                    : Reject(OutcomeRejection.MessageIdReused, $"Message {correction.ClientMessageId} was already used for a different report on dose {target.DoseId}.");
            }

            if (string.IsNullOrWhiteSpace(correction.ClientMessageId) || string.IsNullOrWhiteSpace(correction.RecordedBy))
            {
                return Reject(OutcomeRejection.InvalidReport, "A correction needs a client message id and who recorded it.");
            }

            if (string.IsNullOrWhiteSpace(correction.Reason))
            {
                return Reject(OutcomeRejection.ReasonRequired, "A correction needs a reason.");
            }

            if (target.Outcome == AdministrationOutcome.EnteredInError || !_standing.TryGetValue(target.DoseId, out var standing) || standing.RecordId != target.RecordId)
            {
                return Reject(OutcomeRejection.AlreadyEnteredInError, $"Record {target.RecordId} no longer stands and cannot be corrected again.");
            }

            if (correction.Replacement is { } replacement)
            {
                if (replacement.DoseId != target.DoseId)
                {
                    return Reject(OutcomeRejection.InvalidReport, $"The replacement is for dose {replacement.DoseId}, not {target.DoseId}.");
                }

                if (Validate(replacement) is { } invalid)
                {
                    return invalid;
                }
            }

            var markerId = RecordIdFor(target.DoseId, correction.ClientMessageId) + "/entered-in-error";
            var marker = Append(
                new OutcomeReport(target.DoseId, target.OrderId, target.ResidentId, AdministrationOutcome.EnteredInError,
                    _time.GetUtcNow(), correction.RecordedBy, correction.ClientMessageId, target.IsPrn, correction.Reason),
                markerId,
                target.RecordId);
            var records = new List<AdministrationRecord> { marker };
            if (correction.Replacement is { } r)
            {
                records.Add(Append(r, RecordIdFor(target.DoseId, correction.ClientMessageId), correctsRecordId: null));
            }

            var result = new OutcomeResult(OutcomeStatus.Recorded, records);
            _seen[key] = (correction, result);
            return result;
        }
    }

    /// <summary>
    /// Closes every dose whose window has shut without an outcome: held if the order was on hold at the scheduled
    /// time, otherwise missed (a system-detected omission). Safe to run any number of times.
    /// </summary>
    public IReadOnlyList<AdministrationRecord> CloseOverdueDoses(IEnumerable<DueDose> doses)
    {
        ArgumentNullException.ThrowIfNull(doses);
        var now = _time.GetUtcNow();
        var created = new List<AdministrationRecord>();
        foreach (var dose in doses)
        {
            if (dose.StateAt(now) != DoseState.Missed)
            {
                continue;
            }

            var report = dose.Hold is { } hold
                ? new OutcomeReport(dose.Id, dose.OrderId, dose.ResidentId, AdministrationOutcome.Held, dose.ScheduledAt, "system",
                    HoldSweepMessageId, dose.IsPrn, "Order on hold: " + hold.Reason)
                : new OutcomeReport(dose.Id, dose.OrderId, dose.ResidentId, AdministrationOutcome.Missed, dose.WindowCloses, "system",
                    MissedSweepMessageId, dose.IsPrn, "Window closed with no documentation.");
            var result = Record(report);
            if (result.Status == OutcomeStatus.Recorded)
            {
                created.AddRange(result.Records);
            }
        }

        return created;
    }

    public AdministrationRecord? StandingOutcome(DoseId doseId)
    {
        lock (_gate)
        {
            return _standing.GetValueOrDefault(doseId);
        }
    }

    /// <summary>The full append-only history of one resident (markers included), in the order it was written.</summary>
    public IReadOnlyList<AdministrationRecord> HistoryFor(string residentId)
    {
        lock (_gate)
        {
            return [.. _records.Where(r => string.Equals(r.ResidentId, residentId, StringComparison.Ordinal))];
        }
    }

    public EffectivenessReport RecordEffectiveness(EffectivenessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(report.RecordedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(report.Note);
        lock (_gate)
        {
            if (!_followUps.TryGetValue(report.DoseId, out var followUp) || !StillGiven(followUp))
            {
                throw new ArgumentException($"Dose {report.DoseId} has no PRN follow-up owed.", nameof(report));
            }

            if (followUp.Assessment is { } done)
            {
                return done;
            }

            _followUps[report.DoseId] = followUp with { Assessment = report };
            return report;
        }
    }

    /// <summary>Follow-ups still owed (pending or overdue) for PRN doses that still stand as given.</summary>
    public IReadOnlyList<PrnFollowUp> OpenFollowUps()
    {
        lock (_gate)
        {
            return [.. _followUps.Values.Where(f => f.Assessment is null && StillGiven(f)).OrderBy(f => f.DueAt)];
        }
    }

    public PrnFollowUp? FollowUpFor(DoseId doseId)
    {
        lock (_gate)
        {
            return _followUps.TryGetValue(doseId, out var f) && StillGiven(f) ? f : null;
        }
    }

    /// <summary>
    /// Outcomes of the given doses. A dose with no outcome whose window has closed counts as missed even before the
    /// sweep has recorded it; one still in its window counts as open.
    /// </summary>
    public DoseOutcomeSummary Summarize(IEnumerable<DueDose> doses)
    {
        ArgumentNullException.ThrowIfNull(doses);
        var now = _time.GetUtcNow();
        int total = 0, given = 0, refused = 0, held = 0, unavailable = 0, missed = 0, open = 0;
        lock (_gate)
        {
            foreach (var dose in doses)
            {
                total++;
                switch (_standing.GetValueOrDefault(dose.Id)?.Outcome)
                {
                    case AdministrationOutcome.Given: given++; break;
                    case AdministrationOutcome.Refused: refused++; break;
                    case AdministrationOutcome.Held: held++; break;
                    case AdministrationOutcome.NotAvailable: unavailable++; break;
                    case AdministrationOutcome.Missed: missed++; break;
                    default:
                        if (dose.StateAt(now) == DoseState.Missed)
                        {
                            missed++;
                        }
                        else
                        {
                            open++;
                        }

                        break;
                }
            }
        }

        return new DoseOutcomeSummary(total, given, refused, held, unavailable, missed, open);
    }

    private bool StillGiven(PrnFollowUp f) =>
        _standing.TryGetValue(f.DoseId, out var r) && r.RecordId == f.AdministrationRecordId;

    private OutcomeResult? Validate(OutcomeReport report)
    {
        if (string.IsNullOrWhiteSpace(report.DoseId.Value) || string.IsNullOrWhiteSpace(report.OrderId)
            || string.IsNullOrWhiteSpace(report.ResidentId) || string.IsNullOrWhiteSpace(report.RecordedBy)
            || string.IsNullOrWhiteSpace(report.ClientMessageId))
        {
            return Reject(OutcomeRejection.InvalidReport, "A report needs the dose id, order id, resident id, who recorded it and a client message id.");
        }

        if (report.Outcome == AdministrationOutcome.EnteredInError || !Enum.IsDefined(report.Outcome))
        {
            return Reject(OutcomeRejection.InvalidReport, $"Outcome {report.Outcome} cannot be reported; use a correction to mark a record entered in error.");
        }

        if (report.Outcome is AdministrationOutcome.Refused or AdministrationOutcome.Held or AdministrationOutcome.NotAvailable
            && string.IsNullOrWhiteSpace(report.Reason))
        {
            return Reject(OutcomeRejection.ReasonRequired, $"A dose {report.Outcome} needs a reason.");
        }

        if (report.Outcome == AdministrationOutcome.Given && report.IsPrn && string.IsNullOrWhiteSpace(report.PrnIndication))
        {
            return Reject(OutcomeRejection.PrnIndicationRequired, "A PRN dose given needs the indication it was given for.");
        }

        if (report.OccurredAt > _time.GetUtcNow() + ClockSkew)
        {
            return Reject(OutcomeRejection.RecordedBeforeItHappened, $"The outcome is dated {report.OccurredAt:O}, in the future.");
        }

        return null;
    }

    private static OutcomeReport ReportOf(AdministrationRecord r) => new(
        r.DoseId, r.OrderId, r.ResidentId, r.Outcome, r.OccurredAt, r.RecordedBy, r.ClientMessageId, r.IsPrn, r.Reason,
        r.PrnIndication, r.WitnessId, r.DeviceId);

    private AdministrationRecord Append(OutcomeReport report, string recordId, string? correctsRecordId)
    {
        var record = new AdministrationRecord(
            recordId, _records.Count + 1, report.DoseId, report.OrderId, report.ResidentId, report.Outcome, report.OccurredAt,
            _time.GetUtcNow(), report.RecordedBy, report.ClientMessageId, report.IsPrn, report.Reason, report.PrnIndication,
            report.WitnessId, report.DeviceId, correctsRecordId);
        Apply(record);
        return record;
    }

    private void Apply(AdministrationRecord record)
    {
        _records.Add(record);
        _byId[record.RecordId] = record;
        if (record.Outcome == AdministrationOutcome.EnteredInError)
        {
            _standing.Remove(record.DoseId);
        }
        else
        {
            _standing[record.DoseId] = record;
            if (record.Outcome == AdministrationOutcome.Given && record.IsPrn)
            {
                _followUps[record.DoseId] = new PrnFollowUp(record.DoseId, record.RecordId, record.ResidentId,
                    record.OccurredAt + _options.PrnFollowUpDelay, null);
            }
        }
    }

    private static string RecordIdFor(DoseId doseId, string clientMessageId) => $"{doseId.Value}/{clientMessageId}";

    private static OutcomeResult Reject(OutcomeRejection why, string detail, AdministrationRecord? conflicting = null) =>
        new(OutcomeStatus.Rejected, [], why, detail, conflicting);
}
