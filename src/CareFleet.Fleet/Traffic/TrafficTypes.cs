using CareFleet.Fleet.Routing;

namespace CareFleet.Fleet.Traffic;

/// <summary>Traffic settings.</summary>
public sealed class TrafficOptions
{
    /// <summary>How many nodes ahead of a robot's last reached node may be granted at once. Default 6.</summary>
    public int MaxGrantNodes { get; set; } = 6;

    /// <summary>How many steps a robot may back off to break a deadlock. Default 12.</summary>
    public int MaxBackOffSteps { get; set; } = 12;

    /// <summary>
    /// How long a deadlock may wait for room to open up (robots still driving past free nodes) before it is
    /// reported as unresolved for staff. Default 60 s.
    /// </summary>
    public TimeSpan EscalateDeadlockAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The home's time zone for quiet hours. Default UTC.</summary>
    public TimeZoneInfo HomeTimeZone { get; set; } = TimeZoneInfo.Utc;
}

/// <summary>Where a robot stands in traffic.</summary>
public sealed record TrafficStatus
{
    /// <summary>Robot id.</summary>
    public required string RobotId { get; init; }

    /// <summary>Last node the robot reached.</summary>
    public required string LastNodeId { get; init; }

    /// <summary>The route, when it has one.</summary>
    public Route? Route { get; init; }

    /// <summary>Index into the route's nodes of the last node reached.</summary>
    public int ReachedIndex { get; init; }

    /// <summary>
    /// Index into the route's nodes up to which the robot may drive: the VDA 5050 base ends at
    /// <c>Route.NodeIds[GrantedIndex]</c>, the rest is horizon.
    /// </summary>
    public int GrantedIndex { get; init; }

    /// <summary>Node where any new route must start (the end of the base, which cannot be changed).</summary>
    public required string PlanFromNodeId { get; init; }

    /// <summary>Why the robot cannot go further now, for staff: e.g. "waiting for lift LIFT-A, held by MED-2, ~40 s".</summary>
    public string? WaitingReason { get; init; }

    /// <summary>The robot it waits for, when another robot.</summary>
    public string? WaitingFor { get; init; }

    /// <summary>Since when it has been waiting.</summary>
    public DateTimeOffset? WaitingSince { get; init; }

    /// <summary>
    /// True while the robot waits on a free node after backing off from a deadlock; it resumes its goal by
    /// itself, so do not give it new work until this is false.
    /// </summary>
    public bool IsGivingWay { get; init; }

    /// <summary>Node and edge ids it holds now.</summary>
    public IReadOnlyList<string> Holding { get; init; } = [];
}

/// <summary>A change the host must send to a robot as a VDA 5050 order or order update.</summary>
/// <param name="RobotId">Robot.</param>
/// <param name="Route">The robot's (possibly new) route.</param>
/// <param name="GrantedIndex">The base now ends at <c>Route.NodeIds[GrantedIndex]</c>.</param>
/// <param name="RouteChanged">True when the route itself changed (a reroute or a back-off), not just the base.</param>
/// <param name="Reason">Why it changed, for logs and staff.</param>
/// <param name="PreviousGrantedIndex">
/// Index in <paramref name="Route"/> of the node where the base ended before this change (0 for a robot that had
/// no route): the decision point an order update must start from (pass it as <c>fromIndex</c> to
/// <c>OrderBuilder.Build</c> with that node's sequence id).
/// </param>
public sealed record GrantUpdate(string RobotId, Route Route, int GrantedIndex, bool RouteChanged, string? Reason, int PreviousGrantedIndex);

/// <summary>How a deadlock was dealt with.</summary>
public enum DeadlockResolution
{
    /// <summary>A robot in the cycle took another route.</summary>
    Rerouted,

    /// <summary>A robot in the cycle backed off to a free node.</summary>
    BackedOff,

    /// <summary>An idle robot in the way moved to a free node.</summary>
    MovedIdleRobot,

    /// <summary>Nothing could be done; staff must help.</summary>
    Unresolved,
}

/// <summary>A detected deadlock and what was done about it.</summary>
/// <param name="Robots">Robots in the cycle (or the waiting robot and the idle one).</param>
/// <param name="Resolution">What was done.</param>
/// <param name="Victim">Robot that gave way.</param>
/// <param name="Description">Human-readable account.</param>
/// <param name="At">When.</param>
public sealed record DeadlockReport(IReadOnlyList<string> Robots, DeadlockResolution Resolution, string? Victim, string Description, DateTimeOffset At);

/// <summary>Outcome of a traffic command.</summary>
/// <param name="Succeeded">True when applied.</param>
/// <param name="Error">Why not.</param>
/// <param name="Update">The grant to send, when any.</param>
public sealed record TrafficResult(bool Succeeded, string? Error, GrantUpdate? Update = null)
{
    internal static TrafficResult Fail(string error) => new(false, error);
}
