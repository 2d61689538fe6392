using CareFleet.Care.Identity;
using CareFleet.Care.Medication;
using CareFleet.Care.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CareFleet.Care.Tests.Medication;

/// <summary>
/// A morning round on one floor, wired the way the host wires it: derive, plan, decide at each bedside, record,
/// sweep, summarise. Ten residents: one without face consent, a look-alike standing in for another, a low pulse
/// before digoxin, a refusal, and one room the robot never reaches.
/// </summary>
public sealed class MorningRoundTests
{
    private static readonly TimeZoneInfo Home = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset LocalDay = new(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void MorningRound_EndsWithOneOutcomePerDose_MatchingWhatHappenedAtEachBedside()
    {
        var time = new FakeTimeProvider(LocalDay.AddHours(7.5));
        var options = new MedicationOptions();
        var identityOptions = Meds.IdentityOptions();
        var ledger = new HandoverLedger(new HandoverDecider(options, new IdentityVerifier(identityOptions, new FaceMatcher(identityOptions)), time));
        var log = new MedicationAdministrationLog(options, time);
        var registry = new FaceTemplateRegistry(time);
        var consent = new FaceRecognitionConsent(LocalDay.AddDays(-60), "admin-1");
        var faces = new Dictionary<string, float[]>();
        var residents = new Dictionary<string, ResidentLocation>();
        var orders = new List<MedicationOrder>();
        for (var i = 1; i <= 10; i++)
        {
            var id = $"res-{i}";
            residents[id] = new ResidentLocation("F2", $"2{i:00}");
            faces[id] = i == 5 ? Embeddings.Near(faces["res-4"], 0.9, 5) : Embeddings.Random(100 + i);
            if (i != 3)
            {
                registry.Enroll(FaceTemplate.Create(id, Meds.FaceModel, faces[id], LocalDay.AddDays(-50)), consent);
            }

            orders.Add(Meds.Scheduled(i == 2 ? Meds.Digoxin : Meds.Paracetamol, $"ord-{i}", id) with
            {
                VitalsRequired = i == 2 ? [new VitalRequirement(VitalKind.HeartRate, Minimum: 60)] : [],
            });
        }

        var doses = new DoseScheduler(options).Derive(orders, LocalDay, LocalDay.AddDays(1), Home);
        var plan = RoundPlanner.Plan(
            new RoundRequest("F2", LocalDay.AddHours(7.5), LocalDay.AddHours(8.5), "pharmacy"),
            doses.Where(d => d.ScheduledAt.Hour == 0),
            residents,
            (a, b) => TimeSpan.FromSeconds(a == "pharmacy" || b == "pharmacy" ? 60 : 20 * Math.Abs(int.Parse(a, System.Globalization.CultureInfo.InvariantCulture) - int.Parse(b, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(10, plan.Stops.Count);
        var floorTemplates = registry.TemplatesFor(residents.Keys);

        foreach (var stop in plan.Stops)
        {
            var dose = Assert.Single(stop.Doses);
            var resident = dose.ResidentId;
            if (resident == "res-10")
            {
                continue; // the robot's battery ran out before the last room
            }

            time.Advance(TimeSpan.FromMinutes(3));
            var order = orders.Single(o => o.OrderId == dose.OrderId);
            var consented = resident != "res-3";
            var faceSeen = resident == "res-4" ? faces["res-5"] : faces[resident]; // res-5 answered at res-4's bedside
            var request = new HandoverRequest
            {
                Dose = dose,
                Order = order,
                Resident = new HandoverResident(resident, "WB-" + resident, consented ? consent : null, []),
                Identity = consented
                    ? new IdentityEvidence(new FaceEmbeddingEvidence(Meds.FaceModel, Embeddings.Near(faceSeen, 0.95, 500 + stop.Sequence)), "WB-" + resident)
                    : new IdentityEvidence(null, "WB-" + resident, new CaregiverConfirmation("aide-1", resident, time.GetUtcNow())),
                FloorTemplates = floorTemplates,
                ScannedBarcode = order.Drug.Gtin.Digits,
                PreparedDose = order.Dose,
                PreparedRoute = order.Route,
                History = log.HistoryFor(resident),
                Vitals = [new VitalReading(VitalKind.HeartRate, resident == "res-2" ? 52 : 70, time.GetUtcNow().AddMinutes(-5))],
                AdministeringStaffId = "nurse-a",
            };

            var decision = ledger.Decide(request, $"robot-1:{dose.Id}:1");
            var report = decision.IsRelease
                ? resident == "res-7"
                    ? new OutcomeReport(dose.Id, dose.OrderId, resident, AdministrationOutcome.Refused, time.GetUtcNow(), "nurse-a", "robot-1:outcome", Reason: "resident declined")
                    : new OutcomeReport(dose.Id, dose.OrderId, resident, AdministrationOutcome.Given, time.GetUtcNow(), "nurse-a", "robot-1:outcome", DeviceId: "robot-1")
                : new OutcomeReport(dose.Id, dose.OrderId, resident, AdministrationOutcome.Held, time.GetUtcNow(), "nurse-a", "robot-1:outcome",
                    Reason: string.Join(", ", decision.Reasons.Select(r => r.Code)));
            Assert.Equal(OutcomeStatus.Recorded, log.Record(report).Status);
            Assert.Equal(OutcomeStatus.Replayed, log.Record(report).Status); // the robot resends
        }

        time.SetUtcNow(LocalDay.AddHours(9).AddMinutes(1));
        var swept = log.CloseOverdueDoses(plan.Doses);

        Assert.Equal("res-10", Assert.Single(swept).ResidentId);
        Assert.Equal(new DoseOutcomeSummary(10, 6, 1, 2, 0, 1, 0), log.Summarize(plan.Doses));
        Assert.Equal("FaceLookAlike", log.StandingOutcome(plan.Doses.Single(d => d.ResidentId == "res-4").Id)!.Reason);
        Assert.Equal("VitalsOutOfRange", log.StandingOutcome(plan.Doses.Single(d => d.ResidentId == "res-2").Id)!.Reason);
        Assert.Equal(AdministrationOutcome.Given, log.StandingOutcome(plan.Doses.Single(d => d.ResidentId == "res-3").Id)!.Outcome);
        Assert.Equal(7, ledger.Releases.Count); // 6 given + 1 refused; the 2 holds and res-10 never opened a drawer

        var rate = MedicationErrorRate.Compute(plan.Doses, log.Records, [], time.GetUtcNow());
        Assert.Equal(1, rate.Errors);
        Assert.Equal(10, rate.Opportunities);
        Assert.Equal(10m, rate.RatePercent);
    }
}
