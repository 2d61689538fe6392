using CareFleet.Contracts.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CareFleet.Fleet.Dispatch;

/// <summary>Where a robot is in traffic and, when it waits, why ("waiting for lift L1, held by MED-2").</summary>
public sealed record RobotTrafficView(
    string Robot, string LastNodeId, string PlanFromNodeId, IReadOnlyList<string> Route, int ReachedIndex, int GrantedIndex,
    string? WaitingReason, string? WaitingFor, DateTimeOffset? WaitingSince, bool GivingWay, IReadOnlyList<string> Holding);

public static class TrafficApi
{
    public static RouteGroupBuilder MapTrafficApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/fleet/traffic").WithTags("Fleet");
        group.MapGet("/{manufacturer}/{serialNumber}", GetAsync).RequireAuthorization(AccessPolicies.Staff);
        return group;
    }

    private static async Task<Results<Ok<RobotTrafficView>, NotFound>> GetAsync(string manufacturer, string serialNumber, FleetCoordinator coordinator)
    {
        var robot = $"{manufacturer}/{serialNumber}";
        if (await coordinator.StatusAsync(robot) is not { } status)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new RobotTrafficView(
            robot, status.LastNodeId, status.PlanFromNodeId, status.Route?.NodeIds ?? [], status.ReachedIndex, status.GrantedIndex,
            status.WaitingReason, status.WaitingFor, status.WaitingSince, status.IsGivingWay, status.Holding));
    }
}
