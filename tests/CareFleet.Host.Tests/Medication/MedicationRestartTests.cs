using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareFleet.Care.Medication;
using CareFleet.Contracts.Access;

namespace CareFleet.Host.Tests.Medication;

/// <summary>A server on a given data directory, so a second one can be built on the same database after the first is gone.</summary>
internal sealed class ServerOnDirectory(string directory) : ServerFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("CareFleet:DataDirectory", directory)];
}

public sealed class MedicationRestartTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task<T> PostAsync<T>(ServerFixture server, string token, string path, object body)
    {
        using var request = server.Request(HttpMethod.Post, path, token, body);
        using var response = await server.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    private static async Task<List<UnresolvedHandover>> UnresolvedAsync(ServerFixture server, string token)
    {
        using var request = server.Request(HttpMethod.Get, "/api/medication/handovers/unresolved", token);
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<UnresolvedHandover>>(Json))!;
    }

    [Fact]
    public async Task AHandoverInterruptedAfterRelease_IsNotReleasedAgainAfterARestart_AndANurseIsAskedUntilTheOutcomeIsRecorded()
    {
        var directory = TestEnvironment.TempDirectory("emar-restart");
        string resident, dose;
        HandoverInput bedside;
        await using (var before = new ServerOnDirectory(directory))
        {
            await before.InitializeAsync();
            resident = await MedicationTestData.AdmitAsync(before.Services);
            (var order, dose) = MedicationTestData.DailyOrderDueNow(before.Services, resident);
            var nurse = await before.TokenForRoleAsync(StaffRoles.Nurse);
            await PostAsync<OrderView>(before, nurse, "/api/medication/orders", order);
            bedside = MedicationTestData.Bedside(before.Services, dose, resident, "robot-msg-1");
            Assert.Equal("Release", (await PostAsync<HandoverView>(before, nurse, "/api/medication/handovers", bedside)).Verdict);

            // The process dies here: the drawer was opened, no outcome came back.
        }

        await using var after = new ServerOnDirectory(directory);
        await after.InitializeAsync();
        var token = await after.AdminTokenAsync();
        var unresolved = Assert.Single(await UnresolvedAsync(after, token), u => u.DoseId == dose);
        Assert.Equal(resident, unresolved.ResidentId);
        Assert.Contains("nurse", unresolved.Action, StringComparison.OrdinalIgnoreCase);

        var resent = await PostAsync<HandoverView>(after, token, "/api/medication/handovers", bedside);
        Assert.Equal(("Release", true), (resent.Verdict, resent.Replayed));
        var again = await PostAsync<HandoverView>(after, token, "/api/medication/handovers", bedside with { ClientMessageId = "robot-msg-2" });
        Assert.Equal("Hold", again.Verdict);
        Assert.Contains(again.Reasons, r => r.Code == nameof(HoldReason.AlreadyReleased));

        // The nurse checks with the resident and records what happened; the handover is then resolved.
        var outcome = await PostAsync<OutcomeView>(after, token, "/api/medication/outcomes", new OutcomeInput(dose, "nurse-resolution-1", "Given"));
        Assert.Equal("Recorded", outcome.Status);
        Assert.DoesNotContain(await UnresolvedAsync(after, token), u => u.DoseId == dose);
    }
}
