using System.Globalization;
using CareFleet.Care.Identity;

namespace CareFleet.Care.Medication;

/// <summary>Everything the bedside decision looks at.</summary>
public sealed record HandoverRequest
{
    public required DueDose Dose { get; init; }

    public required MedicationOrder Order { get; init; }

    public required HandoverResident Resident { get; init; }

    public required IdentityEvidence Identity { get; init; }

    /// <summary>Templates of everyone on the floor (the expected resident's included), for 1:1 and 1:N matching.</summary>
    public IReadOnlyList<FaceTemplate> FloorTemplates { get; init; } = [];

    /// <summary>What the robot or nurse scanned on the package in the drawer.</summary>
    public string? ScannedBarcode { get; init; }

    /// <summary>The dose loaded for this resident, as confirmed when the drawer was loaded.</summary>
    public required DoseQuantity PreparedDose { get; init; }

    public required MedicationRoute PreparedRoute { get; init; }

    /// <summary>The resident's administration history, raw and append-only (entered-in-error markers included).</summary>
    public IReadOnlyList<AdministrationRecord> History { get; init; } = [];

    public IReadOnlyList<VitalReading> Vitals { get; init; } = [];

    public Witness? Witness { get; init; }

    /// <summary>The staff member accountable for the administration (the nurse supervising the robot).</summary>
    public required string AdministeringStaffId { get; init; }

    /// <summary>Why a PRN dose is being given.</summary>
    public string? PrnIndication { get; init; }

    /// <summary>
    /// When the drawer was already opened for this dose, if it was: the pills may be in the resident's hand, so a
    /// second release must not happen whatever the records say; a nurse resolves it.
    /// </summary>
    public DateTimeOffset? ReleasedAt { get; init; }
}

public enum HandoverVerdict
{
    Release,
    Hold,
}

/// <summary>The decision, with every failed check, the identity evidence's scores, and when it was made.</summary>
public sealed record HandoverDecision(
    DoseId DoseId,
    HandoverVerdict Verdict,
    IReadOnlyList<HoldFinding> Reasons,
    DateTimeOffset DecidedAt,
    IdentityVerification Identity)
{
    public bool IsRelease => Verdict == HandoverVerdict.Release;

    public bool HasReason(HoldReason code) => Reasons.Any(r => r.Code == code);
}

/// <summary>
/// Decides at the bedside whether the drawer opens. It checks the rights of administration (resident,
/// drug, dose, route, time, plus right reason for PRN), allergies, the PRN 24-hour limit, that the dose was not
/// already given, the vitals an order requires and a witness for controlled drugs. Every check runs, so a hold names
/// every reason, not just the first. Pure apart from reading the clock.
/// </summary>
public sealed class HandoverDecider
{
    private readonly MedicationOptions _options;
    private readonly IdentityVerifier _identity;
    private readonly TimeProvider _time;

    public HandoverDecider(MedicationOptions options, IdentityVerifier identity, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _options = options;
        _identity = identity;
        _time = time;
    }

