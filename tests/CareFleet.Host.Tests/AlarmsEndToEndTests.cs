using System.Net;
using CareFleet.Alarms.Persistence;
using CareFleet.Care.Alarming;
using CareFleet.Contracts.Access;
using CareFleet.Contracts.Care;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFleet.Host.Tests;

public sealed class AlarmServerFixture : AlarmServer, IAsyncLifetime
{
    public new async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await AdmitSampleResidentsAsync();
    }
}

/// <summary>Vital signs over the real broker to NEWS2, a stored alarm, and the alarm API with its roles.</summary>
public sealed class AlarmsEndToEndTests(AlarmServerFixture server) : IClassFixture<AlarmServerFixture>
{
    private async Task<AlarmView> RaiseHighNews2AlarmAsync(string residentId)
    {
        var (robot, manufacturer, serial) = await server.BedRobotAsync();
        await using var _ = robot;
        var topic = CareTopics.For(manufacturer, serial, CareTopic.Vitals);
        // RR 26 (3), SpO2 90 (3), systolic 95 (2), HR 125 (2), 38.5 °C (1), alert: NEWS2 11, high band.
        var outcome = await server.PublishAndWaitAsync(robot, topic, AlarmServer.Vitals(residentId, server.Clock.GetUtcNow(), 26, 90, 95, 125, 38.5m));
        Assert.True(outcome.Rejection is null, $"The reading was rejected: {outcome.Rejection}");
        Assert.Equal(11, outcome.News2Total);
        var alarmId = Assert.Single(outcome.AlarmIds);
        var open = await server.ListAsync(await server.TokenForRoleAsync(StaffRoles.Viewer), "?residentId=" + residentId);
        return Assert.Single(open, a => a.Id == alarmId);
    }

    [Fact]
    public async Task VitalSignsOverMqtt_RaiseAHighNews2Alarm_ThatIsStoredAndListed()
    {
        var alarm = await RaiseHighNews2AlarmAsync("R-0001");

        Assert.Equal("news2.high", alarm.ConditionKey);
        Assert.Equal("High", alarm.Priority);
        Assert.Equal("F1-R101", alarm.Location.RoomId);
        Assert.Contains("caregiver-f1", alarm.Recipients);
        Assert.Equal(alarm.RaisedAt + TimeSpan.FromSeconds(60), alarm.NextActionDueAt);
        Assert.Contains(alarm.Evidence, e => e.Name == "news2.total" && e.Value == "11");
        await using var scope = server.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AlarmsDbContext>().Events.Where(e => e.AlarmId == alarm.Id).OrderBy(e => e.Sequence).Select(e => e.Type).ToListAsync();
        Assert.Equal(["raised", "notified"], stored);
    }

    [Fact]
    public async Task ImpossibleSpO2_IsRejectedWithAReason_AndRaisesNoAlarm()
    {
        var (robot, manufacturer, serial) = await server.BedRobotAsync();
        await using var _ = robot;
        var topic = CareTopics.For(manufacturer, serial, CareTopic.Vitals);

        var outcome = await server.PublishAndWaitAsync(robot, topic, AlarmServer.Vitals("R-0002", server.Clock.GetUtcNow(), 30, 140, 80, 140, 39.5m, "U"));

        Assert.NotNull(outcome.Rejection);
        Assert.Contains("SpO2", outcome.Rejection, StringComparison.OrdinalIgnoreCase);
        Assert.Null(outcome.News2Total);
        Assert.Empty(await server.ListAsync(await server.AdminTokenAsync(), "?residentId=R-0002"));
    }

