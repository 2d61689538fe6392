namespace CareFleet.Care.Vitals;

/// <summary>
/// Which SpO2 scale a resident is scored on. Scale 2 only for documented hypercapnic respiratory failure
/// with a prescribed 88–92 % target, on a clinician's decision (RCP NEWS2 2017; CARE.md §3.1).
/// </summary>
public enum SpO2Scale
{
    /// <summary>The default scale.</summary>
    Scale1 = 1,

    /// <summary>For hypercapnic respiratory failure with a prescribed 88–92 % target.</summary>
    Scale2 = 2,
}

/// <summary>The seven NEWS2 parameters.</summary>
public enum News2Parameter
{
    /// <summary>Respiration rate.</summary>
    RespirationRate = 1,

    /// <summary>Oxygen saturation on the resident's scale.</summary>
    SpO2 = 2,

    /// <summary>Air or supplemental oxygen.</summary>
    AirOrOxygen = 3,

    /// <summary>Systolic blood pressure.</summary>
    SystolicBloodPressure = 4,

    /// <summary>Pulse.</summary>
    Pulse = 5,

    /// <summary>Consciousness (ACVPU).</summary>
    Consciousness = 6,

    /// <summary>Temperature.</summary>
    Temperature = 7,
}

/// <summary>The clinical risk band of RCP NEWS2 Chart 4.</summary>
public enum News2Band
{
    /// <summary>Aggregate 0–4 with no parameter scoring 3.</summary>
    Low = 1,

    /// <summary>Aggregate 1–4 with a single parameter scoring 3 (a "red score").</summary>
    LowMedium = 2,

    /// <summary>Aggregate 5–6: the urgent response threshold.</summary>
    Medium = 3,

    /// <summary>Aggregate 7 or more: the emergency response threshold.</summary>
    High = 4,
}

/// <summary>The minimum observation frequency of RCP NEWS2 Chart 4.</summary>
public enum ObservationFrequency
{
    /// <summary>Aggregate 0: at least every 12 hours.</summary>
    TwelveHourly = 1,

    /// <summary>Aggregate 1–4: at least every 4–6 hours.</summary>
    FourToSixHourly = 2,

    /// <summary>A red score or aggregate 5–6: at least hourly.</summary>
    Hourly = 3,

    /// <summary>Aggregate 7 or more: continuous monitoring.</summary>
    Continuous = 4,
}

/// <summary>
/// A NEWS2 result. Parameter scores are null when the parameter was not measured; then
/// <see cref="IsComplete"/> is false and <see cref="Total"/>, <see cref="Band"/> and
/// <see cref="Frequency"/> are lower bounds (a missing parameter can only add points), so a partial set
/// never over-alarms but can already prove a high band.
/// </summary>
public sealed record News2Score(
    SpO2Scale Scale,
    int? RespirationRate,
    int? SpO2,
    int? AirOrOxygen,
    int? SystolicBloodPressure,
    int? Pulse,
    int? Consciousness,
    int? Temperature,
    int Total,
    IReadOnlyList<News2Parameter> Missing,
    bool HasRedParameter,
    News2Band Band,
    ObservationFrequency Frequency)
{
    /// <summary>Whether all seven parameters were scored.</summary>
    public bool IsComplete => Missing.Count == 0;

    /// <summary>The clinical response RCP Chart 4 asks for at this score.</summary>
    public string ClinicalResponse => News2.ClinicalResponseFor(Band, Total);
}

/// <summary>
/// The National Early Warning Score 2 exactly as RCP 2017 Chart 1 (scoring) and Chart 4 (response and
/// frequency), transcribed in CARE.md §3. Inputs are at chart resolution: whole numbers, temperature to
/// 1 dp (see <see cref="VitalSignsValidator"/>).
/// </summary>
public static class News2
{
    /// <summary>Scores validated vital signs on the resident's SpO2 scale.</summary>
    public static News2Score Score(VitalSigns vitals, SpO2Scale scale)
    {
        ArgumentNullException.ThrowIfNull(vitals);
        if (!Enum.IsDefined(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "SpO2 scale must be Scale1 or Scale2.");
        }

        var rr = vitals.RespiratoryRate is { } r ? RespirationRateScore(r) : (int?)null;
        int? spo2 = vitals.SpO2 switch
        {
            null => null,
            { } s when scale == SpO2Scale.Scale1 => SpO2Scale1Score(s),
            { } s when vitals.OnSupplementalOxygen is { } onO2 => SpO2Scale2Score(s, onO2),

            // On Scale 2 a saturation of 93 % or more scores only on oxygen: unknown without the air/oxygen flag.
            { } s when s <= 92 => SpO2Scale2Score(s, onOxygen: false),
            _ => null,
        };
        var air = vitals.OnSupplementalOxygen is { } o ? AirOrOxygenScore(o) : (int?)null;
        var sbp = vitals.Systolic is { } p ? SystolicScore(p) : (int?)null;
        var pulse = vitals.HeartRate is { } h ? PulseScore(h) : (int?)null;
        var acvpu = vitals.Consciousness is { } c ? ConsciousnessScore(c) : (int?)null;
        var temp = vitals.TemperatureCelsius is { } t ? TemperatureScore(t) : (int?)null;

        var missing = new List<News2Parameter>(7);
        AddIfMissing(missing, rr, News2Parameter.RespirationRate);
        AddIfMissing(missing, spo2, News2Parameter.SpO2);
        AddIfMissing(missing, air, News2Parameter.AirOrOxygen);
        AddIfMissing(missing, sbp, News2Parameter.SystolicBloodPressure);
        AddIfMissing(missing, pulse, News2Parameter.Pulse);
        AddIfMissing(missing, acvpu, News2Parameter.Consciousness);
        AddIfMissing(missing, temp, News2Parameter.Temperature);

        var total = (rr ?? 0) + (spo2 ?? 0) + (air ?? 0) + (sbp ?? 0) + (pulse ?? 0) + (acvpu ?? 0) + (temp ?? 0);
        var red = rr == 3 || spo2 == 3 || sbp == 3 || pulse == 3 || acvpu == 3 || temp == 3;
        var band = BandFor(total, red);
        return new News2Score(scale, rr, spo2, air, sbp, pulse, acvpu, temp, total, missing, red, band, FrequencyFor(band, total));
    }

