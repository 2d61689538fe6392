using System.Buffers;
using CareFleet.Contracts.Vda5050;
using CareFleet.Contracts.Vda5050.Validation;
using CareFleet.Fleet.Robots;
using CareFleet.Fleet.Twins;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareFleet.Fleet.Master;

/// <summary>
/// The VDA 5050 master control's connection: subscribes to every robot's state, connection, factsheet and
/// visualization; validates each message against the official schema and the registry; hands valid ones to
/// the robot's twin. A bad message is logged with the robot and the reason and changes nothing.
/// </summary>
public sealed partial class MasterControl(
    BrokerConnection broker, RobotCredentialCache registry, IGrainFactory grains, FleetStateBus bus, ILogger<MasterControl> logger) : BackgroundService
{
    private static readonly Vda5050Topic[] Inbound = [Vda5050Topic.Connection, Vda5050Topic.State, Vda5050Topic.Factsheet, Vda5050Topic.Visualization];
    private readonly BrokerSession _session = new(broker, "master", [.. Inbound.Select(Vda5050Topics.SubscriptionForAll)]);
    private long _rejected;

    public bool IsConnected => _session.IsConnected;

    /// <summary>Inbound messages rejected since start (malformed, unregistered robot, inconsistent).</summary>
    public long RejectedMessages => Interlocked.Read(ref _rejected);

    /// <summary>Publishes a command to a robot with the topic's QoS (0 for order and instantActions); false when not connected.</summary>
    internal async Task<bool> PublishAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        var client = _session.Client;
        if (client is null || !Vda5050Topics.TryParse(topic, out var address, out _))
        {
            return false;
        }

        await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)Vda5050Topics.QualityOfService(address.Topic))
            .Build(), cancellationToken);
        return true;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _session.MessageReceived += OnMessageAsync;
        _session.Connected += () => LogConnected(logger, broker.Host, broker.Port);
        _session.ConnectFailed += reason => LogConnectFailed(logger, broker.Host, broker.Port, reason);
        return _session.RunAsync(stoppingToken);
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var topic = e.ApplicationMessage.Topic;
        try
        {
            await HandleAsync(topic, e.ApplicationMessage.Payload);
        }
        catch (Exception ex)
        {
            // A message must never take the master control down; the robot's next report repairs the twin.
            Reject(topic, "internal error: " + ex.Message);
        }
    }

    internal async Task HandleAsync(string topic, ReadOnlySequence<byte> payload)
    {
        if (!Vda5050Topics.TryParse(topic, out var address, out var topicError))
        {
            Reject(topic, topicError);
            return;
        }

        var robotKey = RobotIdentity.UserName(address.Manufacturer, address.SerialNumber);
        if (!await registry.IsRegisteredAsync(robotKey, CancellationToken.None))
        {
            Reject(topic, "robot is not registered");
            return;
        }

        // Retained messages are cleared with an empty payload; that is not a report.
        if (payload.IsEmpty)
        {
            return;
        }

        ReadOnlySpan<byte> bytes = payload.IsSingleSegment ? payload.FirstSpan : System.Buffers.BuffersExtensions.ToArray(payload);
        var validation = Vda5050Validator.Validate(address.Topic, bytes);
        if (!validation.IsValid)
        {
            Reject(topic, validation.Describe());
            return;
        }

        var twin = grains.GetGrain<IRobotTwinGrain>(robotKey);
        switch (address.Topic)
        {
            case Vda5050Topic.Connection when Vda5050Json.TryDeserialize<Connection>(bytes) is { } connection:
                if (!SameRobot(connection, address, topic))
                {
                    return;
                }

                await twin.ReportConnection(connection.ConnectionState.ToString().ToUpperInvariant(), connection.Timestamp);
                bus.PublishConnection(robotKey, connection);
                break;
            case Vda5050Topic.State when Vda5050Json.TryDeserialize<AgvState>(bytes) is { } state:
                if (!SameRobot(state, address, topic))
                {
                    return;
                }

                await twin.ReportState(ToReport(state));
                bus.PublishState(robotKey, state);
                break;
            case Vda5050Topic.Factsheet when Vda5050Json.TryDeserialize<Factsheet>(bytes) is { } factsheet:
                bus.PublishFactsheet(robotKey, factsheet);
                break;
            case Vda5050Topic.Visualization:
                break;
            default:
                Reject(topic, "payload does not deserialize");
                break;
        }
    }

    private bool SameRobot(Vda5050Message message, Vda5050TopicAddress address, string topic)
    {
        if (message.Manufacturer == address.Manufacturer && message.SerialNumber == address.SerialNumber)
        {
            return true;
        }

        Reject(topic, $"header names {message.Manufacturer}/{message.SerialNumber}, not the topic's robot");
        return false;
    }

    private static RobotStateReport ToReport(AgvState state)
    {
        var position = state.AgvPosition is { } p ? new RobotPosition(p.X, p.Y, p.Theta, p.MapId, p.PositionInitialized) : null;
        return new RobotStateReport(
            state.Timestamp,
            position,
            state.BatteryState.BatteryCharge,
            state.BatteryState.Charging,
            state.OperatingMode.ToString().ToUpperInvariant(),
            state.Driving,
            state.Paused ?? false,
            state.Errors.Count(e => e.ErrorLevel == ErrorLevel.Warning),
            state.Errors.Count(e => e.ErrorLevel == ErrorLevel.Fatal),
            string.IsNullOrEmpty(state.OrderId) ? null : state.OrderId);
    }

    private void Reject(string topic, string reason)
    {
        Interlocked.Increment(ref _rejected);
        LogRejected(logger, topic, reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Master control connected to broker {Host}:{Port}")]
    private static partial void LogConnected(ILogger logger, string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Master control cannot reach broker {Host}:{Port}: {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, string host, int port, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected VDA 5050 message on {Topic}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string topic, string reason);
}
