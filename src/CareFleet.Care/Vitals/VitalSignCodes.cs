namespace CareFleet.Care.Vitals;

/// <summary>
/// LOINC codes and UCUM units of the vital signs, for the FHIR vital-signs profile (CARE.md §2.2, from the
/// R4 vital-signs value set).
/// </summary>
public static class VitalSignCodes
{
    /// <summary>Vital signs panel (grouper, hasMember).</summary>
    public const string PanelLoinc = "85353-1";

    /// <summary>Heart rate.</summary>
    public const string HeartRateLoinc = "8867-4";

    /// <summary>Respiratory rate.</summary>
    public const string RespiratoryRateLoinc = "9279-1";

    /// <summary>Oxygen saturation in arterial blood.</summary>
    public const string SpO2Loinc = "2708-6";

    /// <summary>Oxygen saturation by pulse oximetry; pulse-oximeter readings carry both SpO2 codes.</summary>
    public const string SpO2PulseOximetryLoinc = "59408-5";

    /// <summary>Body temperature.</summary>
    public const string TemperatureLoinc = "8310-5";

    /// <summary>Blood pressure panel.</summary>
    public const string BloodPressurePanelLoinc = "85354-9";

    /// <summary>Systolic blood pressure (component of the BP panel).</summary>
    public const string SystolicLoinc = "8480-6";

    /// <summary>Diastolic blood pressure (component of the BP panel).</summary>
    public const string DiastolicLoinc = "8462-4";

    /// <summary>Inhaled oxygen flow rate (NEWS2 "air or oxygen").</summary>
    public const string InhaledOxygenFlowLoinc = "3151-8";

    /// <summary>Level of responsiveness (ACVPU), answered with SNOMED CT codes.</summary>
    public const string ConsciousnessLoinc = "67775-7";

    /// <summary>UCUM: per minute.</summary>
    public const string PerMinute = "/min";

    /// <summary>UCUM: percent.</summary>
    public const string Percent = "%";

    /// <summary>UCUM: millimetres of mercury.</summary>
    public const string MillimetresOfMercury = "mm[Hg]";

    /// <summary>UCUM: degrees Celsius.</summary>
    public const string Celsius = "Cel";

    /// <summary>UCUM: degrees Fahrenheit (accepted on input, converted to Celsius).</summary>
    public const string Fahrenheit = "[degF]";

    /// <summary>UCUM: litres per minute.</summary>
    public const string LitresPerMinute = "L/min";

    /// <summary>UCUM annotation for a score.</summary>
    public const string Score = "{score}";

    /// <summary>The SNOMED CT answer code for an ACVPU level (new confusion has no AVPU code: a local code is used).</summary>
    public static string SnomedCodeOf(Consciousness level) => level switch
    {
        Consciousness.Alert => "248234008",
        Consciousness.Voice => "255373000",
        Consciousness.Pain => "450847001",
        Consciousness.Unresponsive => "422768004",
        Consciousness.NewConfusion => "carefleet-new-confusion",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not an ACVPU level."),
    };
}

/// <summary>Level of consciousness on the ACVPU scale.</summary>
public enum Consciousness
{
    /// <summary>Alert.</summary>
    Alert = 0,

    /// <summary>New confusion (confusion of unknown onset counts as new).</summary>
    NewConfusion = 1,

    /// <summary>Responds to voice.</summary>
    Voice = 2,

    /// <summary>Responds to pain.</summary>
    Pain = 3,

    /// <summary>Unresponsive.</summary>
    Unresponsive = 4,
}
