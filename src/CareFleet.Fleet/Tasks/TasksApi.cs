using CareFleet.Contracts.Access;
using CareFleet.Fleet.Dispatch;
using CareFleet.Fleet.Maps;
using CareFleet.Fleet.Robots;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CareFleet.Fleet.Tasks;

/// <summary>A request for robot work.</summary>
/// <param name="Type">goTo, delivery, patrol, charge or waitWithResident.</param>
/// <param name="Priority">emergency, urgent, scheduled (default) or background.</param>
/// <param name="Places">Target place ids, in visiting order (one for goTo, charge and waitWithResident).</param>
/// <param name="RobotType">The robot type required, or any.</param>
public sealed record CreateFleetTask(string? Type, string? Priority, IReadOnlyList<string>? Places, string? RobotType);

/// <summary>A task as the API shows it.</summary>
public sealed record FleetTaskView(
    Guid Id, string Type, string Priority, IReadOnlyList<string> Places, string? RobotType, string State, string? Reason, string? Robot, int Stop,
    DateTimeOffset CreatedAt, DateTimeOffset? AssignedAt, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string? WaitingReason)
{
    internal static FleetTaskView From(FleetTask t, string? waitingReason = null) => new(
        t.Id, Camel(t.Type.ToString()), Camel(t.Priority.ToString()), t.TargetPlaceIds, t.RequiredRobotType, Camel(t.State.ToString()), t.Reason, t.Robot, t.Stop,
        t.CreatedAt, t.AssignedAt, t.StartedAt, t.EndedAt, waitingReason);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

public static class TasksApi
{
    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/fleet/tasks").WithTags("Fleet");
        group.MapGet("/", ListAsync).RequireAuthorization(AccessPolicies.Staff);
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(AccessPolicies.Staff);
        group.MapPost("/", CreateAsync).RequireAuthorization(AccessPolicies.CareStaff);
        group.MapPost("/{id:guid}/cancel", CancelAsync).RequireAuthorization(AccessPolicies.CareStaff);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<FleetTaskView>>> ListAsync(FleetDbContext db, bool? open, CancellationToken ct)
    {
        var query = db.Tasks.AsNoTracking();
        if (open == true)
        {
            query = query.Where(t => t.State == FleetTaskState.Queued || t.State == FleetTaskState.Assigned || t.State == FleetTaskState.Underway);
        }

        var tasks = await query.OrderByDescending(t => t.CreatedAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<FleetTaskView>>([.. tasks.Select(t => FleetTaskView.From(t))]);
    }

    private static async Task<Results<Ok<FleetTaskView>, NotFound>> GetAsync(Guid id, FleetDbContext db, FleetCoordinator coordinator, CancellationToken ct)
    {
        if (await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is not { } task)
        {
            return TypedResults.NotFound();
        }

        var waiting = task.Robot is null ? null : (await coordinator.StatusAsync(task.Robot))?.WaitingReason;
        return TypedResults.Ok(FleetTaskView.From(task, waiting));
    }

    private static async Task<Results<Created<FleetTaskView>, ValidationProblem>> CreateAsync(
        CreateFleetTask request, FleetDbContext db, HomeMapProvider maps, FleetDispatcher dispatcher, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.TryParse<FleetTaskType>(request.Type, ignoreCase: true, out var type) || !Enum.IsDefined(type) || int.TryParse(request.Type, out _))
        {
            errors["type"] = [$"Unknown task type '{request.Type}'. Known: goTo, delivery, patrol, charge, waitWithResident."];
        }

        var priority = FleetTaskPriority.Scheduled;
        if (request.Priority is not null && (!Enum.TryParse(request.Priority, ignoreCase: true, out priority) || !Enum.IsDefined(priority) || int.TryParse(request.Priority, out _)))
        {
            errors["priority"] = [$"Unknown priority '{request.Priority}'. Known: emergency, urgent, scheduled, background."];
        }

        var places = request.Places ?? [];
        if (places.Count == 0)
        {
            errors["places"] = ["At least one target place is required."];
        }
        else if (type is FleetTaskType.GoTo or FleetTaskType.Charge or FleetTaskType.WaitWithResident && places.Count != 1)
        {
            errors["places"] = [$"A {request.Type} task has exactly one target place; got {places.Count}."];
        }
        else if (maps.Map is not { } map)
        {
            errors["places"] = ["No home map is loaded, so no place can be reached."];
        }
        else if (places.Where(p => string.IsNullOrEmpty(p) || !map.TryGetPlace(p, out _)).ToList() is [var unknown, ..])
        {
            errors["places"] = [$"Place '{unknown}' is not on the map."];
        }
        else if (type == FleetTaskType.Charge && map.Places[places[0]].Kind != Contracts.Maps.PlaceKind.Charger)
        {
            errors["places"] = [$"Place '{places[0]}' is not a charger."];
        }

        if (request.RobotType is not null && !RobotTypes.IsKnown(request.RobotType))
        {
            errors["robotType"] = [$"Unknown robot type '{request.RobotType}'. Known: {string.Join(", ", RobotTypes.All)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var task = new FleetTask(type, priority, places, request.RobotType, http.User.Identity?.Name ?? "unknown", time.GetUtcNow());
        db.Tasks.Add(task);
        await db.SaveChangesAsync(ct);
        dispatcher.Nudge();
        return TypedResults.Created($"/api/fleet/tasks/{task.Id}", FleetTaskView.From(task));
    }

    private static async Task<Results<Ok<FleetTaskView>, NotFound, Conflict<FleetTaskView>>> CancelAsync(Guid id, FleetDispatcher dispatcher, HttpContext http, CancellationToken ct)
    {
        var (task, cancelled) = await dispatcher.CancelAsync(id, $"cancelled by {http.User.Identity?.Name ?? "staff"}", ct);
        if (task is null)
        {
            return TypedResults.NotFound();
        }

        // A task that already ended cannot be cancelled; the answer shows how it ended.
        return cancelled ? TypedResults.Ok(FleetTaskView.From(task)) : TypedResults.Conflict(FleetTaskView.From(task));
    }
}
