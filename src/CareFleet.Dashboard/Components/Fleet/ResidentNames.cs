using CareFleet.Care.Residents;

namespace CareFleet.Dashboard.Components.Fleet;

/// <summary>Names as the resident writes them: Chinese family name first without a space, Western names "Given Family".</summary>
public static class ResidentNames
{
    public static string Display(ResidentSummary resident)
    {
        ArgumentNullException.ThrowIfNull(resident);
        return resident.Language.StartsWith("zh", StringComparison.Ordinal) || resident.Language == "yue"
            ? resident.FamilyName + resident.GivenName
            : $"{resident.GivenName} {resident.FamilyName}";
    }
}
