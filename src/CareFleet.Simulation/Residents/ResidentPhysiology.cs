using CareFleet.Contracts.Care;

namespace CareFleet.Simulation.Residents;

/// <summary>Options of the simulated residents (section <c>CareFleet:Simulation:Residents</c>).</summary>
public sealed class ResidentSimulationOptions
{
    /// <summary>Seed of every random choice; the same seed gives the same residents and readings. Default 2026.</summary>
    public int Seed { get; set; } = 2026;

    /// <summary>Share of residents with COPD (NEWS2 Scale 2, SpO2 target 88–92 %). Default 0.1.</summary>
    public double CopdShare { get; set; } = 0.1;

    /// <summary>Chance per resident per simulated day that a sepsis-like deterioration starts. Default 0.02.</summary>
    public double DeteriorationsPerResidentDay { get; set; } = 0.02;

    /// <summary>How long a deterioration takes from first signs to its worst (simulated time). Default 6 hours.</summary>
    public TimeSpan DeteriorationRamp { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Simulated time between two vital-sign sets of one resident. Default 15 minutes.</summary>
    public TimeSpan VitalsInterval { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// One resident's plausible physiology: a stable personal baseline, a daily rhythm (pulse and blood
/// pressure highest in the afternoon, temperature in the early evening, lowest before dawn), measurement
/// noise, and optionally a sepsis-like deterioration: over its ramp the pulse and respiration rate rise,
/// blood pressure and SpO2 fall, fever develops and, near the worst, new confusion. Pure: the same seed and
/// time give the same reading.
/// </summary>
public sealed class ResidentPhysiology
{
    private readonly int _seed;
    private readonly double _hr;
    private readonly double _rr;
    private readonly double _spo2;
    private readonly double _systolic;
    private readonly double _diastolic;
    private readonly double _temp;

    /// <summary>Draws a resident's baseline from <paramref name="seed"/>.</summary>
    public ResidentPhysiology(string residentId, int seed, bool copd, DateTimeOffset? deteriorationStart, TimeSpan ramp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(residentId);
        ResidentId = residentId;
        Copd = copd;
        DeteriorationStart = deteriorationStart;
        Ramp = ramp <= TimeSpan.Zero ? TimeSpan.FromHours(6) : ramp;
        _seed = seed;
        var random = new Random(seed);
        _hr = 62 + random.NextDouble() * 22;
        _rr = 13 + random.NextDouble() * 4;
        _spo2 = copd ? 89 + random.NextDouble() * 2.5 : 95 + random.NextDouble() * 3;
        _systolic = 112 + random.NextDouble() * 30;
        _diastolic = 64 + random.NextDouble() * 16;
        _temp = 36.3 + random.NextDouble() * 0.6;
    }

    /// <summary>The resident.</summary>
    public string ResidentId { get; }

    /// <summary>COPD: NEWS2 Scale 2, SpO2 baseline 88–92 %.</summary>
    public bool Copd { get; }

    /// <summary>When a deterioration begins, or null.</summary>
    public DateTimeOffset? DeteriorationStart { get; }

    /// <summary>From first signs to the worst.</summary>
    public TimeSpan Ramp { get; }

    /// <summary>How far a deterioration has progressed at <paramref name="at"/>: 0 (none) to 1 (worst).</summary>
    public double Severity(DateTimeOffset at) =>
        DeteriorationStart is { } start && at > start ? Math.Min(1, (at - start) / Ramp) : 0;

    /// <summary>The reading a bed sensor takes at <paramref name="at"/>.</summary>
    public VitalSignsMessage Reading(DateTimeOffset at, long headerId, string? deviceId = null)
    {
        // Noise is drawn from a generator seeded by the resident and the minute, so a reading is reproducible.
        var random = new Random(HashCode.Combine(_seed, at.ToUnixTimeSeconds() / 60));
        var hourOfDay = at.UtcDateTime.TimeOfDay.TotalHours;
        double Rhythm(double peakHour) => Math.Cos((hourOfDay - peakHour) / 24 * 2 * Math.PI);
        var s = Severity(at);
        var hr = _hr + 4 * Rhythm(16) + 48 * s + Noise(random, 2.5);
        var rr = _rr + 0.5 * Rhythm(16) + 13 * s + Noise(random, 0.8);
        var spo2 = Math.Min(100, _spo2 - 7 * s + Noise(random, 0.7));
        var systolic = _systolic + 6 * Rhythm(15) - 42 * s + Noise(random, 4);
        var diastolic = _diastolic + 3 * Rhythm(15) - 20 * s + Noise(random, 3);
        var temp = _temp + 0.3 * Rhythm(18) + 1.9 * s + Noise(random, 0.1);
        return new VitalSignsMessage
        {
            HeaderId = headerId,
            Timestamp = at,
            ResidentId = ResidentId,
            DeviceId = deviceId,
            RespiratoryRate = new((decimal)Math.Round(rr), "/min"),
            SpO2 = new((decimal)Math.Round(spo2), "%"),
            SupplementalOxygen = false,
            Systolic = new((decimal)Math.Round(systolic), "mm[Hg]"),
            Diastolic = new((decimal)Math.Round(Math.Min(diastolic, systolic - 15)), "mm[Hg]"),
            HeartRate = new((decimal)Math.Round(hr), "/min"),
            Temperature = new(Math.Round((decimal)temp, 1), "Cel"),
            Consciousness = s > 0.85 ? "C" : "A",
        };
    }

    private static double Noise(Random random, double sd)
    {
        // Box–Muller: a normal deviate from two uniform ones.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}

/// <summary>The simulated residents of a home: who has COPD, who deteriorates when, and who measures them.</summary>
public sealed class SimulatedResidents
{
    private readonly List<ResidentPhysiology> _residents;

    /// <summary>Draws the cohort for <paramref name="residentIds"/> over the day starting at <paramref name="start"/>.</summary>
    public SimulatedResidents(IEnumerable<string> residentIds, ResidentSimulationOptions options, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(residentIds);
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        _residents = [];
        foreach (var id in residentIds.Order(StringComparer.Ordinal))
        {
            var copd = random.NextDouble() < options.CopdShare;
            DateTimeOffset? onset = random.NextDouble() < options.DeteriorationsPerResidentDay
                ? start + TimeSpan.FromHours(random.NextDouble() * 24)
                : null;
            _residents.Add(new ResidentPhysiology(id, random.Next(), copd, onset, options.DeteriorationRamp));
        }

        Options = options;
    }

    /// <summary>The options.</summary>
    public ResidentSimulationOptions Options { get; }

    /// <summary>Every resident.</summary>
    public IReadOnlyList<ResidentPhysiology> All => _residents;

    /// <summary>The residents on NEWS2 Scale 2 (to configure the server's CareFleet:Alarms:Scale2Residents).</summary>
    public IEnumerable<string> Scale2Residents => _residents.Where(r => r.Copd).Select(r => r.ResidentId);

    /// <summary>
    /// Splits the residents over the measuring robots (transfer-assist beds) round-robin, so each robot
    /// publishes for a fixed set.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ResidentPhysiology>> AssignTo(IReadOnlyList<string> robotKeys)
    {
        ArgumentNullException.ThrowIfNull(robotKeys);
        if (robotKeys.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<ResidentPhysiology>>();
        }

        return _residents.Select((r, i) => (Robot: robotKeys[i % robotKeys.Count], Resident: r))
            .GroupBy(x => x.Robot)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ResidentPhysiology>)[.. g.Select(x => x.Resident)]);
    }
}
