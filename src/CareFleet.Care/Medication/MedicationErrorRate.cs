namespace CareFleet.Care.Medication;

/// <summary>Medication error types (after the BMJ Health &amp; Care Informatics classification).</summary>
public enum MedicationErrorType
{
    WrongDrug,
    UnorderedDrug,
    WrongDose,
    ExtraDose,
    WrongFormulation,
    WrongRoute,
    WrongStrength,
    WrongPatient,
    WrongTime,
    Omission,
}

/// <summary>
/// An error found by observation or review (e.g. the reason a record was marked entered in error). A null
/// <paramref name="DoseId"/> means a dose outside any order, such as an unordered drug given.
/// </summary>
public sealed record ReportedMedicationError(DoseId? DoseId, MedicationErrorType Type);

public sealed record MedicationErrorRateResult(
    int Errors,
    int Opportunities,
    decimal RatePercent,
    bool AtOrAboveCitationThreshold,
    IReadOnlyDictionary<MedicationErrorType, int> ByType);

/// <summary>
/// The CMS medication error rate (State Operations Manual Appendix PP, F759/F760): errors ÷ (doses given + doses ordered but not
/// given) × 100. F759 is cited at 5% or more, with no rounding up (4.6% is not 5%), so the rate is exact.
/// Counted as errors from the record: omissions (missed, or not available: the facility must have the drug on hand)
/// and doses given outside their window (wrong time); plus the errors reported by reviewers. Refusals and holds
/// are not errors. Each dose counts at most once.
/// </summary>
public static class MedicationErrorRate
{
    public const decimal CitationThresholdPercent = 5m;

    /// <param name="doses">The scheduled doses of the period.</param>
    /// <param name="history">The raw administration history of the period (entered-in-error markers included).</param>
    /// <param name="reported">Errors found by review.</param>
    /// <param name="now">Doses with no outcome whose window has closed by now count as omissions.</param>
    public static MedicationErrorRateResult Compute(
        IEnumerable<DueDose> doses,
        IEnumerable<AdministrationRecord> history,
        IEnumerable<ReportedMedicationError> reported,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(doses);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(reported);

        var standing = new Dictionary<DoseId, AdministrationRecord>();
        foreach (var r in AdministrationHistory.Effective(history))
        {
            standing[r.DoseId] = r;
        }

        var errors = new Dictionary<DoseId, MedicationErrorType>();
        var reportedByDose = new Dictionary<DoseId, MedicationErrorType>();
        var outsideAnyDose = 0;
        var byType = new Dictionary<MedicationErrorType, int>();
        foreach (var e in reported)
        {
            if (e.DoseId is { } id)
            {
                reportedByDose.TryAdd(id, e.Type);
            }
            else
            {
                outsideAnyDose++;
                Count(byType, e.Type);
            }
        }

        var opportunities = 0;
        var scheduled = new HashSet<DoseId>();
        foreach (var dose in doses)
        {
            if (!scheduled.Add(dose.Id))
            {
                continue;
            }

            opportunities++;
            standing.TryGetValue(dose.Id, out var outcome);
            MedicationErrorType? error = reportedByDose.TryGetValue(dose.Id, out var t) ? t
                : outcome?.Outcome is AdministrationOutcome.Missed or AdministrationOutcome.NotAvailable ? MedicationErrorType.Omission
                : outcome is null && now > dose.WindowCloses ? MedicationErrorType.Omission
                : outcome?.Outcome == AdministrationOutcome.Given && !dose.IsPrn && !dose.IsInWindow(outcome.OccurredAt) ? MedicationErrorType.WrongTime
                : null;
            if (error is { } found)
            {
                errors[dose.Id] = found;
            }
        }

        // PRN doses given are doses given, so they are opportunities too.
        foreach (var (id, r) in standing)
        {
            if (r.Outcome == AdministrationOutcome.Given && r.IsPrn && !scheduled.Contains(id))
            {
                opportunities++;
                if (reportedByDose.TryGetValue(id, out var t))
                {
                    errors[id] = t;
                }
            }
        }

        foreach (var type in errors.Values)
        {
            Count(byType, type);
        }

        // An unordered drug given is a dose given: one more opportunity, and an error.
        opportunities += outsideAnyDose;
        var total = errors.Count + outsideAnyDose;
        var rate = opportunities == 0 ? 0m : total * 100m / opportunities;
        return new MedicationErrorRateResult(total, opportunities, rate, rate >= CitationThresholdPercent, byType);
    }

    private static void Count(Dictionary<MedicationErrorType, int> byType, MedicationErrorType type) =>
        byType[type] = byType.GetValueOrDefault(type) + 1;
}
