using System.Buffers;
using CareFleet.Alarms;
using CareFleet.Care.Alarming;
using CareFleet.Care.Monitoring;
using CareFleet.Care.Vitals;
using CareFleet.Contracts.Care;
using CareFleet.Fleet.Master;
using CareFleet.Fleet.Robots;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareFleet.Care.Ingest;

/// <summary>
/// CareFleet's client for the care topics (vitals, bed, findings) of every robot. Each message is checked
/// (topic, registered robot, structure) before it reaches a resident's monitoring grain; a bad message is
/// logged with its topic and reason and changes nothing. On start it activates the home's alarm grain, so
/// open alarms are restored and keep escalating even before the first message arrives.
/// </summary>
public sealed partial class CareTopicSubscriber(
    BrokerConnection broker,
    RobotCredentialCache registry,
    IGrainFactory grains,
    IOptions<AlarmRuntimeOptions> options,
    ILogger<CareTopicSubscriber> logger) : BackgroundService
{
    private readonly BrokerSession _session = new(broker, "care",
        [CareTopics.SubscriptionForAll(CareTopic.Vitals), CareTopics.SubscriptionForAll(CareTopic.Bed), CareTopics.SubscriptionForAll(CareTopic.Findings)]);
    private long _rejected;
    private long _accepted;

    /// <summary>Whether the client is connected and subscribed.</summary>
    public bool IsConnected => _session.IsConnected;

    /// <summary>Messages rejected since start.</summary>
    public long RejectedMessages => Interlocked.Read(ref _rejected);

    /// <summary>Messages handed to monitoring since start.</summary>
    public long AcceptedMessages => Interlocked.Read(ref _accepted);

    /// <summary>Raised after every message with its topic and outcome (a rejection names its reason).</summary>
    public event Action<string, MonitorOutcome>? Handled;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var open = await grains.GetGrain<IHomeAlarmsGrain>(options.Value.HomeId).Start();
        LogHomeStarted(logger, options.Value.HomeId, open);
        _session.MessageReceived += OnMessageAsync;
        _session.Connected += () => LogConnected(logger, broker.Host, broker.Port);
        _session.ConnectFailed += reason => LogConnectFailed(logger, broker.Host, broker.Port, reason);
        await _session.RunAsync(stoppingToken);
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var topic = e.ApplicationMessage.Topic;
        MonitorOutcome outcome;
        try
        {
            outcome = await HandleAsync(topic, e.ApplicationMessage.Payload);
        }
        catch (Exception ex)
        {
            // A message must never take ingestion down; the robot's next report carries on.
            outcome = MonitorOutcome.Rejected("internal error: " + ex.Message);
        }

        if (outcome.Rejection is { } reason)
        {
            Interlocked.Increment(ref _rejected);
            LogRejected(logger, topic, reason);
        }
        else
        {
            Interlocked.Increment(ref _accepted);
        }

        Handled?.Invoke(topic, outcome);
    }

    internal async Task<MonitorOutcome> HandleAsync(string topic, ReadOnlySequence<byte> payload)
    {
        if (!CareTopics.TryParse(topic, out var address, out var topicError))
        {
            return MonitorOutcome.Rejected(topicError);
        }

        var robotId = RobotIdentity.UserName(address.Manufacturer, address.SerialNumber);
        if (!await registry.IsRegisteredAsync(robotId, CancellationToken.None))
        {
            return MonitorOutcome.Rejected("robot is not registered");
        }

        var bytes = payload.IsSingleSegment ? payload.FirstSpan.ToArray() : payload.ToArray();
        switch (address.Topic)
        {
            case CareTopic.Vitals:
                var vitals = CareMessageJson.ReadVitals(bytes);
                return vitals.Message is { } v
                    ? await Resident(v.ResidentId).ObserveVitals(CareMessageMapping.ToReport(v, robotId))
                    : MonitorOutcome.Rejected(vitals.Describe());
            case CareTopic.Bed:
                var bed = CareMessageJson.ReadBedEvent(bytes);
                if (bed.Message is not { } b)
                {
                    return MonitorOutcome.Rejected(bed.Describe());
                }

                return b.Event == BedEventType.Fall
                    ? await Resident(b.ResidentId).OnFall(new FallReport(b.ResidentId, robotId))
                    : await Resident(b.ResidentId).OnBedEvent(CareMessageMapping.ToBedEvent(b, robotId));
            default:
                var finding = CareMessageJson.ReadFinding(bytes);
                if (finding.Message is not { } f)
                {
                    return MonitorOutcome.Rejected(finding.Describe());
                }

                var grain = f.ResidentId is { } residentId ? Resident(residentId) : grains.GetGrain<IResidentMonitorGrain>(IResidentMonitorGrain.PatrolKey + options.Value.HomeId);
                return await grain.OnPatrolFinding(CareMessageMapping.ToFinding(f, robotId));
        }
    }

    private IResidentMonitorGrain Resident(string residentId) => grains.GetGrain<IResidentMonitorGrain>(residentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Care topics subscribed on broker {Host}:{Port}")]
    private static partial void LogConnected(ILogger logger, string host, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alarm book of home {HomeId} started with {Open} open alarms")]
    private static partial void LogHomeStarted(ILogger logger, string homeId, int open);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Care-topic client cannot reach broker {Host}:{Port}: {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, string host, int port, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected care message on {Topic}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string topic, string reason);
}

/// <summary>From the wire records to the monitoring engine's inputs.</summary>
internal static class CareMessageMapping
{
    public static VitalSignsReport ToReport(VitalSignsMessage m, string robotId) => new(
        m.ResidentId,
        m.Timestamp,
        m.DeviceId is null ? robotId : robotId + "/" + m.DeviceId,
        Q(m.RespiratoryRate),
        Q(m.SpO2),
        m.SupplementalOxygen,
        Q(m.OxygenFlow),
        Q(m.Systolic),
        Q(m.Diastolic),
        Q(m.HeartRate),
        Q(m.Temperature),
        m.Consciousness switch
        {
            "A" => Consciousness.Alert,
            "C" => Consciousness.NewConfusion,
            "V" => Consciousness.Voice,
            "P" => Consciousness.Pain,
            "U" => Consciousness.Unresponsive,
            _ => null,
        });

    public static BedEvent ToBedEvent(BedEventMessage m, string robotId) => new(
        m.ResidentId,
        m.Event switch
        {
            BedEventType.Occupied => BedEventKind.Occupied,
            BedEventType.EdgeOfBed => BedEventKind.EdgeOfBed,
            BedEventType.Exit => BedEventKind.Exit,
            BedEventType.NoMotion => BedEventKind.NoMotion,
            BedEventType.Turn => BedEventKind.Turn,
            BedEventType.SensorOffline => BedEventKind.SensorOffline,
            BedEventType.SensorOnline => BedEventKind.SensorOnline,
            _ => (BedEventKind)0,
        },
        m.DeviceId is null ? robotId : robotId + "/" + m.DeviceId,
        m.TurnAngleDegrees);

    public static PatrolFinding ToFinding(PatrolFindingMessage m, string robotId) => new(
        m.Finding switch
        {
            PatrolFindingType.ResidentOnFloor => PatrolFindingKind.ResidentOnFloor,
            PatrolFindingType.BedEmptyAtNight => PatrolFindingKind.BedEmptyAtNight,
            PatrolFindingType.DoorOpen => PatrolFindingKind.DoorOpen,
            PatrolFindingType.WetFloor => PatrolFindingKind.WetFloor,
            PatrolFindingType.WanderingResident => PatrolFindingKind.WanderingResident,
            _ => (PatrolFindingKind)0,
        },
        robotId,
        new AlarmLocation(m.Location.RoomId, AreaId: m.Location.AreaId, X: m.Location.X, Y: m.Location.Y),
        m.ResidentId);

    private static Quantity? Q(CareQuantity? q) => q is null ? null : new Quantity(q.Value, q.Unit);
}