    /// <summary>Respiration rate (/min): ≤8 → 3, 9–11 → 1, 12–20 → 0, 21–24 → 2, ≥25 → 3.</summary>
    public static int RespirationRateScore(int perMinute) => perMinute switch
    {
        <= 8 => 3,
        <= 11 => 1,
        <= 20 => 0,
        <= 24 => 2,
        _ => 3,
    };

    /// <summary>SpO2 Scale 1 (%): ≤91 → 3, 92–93 → 2, 94–95 → 1, ≥96 → 0.</summary>
    public static int SpO2Scale1Score(int percent) => percent switch
    {
        <= 91 => 3,
        <= 93 => 2,
        <= 95 => 1,
        _ => 0,
    };

    /// <summary>
    /// SpO2 Scale 2 (%): ≤83 → 3, 84–85 → 2, 86–87 → 1, 88–92 → 0; at 93 or more, 0 on air, and on oxygen
    /// 93–94 → 1, 95–96 → 2, ≥97 → 3 (high saturation scores only on oxygen).
    /// </summary>
    public static int SpO2Scale2Score(int percent, bool onOxygen) => percent switch
    {
        <= 83 => 3,
        <= 85 => 2,
        <= 87 => 1,
        <= 92 => 0,
        _ when !onOxygen => 0,
        <= 94 => 1,
        <= 96 => 2,
        _ => 3,
    };

    /// <summary>Air or oxygen: supplemental oxygen → 2, air → 0 (both scales).</summary>
    public static int AirOrOxygenScore(bool onOxygen) => onOxygen ? 2 : 0;

    /// <summary>Systolic BP (mmHg): ≤90 → 3, 91–100 → 2, 101–110 → 1, 111–219 → 0, ≥220 → 3.</summary>
    public static int SystolicScore(int mmHg) => mmHg switch
    {
        <= 90 => 3,
        <= 100 => 2,
        <= 110 => 1,
        <= 219 => 0,
        _ => 3,
    };

    /// <summary>Pulse (/min): ≤40 → 3, 41–50 → 1, 51–90 → 0, 91–110 → 1, 111–130 → 2, ≥131 → 3.</summary>
    public static int PulseScore(int perMinute) => perMinute switch
    {
        <= 40 => 3,
        <= 50 => 1,
        <= 90 => 0,
        <= 110 => 1,
        <= 130 => 2,
        _ => 3,
    };

    /// <summary>Consciousness: Alert → 0; new Confusion, Voice, Pain, Unresponsive → 3.</summary>
    public static int ConsciousnessScore(Consciousness level) => level == Vitals.Consciousness.Alert ? 0 : 3;

    /// <summary>Temperature (°C, 1 dp): ≤35.0 → 3, 35.1–36.0 → 1, 36.1–38.0 → 0, 38.1–39.0 → 1, ≥39.1 → 2.</summary>
    public static int TemperatureScore(decimal celsius)
    {
        var t = Math.Round(celsius, 1, MidpointRounding.AwayFromZero);
        return t switch
        {
            <= 35.0m => 3,
            <= 36.0m => 1,
            <= 38.0m => 0,
            <= 39.0m => 1,
            _ => 2,
        };
    }

    /// <summary>The Chart 4 band: ≥7 high, 5–6 medium, a single red parameter low–medium, else low.</summary>
    public static News2Band BandFor(int total, bool hasRedParameter) => total switch
    {
        >= 7 => News2Band.High,
        >= 5 => News2Band.Medium,
        _ when hasRedParameter => News2Band.LowMedium,
        _ => News2Band.Low,
    };

    /// <summary>The Chart 4 minimum monitoring frequency.</summary>
    public static ObservationFrequency FrequencyFor(News2Band band, int total) => band switch
    {
        News2Band.High => ObservationFrequency.Continuous,
        News2Band.Medium or News2Band.LowMedium => ObservationFrequency.Hourly,
        _ when total == 0 => ObservationFrequency.TwelveHourly,
        _ => ObservationFrequency.FourToSixHourly,
    };

    /// <summary>The Chart 4 clinical response.</summary>
    public static string ClinicalResponseFor(News2Band band, int total) => band switch
    {
        News2Band.High => "Emergency response: immediate call to a clinician at registrar level; emergency assessment by a team with critical-care competencies and airway skills; consider transfer to level 2/3 care. In the home: emergency (ambulance or hospital-transfer) protocol.",
        News2Band.Medium => "Urgent response: the registered nurse informs the medical team immediately; urgent review by a clinician competent in acute illness; care in an environment with monitoring facilities. In the home: urgent nurse review and GP or on-call physician.",
        News2Band.LowMedium => "The registered nurse informs the medical team, who decide whether escalation of care is needed.",
        _ when total == 0 => "Continue routine NEWS monitoring.",
        _ => "The registered nurse assesses and decides whether the monitoring frequency must increase or care be escalated.",
    };

    private static void AddIfMissing(List<News2Parameter> missing, int? score, News2Parameter parameter)
    {
        if (score is null)
        {
            missing.Add(parameter);
        }
    }
}