    [Theory]
    [InlineData("{\"headerId\":1,\"timestamp\":\"2026-11-30T14:00:00Z\",\"residentId\":\"R-0003\",\"heartRate\":{\"value\":-5,\"unit\":\"/min\"}}", "heart")]
    [InlineData("{\"headerId\":1,\"timestamp\":\"2026-11-30T14:00:00Z\",\"residentId\":\"R-0003\",\"pulse\":80}", "pulse")]
    [InlineData("{\"headerId\":1,\"timestamp\":\"2026-11-30T14:00:00Z\",\"residentId\":\"R-0003\",\"heartRate\":{\"value\":80,\"unit\":\"bpm\"}}", "unit")]
    [InlineData("not json", "$")]
    public async Task BadVitalSigns_AreRejectedNamingTheProblem_AndRaiseNoAlarm(string payload, string named)
    {
        var (robot, manufacturer, serial) = await server.BedRobotAsync();
        await using var _ = robot;

        var outcome = await server.PublishAndWaitAsync(robot, CareTopics.For(manufacturer, serial, CareTopic.Vitals), payload);

        Assert.NotNull(outcome.Rejection);
        Assert.Contains(named, outcome.Rejection, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await server.ListAsync(await server.AdminTokenAsync(), "?residentId=R-0003"));
    }

