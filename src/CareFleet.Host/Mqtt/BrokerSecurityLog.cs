using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CareFleet.Host.Mqtt;

public sealed record BrokerRefusal(DateTimeOffset At, string? UserName, string? ClientId, string Action, string Detail);

/// <summary>
/// Every refused broker connection, publish and subscription: logged, counted, and kept (the last 500)
/// for the admin page and for tests.
/// </summary>
public sealed partial class BrokerSecurityLog(TimeProvider time, ILogger<BrokerSecurityLog> logger, IMeterFactory meters)
{
    private const int Capacity = 500;
    private readonly ConcurrentQueue<BrokerRefusal> _recent = new();
    private readonly Counter<long> _refusals = meters.Create("CareFleet.Mqtt").CreateCounter<long>("carefleet.mqtt.refusals", description: "Broker connections, publishes and subscriptions refused");

    public IReadOnlyList<BrokerRefusal> Recent => _recent.ToArray();

    public void Refused(string? userName, string? clientId, string action, string detail)
    {
        _recent.Enqueue(new BrokerRefusal(time.GetUtcNow(), userName, clientId, action, detail));
        while (_recent.Count > Capacity && _recent.TryDequeue(out _))
        {
        }

        _refusals.Add(1, new KeyValuePair<string, object?>("action", action));
        LogRefused(logger, action, userName ?? "(none)", clientId ?? "(none)", detail);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker refused {Action} by user {UserName} (client {ClientId}): {Detail}")]
    private static partial void LogRefused(ILogger logger, string action, string userName, string clientId, string detail);
}
