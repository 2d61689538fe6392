using System.Net;
using System.Net.Http.Json;
using CareFleet.Fleet.Dispatch;
using CareFleet.Fleet.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace CareFleet.Host.Tests;

/// <summary>A server whose dispatcher looks every 200 ms and reassigns after 1 s offline.</summary>
public sealed class DispatchServerFixture : ServerFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
    [
        new($"{FleetDispatchOptions.Section}:Interval", "00:00:00.2"),
        new($"{FleetDispatchOptions.Section}:OfflineReassignAfter", "00:00:01"),
    ];
}

[CollectionDefinition(Name)]
public sealed class DispatchServerCollection : ICollectionFixture<DispatchServerFixture>
{
    public const string Name = "dispatch server";
}

/// <summary>Records task changes so a test can wait for one (a barrier, not a sleep).</summary>
internal sealed class TaskWatcher : IDisposable
{
    private readonly FleetDispatcher _dispatcher;
    private readonly List<FleetTaskChanged> _seen = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskWatcher(FleetDispatcher dispatcher)
    {
        _dispatcher = dispatcher;
        _dispatcher.TaskChanged += OnChanged;
    }

    public IReadOnlyList<FleetTaskChanged> Seen
    {
        get
        {
            lock (_gate)
            {
                return [.. _seen];
            }
        }
    }

    public async Task<FleetTaskChanged> WaitForAsync(Guid id, Func<FleetTaskChanged, bool> condition, string what)
    {
        var deadline = Task.Delay(TimeSpan.FromSeconds(20));
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (_seen.LastOrDefault(c => c.TaskId == id && condition(c)) is { } hit)
                {
                    return hit;
                }

                signal = _signal.Task;
            }

            if (await Task.WhenAny(signal, deadline) == deadline)
            {
                throw new Xunit.Sdk.XunitException($"Task {id} never became {what}; changes seen: {string.Join(", ", Seen.Where(c => c.TaskId == id).Select(c => $"{c.State}@{c.Robot} ({c.Reason})"))}");
            }
        }
    }

    private void OnChanged(FleetTaskChanged change)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            _seen.Add(change);
            signal = _signal;
            _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.TrySetResult();
    }

    public void Dispose() => _dispatcher.TaskChanged -= OnChanged;
}