    [Fact]
    public async Task VitalSigns_ForAResidentNotInTheRecord_AreRejected()
    {
        var (robot, manufacturer, serial) = await server.BedRobotAsync();
        await using var _ = robot;

        var outcome = await server.PublishAndWaitAsync(robot, CareTopics.For(manufacturer, serial, CareTopic.Vitals), AlarmServer.Vitals("R-9999", server.Clock.GetUtcNow(), 26, 90, 95, 125, 38.5m));

        Assert.Contains("not in the care record", outcome.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewer_CannotAcknowledgeSilenceOrResolve()
    {
        var alarm = await RaiseHighNews2AlarmAsync("R-0004");
        var viewer = await server.TokenForRoleAsync(StaffRoles.Viewer);

        Assert.Equal(HttpStatusCode.Forbidden, (await server.PostAsync($"/api/alarms/{alarm.Id}/acknowledge", viewer)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.PostAsync($"/api/alarms/{alarm.Id}/silence", viewer, new { minutes = 5 })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.PostAsync($"/api/alarms/{alarm.Id}/resolve", viewer, new { reason = "attended" })).Status);
        Assert.Equal("Active", Assert.Single(await server.ListAsync(viewer, "?residentId=R-0004")).State);
    }

    [Fact]
    public async Task Caregiver_Silences_ThenAcknowledges_AndNurse_ResolvesWithAReason()
    {
        var alarm = await RaiseHighNews2AlarmAsync("R-0005");
        var caregiver = await server.TokenForRoleAsync(StaffRoles.Caregiver);
        var nurse = await server.TokenForRoleAsync(StaffRoles.Nurse);

        var (tooLong, tooLongBody) = await server.PostAsync($"/api/alarms/{alarm.Id}/silence", caregiver, new { minutes = 60 });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong);
        Assert.Contains("minutes", tooLongBody, StringComparison.Ordinal);

        var (silenced, silencedBody) = await server.PostAsync($"/api/alarms/{alarm.Id}/silence", caregiver, new { minutes = 5 });
        Assert.True(silenced == HttpStatusCode.OK, silencedBody);
        var afterSilence = Assert.Single(await server.ListAsync(caregiver, "?residentId=R-0005"));
        Assert.Equal("Silenced", afterSilence.State);
        Assert.Equal(server.Clock.GetUtcNow() + TimeSpan.FromMinutes(5), afterSilence.SilencedUntil);

        var (acked, ackedBody) = await server.PostAsync($"/api/alarms/{alarm.Id}/acknowledge", caregiver);
        Assert.True(acked == HttpStatusCode.OK, ackedBody);
        Assert.Equal(HttpStatusCode.Conflict, (await server.PostAsync($"/api/alarms/{alarm.Id}/acknowledge", nurse)).Status);

        var (noReason, noReasonBody) = await server.PostAsync($"/api/alarms/{alarm.Id}/resolve", nurse, new { note = "seen" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason);
        Assert.Contains("reason", noReasonBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await server.PostAsync($"/api/alarms/{alarm.Id}/resolve", nurse, new { reason = "other" })).Status);

        var (resolved, resolvedBody) = await server.PostAsync($"/api/alarms/{alarm.Id}/resolve", nurse, new { reason = "escalatedToMedicalTeam" });
        Assert.True(resolved == HttpStatusCode.OK, resolvedBody);
        Assert.Empty(await server.ListAsync(nurse, "?residentId=R-0005"));
        var history = Assert.Single(await server.ListAsync(nurse, "?state=history&residentId=R-0005"));
        Assert.Equal("Resolved", history.State);
        Assert.Equal("EscalatedToMedicalTeam", history.Resolution);
        Assert.Equal(HttpStatusCode.NotFound, (await server.PostAsync($"/api/alarms/{alarm.Id}/acknowledge", nurse)).Status);
    }

    [Fact]
    public async Task AlarmsApi_RejectsBadFilters_AndAnonymousCallers()
    {
        var admin = await server.AdminTokenAsync();
        using var bad = await server.Http.SendAsync(server.Request(HttpMethod.Get, "/api/alarms?priority=urgent", admin));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("urgent", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var anonymous = await server.Http.GetAsync("/api/alarms");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Metrics_CountAcknowledgedAlarms_PerPriority()
    {
        var alarm = await RaiseHighNews2AlarmAsync("R-0006");
        var caregiver = await server.TokenForRoleAsync(StaffRoles.Caregiver);
        Assert.Equal(HttpStatusCode.OK, (await server.PostAsync($"/api/alarms/{alarm.Id}/acknowledge", caregiver)).Status);

        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, "/api/alarms/metrics", caregiver));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        var stats = System.Text.Json.JsonSerializer.Deserialize<List<CareFleet.Alarms.ResponseTimeStats>>(text, AlarmServer.Json)!;
        var high = Assert.Single(stats, s => s.Priority == CareFleet.Alarms.AlarmPriority.High);
        Assert.True(high.Acknowledged >= 1, $"Expected at least one acknowledged high alarm, got {high.Acknowledged}.");
        Assert.True(high.Raised >= high.Acknowledged);
    }

    [Fact]
    public async Task FallReportedOnTheBedTopic_RaisesAHighPriorityFallAlarm_InTheResidentsRoom()
    {
        var (robot, manufacturer, serial) = await server.BedRobotAsync();
        await using var _ = robot;
        var payload = $$"""{"headerId":1,"timestamp":"{{server.Clock.GetUtcNow():O}}","residentId":"R-0007","event":"fall"}""";

        var outcome = await server.PublishAndWaitAsync(robot, CareTopics.For(manufacturer, serial, CareTopic.Bed), payload);

        Assert.True(outcome.Rejection is null, outcome.Rejection);
        var alarm = Assert.Single(await server.ListAsync(await server.AdminTokenAsync(), "?residentId=R-0007"));
        Assert.Equal(("fall", "High", "F1-R107"), (alarm.ConditionKey, alarm.Priority, alarm.Location.RoomId));
        Assert.Equal($"{manufacturer}/{serial}", alarm.ReportedBy);
    }

    [Fact]
    public async Task PatrolFinding_WithoutAResident_RaisesOneAlarmForThePlace_EvenWhenReportedTwice()
    {
        var (robot, manufacturer, serial) = await server.BedRobotAsync();
        await using var _ = robot;
        var topic = CareTopics.For(manufacturer, serial, CareTopic.Findings);
        var area = "CORRIDOR-" + serial;
        var payload = $$$"""{"headerId":1,"timestamp":"{{{server.Clock.GetUtcNow():O}}}","finding":"wetFloor","location":{"areaId":"{{{area}}}"}}""";

        var first = await server.PublishAndWaitAsync(robot, topic, payload);
        var second = await server.PublishAndWaitAsync(robot, topic, payload);

        Assert.True(first.Rejection is null && second.Rejection is null, first.Rejection ?? second.Rejection);
        var alarms = (await server.ListAsync(await server.AdminTokenAsync())).Where(a => a.Location.AreaId == area).ToList();
        var alarm = Assert.Single(alarms);
        Assert.Equal(("patrol.wet-floor", "Low"), (alarm.ConditionKey, alarm.Priority));
    }
}
