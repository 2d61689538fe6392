using CareFleet.Contracts.Vda5050;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareFleet.Simulation;

/// <summary>
/// A vendor robot speaking VDA 5050 2.0: announces itself on the connection topic (with a last will of
/// CONNECTIONBROKEN), publishes its factsheet, then its state and visualization periodically.
/// </summary>
public sealed class SimulatedRobot : IAsyncDisposable
{
    private readonly SimulatedRobotSpec _spec;
    private readonly HomeDefinition _home;
    private readonly TimeProvider _time;
    private readonly IMqttClient _client;
    private readonly Dictionary<Vda5050Topic, uint> _headerIds = [];
    private readonly Lock _gate = new();
    private double _battery;
    private bool _charging;
    private double _x;
    private double _y;
    private string _mapId;
    private DateTimeOffset _lastTick;

    public SimulatedRobot(SimulatedRobotSpec spec, HomeDefinition home, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(home);
        _spec = spec;
        _home = home;
        _time = time;
        _client = new MqttClientFactory().CreateMqttClient();
        _battery = spec.Battery;
        var (floor, node) = home.Locate(spec.StartPlace);
        // Each floor is its own VDA 5050 map: "{home map id}/{floor id}" (docs/map-format.md).
        (_x, _y, _mapId) = (node.X, node.Y, $"{home.Map.Id}/{floor.Id}");
        _charging = floor.Places.First(p => p.Id == spec.StartPlace).Kind == CareFleet.Contracts.Maps.PlaceKind.Charger;
        _lastTick = time.GetUtcNow();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
    }

    public SimulatedRobotSpec Spec => _spec;

    public bool IsConnected => _client.IsConnected;

