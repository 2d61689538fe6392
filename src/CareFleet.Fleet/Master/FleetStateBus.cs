using CareFleet.Contracts.Vda5050;

namespace CareFleet.Fleet.Master;

/// <summary>
/// Valid robot reports as the master control accepted them, for the parts that act on them (the dispatch
/// coordinator). Handlers run on the master control's receive path and must only queue work.
/// </summary>
public sealed class FleetStateBus
{
    /// <summary>A valid state of robot "{manufacturer}/{serialNumber}".</summary>
    public event Action<string, AgvState>? State;

    /// <summary>A valid connection message.</summary>
    public event Action<string, Connection>? Connection;

    /// <summary>A valid factsheet.</summary>
    public event Action<string, Factsheet>? Factsheet;

    internal void PublishState(string robot, AgvState state) => State?.Invoke(robot, state);

    internal void PublishConnection(string robot, Connection connection) => Connection?.Invoke(robot, connection);

    internal void PublishFactsheet(string robot, Factsheet factsheet) => Factsheet?.Invoke(robot, factsheet);
}
