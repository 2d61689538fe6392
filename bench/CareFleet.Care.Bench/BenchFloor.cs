using CareFleet.Care.Identity;
using CareFleet.Care.Medication;

namespace CareFleet.Care.Bench;

/// <summary>A floor of enrolled residents and a bedside request for the first of them.</summary>
internal sealed class BenchFloor
{
    internal const string Model = "face-bench";
    private readonly HandoverDecider _decider;
    private readonly HandoverRequest _release;
    private readonly HandoverRequest _lookAlike;

    public BenchFloor(int residents, int dimensions, int templatesPerResident)
    {
        var now = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var clock = new FixedClock(now);
        var options = new MedicationOptions();
        var identityOptions = new IdentityOptions();
        identityOptions.Models[Model] = new FaceModelSettings { Threshold = 0.8, Dimensions = dimensions };
        _decider = new HandoverDecider(options, new IdentityVerifier(identityOptions, new FaceMatcher(identityOptions)), clock);

        var consent = new FaceRecognitionConsent(now.AddDays(-100), "admin");
        var registry = new FaceTemplateRegistry(clock);
        var rng = new Random(7);
        var faces = new float[residents][];
        for (var r = 0; r < residents; r++)
        {
            faces[r] = Vectors.Random(rng, dimensions);
            for (var t = 0; t < templatesPerResident; t++)
            {
                registry.Enroll(FaceTemplate.Create($"res-{r}", Model, Vectors.Near(rng, faces[r], t == 0 ? 1.0 : 0.95), now.AddDays(-90)), consent);
            }
        }

        // Resident 1 looks like resident 0.
        registry.RevokeConsent("res-1");
        var twin = Vectors.Near(rng, faces[0], 0.9);
        registry.Enroll(FaceTemplate.Create("res-1", Model, twin, now.AddDays(-90)), consent);

        var drug = new Drug("Digoxin", "62.5 mcg", "tablet", Gtin.Parse("04000000000013"), ["digoxin"]);
        var order = new MedicationOrder
        {
            OrderId = "ord-0",
            ResidentId = "res-0",
            Drug = drug,
            Dose = new DoseQuantity(1, "tablet"),
            Route = MedicationRoute.Oral,
            Schedule = new TimesOfDaySchedule([new TimeOnly(8, 0)]),
            Start = now.AddDays(-30),
            IsControlled = true,
            VitalsRequired = [new VitalRequirement(VitalKind.HeartRate, Minimum: 60)],
        };
        var dose = new DoseScheduler(options).Derive(order, now.AddHours(-8), now.AddHours(16), TimeZoneInfo.Utc)[0];
        var history = new List<AdministrationRecord>();
        for (var d = 1; d <= 30; d++)
        {
            var at = now.AddDays(-d);
            history.Add(new AdministrationRecord($"r{d}", d, DoseId.For("ord-0", at), "ord-0", "res-0", AdministrationOutcome.Given,
                at, at, "nurse-a", $"m{d}", false, null, null, "nurse-b", "robot-1"));
        }

        _release = new HandoverRequest
        {
            Dose = dose,
            Order = order,
            Resident = new HandoverResident("res-0", "WB-0", consent, ["penicillins", "sulfonamides"]),
            Identity = new IdentityEvidence(new FaceEmbeddingEvidence(Model, Vectors.Near(rng, faces[0], 0.97)), "WB-0"),
            FloorTemplates = registry.TemplatesFor(Enumerable.Range(0, residents).Select(i => $"res-{i}")),
            ScannedBarcode = "(01)04000000000013(17)270101(10)LOT42",
            PreparedDose = new DoseQuantity(1, "tablet"),
            PreparedRoute = MedicationRoute.Oral,
            History = history,
            Vitals = [new VitalReading(VitalKind.HeartRate, 72, now.AddMinutes(-10))],
            Witness = new Witness("nurse-b", now.AddMinutes(-2)),
            AdministeringStaffId = "nurse-a",
        };
        _lookAlike = _release with
        {
            Identity = new IdentityEvidence(new FaceEmbeddingEvidence(Model, Vectors.Near(rng, twin, 0.97)), "WB-0"),
        };

        if (!DecideRelease().IsRelease || DecideLookAlike().IsRelease)
        {
            throw new InvalidOperationException("Bench scenario is not what it claims to be.");
        }
    }

    public HandoverDecision DecideRelease() => _decider.Decide(_release);

    public HandoverDecision DecideLookAlike() => _decider.Decide(_lookAlike);
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

internal static class Vectors
{
    public static float[] Random(Random rng, int dimensions)
    {
        var v = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            v[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()));
        }

        return Unit(v);
    }

    /// <summary>A unit vector at cosine <paramref name="similarity"/> from <paramref name="v"/>.</summary>
    public static float[] Near(Random rng, float[] v, double similarity)
    {
        var u = Unit(v);
        var r = Random(rng, v.Length);
        double dot = 0;
        for (var i = 0; i < v.Length; i++)
        {
            dot += r[i] * u[i];
        }

        for (var i = 0; i < v.Length; i++)
        {
            r[i] -= (float)(dot * u[i]);
        }

        r = Unit(r);
        var s = Math.Sqrt(1 - (similarity * similarity));
        var result = new float[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            result[i] = (float)((similarity * u[i]) + (s * r[i]));
        }

        return Unit(result);
    }

    private static float[] Unit(float[] v)
    {
        double sum = 0;
        foreach (var x in v)
        {
            sum += (double)x * x;
        }

        var n = Math.Sqrt(sum);
        return [.. v.Select(x => (float)(x / n))];
    }
}
