using CareFleet.Care.Identity;
using CareFleet.Care.Medication;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CareFleet.Host.Tests.Medication;

/// <summary>The bedside rules exercised through the persisted service: face matching against stored templates, witness, vitals, PRN.</summary>
public sealed class MedicationRulesPersistedTests
{
    private const string Nurse = "nurse.li";
    private static readonly DateTimeOffset Eight = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => PersistenceTests.Providers;

    private static async Task<(WebApplication App, MedicationService Service)> StartAsync(string provider, FakeTimeProvider time, params OrderInput[] orders)
    {
        var app = await MedicationPersistenceTests.DatabaseAsync(provider, time);
        var service = MedicationPersistenceTests.NewService(app, time);
        foreach (var resident in new[] { "R-1", "R-2" })
        {
            await service.SetProfileAsync(resident, "WB-" + resident, [], CancellationToken.None);
        }

        foreach (var order in orders)
        {
            var created = await service.CreateOrderAsync(order, Nurse, CancellationToken.None);
            Assert.True(created.Value is not null, string.Join("; ", created.Errors?.SelectMany(e => e.Value) ?? []));
        }

        return (app, service);
    }

    private static OrderInput Order(string id, string time = "08:00") =>
        MedicationPersistenceTests.Order(id) with { TimesOfDay = [time], Start = Eight.AddDays(-1) };

    private static HandoverInput Bedside(string dose, string message) => MedicationPersistenceTests.Bedside(dose, message) with
    {
        Caregiver = new CaregiverInput("carer.wu", "R-1", Eight),
    };

