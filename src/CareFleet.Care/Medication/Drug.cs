namespace CareFleet.Care.Medication;

/// <summary>
/// A drug product. <paramref name="Substances"/> lists active ingredients and drug classes (e.g. "amoxicillin",
/// "penicillins") against which residents' allergies are checked.
/// </summary>
public sealed record Drug(string Name, string Strength, string Form, Gtin Gtin, IReadOnlyList<string> Substances);

/// <summary>An amount with its unit, e.g. 1 tablet, 62.5 mcg, 5 mL.</summary>
public readonly record struct DoseQuantity(decimal Amount, string Unit)
{
    public bool SameAs(DoseQuantity other) =>
        Amount == other.Amount && string.Equals(Unit?.Trim(), other.Unit?.Trim(), StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Unit}";
}

public enum MedicationRoute
{
    Oral,
    Sublingual,
    Buccal,
    Topical,
    Transdermal,
    Inhaled,
    Nasal,
    Ophthalmic,
    Otic,
    Rectal,
    Subcutaneous,
    Intramuscular,
    Intravenous,
    Enteral,
}
