using CareFleet.Contracts.Vda5050;
using CareFleet.Contracts.Vda5050.Validation;
using CareFleet.Fleet.Twins;
using Microsoft.Extensions.Logging;

namespace CareFleet.Fleet.Master;

/// <summary>The outcome of a command: sent, or why not.</summary>
public sealed record SendResult(bool Sent, string? Refusal)
{
    internal static SendResult Ok { get; } = new(true, null);

    internal static SendResult Refused(string reason) => new(false, reason);
}

/// <summary>
/// Sends <c>order</c> and <c>instantActions</c> to robots through the master control's connection: fills the
/// header (headerId counting per robot and topic), checks the message against the schema before it leaves,
/// and never commands a robot that is not online or not in AUTOMATIC/SEMIAUTOMATIC mode.
/// </summary>
public sealed partial class RobotCommandSender(MasterControl master, IGrainFactory grains, TimeProvider time, ILogger<RobotCommandSender> logger)
{
    private readonly Dictionary<(string Robot, Vda5050Topic Topic), uint> _headerIds = [];
    private readonly Lock _gate = new();

    /// <summary>Sends an order or order update; the header fields of <paramref name="order"/> are replaced.</summary>
    public Task<SendResult> SendOrderAsync(string manufacturer, string serialNumber, Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return SendAsync(manufacturer, serialNumber, Vda5050Topic.Order, header => order with
        {
            HeaderId = header,
            Timestamp = time.GetUtcNow(),
            Version = Vda5050Versions.Current,
            Manufacturer = manufacturer,
            SerialNumber = serialNumber,
        }, cancellationToken);
    }

    /// <summary>Sends instant actions (cancelOrder, startPause, stopPause, initPosition, factsheetRequest, …).</summary>
    public Task<SendResult> SendInstantActionsAsync(string manufacturer, string serialNumber, IReadOnlyList<Vda5050Action> actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return SendAsync(manufacturer, serialNumber, Vda5050Topic.InstantActions, header => new InstantActions
        {
            HeaderId = header,
            Timestamp = time.GetUtcNow(),
            Version = Vda5050Versions.Current,
            Manufacturer = manufacturer,
            SerialNumber = serialNumber,
            Actions = actions,
        }, cancellationToken);
    }

    /// <summary>Why the robot may not be commanded now, or null when it may.</summary>
    public static string? WhyNotCommandable(RobotTwinSnapshot twin)
    {
        ArgumentNullException.ThrowIfNull(twin);
        if (twin.Connection != ConnectionStates.Online)
        {
            return $"robot {twin.Key} is {twin.Connection.ToLowerInvariant()}";
        }

        // VDA 5050 6.10.6: in MANUAL and SERVICE the robot is under a person's control; the master must not drive it.
        return twin.OperatingMode is "AUTOMATIC" or "SEMIAUTOMATIC"
            ? null
            : $"robot {twin.Key} is in {twin.OperatingMode ?? "an unknown"} mode";
    }

    private async Task<SendResult> SendAsync<T>(string manufacturer, string serialNumber, Vda5050Topic topic, Func<uint, T> create, CancellationToken cancellationToken) where T : Vda5050Message
    {
        var key = $"{manufacturer}/{serialNumber}";
        var topicName = Vda5050Topics.Name(topic);
        var twin = await grains.GetGrain<IRobotTwinGrain>(key).GetSnapshot();
        if (WhyNotCommandable(twin) is { } refusal)
        {
            LogRefused(logger, key, topicName, refusal);
            return SendResult.Refused(refusal);
        }

        uint header;
        lock (_gate)
        {
            // VDA 5050 6.2: headerId counts up by one per message, separately on each topic of each robot.
            _headerIds.TryGetValue((key, topic), out header);
            _headerIds[(key, topic)] = header + 1;
        }

        var payload = Vda5050Json.Serialize(create(header));
        var validation = Vda5050Validator.Validate(topic, payload);
        if (!validation.IsValid)
        {
            var reason = "outgoing message is not valid: " + validation.Describe();
            LogRefused(logger, key, topicName, reason);
            return SendResult.Refused(reason);
        }

        if (!await master.PublishAsync(Vda5050Topics.Build(manufacturer, serialNumber, topic), payload, cancellationToken))
        {
            return SendResult.Refused("master control is not connected to the broker");
        }

        LogSent(logger, key, topicName, header, payload.Length);
        return SendResult.Ok;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Not sending {Topic} to {Robot}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string robot, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sent {Topic} #{HeaderId} to {Robot} ({Length} bytes)")]
    private static partial void LogSent(ILogger logger, string robot, string topic, uint headerId, int length);
}