    /// <summary>Connects with the robot's broker credentials; throws <see cref="BrokerRefusedException"/> when refused.</summary>
    public async Task ConnectAsync(string host, int port, string userName, string password, CancellationToken cancellationToken)
    {
        var will = Vda5050Json.Serialize(NewConnection(ConnectionState.ConnectionBroken));
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId($"{_spec.Manufacturer}-{_spec.SerialNumber}")
            .WithCredentials(userName, password)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(10))
            .WithWillTopic(Topic(Vda5050Topic.Connection))
            .WithWillPayload(will)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillRetain(true)
            .Build();
        MqttClientConnectResult result;
        try
        {
            result = await _client.ConnectAsync(options, cancellationToken);
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException e)
        {
            throw new BrokerRefusedException(e.Message, e);
        }

        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new BrokerRefusedException($"Broker refused {_spec.Manufacturer}/{_spec.SerialNumber}: {result.ResultCode}", null);
        }

        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(Topic(Vda5050Topic.Order), MqttQualityOfServiceLevel.AtMostOnce)
            .WithTopicFilter(Topic(Vda5050Topic.InstantActions), MqttQualityOfServiceLevel.AtMostOnce)
            .Build(), cancellationToken);
        await PublishAsync(Vda5050Topic.Connection, NewConnection(ConnectionState.Online), cancellationToken);
        await PublishAsync(Vda5050Topic.Factsheet, SimulatedFactsheet.For(_spec, NextHeader(Vda5050Topic.Factsheet), _time.GetUtcNow()), cancellationToken);
        await PublishStateAsync(cancellationToken);
    }

    /// <summary>Advances the robot's simulated battery and publishes state and visualization.</summary>
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            return;
        }

        await PublishStateAsync(cancellationToken);
        await PublishAsync(Vda5050Topic.Visualization, new Visualization
        {
            HeaderId = NextHeader(Vda5050Topic.Visualization),
            Timestamp = _time.GetUtcNow(),
            Manufacturer = _spec.Manufacturer,
            SerialNumber = _spec.SerialNumber,
            AgvPosition = Position(),
        }, cancellationToken);
    }

    /// <summary>Says goodbye as the spec asks: OFFLINE on the connection topic, then a clean disconnect.</summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            await PublishAsync(Vda5050Topic.Connection, NewConnection(ConnectionState.Offline), cancellationToken);
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await DisconnectAsync(CancellationToken.None);
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException)
        {
            // The broker is already gone at shutdown; nothing left to say goodbye to.
        }

        _client.Dispose();
    }

    private async Task PublishStateAsync(CancellationToken cancellationToken)
    {
        AgvState state;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var hours = (now - _lastTick).TotalHours;
            _lastTick = now;
            // An idle care robot loses about 2 % an hour on standby and a charger adds about 40 % an hour.
            _battery = Math.Clamp(_battery + (_charging ? 40 : -2) * hours, 0, 100);
            state = new AgvState
            {
                HeaderId = NextHeader(Vda5050Topic.State),
                Timestamp = now,
                Manufacturer = _spec.Manufacturer,
                SerialNumber = _spec.SerialNumber,
                OrderId = "",
                OrderUpdateId = 0,
                LastNodeId = "",
                LastNodeSequenceId = 0,
                Driving = false,
                Paused = false,
                AgvPosition = Position(),
                BatteryState = new BatteryState { BatteryCharge = Math.Round(_battery, 1), Charging = _charging },
                OperatingMode = OperatingMode.Automatic,
                SafetyState = new SafetyState { EStop = EStop.None, FieldViolation = false },
            };
        }

        await PublishAsync(Vda5050Topic.State, state, cancellationToken);
    }

    private AgvPosition Position() => new() { X = _x, Y = _y, Theta = 0, MapId = _mapId, PositionInitialized = true };

    private Connection NewConnection(ConnectionState state) => new()
    {
        HeaderId = NextHeader(Vda5050Topic.Connection),
        Timestamp = _time.GetUtcNow(),
        Manufacturer = _spec.Manufacturer,
        SerialNumber = _spec.SerialNumber,
        ConnectionState = state,
    };

    private uint NextHeader(Vda5050Topic topic)
    {
        lock (_gate)
        {
            // VDA 5050 6.2: headerId counts up by one per message, separately on each topic.
            _headerIds.TryGetValue(topic, out var id);
            _headerIds[topic] = id + 1;
            return id;
        }
    }

    /// <summary>Publishes a care message (vitals, bed, findings) on this robot's own care topic, QoS 1.</summary>
    public Task<MqttClientPublishResult> PublishCareAsync<T>(CareFleet.Contracts.Care.CareTopic topic, T message, CancellationToken cancellationToken) where T : class =>
        _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(CareFleet.Contracts.Care.CareTopics.For(_spec.Manufacturer, _spec.SerialNumber, topic))
            .WithPayload(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(message, CareFleet.Contracts.Care.CareMessageJson.Options))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken);

    private string Topic(Vda5050Topic topic) => Vda5050Topics.Build(_spec.Manufacturer, _spec.SerialNumber, topic);

    private Task<MqttClientPublishResult> PublishAsync<T>(Vda5050Topic topic, T message, CancellationToken cancellationToken) where T : Vda5050Message =>
        _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(Topic(topic))
            .WithPayload(Vda5050Json.Serialize(message))
            .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)Vda5050Topics.QualityOfService(topic))
            .WithRetainFlag(Vda5050Topics.IsRetained(topic))
            .Build(), cancellationToken);

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        if (!Vda5050Topics.TryParse(e.ApplicationMessage.Topic, out var address, out _) || address.Topic != Vda5050Topic.InstantActions)
        {
            return;
        }

        var actions = Vda5050Json.TryDeserialize<InstantActions>(System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload));
        if (actions?.Actions.Any(a => a.ActionType == "factsheetRequest") == true)
        {
            await PublishAsync(Vda5050Topic.Factsheet, SimulatedFactsheet.For(_spec, NextHeader(Vda5050Topic.Factsheet), _time.GetUtcNow()), CancellationToken.None);
        }
    }
}

/// <summary>The broker refused the robot's connection (wrong or unknown credentials).</summary>
public sealed class BrokerRefusedException(string message, Exception? inner) : Exception(message, inner);
