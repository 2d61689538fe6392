using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareFleet.Contracts.CareActions;
using CareFleet.Contracts.Vda5050;
using CareFleet.Fleet.Dispatch;
using CareFleet.Fleet.Maps;
using CareFleet.Fleet.Master;
using CareFleet.Fleet.Twins;
using CareFleet.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CareFleet.Host.Tests;

/// <summary>The master control commanding robots over the embedded broker: orders, updates, cancel, and refusals.</summary>
[Collection(ServerCollection.Name)]
public sealed class DispatchTests(ServerFixture server)
{
    private const string Vendor = "DispatchVendor";

    internal static string SampleHome
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CareFleet.slnx")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Repository root not found above the test binaries."), "samples", "homes", "sunrise-garden");
        }
    }

    internal static async Task EnsureMapAsync(ServerFixture server)
    {
        var maps = server.Services.GetRequiredService<HomeMapProvider>();
        if (maps.Map is null)
        {
            await maps.LoadAsync(Path.Combine(SampleHome, "map.json"), CancellationToken.None);
        }
    }

    private Task<(SimulatedRobot Robot, FakeTimeProvider Time, string Key)> SimulatedRobotAtAsync(string place, string type = "patrol") => SimulatedRobotAtAsync(server, place, type);

    internal static async Task<(SimulatedRobot Robot, FakeTimeProvider Time, string Key)> SimulatedRobotAtAsync(ServerFixture server, string place, string type = "patrol")
    {
        await EnsureMapAsync(server);
        var home = HomeDefinition.Load(SampleHome);
        var serial = RobotRegistrationExtensions.UniqueSerial("SIM");
        var credentials = await server.RegisterRobotAsync(Vendor, serial, type);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var robot = new SimulatedRobot(new SimulatedRobotSpec(Vendor, serial, type, serial, place), home, time);
        await robot.ConnectAsync("127.0.0.1", server.MqttPort, credentials.UserName, credentials.Password, CancellationToken.None);
        await TwinWaiter.WaitForAsync(server.Services.GetRequiredService<FleetLiveFeed>(), credentials.UserName, t => t.Connection == ConnectionStates.Online && t.Position is not null, "online with a position");
        return (robot, time, credentials.UserName);
    }

    /// <summary>Waits for the robot's next published state that satisfies a condition (checked first against its current state).</summary>
    internal static async Task<AgvState> NextStateAsync(SimulatedRobot robot, Func<AgvState, bool> condition, string what)
    {
        var done = new TaskCompletionSource<AgvState>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnState(AgvState s)
        {
            if (condition(s))
            {
                done.TrySetResult(s);
            }
        }

        robot.StatePublished += OnState;
        try
        {
            var current = robot.CurrentState();
            if (condition(current))
            {
                return current;
            }

            try
            {
                return await done.Task.WaitAsync(TimeSpan.FromSeconds(15));
            }
            catch (TimeoutException)
            {
                throw new Xunit.Sdk.XunitException($"Robot never reported {what}; last state: order {robot.CurrentState().OrderId}#{robot.CurrentState().OrderUpdateId} at {robot.CurrentState().LastNodeId}, errors {string.Join("; ", robot.CurrentState().Errors.Select(e => e.ErrorDescription))}");
            }
        }
        finally
        {
            robot.StatePublished -= OnState;
        }
    }

    /// <summary>Drives the simulated robot on in simulated seconds until its order has nothing left, waiting for updates when it stands at the end of its base.</summary>
    internal static async Task DriveToEndAsync(SimulatedRobot robot, FakeTimeProvider time, string goalNodeId)
    {
        for (var step = 0; step < 2000; step++)
        {
            var state = robot.CurrentState();
            var busy = state.NodeStates.Any(n => n.Released) || state.ActionStates.Any(a => a.ActionStatus is ActionStatus.Waiting or ActionStatus.Running or ActionStatus.Initializing);
            if (!busy && state.LastNodeId == goalNodeId && state.NodeStates.Count == 0)
            {
                return;
            }

            if (!busy)
            {
                // Standing at the end of the base: the next move needs an order update from the master.
                var (orderId, updateId) = (state.OrderId, state.OrderUpdateId);
                await NextStateAsync(robot, s => s.OrderId != orderId || s.OrderUpdateId > updateId || s.NodeStates.Any(n => n.Released), "an order update");
                continue;
            }

            time.Advance(TimeSpan.FromSeconds(1));
            await robot.TickAsync(CancellationToken.None);
        }

        throw new Xunit.Sdk.XunitException($"Robot did not finish its order within 2000 simulated seconds; it is at {robot.CurrentState().LastNodeId}.");
    }

    [Fact]
    public async Task SimulatedRobot_DrivesTheOrder_AndTheMissionEndsWithItsCareActionDone()
    {
        var (robot, time, key) = await SimulatedRobotAtAsync("F1-R101");
        await using var _ = robot;
        var coordinator = server.Services.GetRequiredService<FleetCoordinator>();
        var ended = new TaskCompletionSource<MissionEnded>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnEnded(MissionEnded m)
        {
            if (m.Robot == key)
            {
                ended.TrySetResult(m);
            }
        }

        coordinator.MissionEnded += OnEnded;
        try
        {
            var scan = new Vda5050Action { ActionId = $"scan-{Guid.NewGuid():N}", ActionType = CareActionTypes.PatrolScan, BlockingType = BlockingType.Hard };
            var start = await coordinator.SendRobotToAsync(key, "F1-N-R105", [scan], CancellationToken.None);
            Assert.True(start.Started, $"Mission did not start: {start.Error}");
            Assert.True(start.EstimatedSeconds > 0);

            var first = await NextStateAsync(robot, s => s.OrderId == start.OrderId, "the new order");
            Assert.Equal(0u, first.OrderUpdateId);
            Assert.Empty(first.Errors);
            Assert.Equal("F1-N-R101", first.LastNodeId);

            var staff = await server.TokenForRoleAsync("viewer");
            using (var traffic = await server.Http.SendAsync(server.Request(HttpMethod.Get, $"/api/fleet/traffic/{key}", staff)))
            {
                var view = (await traffic.Content.ReadFromJsonAsync<RobotTrafficView>())!;
                Assert.Equal("F1-N-R101", view.Route[0]);
                Assert.Equal("F1-N-R105", view.Route[^1]);
                Assert.Contains("F1-N-R101", view.Holding);
            }

            using (var unknown = await server.Http.SendAsync(server.Request(HttpMethod.Get, "/api/fleet/traffic/Nobody/NONE-1", staff)))
            {
                Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
            }

            await DriveToEndAsync(robot, time, "F1-N-R105");
            var done = robot.CurrentState();
            Assert.Equal(ActionStatus.Finished, done.ActionStates.Single(a => a.ActionId == scan.ActionId).ActionStatus);
            Assert.Equal(CareActionResults.Done, done.ActionStates.Single(a => a.ActionId == scan.ActionId).ResultDescription);
            Assert.True(done.BatteryState.BatteryCharge < 90, $"Battery should have drained while driving; it is {done.BatteryState.BatteryCharge}.");

            // The final state is the barrier: the master sees it and ends the mission.
            await robot.TickAsync(CancellationToken.None);
            var mission = await ended.Task.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.True(mission.Succeeded, mission.Reason);
            Assert.Equal(start.OrderId, mission.OrderId);
        }
        finally
        {
            coordinator.MissionEnded -= OnEnded;
        }
    }

    [Fact]
    public async Task CancelledMission_StopsTheRobot_WithCancelOrder()
    {
        var (robot, time, key) = await SimulatedRobotAtAsync("F1-R110");
        await using var _ = robot;
        var coordinator = server.Services.GetRequiredService<FleetCoordinator>();
        var start = await coordinator.SendRobotToAsync(key, "F1-N-R114", [], CancellationToken.None);
        Assert.True(start.Started, start.Error);
        await NextStateAsync(robot, s => s.OrderId == start.OrderId && s.NodeStates.Any(n => n.Released), "the new order");
        time.Advance(TimeSpan.FromSeconds(1));
        await robot.TickAsync(CancellationToken.None);

        Assert.True(await coordinator.CancelMissionAsync(key, "staff cancelled", CancellationToken.None));
        var cancelled = await NextStateAsync(robot, s => s.ActionStates.Any(a => a.ActionType == "cancelOrder" && a.ActionStatus == ActionStatus.Finished), "cancelOrder finished");
        Assert.Empty(cancelled.NodeStates);
        Assert.False(cancelled.Driving);
        var x = cancelled.AgvPosition!.X;
        time.Advance(TimeSpan.FromSeconds(30));
        await robot.TickAsync(CancellationToken.None);
        Assert.Equal(x, robot.CurrentState().AgvPosition!.X);
    }

    [Fact]
    public async Task Orders_CarryHeaderIdsCountingPerTopic_AndTheBaseNodes()
    {
        var serial = RobotRegistrationExtensions.UniqueSerial("HDR");
        var credentials = await server.RegisterRobotAsync(Vendor, serial);
        await using var robot = new MqttTestClient();
        await robot.ConnectAsync("127.0.0.1", server.MqttPort, credentials.UserName, credentials.Password);
        var prefix = $"uagv/v2/{credentials.UserName}";
        await robot.SubscribeAsync($"{prefix}/order");
        await robot.SubscribeAsync($"{prefix}/instantActions");
        await robot.PublishAsync($"{prefix}/connection", Encoding.UTF8.GetString(Vda5050Json.Serialize(new Connection { Timestamp = DateTimeOffset.UtcNow, Manufacturer = Vendor, SerialNumber = serial, ConnectionState = ConnectionState.Online })));
        await robot.PublishAsync($"{prefix}/state", Encoding.UTF8.GetString(Vda5050Json.Serialize(MasterControlTests.State(Vendor, serial, 0, 80))));
        await TwinWaiter.WaitForAsync(server.Services.GetRequiredService<FleetLiveFeed>(), credentials.UserName, t => t.Connection == ConnectionStates.Online && t.BatteryCharge == 80, "online");

        var sender = server.Services.GetRequiredService<RobotCommandSender>();
        var order = new Order
        {
            OrderId = "o-1",
            Nodes = [new OrderNode { NodeId = "A", SequenceId = 0, Released = true }, new OrderNode { NodeId = "B", SequenceId = 2, Released = false }],
            Edges = [new OrderEdge { EdgeId = "A-B", SequenceId = 1, Released = false, StartNodeId = "A", EndNodeId = "B" }],
        };
        var headers = new List<uint>();
        foreach (var updateId in new uint[] { 0, 1 })
        {
            var next = robot.NextOn($"{prefix}/order");
            Assert.True((await sender.SendOrderAsync(Vendor, serial, order with { OrderUpdateId = updateId }, CancellationToken.None)).Sent);
            using var json = JsonDocument.Parse(await next);
            headers.Add(json.RootElement.GetProperty("headerId").GetUInt32());
            Assert.Equal(updateId, json.RootElement.GetProperty("orderUpdateId").GetUInt32());
            Assert.Equal(serial, json.RootElement.GetProperty("serialNumber").GetString());
            Assert.True(json.RootElement.GetProperty("nodes")[0].GetProperty("released").GetBoolean());
        }

        var instant = robot.NextOn($"{prefix}/instantActions");
        Assert.True((await sender.SendInstantActionsAsync(Vendor, serial, [new Vda5050Action { ActionId = "p", ActionType = "startPause", BlockingType = BlockingType.Hard }], CancellationToken.None)).Sent);
        using var actions = JsonDocument.Parse(await instant);

        Assert.Equal([0u, 1u], headers);
        Assert.Equal(0u, actions.RootElement.GetProperty("headerId").GetUInt32());
    }

    [Fact]
    public async Task RobotInManualMode_IsNeverSentAnOrder()
    {
        var serial = RobotRegistrationExtensions.UniqueSerial("MAN");
        var credentials = await server.RegisterRobotAsync(Vendor, serial);
        await using var robot = new MqttTestClient();
        await robot.ConnectAsync("127.0.0.1", server.MqttPort, credentials.UserName, credentials.Password);
        var prefix = $"uagv/v2/{credentials.UserName}";
        await robot.SubscribeAsync($"{prefix}/#");
        await robot.PublishAsync($"{prefix}/connection", Encoding.UTF8.GetString(Vda5050Json.Serialize(new Connection { Timestamp = DateTimeOffset.UtcNow, Manufacturer = Vendor, SerialNumber = serial, ConnectionState = ConnectionState.Online })));
        await robot.PublishAsync($"{prefix}/state", Encoding.UTF8.GetString(Vda5050Json.Serialize(MasterControlTests.State(Vendor, serial, 0, 70, OperatingMode.Manual))));
        await TwinWaiter.WaitForAsync(server.Services.GetRequiredService<FleetLiveFeed>(), credentials.UserName, t => t.OperatingMode == "MANUAL", "in MANUAL");

        var sender = server.Services.GetRequiredService<RobotCommandSender>();
        var order = new Order { OrderId = "o-manual", Nodes = [new OrderNode { NodeId = "A", SequenceId = 0, Released = true }] };
        var result = await sender.SendOrderAsync(Vendor, serial, order, CancellationToken.None);
        Assert.False(result.Sent);
        Assert.Contains("MANUAL", result.Refusal, StringComparison.Ordinal);
        var coordinator = await server.Services.GetRequiredService<FleetCoordinator>().SendRobotToAsync(credentials.UserName, "F1-N-R105", [], CancellationToken.None);
        Assert.False(coordinator.Started);

        // Barrier: a pause sent once the robot is AUTOMATIC again arrives; nothing on the order topic came before it.
        await robot.PublishAsync($"{prefix}/state", Encoding.UTF8.GetString(Vda5050Json.Serialize(MasterControlTests.State(Vendor, serial, 1, 69))));
        await TwinWaiter.WaitForAsync(server.Services.GetRequiredService<FleetLiveFeed>(), credentials.UserName, t => t.OperatingMode == "AUTOMATIC", "back in AUTOMATIC");
        var instant = robot.NextOn($"{prefix}/instantActions");
        Assert.True((await sender.SendInstantActionsAsync(Vendor, serial, [new Vda5050Action { ActionId = "p", ActionType = "startPause", BlockingType = BlockingType.Hard }], CancellationToken.None)).Sent);
        await instant;
        Assert.DoesNotContain(robot.Received, m => m.Topic == $"{prefix}/order");
    }

    [Fact]
    public async Task OfflineRobot_IsNeverSentAnOrder()
    {
        var serial = RobotRegistrationExtensions.UniqueSerial("OFF");
        var credentials = await server.RegisterRobotAsync(Vendor, serial);
        await using var robot = new MqttTestClient();
        await robot.ConnectAsync("127.0.0.1", server.MqttPort, credentials.UserName, credentials.Password);
        var prefix = $"uagv/v2/{credentials.UserName}";
        await robot.PublishAsync($"{prefix}/state", Encoding.UTF8.GetString(Vda5050Json.Serialize(MasterControlTests.State(Vendor, serial, 0, 70))));
        await robot.PublishAsync($"{prefix}/connection", Encoding.UTF8.GetString(Vda5050Json.Serialize(new Connection { Timestamp = DateTimeOffset.UtcNow, Manufacturer = Vendor, SerialNumber = serial, ConnectionState = ConnectionState.Offline })));
        await TwinWaiter.WaitForAsync(server.Services.GetRequiredService<FleetLiveFeed>(), credentials.UserName, t => t.Connection == ConnectionStates.Offline && t.OperatingMode == "AUTOMATIC", "offline in AUTOMATIC");

        var sender = server.Services.GetRequiredService<RobotCommandSender>();
        var result = await sender.SendOrderAsync(Vendor, serial, new Order { OrderId = "o-off", Nodes = [new OrderNode { NodeId = "A", SequenceId = 0, Released = true }] }, CancellationToken.None);

        Assert.False(result.Sent);
        Assert.Contains("offline", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mission_Fails_WhenTheRobotReconnectsWithoutItsOrder()
    {
        await EnsureMapAsync(server);
        var serial = RobotRegistrationExtensions.UniqueSerial("RST");
        var credentials = await server.RegisterRobotAsync(Vendor, serial);
        var key = credentials.UserName;
        await using var robot = new MqttTestClient();
        await robot.ConnectAsync("127.0.0.1", server.MqttPort, credentials.UserName, credentials.Password);
        var prefix = $"uagv/v2/{key}";
        await robot.SubscribeAsync($"{prefix}/order");
        AgvState At(uint header, string orderId) => MasterControlTests.State(Vendor, serial, header, 75) with
        {
            OrderId = orderId,
            LastNodeId = orderId.Length > 0 ? "F1-N-R107" : "",
            AgvPosition = new AgvPosition { X = 24, Y = 3, MapId = "sunrise-garden/F1", PositionInitialized = true },
        };
        await robot.PublishAsync($"{prefix}/connection", Encoding.UTF8.GetString(Vda5050Json.Serialize(new Connection { Timestamp = DateTimeOffset.UtcNow, Manufacturer = Vendor, SerialNumber = serial, ConnectionState = ConnectionState.Online })));
        await robot.PublishAsync($"{prefix}/state", Encoding.UTF8.GetString(Vda5050Json.Serialize(At(0, ""))));
        await TwinWaiter.WaitForAsync(server.Services.GetRequiredService<FleetLiveFeed>(), key, t => t.Connection == ConnectionStates.Online && t.Position?.X == 24, "online at R107");

        var coordinator = server.Services.GetRequiredService<FleetCoordinator>();
        var ended = new TaskCompletionSource<MissionEnded>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnEnded(MissionEnded m)
        {
            if (m.Robot == key)
            {
                ended.TrySetResult(m);
            }
        }

        coordinator.MissionEnded += OnEnded;
        try
        {
            var orderArrives = robot.NextOn($"{prefix}/order");
            var start = await coordinator.SendRobotToAsync(key, "F1-N-R108", [], CancellationToken.None);
            Assert.True(start.Started, start.Error);
            using (var order = JsonDocument.Parse(await orderArrives))
            {
                Assert.Equal("F1-N-R107", order.RootElement.GetProperty("nodes")[0].GetProperty("nodeId").GetString());
                Assert.Equal("F1-N-R108", order.RootElement.GetProperty("nodes")[order.RootElement.GetProperty("nodes").GetArrayLength() - 1].GetProperty("nodeId").GetString());
            }

            await robot.PublishAsync($"{prefix}/state", Encoding.UTF8.GetString(Vda5050Json.Serialize(At(1, start.OrderId!))));
            await robot.PublishAsync($"{prefix}/state", Encoding.UTF8.GetString(Vda5050Json.Serialize(At(2, "") with { Timestamp = DateTimeOffset.UtcNow.AddSeconds(1) })));

            var mission = await ended.Task.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.False(mission.Succeeded);
            Assert.Contains("lost the order", mission.Reason, StringComparison.Ordinal);
        }
        finally
        {
            coordinator.MissionEnded -= OnEnded;
        }
    }

    [Fact]
    public async Task SimulatedRobotSwitchedToManual_GetsNoMission()
    {
        var (robot, _, key) = await SimulatedRobotAtAsync("F1-R112");
        await using var _ = robot;
        robot.OperatingMode = OperatingMode.Manual;
        await robot.TickAsync(CancellationToken.None);
        await TwinWaiter.WaitForAsync(server.Services.GetRequiredService<FleetLiveFeed>(), key, t => t.OperatingMode == "MANUAL", "in MANUAL");

        var start = await server.Services.GetRequiredService<FleetCoordinator>().SendRobotToAsync(key, "F1-N-R113", [], CancellationToken.None);

        Assert.False(start.Started);
        Assert.Contains("MANUAL", start.Error, StringComparison.Ordinal);
        Assert.Equal("", robot.CurrentState().OrderId);
    }
}