[Collection(DispatchServerCollection.Name)]
public sealed class TaskTests(DispatchServerFixture server)
{
    private async Task<FleetTaskView> CreateAsync(string token, object body)
    {
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Post, "/api/fleet/tasks", token, body));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Create failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<FleetTaskView>())!;
    }

    [Fact]
    public async Task GoToTask_IsDispatched_DrivenBySimulatedRobot_AndCompleted()
    {
        var (robot, time, key) = await DispatchTests.SimulatedRobotAtAsync(server, "F1-R103", "patrol");
        await using var _ = robot;
        using var watcher = new TaskWatcher(server.Services.GetRequiredService<FleetDispatcher>());
        var token = await server.TokenForRoleAsync("caregiver");

        var task = await CreateAsync(token, new { type = "patrol", priority = "urgent", places = new[] { "F1-R105" }, robotType = "patrol" });
        Assert.Equal("queued", task.State);
        var underway = await watcher.WaitForAsync(task.Id, c => c.State == FleetTaskState.Underway, "underway");
        Assert.Equal(key, underway.Robot);

        await DispatchTests.NextStateAsync(robot, s => s.OrderId.Length > 0, "an order");
        await DispatchTests.DriveToEndAsync(robot, time, "F1-N-R105");
        await robot.TickAsync(CancellationToken.None);
        await watcher.WaitForAsync(task.Id, c => c.State == FleetTaskState.Completed, "completed");

        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, $"/api/fleet/tasks/{task.Id}", token));
        var stored = (await response.Content.ReadFromJsonAsync<FleetTaskView>())!;
        Assert.Equal("completed", stored.State);
        Assert.NotNull(stored.StartedAt);
        Assert.NotNull(stored.EndedAt);
        Assert.Contains(robot.CurrentState().ActionStates, a => a.ActionType == "patrolScan" && a.ResultDescription == "done");
    }

    [Fact]
    public async Task QueuedTask_CanBeCancelled_AndAViewerCannotCreateTasks()
    {
        await DispatchTests.EnsureMapAsync(server);
        var caregiver = await server.TokenForRoleAsync("caregiver");
        var viewer = await server.TokenForRoleAsync("viewer");
        using (var forbidden = await server.Http.SendAsync(server.Request(HttpMethod.Post, "/api/fleet/tasks", viewer, new { type = "goTo", places = new[] { "F1-R105" } })))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        // No hair-wash robot exists, so the task stays queued.
        var task = await CreateAsync(caregiver, new { type = "goTo", places = new[] { "F1-R105" }, robotType = "hairWash" });
        using var cancel = await server.Http.SendAsync(server.Request(HttpMethod.Post, $"/api/fleet/tasks/{task.Id}/cancel", caregiver));
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var cancelled = (await cancel.Content.ReadFromJsonAsync<FleetTaskView>())!;
        Assert.Equal("cancelled", cancelled.State);
        Assert.Contains("cancelled by", cancelled.Reason, StringComparison.Ordinal);

        using var again = await server.Http.SendAsync(server.Request(HttpMethod.Post, $"/api/fleet/tasks/{task.Id}/cancel", caregiver));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory]
    [InlineData("fly", "F1-R105", "type")]
    [InlineData("goTo", "NOWHERE", "places")]
    [InlineData("charge", "F1-R105", "places")]
    public async Task BadTask_IsRejected_NamingTheField(string type, string place, string field)
    {
        await DispatchTests.EnsureMapAsync(server);
        var caregiver = await server.TokenForRoleAsync("nurse");
        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Post, "/api/fleet/tasks", caregiver, new { type, places = new[] { place } }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"\"{field}\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskOfARobotThatDropsOffline_IsReassigned_AndCompleted()
    {
        // A (east end) is nearer the target than B (west end); their routes meet only at the target's corridor node.
        var (robotA, _, keyA) = await DispatchTests.SimulatedRobotAtAsync(server, "F1-R116", "laundry");
        var (robotB, timeB, keyB) = await DispatchTests.SimulatedRobotAtAsync(server, "F1-R101", "laundry");
        await using var __ = robotB;
        using var watcher = new TaskWatcher(server.Services.GetRequiredService<FleetDispatcher>());
        var token = await server.TokenForRoleAsync("nurse");

        var task = await CreateAsync(token, new { type = "goTo", places = new[] { "F1-R110" }, robotType = "laundry" });
        var first = await watcher.WaitForAsync(task.Id, c => c.State == FleetTaskState.Underway, "underway");
        Assert.Equal(keyA, first.Robot);

        await robotA.DisposeAsync();
        var requeued = await watcher.WaitForAsync(task.Id, c => c.State == FleetTaskState.Queued && c.Reason is not null, "queued again");
        Assert.Contains("offline", requeued.Reason, StringComparison.Ordinal);
        var second = await watcher.WaitForAsync(task.Id, c => c.State == FleetTaskState.Underway && c.Robot == keyB, "underway with B");
        Assert.Equal(keyB, second.Robot);

        await DispatchTests.NextStateAsync(robotB, s => s.OrderId.Length > 0, "an order");
        await DispatchTests.DriveToEndAsync(robotB, timeB, "F1-N-R110");
        await robotB.TickAsync(CancellationToken.None);
        await watcher.WaitForAsync(task.Id, c => c.State == FleetTaskState.Completed, "completed");
    }

    [Fact]
    public async Task EmergencyTask_IsServedBeforeAnOlderBackgroundTask()
    {
        await DispatchTests.EnsureMapAsync(server);
        using var watcher = new TaskWatcher(server.Services.GetRequiredService<FleetDispatcher>());
        var token = await server.TokenForRoleAsync("nurse");
        // No exercise robot is online yet, so both wait in the queue; the background one is older.
        var background = await CreateAsync(token, new { type = "goTo", priority = "background", places = new[] { "F2-R207" }, robotType = "exercise" });
        var emergency = await CreateAsync(token, new { type = "goTo", priority = "emergency", places = new[] { "F2-R204" }, robotType = "exercise" });

        var (robot, _, key) = await DispatchTests.SimulatedRobotAtAsync(server, "F2-R206", "exercise");
        await using var _ = robot;
        var underway = await watcher.WaitForAsync(emergency.Id, c => c.State == FleetTaskState.Underway, "underway");
        Assert.Equal(key, underway.Robot);

        using var response = await server.Http.SendAsync(server.Request(HttpMethod.Get, $"/api/fleet/tasks/{background.Id}", token));
        var stillQueued = (await response.Content.ReadFromJsonAsync<FleetTaskView>())!;
        Assert.Equal("queued", stillQueued.State);
        Assert.Null(stillQueued.Robot);
    }
}
