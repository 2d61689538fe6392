using CareFleet.Contracts.Vda5050;
using CareFleet.Contracts.Vda5050.Validation;
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
    private readonly SimulatedDrive _drive;
    private DateTimeOffset _lastTick;
    private DateTimeOffset _lastVisualization;

    public SimulatedRobot(SimulatedRobotSpec spec, HomeDefinition home, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(home);
        _spec = spec;
        _home = home;
        _time = time;
        _client = new MqttClientFactory().CreateMqttClient();
        var (floor, node) = home.Locate(spec.StartPlace);
        var charging = floor.Places.First(p => p.Id == spec.StartPlace).Kind == CareFleet.Contracts.Maps.PlaceKind.Charger;
        // Each floor is its own VDA 5050 map: "{home map id}/{floor id}" (docs/map-format.md).
        _drive = new SimulatedDrive(home.Map, SimulatedFactsheet.SpeedMax(spec), node.X, node.Y, $"{home.Map.Id}/{floor.Id}", spec.Battery, charging);
        _lastTick = time.GetUtcNow();
        _lastVisualization = DateTimeOffset.MinValue;
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
    }

    public SimulatedRobotSpec Spec => _spec;

    /// <summary>The operating mode the robot reports; staff switching it to MANUAL take it out of the master's control.</summary>
    public OperatingMode OperatingMode { get; set; } = OperatingMode.Automatic;

    /// <summary>Raised after each state message is published, with the message.</summary>
    public event Action<AgvState>? StatePublished;

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

    /// <summary>
    /// Moves the robot on to the simulator's current time, publishes state, and visualization at most once a
    /// simulated second.
    /// </summary>
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            return;
        }

        var now = _time.GetUtcNow();
        await PublishStateAsync(cancellationToken);
        if (now - _lastVisualization >= TimeSpan.FromSeconds(1))
        {
            _lastVisualization = now;
            await PublishAsync(Vda5050Topic.Visualization, new Visualization
            {
                HeaderId = NextHeader(Vda5050Topic.Visualization),
                Timestamp = now,
                Manufacturer = _spec.Manufacturer,
                SerialNumber = _spec.SerialNumber,
                AgvPosition = Position(),
            }, cancellationToken);
        }
    }

    /// <summary>A copy of the robot's current state as it would publish it (for tests and tools).</summary>
    public AgvState CurrentState()
    {
        lock (_gate)
        {
            return BuildState(advance: false);
        }
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
            state = BuildState(advance: true) with { HeaderId = NextHeader(Vda5050Topic.State) };
        }

        await PublishAsync(Vda5050Topic.State, state, cancellationToken);
        StatePublished?.Invoke(state);
    }

    private AgvState BuildState(bool advance)
    {
        var now = _time.GetUtcNow();
        if (advance)
        {
            _drive.Advance(now - _lastTick);
            _lastTick = now;
        }

        return _drive.ToState(new AgvState
        {
            Timestamp = now,
            Manufacturer = _spec.Manufacturer,
            SerialNumber = _spec.SerialNumber,
            OperatingMode = OperatingMode,
            SafetyState = new SafetyState { EStop = EStop.None, FieldViolation = false },
        });
    }

    private AgvPosition Position()
    {
        lock (_gate)
        {
            return new() { X = _drive.X, Y = _drive.Y, Theta = _drive.Theta, MapId = _drive.MapId, PositionInitialized = true };
        }
    }

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
        if (!Vda5050Topics.TryParse(e.ApplicationMessage.Topic, out var address, out _))
        {
            return;
        }

        var payload = System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload);
        if (address.Topic == Vda5050Topic.Order)
        {
            ReceiveOrder(payload);
            await PublishStateAsync(CancellationToken.None);
            return;
        }

        if (address.Topic != Vda5050Topic.InstantActions)
        {
            return;
        }

        var validation = Vda5050Validator.Validate(Vda5050Topic.InstantActions, payload);
        var actions = validation.IsValid ? Vda5050Json.TryDeserialize<InstantActions>(payload) : null;
        if (actions is null)
        {
            return;
        }

        var handled = false;
        lock (_gate)
        {
            // Bring the robot up to now first so a pause or cancel takes effect where the robot really is.
            _drive.Advance(_time.GetUtcNow() - _lastTick);
            _lastTick = _time.GetUtcNow();
            foreach (var action in actions.Actions)
            {
                handled |= _drive.Instant(action);
            }
        }

        if (handled)
        {
            await PublishStateAsync(CancellationToken.None);
        }

        if (actions.Actions.Any(a => a.ActionType == "factsheetRequest"))
        {
            await PublishAsync(Vda5050Topic.Factsheet, SimulatedFactsheet.For(_spec, NextHeader(Vda5050Topic.Factsheet), _time.GetUtcNow()), CancellationToken.None);
        }
    }

    private void ReceiveOrder(byte[] payload)
    {
        var validation = Vda5050Validator.Validate(Vda5050Topic.Order, payload);
        var order = validation.IsValid ? Vda5050Json.TryDeserialize<Order>(payload) : null;
        lock (_gate)
        {
            _drive.Advance(_time.GetUtcNow() - _lastTick);
            _lastTick = _time.GetUtcNow();
            if (order is null)
            {
                _drive.RejectMalformed(validation.IsValid ? "order does not deserialize" : validation.Describe());
            }
            else
            {
                _drive.Accept(order);
            }
        }
    }
}

/// <summary>The broker refused the robot's connection (wrong or unknown credentials).</summary>
public sealed class BrokerRefusedException(string message, Exception? inner) : Exception(message, inner);
