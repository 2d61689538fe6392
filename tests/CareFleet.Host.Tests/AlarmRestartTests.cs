using CareFleet.Care.Alarming;
using CareFleet.Contracts.Access;
using CareFleet.Contracts.Care;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CareFleet.Host.Tests;

/// <summary>Escalation on the care clock, and open alarms surviving a restart of the whole server.</summary>
public sealed class AlarmRestartTests
{
    private static async Task<AlarmView> RaiseAsync(AlarmServer server, string residentId)
    {
        var (robot, manufacturer, serial) = await server.BedRobotAsync();
        await using var _ = robot;
        var outcome = await server.PublishAndWaitAsync(robot, CareTopics.For(manufacturer, serial, CareTopic.Vitals), AlarmServer.Vitals(residentId, server.Clock.GetUtcNow(), 26, 90, 95, 125, 38.5m));
        var id = Assert.Single(outcome.AlarmIds);
        return Assert.Single(await server.ListAsync(await server.AdminTokenAsync()), a => a.Id == id);
    }

    private static Task<AlarmView> NextChangeAsync(AlarmServer server, Guid alarmId, Func<AlarmView, bool> condition)
    {
        var feed = server.Services.GetRequiredService<AlarmsLiveFeed>();
        var done = new TaskCompletionSource<AlarmView>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(AlarmView view)
        {
            if (view.Id == alarmId && condition(view))
            {
                feed.Changed -= OnChanged;
                done.TrySetResult(view);
            }
        }

        feed.Changed += OnChanged;
        return done.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task UnacknowledgedAlarm_EscalatesToNurses_WhenTheClockPassesTheFirstStep_AndStopsOnceAcknowledged()
    {
        await using var server = new AlarmServer();
        await server.InitializeAsync();
        await server.AdmitSampleResidentsAsync();
        var alarm = await RaiseAsync(server, "R-0011");
        Assert.Equal(0, alarm.Step);

        var escalated = NextChangeAsync(server, alarm.Id, v => v.Step == 1);
        server.Clock.Advance(TimeSpan.FromSeconds(60));
        var view = await escalated;

        Assert.Equal("Escalated", view.State);
        Assert.Contains("nurse", view.Recipients);
        var caregiver = await server.TokenForRoleAsync(StaffRoles.Caregiver);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await server.PostAsync($"/api/alarms/{alarm.Id}/acknowledge", caregiver)).Status);
        server.Clock.Advance(TimeSpan.FromMinutes(10));
        var after = Assert.Single(await server.ListAsync(caregiver), a => a.Id == alarm.Id);
        Assert.Equal("Acknowledged", after.State);
        Assert.Equal(1, after.Step);
        Assert.Null(after.NextActionDueAt);
    }

    [Fact]
    public async Task OpenAlarm_SurvivesARestart_AndItsEscalationClockContinuesFromTheStoredHistory()
    {
        var dataDirectory = TestEnvironment.TempDirectory("restart");
        AlarmView before;
        await using (var first = new AlarmServer(dataDirectory, new FakeTimeProvider(AlarmServer.Start)))
        {
            await first.InitializeAsync();
            await first.AdmitSampleResidentsAsync();
            before = await RaiseAsync(first, "R-0012");
            first.Clock.Advance(TimeSpan.FromSeconds(30));
        }

        // Down for two minutes: past the caregiver's 60 s and the nurses' 60 s; the failsafe is due.
        var restartedAt = AlarmServer.Start + TimeSpan.FromSeconds(150);
        await using var second = new AlarmServer(dataDirectory, new FakeTimeProvider(restartedAt));
        await second.InitializeAsync();

        var after = Assert.Single(await second.ListAsync(await second.AdminTokenAsync()), a => a.Id == before.Id);
        Assert.Equal(before.RaisedAt, after.RaisedAt);
        Assert.Equal("news2.high", after.ConditionKey);
        Assert.Equal(2, after.Step);
        Assert.Equal(["charge-nurse"], after.Recipients);
        Assert.Equal(restartedAt, after.StepStartedAt);
        Assert.Equal(restartedAt + TimeSpan.FromSeconds(60), after.NextActionDueAt);
    }

    [Fact]
    public async Task OpenAlarm_RestartedBeforeItsStepRanOut_KeepsTheOriginalDueTime()
    {
        var dataDirectory = TestEnvironment.TempDirectory("restart");
        AlarmView before;
        await using (var first = new AlarmServer(dataDirectory, new FakeTimeProvider(AlarmServer.Start)))
        {
            await first.InitializeAsync();
            await first.AdmitSampleResidentsAsync();
            before = await RaiseAsync(first, "R-0013");
        }

        await using var second = new AlarmServer(dataDirectory, new FakeTimeProvider(AlarmServer.Start + TimeSpan.FromSeconds(45)));
        await second.InitializeAsync();
        var after = Assert.Single(await second.ListAsync(await second.AdminTokenAsync()), a => a.Id == before.Id);
        Assert.Equal(0, after.Step);
        Assert.Equal(before.NextActionDueAt, after.NextActionDueAt);

        // The same reading again after the restart is the same condition: still one alarm.
        var (robot, manufacturer, serial) = await second.BedRobotAsync();
        await using var _ = robot;
        var outcome = await second.PublishAndWaitAsync(robot, CareTopics.For(manufacturer, serial, CareTopic.Vitals), AlarmServer.Vitals("R-0013", second.Clock.GetUtcNow(), 26, 90, 95, 125, 38.5m));
        Assert.Null(outcome.Rejection);
        Assert.Single(await second.ListAsync(await second.AdminTokenAsync(), "?residentId=R-0013"));
    }
}
