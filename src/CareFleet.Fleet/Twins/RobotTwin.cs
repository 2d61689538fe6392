using System.Collections.Concurrent;

namespace CareFleet.Fleet.Twins;

/// <summary>What the fleet knows of one robot right now.</summary>
[GenerateSerializer, Immutable]
public sealed record RobotTwinSnapshot(
    [property: Id(0)] string Manufacturer,
    [property: Id(1)] string SerialNumber,
    [property: Id(2)] string Connection,
    [property: Id(3)] RobotPosition? Position,
    [property: Id(4)] double? BatteryCharge,
    [property: Id(5)] bool Charging,
    [property: Id(6)] string? OperatingMode,
    [property: Id(7)] bool Driving,
    [property: Id(8)] bool Paused,
    [property: Id(9)] int Warnings,
    [property: Id(10)] int FatalErrors,
    [property: Id(11)] string? OrderId,
    [property: Id(12)] DateTimeOffset? LastStateAt,
    [property: Id(13)] DateTimeOffset? ConnectionChangedAt)
{
    public string Key => $"{Manufacturer}/{SerialNumber}";

    public static RobotTwinSnapshot Unknown(string manufacturer, string serialNumber) =>
        new(manufacturer, serialNumber, ConnectionStates.Unknown, null, null, false, null, false, false, 0, 0, null, null, null);
}

[GenerateSerializer, Immutable]
public sealed record RobotPosition([property: Id(0)] double X, [property: Id(1)] double Y, [property: Id(2)] double Theta, [property: Id(3)] string MapId, [property: Id(4)] bool Initialized);

/// <summary>The connection states of VDA 5050's connection topic, plus Unknown before the first message.</summary>
public static class ConnectionStates
{
    public const string Online = "ONLINE";
    public const string Offline = "OFFLINE";
    public const string ConnectionBroken = "CONNECTIONBROKEN";
    public const string Unknown = "UNKNOWN";
}

/// <summary>A robot's state message, reduced to what its twin keeps.</summary>
[GenerateSerializer, Immutable]
public sealed record RobotStateReport(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] RobotPosition? Position,
    [property: Id(2)] double? BatteryCharge,
    [property: Id(3)] bool Charging,
    [property: Id(4)] string OperatingMode,
    [property: Id(5)] bool Driving,
    [property: Id(6)] bool Paused,
    [property: Id(7)] int Warnings,
    [property: Id(8)] int FatalErrors,
    [property: Id(9)] string? OrderId);

/// <summary>The live twin of one robot, keyed "{manufacturer}/{serialNumber}".</summary>
public interface IRobotTwinGrain : IGrainWithStringKey
{
    Task ReportConnection(string connectionState, DateTimeOffset at);

    Task ReportState(RobotStateReport report);

    Task<RobotTwinSnapshot> GetSnapshot();
}

/// <summary>
/// The latest snapshot of every twin on this node, and an event when one changes, for the dashboard.
/// In cluster mode each node's feed sees the twins it hosts.
/// </summary>
public sealed class FleetLiveFeed
{
    private readonly ConcurrentDictionary<string, RobotTwinSnapshot> _twins = new(StringComparer.Ordinal);

    public event Action<RobotTwinSnapshot>? Changed;

    public IReadOnlyCollection<RobotTwinSnapshot> All => _twins.Values.ToArray();

    public int CountOnline => _twins.Values.Count(t => t.Connection == ConnectionStates.Online);

    public void Publish(RobotTwinSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _twins[snapshot.Key] = snapshot;
        Changed?.Invoke(snapshot);
    }
}

internal sealed class RobotTwinGrain(FleetLiveFeed feed) : Grain, IRobotTwinGrain
{
    private RobotTwinSnapshot _snapshot = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        _snapshot = RobotTwinSnapshot.Unknown(key[..slash], key[(slash + 1)..]);
        return Task.CompletedTask;
    }

    public Task ReportConnection(string connectionState, DateTimeOffset at)
    {
        // Out-of-order delivery: never let an older connection message overwrite a newer one.
        if (_snapshot.ConnectionChangedAt is { } last && at < last)
        {
            return Task.CompletedTask;
        }

        _snapshot = _snapshot with { Connection = connectionState, ConnectionChangedAt = at };
        feed.Publish(_snapshot);
        return Task.CompletedTask;
    }

    public Task ReportState(RobotStateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (_snapshot.LastStateAt is { } last && report.At < last)
        {
            return Task.CompletedTask;
        }

        _snapshot = _snapshot with
        {
            Position = report.Position ?? _snapshot.Position,
            BatteryCharge = report.BatteryCharge,
            Charging = report.Charging,
            OperatingMode = report.OperatingMode,
            Driving = report.Driving,
            Paused = report.Paused,
            Warnings = report.Warnings,
            FatalErrors = report.FatalErrors,
            OrderId = report.OrderId,
            LastStateAt = report.At,
        };
        feed.Publish(_snapshot);
        return Task.CompletedTask;
    }

    public Task<RobotTwinSnapshot> GetSnapshot() => Task.FromResult(_snapshot);
}
