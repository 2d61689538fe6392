using CareFleet.Care.Identity;
using CareFleet.Care.Medication;

namespace CareFleet.Care.Tests.Support;

/// <summary>Drugs, orders and a bedside scenario that passes every check until a test changes one thing.</summary>
internal static class Meds
{
    public const string FaceModel = "face-v1";
    public const double Threshold = 0.80;

    // A Monday.
    public static readonly DateTimeOffset Day = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    public static readonly Drug Digoxin = new("Digoxin", "62.5 mcg", "tablet", Gtin.Parse("04000000000013"), ["digoxin", "cardiac glycosides"]);
    public static readonly Drug Paracetamol = new("Paracetamol", "500 mg", "tablet", Gtin.Parse("04000000000020"), ["paracetamol", "acetaminophen"]);
    public static readonly Drug Oxycodone = new("Oxycodone", "5 mg", "capsule", Gtin.Parse("04000000000037"), ["oxycodone", "opioids"]);
    public static readonly Drug Amoxicillin = new("Amoxicillin", "500 mg", "capsule", Gtin.Parse("4006381333931"), ["amoxicillin", "penicillins"]);

    public static MedicationOrder Scheduled(Drug drug, string orderId = "ord-1", string residentId = "res-1", params TimeOnly[] times) => new()
    {
        OrderId = orderId,
        ResidentId = residentId,
        Drug = drug,
        Dose = new DoseQuantity(1, "tablet"),
        Route = MedicationRoute.Oral,
        Schedule = new TimesOfDaySchedule(times.Length == 0 ? [new TimeOnly(8, 0)] : times),
        Start = Day.AddDays(-30),
    };

    public static MedicationOrder Prn(Drug drug, int maxPer24h = 4, TimeSpan? minInterval = null, string orderId = "prn-1", string residentId = "res-1") => new()
    {
        OrderId = orderId,
        ResidentId = residentId,
        Drug = drug,
        Dose = new DoseQuantity(1, "tablet"),
        Route = MedicationRoute.Oral,
        Prn = new PrnTerms(["pain", "fever"], maxPer24h, minInterval),
        Start = Day.AddDays(-30),
    };

    public static IdentityOptions IdentityOptions()
    {
        var o = new IdentityOptions();
        o.Models[FaceModel] = new FaceModelSettings { Threshold = Threshold, Dimensions = Embeddings.Dimensions };
        return o;
    }
}

/// <summary>
/// Resident res-1 (consented, wristband WB-1) in front of the robot at 08:00 for her 08:00 digoxin, with a floor of
/// other residents enrolled. Everything passes until a test changes it.
/// </summary>
internal sealed class BedsideScenario
{
    public const string Nurse = "nurse-a";
    public const string SecondNurse = "nurse-b";

    public BedsideScenario(DateTimeOffset? now = null)
    {
        Time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now ?? Meds.Day.AddHours(8));
        Options = new MedicationOptions();
        IdentityOptions = Meds.IdentityOptions();
        Registry = new FaceTemplateRegistry(Time);
        Consent = new FaceRecognitionConsent(Meds.Day.AddDays(-100), "admin-1");
        ResidentTemplate = Embeddings.Random(1);
        Registry.Enroll(FaceTemplate.Create("res-1", Meds.FaceModel, ResidentTemplate, Meds.Day.AddDays(-90)), Consent);
        for (var i = 2; i <= 60; i++)
        {
            Registry.Enroll(FaceTemplate.Create($"res-{i}", Meds.FaceModel, Embeddings.Random(i), Meds.Day.AddDays(-90)), Consent);
        }

        Order = Meds.Scheduled(Meds.Digoxin) with
        {
            VitalsRequired = [new VitalRequirement(VitalKind.HeartRate, Minimum: 60)],
        };
        Dose = new DoseScheduler(Options).Derive(Order, Meds.Day, Meds.Day.AddDays(1), TimeZoneInfo.Utc).Single();
        Request = new HandoverRequest
        {
            Dose = Dose,
            Order = Order,
            Resident = new HandoverResident("res-1", "WB-1", Consent, ["penicillins"]),
            Identity = new IdentityEvidence(new FaceEmbeddingEvidence(Meds.FaceModel, Embeddings.Near(ResidentTemplate, 0.93, 1001)), "WB-1"),
            FloorTemplates = Registry.TemplatesFor(Enumerable.Range(1, 60).Select(i => $"res-{i}")),
            ScannedBarcode = "(01)04000000000013(17)270101(10)LOT42",
            PreparedDose = new DoseQuantity(1, "tablet"),
            PreparedRoute = MedicationRoute.Oral,
            Vitals = [new VitalReading(VitalKind.HeartRate, 72, Meds.Day.AddHours(7.75))],
            AdministeringStaffId = Nurse,
        };
    }

    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Time { get; }

    public MedicationOptions Options { get; }

    public IdentityOptions IdentityOptions { get; }

    public FaceTemplateRegistry Registry { get; }

    public FaceRecognitionConsent Consent { get; }

    public float[] ResidentTemplate { get; }

    public MedicationOrder Order { get; }

    public DueDose Dose { get; }

    public HandoverRequest Request { get; set; }

    public HandoverDecider Decider()
    {
        var matcher = new FaceMatcher(IdentityOptions);
        return new HandoverDecider(Options, new IdentityVerifier(IdentityOptions, matcher), Time);
    }

    public HandoverDecision Decide() => Decider().Decide(Request);

    public HandoverDecision Decide(HandoverRequest request) => Decider().Decide(request);
}
