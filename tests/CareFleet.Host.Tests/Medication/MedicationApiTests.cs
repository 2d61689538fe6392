using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareFleet.Care.Medication;
using CareFleet.Contracts.Access;
using Microsoft.Extensions.DependencyInjection;

namespace CareFleet.Host.Tests.Medication;

[Collection(ServerCollection.Name)]
public sealed class MedicationApiTests(ServerFixture server)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = server.Request(method, path, token, body);
        return await server.Http.SendAsync(request);
    }

    [Fact]
    public async Task Orders_AreWrittenByNurses_ReadByAnyStaff_AndRefusedToCaregivers()
    {
        var resident = await MedicationTestData.AdmitAsync(server.Services);
        var (order, _) = MedicationTestData.DailyOrderDueNow(server.Services, resident);
        var caregiver = await server.TokenForRoleAsync(StaffRoles.Caregiver);
        var nurse = await server.TokenForRoleAsync(StaffRoles.Nurse);
        var viewer = await server.TokenForRoleAsync(StaffRoles.Viewer);

        using (var refused = await SendAsync(HttpMethod.Post, "/api/medication/orders", caregiver, order))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var anonymous = await SendAsync(HttpMethod.Get, "/api/medication/orders", null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var created = await SendAsync(HttpMethod.Post, "/api/medication/orders", nurse, order))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var hold = await SendAsync(HttpMethod.Post, $"/api/medication/orders/{order.OrderId}/holds", caregiver, new HoldInput("NPO", null, null)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, hold.StatusCode);
        }

        var listed = await (await SendAsync(HttpMethod.Get, $"/api/medication/orders?residentId={resident}", viewer)).Content.ReadFromJsonAsync<List<OrderView>>(Json);
        var only = Assert.Single(listed!);
        Assert.Equal((order.OrderId, "active"), (only.OrderId, only.Status));
    }

    [Theory]
    [InlineData("route", "Sideways", null)]
    [InlineData("drug.gtin", null, "6900000000015")]
    public async Task BadOrder_IsAValidationProblemNamingTheField(string field, string? route, string? gtin)
    {
        var resident = await MedicationTestData.AdmitAsync(server.Services);
        var (order, _) = MedicationTestData.DailyOrderDueNow(server.Services, resident);
        order = order with { Route = route ?? order.Route, Drug = order.Drug! with { Gtin = gtin ?? order.Drug.Gtin } };
        using var response = await SendAsync(HttpMethod.Post, "/api/medication/orders", await server.TokenForRoleAsync(StaffRoles.Nurse), order);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for {field}, got {problem.RootElement}");
        var orders = server.Services.GetRequiredService<MedicationService>();
        Assert.Null(await orders.FindOrderAsync(order.OrderId!, CancellationToken.None));
    }

    [Fact]
    public async Task Handover_IsDecidedOnce_AndResendsOfDecisionAndOutcomeWriteNothingTwice()
    {
        var resident = await MedicationTestData.AdmitAsync(server.Services);
        var (order, dose) = MedicationTestData.DailyOrderDueNow(server.Services, resident);
        var nurse = await server.TokenForRoleAsync(StaffRoles.Nurse);
        (await SendAsync(HttpMethod.Post, "/api/medication/orders", nurse, order)).Dispose();

        var bedside = MedicationTestData.Bedside(server.Services, dose, resident, "robot-msg-1");
        var first = await (await SendAsync(HttpMethod.Post, "/api/medication/handovers", nurse, bedside)).Content.ReadFromJsonAsync<HandoverView>(Json);
        var resent = await (await SendAsync(HttpMethod.Post, "/api/medication/handovers", nurse, bedside)).Content.ReadFromJsonAsync<HandoverView>(Json);
        Assert.True(first!.Verdict == "Release", $"expected a release, got {first.Verdict}: {string.Join("; ", first.Reasons.Select(r => r.Code))}");
        Assert.Equal(("Release", false, true), (resent!.Verdict, first.Replayed, resent.Replayed));

        var other = await (await SendAsync(HttpMethod.Post, "/api/medication/handovers", nurse, bedside with { ClientMessageId = "robot-msg-2" }))
            .Content.ReadFromJsonAsync<HandoverView>(Json);
        Assert.Equal("Hold", other!.Verdict);
        Assert.Contains(other.Reasons, r => r.Code == nameof(HoldReason.AlreadyReleased));
        var holds = await (await SendAsync(HttpMethod.Get, "/api/medication/handovers/holds", nurse)).Content.ReadFromJsonAsync<List<HeldHandover>>(Json);
        var held = Assert.Single(holds!, h => h.DoseId == dose);
        Assert.Equal(resident, held.ResidentId);
        Assert.Contains(held.Reasons, r => r.Code == nameof(HoldReason.AlreadyReleased));

        var outcome = new OutcomeInput(dose, "robot-out-1", "Given", DeviceId: "KangleRobotics/MED-1");
        using (var recorded = await SendAsync(HttpMethod.Post, "/api/medication/outcomes", nurse, outcome))
        {
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        }

        using (var replayed = await SendAsync(HttpMethod.Post, "/api/medication/outcomes", nurse, outcome))
        {
            Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
            Assert.Equal("Replayed", (await replayed.Content.ReadFromJsonAsync<OutcomeView>(Json))!.Status);
        }

        using (var conflicting = await SendAsync(HttpMethod.Post, "/api/medication/outcomes", nurse, outcome with { ClientMessageId = "robot-out-2", Outcome = "Refused", Reason = "no" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, conflicting.StatusCode);
        }

        var history = await (await SendAsync(HttpMethod.Get, $"/api/medication/residents/{resident}/history", nurse)).Content.ReadFromJsonAsync<List<RecordView>>(Json);
        Assert.Equal(["Given"], history!.Select(r => r.Outcome));
        var doses = await (await SendAsync(HttpMethod.Get, "/api/medication/doses?floor=F9", nurse)).Content.ReadFromJsonAsync<List<DoseView>>(Json);
        var mine = Assert.Single(doses!, d => d.DoseId == dose);
        Assert.Equal(("Late", true, "Given"), (mine.State, mine.Released, mine.Outcome));
    }

    [Fact]
    public async Task Given_IsRefused_WhenNoHandoverCheckReleasedTheDose()
    {
        var resident = await MedicationTestData.AdmitAsync(server.Services);
        var (order, dose) = MedicationTestData.DailyOrderDueNow(server.Services, resident);
        var nurse = await server.TokenForRoleAsync(StaffRoles.Nurse);
        (await SendAsync(HttpMethod.Post, "/api/medication/orders", nurse, order)).Dispose();
        using var response = await SendAsync(HttpMethod.Post, "/api/medication/outcomes", nurse, new OutcomeInput(dose, "m-1", "Given"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var missingReason = await SendAsync(HttpMethod.Post, "/api/medication/outcomes", nurse, new OutcomeInput(dose, "m-2", "Refused"));
        Assert.Equal(HttpStatusCode.BadRequest, missingReason.StatusCode);
        Assert.Contains("\"reason\"", await missingReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoundSummary_AndErrorRate_CountARefusalAsNoError()
    {
        var resident = await MedicationTestData.AdmitAsync(server.Services);
        var (order, dose) = MedicationTestData.DailyOrderDueNow(server.Services, resident);
        var nurse = await server.TokenForRoleAsync(StaffRoles.Nurse);
        (await SendAsync(HttpMethod.Post, "/api/medication/orders", nurse, order)).Dispose();
        (await SendAsync(HttpMethod.Post, "/api/medication/outcomes", nurse, new OutcomeInput(dose, "m-1", "Refused", Reason: "asleep, declined when woken"))).Dispose();

        var now = server.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var from = Uri.EscapeDataString(now.AddHours(-1).ToString("O"));
        var to = Uri.EscapeDataString(now.AddHours(1).ToString("O"));
        using var summary = JsonDocument.Parse(await (await SendAsync(HttpMethod.Get, $"/api/medication/rounds/summary?floor=F9&passStart={from}&passEnd={to}", nurse)).Content.ReadAsStringAsync());
        Assert.True(summary.RootElement.GetProperty("summary").GetProperty("refused").GetInt32() >= 1, summary.RootElement.ToString());
        using var noFloor = await SendAsync(HttpMethod.Get, $"/api/medication/rounds/summary?passStart={from}&passEnd={to}", nurse);
        Assert.Equal(HttpStatusCode.BadRequest, noFloor.StatusCode);
        using var backwards = await SendAsync(HttpMethod.Get, $"/api/medication/error-rate?from={to}&to={from}", nurse);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        var rate = await (await SendAsync(HttpMethod.Get, $"/api/medication/error-rate?from={from}&to={to}", nurse)).Content.ReadFromJsonAsync<ErrorRateView>(Json);
        Assert.True(rate!.Opportunities >= 1, $"expected at least the refused dose as an opportunity, got {rate.Opportunities}");
        // Every dose in this server's record is still in its window: a refusal is not an error, so nothing counts.
        Assert.Equal((0, 0m), (rate.Errors, rate.RatePercent));
    }
}