    private static IEnumerable<string> Codes(HandoverView v) => v.Reasons.Select(r => r.Code);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FaceMatch_HoldsForALookAlikeOnTheFloor_AndReleasesOnceHerTemplateIsGoneWithHerConsent(string provider)
    {
        var time = new FakeTimeProvider(Eight);
        var (app, service) = await StartAsync(provider, time, Order("ORD-F"));
        await using var _ = app;
        using var __ = service;
        var lookAlikeConsent = Guid.Empty;
        foreach (var (resident, embedding) in new[] { ("R-1", new[] { 1f, 0f, 0f, 0f }), ("R-2", new[] { 0.99f, 0.14f, 0f, 0f }) })
        {
            var consent = (await service.GrantConsentAsync(new ConsentInput(resident, "FaceRecognition"), Nurse, CancellationToken.None)).Value!;
            lookAlikeConsent = consent.Id;
            Assert.Equal(1, (await service.EnrollFaceAsync(new FaceEnrollmentInput(resident, "face-v1", embedding), Nurse, CancellationToken.None)).Value);
        }

        // Face evidence plus the wristband: no caregiver needed on the consented path.
        var bedside = Bedside("ORD-F@2026-11-30T08:00:00Z", "m-1") with { Caregiver = null, Face = new FaceInput("face-v1", Embedding: [1f, 0.05f, 0f, 0f]) };
        var held = (await service.DecideAsync(bedside, Nurse, CancellationToken.None)).Value!;
        Assert.Equal(("Hold", "FacePlusSecondIdentifier"), (held.Verdict, held.IdentityPath));
        Assert.Contains(nameof(HoldReason.FaceLookAlike), Codes(held));

        await service.RevokeConsentAsync(lookAlikeConsent, Nurse, CancellationToken.None);
        using var restarted = MedicationPersistenceTests.NewService(app, time);
        var released = (await restarted.DecideAsync(bedside with { ClientMessageId = "m-2" }, Nurse, CancellationToken.None)).Value!;
        Assert.True(released.Verdict == "Release", string.Join(", ", Codes(released)));
        Assert.True(released.FaceSimilarity > 0.99);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ControlledDrug_NeedsADistinctWitness_AndTheWitnessIsRecordedWithTheOutcome(string provider)
    {
        var time = new FakeTimeProvider(Eight);
        var (app, service) = await StartAsync(provider, time, Order("ORD-CD") with { IsControlled = true });
        await using var _ = app;
        using var __ = service;
        const string dose = "ORD-CD@2026-11-30T08:00:00Z";
        Assert.Contains(nameof(HoldReason.WitnessMissing), Codes((await service.DecideAsync(Bedside(dose, "m-1"), Nurse, CancellationToken.None)).Value!));
        var self = Bedside(dose, "m-2") with { Witness = new WitnessInput(Nurse, Eight) };
        Assert.Contains(nameof(HoldReason.WitnessNotDistinct), Codes((await service.DecideAsync(self, Nurse, CancellationToken.None)).Value!));
        var witnessed = Bedside(dose, "m-3") with { Witness = new WitnessInput("nurse.wang", Eight) };
        Assert.Equal("Release", (await service.DecideAsync(witnessed, Nurse, CancellationToken.None)).Value!.Verdict);
        await service.RecordOutcomeAsync(new OutcomeInput(dose, "o-1", "Given", WitnessId: "nurse.wang"), Nurse, CancellationToken.None);

        await using var scope = app.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<MedicationDbContext>().Administrations.SingleAsync();
        Assert.Equal(("Given", "nurse.wang", Nurse), (row.Outcome, row.WitnessId, row.RecordedBy));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Digoxin_IsHeld_WhenThePulseIsMissingOrBelowSixty_AndReleasedWithARecentPulseInRange(string provider)
    {
        var time = new FakeTimeProvider(Eight);
        var digoxin = Order("ORD-DIG") with { VitalsRequired = [new VitalInput("HeartRate", 60, null, 60)] };
        var (app, service) = await StartAsync(provider, time, digoxin);
        await using var _ = app;
        using var __ = service;
        const string dose = "ORD-DIG@2026-11-30T08:00:00Z";
        Assert.Contains(nameof(HoldReason.VitalsMissing), Codes((await service.DecideAsync(Bedside(dose, "m-1"), Nurse, CancellationToken.None)).Value!));
        var slow = Bedside(dose, "m-2") with { Vitals = [new VitalReadingInput("HeartRate", 52, Eight.AddMinutes(-5))] };
        Assert.Contains(nameof(HoldReason.VitalsOutOfRange), Codes((await service.DecideAsync(slow, Nurse, CancellationToken.None)).Value!));
        var fine = Bedside(dose, "m-3") with { Vitals = [new VitalReadingInput("HeartRate", 72, Eight.AddMinutes(-10))] };
        Assert.Equal("Release", (await service.DecideAsync(fine, Nurse, CancellationToken.None)).Value!.Verdict);
        var bad = await service.DecideAsync(Bedside(dose, "m-4") with { Vitals = [new VitalReadingInput("Mood", 3, Eight)] }, Nurse, CancellationToken.None);
        Assert.True(bad.Errors!.ContainsKey("vitals"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PrnDose_NeedsItsIndication_OwesAFollowUpThatTurnsOverdue_AndTheAssessmentSurvivesARestart(string provider)
    {
        var time = new FakeTimeProvider(Eight);
        var prn = Order("ORD-PRN") with { TimesOfDay = null, Prn = new PrnInput(["pain"], 1, null) };
        var (app, service) = await StartAsync(provider, time, prn);
        await using var _ = app;
        using var __ = service;
        const string dose = "ORD-PRN@prn-2026-11-30T08:00:00Z";
        Assert.Contains(nameof(HoldReason.PrnIndicationMissing), Codes((await service.DecideAsync(Bedside(dose, "m-1"), Nurse, CancellationToken.None)).Value!));
        Assert.Equal("Release", (await service.DecideAsync(Bedside(dose, "m-2") with { PrnIndication = "pain" }, Nurse, CancellationToken.None)).Value!.Verdict);
        Assert.True((await service.RecordOutcomeAsync(new OutcomeInput(dose, "o-1", "Given"), Nurse, CancellationToken.None)).Errors!.ContainsKey("prnIndication"));
        Assert.Equal("Recorded", (await service.RecordOutcomeAsync(new OutcomeInput(dose, "o-2", "Given", PrnIndication: "pain"), Nurse, CancellationToken.None)).Value!.Status);

        time.Advance(TimeSpan.FromMinutes(61));
        var owed = Assert.Single(await service.OpenFollowUpsAsync(CancellationToken.None));
        Assert.Equal(FollowUpState.Overdue, owed.StateAt(time.GetUtcNow()));
        Assert.NotNull((await service.RecordEffectivenessAsync(new EffectivenessInput(dose, true, "pain 2/10 from 7/10"), Nurse, CancellationToken.None)).Value);

        using var restarted = MedicationPersistenceTests.NewService(app, time);
        Assert.Empty(await restarted.OpenFollowUpsAsync(CancellationToken.None));
        var second = Bedside("ORD-PRN@prn-2026-11-30T09:01:00Z", "m-3") with { PrnIndication = "pain", Caregiver = new CaregiverInput("carer.wu", "R-1", time.GetUtcNow()) };
        Assert.Contains(nameof(HoldReason.PrnLimitReached), Codes((await restarted.DecideAsync(second, Nurse, CancellationToken.None)).Value!));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Sweep_RecordsMissedAndHeldDoses_OnceWhenTheWindowCloses_ButLeavesAReleasedDoseToTheNurse(string provider)
    {
        var time = new FakeTimeProvider(Eight);
        var today = Eight.AddHours(-1);
        var (app, service) = await StartAsync(provider, time, Order("ORD-M") with { Start = today }, Order("ORD-R") with { Start = today }, Order("ORD-H") with { Start = today });
        await using var _ = app;
        using var __ = service;
        await service.PlaceHoldAsync("ORD-H", new HoldInput("hospital leave", Eight.AddHours(-2), null), Nurse, CancellationToken.None);
        Assert.Equal("Release", (await service.DecideAsync(Bedside("ORD-R@2026-11-30T08:00:00Z", "m-1"), Nurse, CancellationToken.None)).Value!.Verdict);

        time.Advance(TimeSpan.FromMinutes(60));
        Assert.Equal(0, await service.CloseOverdueDosesAsync(TimeSpan.FromDays(2), CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await service.CloseOverdueDosesAsync(TimeSpan.FromDays(2), CancellationToken.None));
        Assert.Equal(0, await service.CloseOverdueDosesAsync(TimeSpan.FromDays(2), CancellationToken.None));

        await using var scope = app.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<MedicationDbContext>().Administrations.OrderBy(a => a.OrderId).ToListAsync();
        Assert.Equal([("ORD-H", "Held", "system"), ("ORD-M", "Missed", "system")], rows.Select(r => (r.OrderId, r.Outcome, r.RecordedBy)));
        var summary = await service.RoundSummaryAsync("F1", Eight.AddHours(-1), Eight.AddHours(1), CancellationToken.None);
        Assert.Equal((3, 1, 1, 1), (summary.Summary.Doses, summary.Summary.Missed, summary.Summary.Held, summary.Summary.Open));
        Assert.Equal(["ORD-M@2026-11-30T08:00:00Z"], summary.MissedDoseIds);
        var rate = await service.ErrorRateAsync(Eight.AddHours(-1), Eight.AddHours(1), CancellationToken.None);
        // Until the nurse documents the released dose it has no outcome, so it counts as an omission like the missed one.
        Assert.Equal((2, 3), (rate.Errors, rate.Opportunities));
    }
}
