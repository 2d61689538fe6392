namespace CareFleet.Care.Medication;

/// <summary>How a dose ended in the eMAR, plus the correction marker.</summary>
public enum AdministrationOutcome
{
    Given,
    Refused,
    Held,
    NotAvailable,
    Missed,

    /// <summary>Marks an earlier record as entered in error; the original stays visible.</summary>
    EnteredInError,
}

/// <summary>An outcome reported for a dose by a robot, a nurse or the missed-dose sweep.</summary>
/// <param name="ClientMessageId">The sender's id for this message; a resend carries the same id.</param>
/// <param name="Reason">Required for refused, held and not available.</param>
/// <param name="PrnIndication">Required when a PRN dose is given (the right reason).</param>
public sealed record OutcomeReport(
    DoseId DoseId,
    string OrderId,
    string ResidentId,
    AdministrationOutcome Outcome,
    DateTimeOffset OccurredAt,
    string RecordedBy,
    string ClientMessageId,
    bool IsPrn = false,
    string? Reason = null,
    string? PrnIndication = null,
    string? WitnessId = null,
    string? DeviceId = null);

/// <summary>One appended eMAR entry. Nothing is ever changed or removed; corrections add an entered-in-error entry.</summary>
public sealed record AdministrationRecord(
    string RecordId,
    long Sequence,
    DoseId DoseId,
    string OrderId,
    string ResidentId,
    AdministrationOutcome Outcome,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    string ClientMessageId,
    bool IsPrn,
    string? Reason,
    string? PrnIndication,
    string? WitnessId,
    string? DeviceId,
    string? CorrectsRecordId = null);

/// <summary>Reads the effective state out of an append-only history.</summary>
public static class AdministrationHistory
{
    /// <summary>The records that still stand: neither an entered-in-error marker nor marked by one.</summary>
    public static IReadOnlyList<AdministrationRecord> Effective(IEnumerable<AdministrationRecord> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var all = history as IReadOnlyCollection<AdministrationRecord> ?? [.. history];
        var voided = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in all)
        {
            if (r.Outcome == AdministrationOutcome.EnteredInError && r.CorrectsRecordId is { } id)
            {
                voided.Add(id);
            }
        }

        var result = new List<AdministrationRecord>(all.Count);
        foreach (var r in all)
        {
            if (r.Outcome != AdministrationOutcome.EnteredInError && !voided.Contains(r.RecordId))
            {
                result.Add(r);
            }
        }

        return result;
    }
}
