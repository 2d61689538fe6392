using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CareFleet.Care.Medication;
using CareFleet.Contracts.Access;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace CareFleet.Host.Tests.Medication;

/// <summary>The FHIR facade driven by Firely's own FhirClient against the running server.</summary>
[Collection(ServerCollection.Name)]
public sealed class FhirApiTests(ServerFixture server)
{
    private async Task<(FhirClient Client, HttpClient Http)> ClientAsync(string role)
    {
        var token = role == StaffRoles.Admin ? await server.AdminTokenAsync() : await server.TokenForRoleAsync(role);
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (new FhirClient(new Uri(server.Http.BaseAddress!, "/fhir"), http, new FhirClientSettings { PreferredFormat = ResourceFormat.Json }), http);
    }

    private static MedicationRequest Request(string residentId, string? gtin = MedicationTestData.Gtin) => new()
    {
        Status = MedicationRequest.MedicationrequestStatus.Active,
        Intent = MedicationRequest.MedicationRequestIntent.Order,
        Medication = new CodeableConcept("https://www.gs1.org/gtin", gtin, "Amlodipine 5 mg"),
        Subject = new ResourceReference("Patient/" + residentId),
        DosageInstruction = [new Dosage
        {
            Timing = new Timing { Repeat = new Timing.RepeatComponent { Frequency = 1, Period = 24, PeriodUnit = Timing.UnitsOfTime.H } },
            Route = new CodeableConcept { Text = "Oral" },
            DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = new Quantity { Value = 1, Unit = "tablet" } }],
        }],
    };

    [Fact]
    public async Task FhirClient_ReadsMetadataAndPatient_AndCreatesAnOrderThatSearchFindsPageByPage()
    {
        var resident = await MedicationTestData.AdmitAsync(server.Services);
        var (client, http) = await ClientAsync(StaffRoles.Nurse);
        using var _ = http;
        var capabilities = await client.CapabilityStatementAsync();
        Assert.Equal(FHIRVersion.N4_0_1, capabilities!.FhirVersion);
        Assert.Contains(capabilities.Rest[0].Resource, r => r.Type == "MedicationAdministration");

        var patient = await client.ReadAsync<Patient>("Patient/" + resident);
        Assert.Equal((resident, "1940-01-02"), (patient!.Id, patient.BirthDate));

        var first = await client.CreateAsync(Request(resident));
        var second = await client.CreateAsync(Request(resident));
        Assert.NotEqual(first!.Id, second!.Id);
        var read = await client.ReadAsync<MedicationRequest>("MedicationRequest/" + first.Id);
        Assert.Equal(MedicationRequest.MedicationrequestStatus.Active, read!.Status);

        var page1 = await client.SearchAsync<MedicationRequest>(["patient=Patient/" + resident, "_count=1"]);
        Assert.Equal((2, 1), (page1!.Total, page1.Entry.Count));
        var page2 = await client.ContinueAsync(page1);
        Assert.Single(page2!.Entry);
        Assert.NotEqual(page1.Entry[0].Resource!.Id, page2.Entry[0].Resource!.Id);
        Assert.Null(await client.ContinueAsync(page2));

        var none = await client.SearchAsync<MedicationRequest>(["subject=Patient/" + resident, "_lastUpdated=lt2000-01-01"]);
        Assert.Equal(0, none!.Total);
        var byStatus = await client.SearchAsync<MedicationRequest>(["patient=" + resident, "status=on-hold"]);
        Assert.Equal(0, byStatus!.Total);
    }

    [Fact]
    public async Task BadReferencesInvalidResourcesAndUnknownParameters_AnswerWithAnOperationOutcome_AndStoreNothing()
    {
        var resident = await MedicationTestData.AdmitAsync(server.Services);
        var (client, http) = await ClientAsync(StaffRoles.Nurse);
        using var _ = http;

        var unknownPatient = await Assert.ThrowsAsync<FhirOperationException>(() => client.CreateAsync(Request("R-nobody")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownPatient.Status);
        Assert.Contains(unknownPatient.Outcome!.Issue, i => i.Expression.Contains("MedicationRequest.subject"));

        var badGtin = await Assert.ThrowsAsync<FhirOperationException>(() => client.CreateAsync(Request(resident, "6900000000015")));
        Assert.Equal(HttpStatusCode.BadRequest, badGtin.Status);

        var unknownParameter = await Assert.ThrowsAsync<FhirOperationException>(() => client.SearchAsync<MedicationRequest>(["colour=blue"]));
        Assert.Equal(HttpStatusCode.BadRequest, unknownParameter.Status);
        Assert.Contains("colour", unknownParameter.Outcome!.Issue[0].Diagnostics, StringComparison.Ordinal);

        using var invalid = new StringContent("""{"resourceType":"MedicationRequest","status":"active","intent":"order","shoeSize":42}""", Encoding.UTF8, "application/fhir+json");
        using var response = await http.PostAsync(new Uri(server.Http.BaseAddress!, "/fhir/MedicationRequest"), invalid);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("application/fhir+json", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains("OperationOutcome", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var orders = await client.SearchAsync<MedicationRequest>(["patient=" + resident]);
        Assert.Equal(0, orders!.Total);

        using var anonymous = await server.Http.GetAsync(new Uri("/fhir/Patient/" + resident, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task MedicationAdministration_IsCreatedUnderTheSameRules_OnceEvenWhenResent()
    {
        var resident = await MedicationTestData.AdmitAsync(server.Services);
        var (order, dose) = MedicationTestData.DailyOrderDueNow(server.Services, resident);
        var service = server.Services.GetRequiredService<MedicationService>();
        Assert.NotNull((await service.CreateOrderAsync(order, "nurse.li", CancellationToken.None)).Value);
        var (client, http) = await ClientAsync(StaffRoles.Nurse);
        using var _ = http;
        var administration = new MedicationAdministration
        {
            Identifier = [new Identifier("urn:carefleet:dose", dose), new Identifier("urn:carefleet:client-message", "fhir-1")],
            Status = MedicationAdministration.MedicationAdministrationStatusCodes.Completed,
            Medication = new CodeableConcept("https://www.gs1.org/gtin", MedicationTestData.Gtin),
            Subject = new ResourceReference("Patient/" + resident),
            Request = new ResourceReference("MedicationRequest/" + order.OrderId),
            Effective = new FhirDateTime(server.Services.GetRequiredService<TimeProvider>().GetUtcNow()),
        };

        var unreleased = await Assert.ThrowsAsync<FhirOperationException>(() => client.CreateAsync(administration));
        Assert.Equal(HttpStatusCode.Conflict, unreleased.Status);

        var wrongOrder = (MedicationAdministration)administration.DeepCopy();
        wrongOrder.Request = new ResourceReference("MedicationRequest/ORD-unknown");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Assert.ThrowsAsync<FhirOperationException>(() => client.CreateAsync(wrongOrder))).Status);

        var decision = (await service.DecideAsync(MedicationTestData.Bedside(server.Services, dose, resident, "nurse-check-1"), "nurse.li", CancellationToken.None)).Value!;
        Assert.Equal("Release", decision.Verdict);
        var created = await client.CreateAsync(administration);
        Assert.Equal(MedicationAdministration.MedicationAdministrationStatusCodes.Completed, created!.Status);
        var resent = await client.CreateAsync(administration);
        Assert.Equal(created.Id, resent!.Id);

        var found = await client.SearchAsync<MedicationAdministration>(["patient=Patient/" + resident, "status=completed"]);
        Assert.Equal(1, found!.Total);
        Assert.Single(await service.HistoryAsync(resident, CancellationToken.None));
    }

    [Fact]
    public async Task EveryReadOfAResidentsData_IsAudited_AndTheTrailIsReadableAsAuditEventByAnAdminOnly()
    {
        var resident = await MedicationTestData.AdmitAsync(server.Services);
        var (nurse, nurseHttp) = await ClientAsync(StaffRoles.Nurse);
        using var _ = nurseHttp;
        await nurse.ReadAsync<Patient>("Patient/" + resident);
        await nurse.SearchAsync<Consent>(["patient=" + resident]);

        var (admin, adminHttp) = await ClientAsync(StaffRoles.Admin);
        using var __ = adminHttp;
        var trail = await admin.SearchAsync<AuditEvent>(["patient=Patient/" + resident, "_count=50"]);
        var events = trail!.Entry.Select(e => e.Resource).OfType<AuditEvent>().ToList();
        Assert.Contains(events, e => e.Action == AuditEvent.AuditEventAction.R && e.Entity!.Any(x => x.What?.Reference == "Patient/" + resident));
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.Agent![0].Who?.Display)));
        Assert.All(events, e => Assert.Equal("TREAT", e.PurposeOfEvent![0].Coding![0].Code));

        var forbidden = await Assert.ThrowsAsync<FhirOperationException>(() => nurse.SearchAsync<AuditEvent>(["patient=" + resident]));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.Null(await server.Services.GetRequiredService<CareFleet.Care.Audit.AuditTrail>().FirstBrokenEntryAsync(CancellationToken.None));
    }
}
