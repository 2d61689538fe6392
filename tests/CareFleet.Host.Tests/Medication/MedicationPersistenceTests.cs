using CareFleet.Care;
using CareFleet.Care.Identity;
using CareFleet.Care.Medication;
using CareFleet.Care.Residents;
using CareFleet.Host.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CareFleet.Host.Tests.Medication;

/// <summary>The eMAR's persistence on SQLite and on the real PostgreSQL, with a restart modelled as a new service on the same database.</summary>
public sealed class MedicationPersistenceTests
{
    private const string Nurse = "nurse.li";
    private const string Model = "face-v1";

    public static TheoryData<string> Providers => PersistenceTests.Providers;

    private static readonly DateTimeOffset Morning = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);

    internal static async Task<WebApplication> DatabaseAsync(string provider, FakeTimeProvider time)
    {
        var settings = new Dictionary<string, string?> { ["CareFleet:Database:Provider"] = provider };
        if (provider == "PostgreSql")
        {
            settings["CareFleet:Database:ConnectionString"] = await TestEnvironment.CreatePostgresDatabaseAsync("medication");
        }

        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCareFleetPersistence(TestEnvironment.TempDirectory("emar"));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddScoped<ResidentImport>();
        builder.Services.AddSingleton<DatabaseMigrator>();
        var app = builder.Build();
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<ResidentImport>();
        await import.AdmitMissingAsync(ResidentImport.Parse("""
            [ { "identifier": "R-1", "familyName": "王", "givenName": "秀英", "birthDate": "1938-05-02", "roomId": "F1-R101", "bedId": "F1-R101-A" },
              { "identifier": "R-2", "familyName": "李", "givenName": "秀兰", "birthDate": "1938-05-02", "roomId": "F1-R102", "bedId": "F1-R102-A" } ]
            """, "test"), "test", CancellationToken.None);
        return app;
    }

    /// <summary>A new service instance over the same database: what a restarted process sees.</summary>
    internal static MedicationService NewService(WebApplication app, FakeTimeProvider time)
    {
        var identity = new IdentityOptions();
        identity.Models[Model] = new FaceModelSettings { Threshold = 0.8, Dimensions = 4 };
        return new MedicationService(app.Services.GetRequiredService<IServiceScopeFactory>(), time, Options.Create(new MedicationOptions()),
            Options.Create(identity), Options.Create(new MedicationRecordOptions()), NullLogger<MedicationService>.Instance);
    }

    internal static OrderInput Order(string id, string resident = "R-1", bool controlled = false) => new(
        id, resident, new DrugInput("Amlodipine", "5 mg", "tablet", "6900000000014", ["amlodipine"]), 1, "tablet", "Oral",
        TimesOfDay: ["08:00"], Start: Morning.AddDays(-1), IsControlled: controlled);

    internal static HandoverInput Bedside(string doseId, string message, string resident = "R-1") => new(
        doseId, message, "6900000000014", 1, "tablet", "Oral",
        ScannedWristband: "WB-" + resident, Caregiver: new CaregiverInput("carer.wu", resident, Morning.AddHours(1)));

    private static async Task PrepareAsync(MedicationService service, string resident = "R-1")
    {
        Assert.True((await service.SetProfileAsync(resident, "WB-" + resident, [], CancellationToken.None)).Value);
        Assert.NotNull((await service.GrantConsentAsync(new ConsentInput(resident, "Treatment"), Nurse, CancellationToken.None)).Value);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReleaseAndOutcome_SurviveARestart_AndAResendWritesNothingTwice(string provider)
    {
        var time = new FakeTimeProvider(Morning.AddHours(1));
        await using var app = await DatabaseAsync(provider, time);
        const string dose = "ORD-A@2026-11-30T08:00:00Z";
        using (var first = NewService(app, time))
        {
            await PrepareAsync(first);
            Assert.NotNull((await first.CreateOrderAsync(Order("ORD-A"), Nurse, CancellationToken.None)).Value);
            var decision = (await first.DecideAsync(Bedside(dose, "msg-1"), Nurse, CancellationToken.None)).Value!;
            Assert.True(decision.Verdict == "Release", $"expected a release, got {decision.Verdict}: {string.Join("; ", decision.Reasons.Select(r => r.Code))}");
            var given = (await first.RecordOutcomeAsync(new OutcomeInput(dose, "out-1", "Given"), Nurse, CancellationToken.None)).Value!;
            Assert.Equal("Recorded", given.Status);
            Assert.Equal("Replayed", (await first.RecordOutcomeAsync(new OutcomeInput(dose, "out-1", "Given"), Nurse, CancellationToken.None)).Value!.Status);
        }

        time.Advance(TimeSpan.FromMinutes(2));
        using var restarted = NewService(app, time);
        var resend = (await restarted.DecideAsync(Bedside(dose, "msg-1"), Nurse, CancellationToken.None)).Value!;
        Assert.Equal(("Release", true), (resend.Verdict, resend.Replayed));
        var again = (await restarted.DecideAsync(Bedside(dose, "msg-2"), Nurse, CancellationToken.None)).Value!;
        Assert.Equal("Hold", again.Verdict);
        Assert.Contains(again.Reasons, r => r.Code == nameof(HoldReason.AlreadyReleased));
        Assert.Equal("Replayed", (await restarted.RecordOutcomeAsync(new OutcomeInput(dose, "out-1", "Given"), Nurse, CancellationToken.None)).Value!.Status);
        var other = await restarted.RecordOutcomeAsync(new OutcomeInput(dose, "out-2", "Refused", Reason: "spat it out"), Nurse, CancellationToken.None);
        Assert.NotNull(other.Conflict);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MedicationDbContext>();
        Assert.Equal(1, await db.Releases.CountAsync());
        Assert.Equal(["Given"], await db.Administrations.Select(a => a.Outcome).ToListAsync());
        Assert.Equal(2, await db.Decisions.CountAsync(d => d.DoseId == dose));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Correction_AppendsEnteredInErrorAndReplacement_AndTheDatabaseRefusesASecondStandingOutcome(string provider)
    {
        var time = new FakeTimeProvider(Morning.AddHours(1));
        await using var app = await DatabaseAsync(provider, time);
        const string dose = "ORD-B@2026-11-30T08:00:00Z";
        using (var service = NewService(app, time))
        {
            await PrepareAsync(service);
            await service.CreateOrderAsync(Order("ORD-B"), Nurse, CancellationToken.None);
            var held = (await service.RecordOutcomeAsync(new OutcomeInput(dose, "o-1", "Held", Reason: "NPO for a blood test"), Nurse, CancellationToken.None)).Value!;
            var corrected = await service.CorrectAsync(new CorrectionInput(held.Records[0].RecordId, "c-1", "wrong resident charted",
                new OutcomeInput(dose, null, "Refused", Reason: "declined")), Nurse, CancellationToken.None);
            Assert.Equal(["EnteredInError", "Refused"], corrected.Value!.Records.Select(r => r.Outcome));
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MedicationDbContext>();
        var rows = await db.Administrations.OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal([("Held", "o0"), ("EnteredInError", "x0"), ("Refused", "o1")], rows.Select(r => (r.Outcome, r.Slot)));

        // A second writer (another process, or a resend racing its original) cannot add a second standing outcome.
        var duplicate = rows[2].ToRecord() with { RecordId = "other", Sequence = 99, ClientMessageId = "racer" };
        db.Administrations.Add(new AdministrationRow(duplicate, "o1"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        using var restarted = NewService(app, time);
        var history = await restarted.HistoryAsync("R-1", CancellationToken.None);
        Assert.Equal(3, history.Count);
        Assert.Equal(AdministrationOutcome.Refused, AdministrationHistory.Effective(history).Single().Outcome);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FaceTemplates_AreStoredOnlyWithConsent_AndDeletedWhenItIsRevoked(string provider)
    {
        var time = new FakeTimeProvider(Morning);
        await using var app = await DatabaseAsync(provider, time);
        using var service = NewService(app, time);
        var embedding = new float[] { 0.1f, 0.7f, 0.2f, 0.4f };
        var refused = await service.EnrollFaceAsync(new FaceEnrollmentInput("R-1", Model, embedding), Nurse, CancellationToken.None);
        Assert.NotNull(refused.Conflict);

        var consent = (await service.GrantConsentAsync(new ConsentInput("R-1", "FaceRecognition", Source: "form 7"), Nurse, CancellationToken.None)).Value!;
        Assert.Equal(1, (await service.EnrollFaceAsync(new FaceEnrollmentInput("R-1", Model, embedding), Nurse, CancellationToken.None)).Value);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<MedicationDbContext>().FaceTemplates.SingleAsync();
            Assert.Equal((Model, 4), (stored.ModelId, stored.Dimensions));
            Assert.Equal(embedding[1] / embedding[0], stored.Vector()[1] / stored.Vector()[0], 4);
        }

        time.Advance(TimeSpan.FromDays(3));
        var revoked = (await service.RevokeConsentAsync(consent.Id, Nurse, CancellationToken.None)).Value!;
        Assert.Equal((false, time.GetUtcNow(), Nurse), (revoked.Active, revoked.RevokedAt!.Value, revoked.RevokedBy));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MedicationDbContext>();
            Assert.Empty(await db.FaceTemplates.ToListAsync());
            var row = await db.Consents.SingleAsync();
            Assert.Equal((Morning, Nurse, "form 7"), (row.GrantedAt, row.RecordedBy, row.Source));
        }

        Assert.Equal(0, await service.TemplateCountAsync("R-1", CancellationToken.None));
        using var restarted = NewService(app, time);
        Assert.Equal(0, await restarted.TemplateCountAsync("R-1", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task OrderHolds_ArePersisted_AndHoldTheDoseAfterARestart(string provider)
    {
        var time = new FakeTimeProvider(Morning.AddHours(1));
        await using var app = await DatabaseAsync(provider, time);
        using (var service = NewService(app, time))
        {
            await PrepareAsync(service, "R-2");
            await service.CreateOrderAsync(Order("ORD-C", "R-2"), Nurse, CancellationToken.None);
            var held = (await service.PlaceHoldAsync("ORD-C", new HoldInput("potassium 6.1 mmol/L", Morning, null), Nurse, CancellationToken.None)).Value!;
            Assert.Equal("on-hold", held.Status);
        }

        using var restarted = NewService(app, time);
        Assert.Equal("on-hold", (await restarted.FindOrderAsync("ORD-C", CancellationToken.None))!.Status);
        var decision = (await restarted.DecideAsync(Bedside("ORD-C@2026-11-30T08:00:00Z", "m", "R-2"), Nurse, CancellationToken.None)).Value!;
        Assert.Equal("Hold", decision.Verdict);
        Assert.Contains(decision.Reasons, r => r.Code == nameof(HoldReason.OrderOnHold));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SampleHome_MedicationFile_LoadsOnce_WithAControlledDrugAPrnDigoxinWithPulseAndAResidentWithoutFaceConsent(string provider)
    {
        var time = new FakeTimeProvider(Morning);
        await using var app = await DatabaseAsync(provider, time);
        var home = SampleHome();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var residents = ResidentImport.Parse(await File.ReadAllTextAsync(Path.Combine(home, "residents.json")), "residents.json");
            await scope.ServiceProvider.GetRequiredService<ResidentImport>().AdmitMissingAsync(residents, "test", CancellationToken.None);
        }

        using var service = NewService(app, time);
        var file = MedicationSeed.Parse(await File.ReadAllTextAsync(Path.Combine(home, MedicationSeed.FileName)), MedicationSeed.FileName);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var seed = new MedicationSeed(service, scope.ServiceProvider.GetRequiredService<MedicationDbContext>(), time);
            Assert.Equal(file.Orders!.Count, await seed.ApplyAsync(file, "medication.json", CancellationToken.None));
            Assert.Equal(0, await seed.ApplyAsync(file, "medication.json", CancellationToken.None));
        }

        var orders = await service.ListOrdersAsync(null, CancellationToken.None);
        Assert.Contains(orders, o => o.Terms.IsControlled);
        Assert.Contains(orders, o => o.Terms.Prn is { MaxDosesPer24Hours: > 0 });
        Assert.Contains(orders, o => o.Terms.Drug!.Name == "Digoxin" && o.Terms.VitalsRequired!.Any(v => v.Kind == "HeartRate" && v.Minimum == 60));
        var consents = await service.ListConsentsAsync(null, CancellationToken.None);
        var residentIds = consents.Select(c => c.ResidentId).Distinct().ToList();
        Assert.Contains(residentIds, r => !consents.Any(c => c.ResidentId == r && c.Kind == "FaceRecognition"));
        Assert.All(residentIds, r => Assert.Contains(consents, c => c.ResidentId == r && c.Kind == "Treatment"));
    }

    private static string SampleHome()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var home = Path.Combine(dir.FullName, "samples", "homes", "sunrise-garden");
            if (Directory.Exists(home))
            {
                return home;
            }
        }

        throw new DirectoryNotFoundException("samples/homes/sunrise-garden not found above the test binaries.");
    }
}