    public HandoverDecision Decide(HandoverRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Dose);
        ArgumentNullException.ThrowIfNull(request.Order);
        ArgumentNullException.ThrowIfNull(request.Resident);
        ArgumentNullException.ThrowIfNull(request.Identity);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.AdministeringStaffId);
        request.Order.Validate();

        var now = _time.GetUtcNow();
        var reasons = new List<HoldFinding>();
        var dose = request.Dose;
        var order = request.Order;
        var resident = request.Resident;

        CheckResidentAndOrder(request, reasons);
        var identity = _identity.Verify(
            new ExpectedResident(dose.ResidentId, resident.WristbandCode, resident.FaceConsent),
            request.Identity,
            request.FloorTemplates ?? [],
            now);
        foreach (var failure in identity.Failures)
        {
            reasons.Add(HoldTexts.ForIdentity(failure, identity.Face));
        }

        if (!order.IsActiveAt(now))
        {
            reasons.Add(HoldTexts.OrderNotActive(order));
        }

        if ((order.HoldAt(now) ?? dose.Hold) is { } hold)
        {
            reasons.Add(HoldTexts.OrderOnHold(hold));
        }

        CheckDrug(request, reasons);
        if (!request.PreparedDose.SameAs(order.Dose))
        {
            reasons.Add(HoldTexts.WrongDose(request.PreparedDose, order.Dose));
        }

        if (request.PreparedRoute != order.Route)
        {
            reasons.Add(HoldTexts.WrongRoute(request.PreparedRoute, order.Route));
        }

        if (now < dose.WindowOpens)
        {
            reasons.Add(HoldTexts.TooEarly(dose, now));
        }
        else if (now > dose.WindowCloses)
        {
            reasons.Add(HoldTexts.WindowClosed(dose, now));
        }

        CheckAllergies(order.Drug, resident.Allergies ?? [], reasons);
        var effective = AdministrationHistory.Effective(request.History ?? []);
        CheckNotAlreadyRecorded(dose, effective, reasons);
        if (request.ReleasedAt is { } releasedAt)
        {
            reasons.Add(HoldTexts.AlreadyReleased(releasedAt));
        }

        if (order.Prn is { } prn)
        {
            CheckPrn(request, prn, effective, now, reasons);
        }

        CheckVitals(order, request.Vitals ?? [], now, reasons);
        if (order.IsControlled)
        {
            CheckWitness(request, now, reasons);
        }

        return new HandoverDecision(dose.Id, reasons.Count == 0 ? HandoverVerdict.Release : HandoverVerdict.Hold, reasons, now, identity);
    }

    private static void CheckResidentAndOrder(HandoverRequest request, List<HoldFinding> reasons)
    {
        var dose = request.Dose;
        var order = request.Order;
        if (!string.Equals(order.ResidentId, dose.ResidentId, StringComparison.Ordinal)
            || !string.Equals(request.Resident.ResidentId, dose.ResidentId, StringComparison.Ordinal))
        {
            reasons.Add(HoldTexts.WrongResident());
        }

        if (!string.Equals(order.OrderId, dose.OrderId, StringComparison.Ordinal) || order.IsPrn != dose.IsPrn)
        {
            reasons.Add(HoldTexts.DoseOrderMismatch(dose, order));
        }
    }

    private static void CheckDrug(HandoverRequest request, List<HoldFinding> reasons)
    {
        if (string.IsNullOrWhiteSpace(request.ScannedBarcode))
        {
            reasons.Add(HoldTexts.DrugNotScanned());
        }
        else if (!Gtin.TryFromScan(request.ScannedBarcode, out var scanned))
        {
            reasons.Add(HoldTexts.BarcodeUnreadable());
        }
        else if (scanned != request.Order.Drug.Gtin)
        {
            reasons.Add(HoldTexts.WrongDrug(scanned, request.Order.Drug));
        }
    }

    private static void CheckAllergies(Drug drug, IReadOnlyList<string> allergies, List<HoldFinding> reasons)
    {
        var conflicts = new List<string>();
        foreach (var allergen in allergies)
        {
            if (string.IsNullOrWhiteSpace(allergen))
            {
                continue;
            }

            var a = allergen.Trim();
            if (string.Equals(a, drug.Name?.Trim(), StringComparison.OrdinalIgnoreCase)
                || (drug.Substances ?? []).Any(s => string.Equals(a, s?.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                conflicts.Add(a);
            }
        }

        if (conflicts.Count > 0)
        {
            reasons.Add(HoldTexts.AllergyConflict(drug, conflicts));
        }
    }

    private static void CheckNotAlreadyRecorded(DueDose dose, IReadOnlyList<AdministrationRecord> effective, List<HoldFinding> reasons)
    {
        foreach (var r in effective)
        {
            if (r.DoseId == dose.Id)
            {
                reasons.Add(r.Outcome == AdministrationOutcome.Given ? HoldTexts.AlreadyGiven(r) : HoldTexts.OutcomeAlreadyRecorded(r));
                return;
            }
        }
    }

    private static void CheckPrn(HandoverRequest request, PrnTerms prn, IReadOnlyList<AdministrationRecord> effective, DateTimeOffset now, List<HoldFinding> reasons)
    {
        var indication = request.PrnIndication?.Trim();
        if (string.IsNullOrEmpty(indication))
        {
            reasons.Add(HoldTexts.PrnIndicationMissing());
        }
        else if (!prn.Indications.Any(i => string.Equals(i?.Trim(), indication, StringComparison.OrdinalIgnoreCase)))
        {
            reasons.Add(HoldTexts.PrnIndicationNotOrdered(indication, prn));
        }

        // A rolling 24 hours back from now, not the calendar day: that is what "max N per 24 h" limits.
        var since = now - TimeSpan.FromHours(24);
        var count = 0;
        DateTimeOffset? last = null;
        foreach (var r in effective)
        {
            if (r.Outcome != AdministrationOutcome.Given || !string.Equals(r.OrderId, request.Order.OrderId, StringComparison.Ordinal))
            {
                continue;
            }

            if (r.OccurredAt > since)
            {
                count++;
            }

            if (last is null || r.OccurredAt > last)
            {
                last = r.OccurredAt;
            }
        }

        if (count >= prn.MaxDosesPer24Hours)
        {
            reasons.Add(HoldTexts.PrnLimitReached(count, prn.MaxDosesPer24Hours));
        }

        if (prn.MinimumInterval is { } gap && last is { } l && now - l < gap)
        {
            reasons.Add(HoldTexts.PrnTooSoon(l, gap));
        }
    }

    private void CheckVitals(MedicationOrder order, IReadOnlyList<VitalReading> vitals, DateTimeOffset now, List<HoldFinding> reasons)
    {
        foreach (var requirement in order.VitalsRequired)
        {
            VitalReading? latest = null;
            foreach (var v in vitals)
            {
                if (v.Kind == requirement.Kind && double.IsFinite(v.Value) && (latest is null || v.MeasuredAt > latest.MeasuredAt))
                {
                    latest = v;
                }
            }

            if (latest is null)
            {
                reasons.Add(HoldTexts.VitalsMissing(requirement));
                continue;
            }

            var maxAge = requirement.MaxAge ?? _options.VitalsMaxAge;
            if (now - latest.MeasuredAt > maxAge)
            {
                reasons.Add(HoldTexts.VitalsStale(requirement, latest, maxAge));
            }

            if ((requirement.Minimum is { } min && latest.Value < min) || (requirement.Maximum is { } max && latest.Value > max))
            {
                reasons.Add(HoldTexts.VitalsOutOfRange(requirement, latest));
            }
        }
    }

    private void CheckWitness(HandoverRequest request, DateTimeOffset now, List<HoldFinding> reasons)
    {
        var witness = request.Witness;
        if (witness is null || string.IsNullOrWhiteSpace(witness.StaffId))
        {
            reasons.Add(HoldTexts.WitnessMissing());
            return;
        }

        if (string.Equals(witness.StaffId.Trim(), request.AdministeringStaffId.Trim(), StringComparison.Ordinal))
        {
            reasons.Add(HoldTexts.WitnessNotDistinct());
        }

        if (now - witness.ConfirmedAt > _options.WitnessMaxAge)
        {
            reasons.Add(HoldTexts.WitnessStale(witness, _options.WitnessMaxAge));
        }
    }
}
