using System.Security.Claims;
using CareFleet.Alarms;
using CareFleet.Alarms.Persistence;
using CareFleet.Contracts.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CareFleet.Care.Alarming;

/// <summary>Silence request: minutes, from 1 up to the configured maximum.</summary>
public sealed record SilenceAlarmRequest(int Minutes);

/// <summary>Resolve request: a reason (attended, escalatedToMedicalTeam, falseAlarm, equipmentFault, duplicate, other) and, for "other", a note.</summary>
public sealed record ResolveAlarmRequest(string? Reason, string? Note);

/// <summary><c>/api/alarms</c>: list, acknowledge, silence, resolve and response-time metrics.</summary>
public static class AlarmsApi
{
    private static readonly TimeSpan DefaultHistory = TimeSpan.FromDays(1);
    private static readonly TimeSpan MaxHistory = TimeSpan.FromDays(31);

    /// <summary>Maps the alarm endpoints. Reading needs any staff role; acting needs caregiver, nurse or admin.</summary>
    public static RouteGroupBuilder MapAlarmsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/alarms").WithTags("Alarms").RequireAuthorization(AccessPolicies.Staff);
        group.MapGet("/", ListAsync);
        group.MapGet("/metrics", MetricsAsync);
        group.MapPost("/{id:guid}/acknowledge", (Guid id, ClaimsPrincipal user, AlarmsContext ctx) =>
            ActAsync(ctx, home => home.Acknowledge(id, ctx.Actor(user)))).RequireAuthorization(AccessPolicies.CareStaff);
        group.MapPost("/{id:guid}/silence", (Guid id, SilenceAlarmRequest? body, ClaimsPrincipal user, AlarmsContext ctx) =>
        {
            if (body is null || body.Minutes < 1 || TimeSpan.FromMinutes(body.Minutes) > ctx.AlarmOptions.MaxSilence)
            {
                return Task.FromResult<IResult>(TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["minutes"] = [$"A silence lasts from 1 to {ctx.AlarmOptions.MaxSilence.TotalMinutes:0} minutes; {body?.Minutes.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"} was asked."],
                }));
            }

            return ActAsync(ctx, home => home.Silence(id, ctx.Actor(user), TimeSpan.FromMinutes(body.Minutes)));
        }).RequireAuthorization(AccessPolicies.CareStaff);
        group.MapPost("/{id:guid}/resolve", (Guid id, ResolveAlarmRequest? body, ClaimsPrincipal user, AlarmsContext ctx) =>
        {
            if (body?.Reason is null || !Enum.TryParse<ResolutionReason>(body.Reason, ignoreCase: true, out var reason) || reason == ResolutionReason.Unspecified || !Enum.IsDefined(reason)
                || int.TryParse(body.Reason, out _))
            {
                return Task.FromResult<IResult>(TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["reason"] = [$"A reason is required: one of {string.Join(", ", Enum.GetNames<ResolutionReason>().Skip(1).Select(JsonName))}; '{body?.Reason}' is not one."],
                }));
            }

            if (body.Note is { Length: > 500 })
            {
                return Task.FromResult<IResult>(TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["note"] = ["A note has at most 500 characters."] }));
            }

            return ActAsync(ctx, home => home.Resolve(id, ctx.Actor(user), reason, body.Note));
        }).RequireAuthorization(AccessPolicies.CareStaff);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<AlarmView>>, ValidationProblem>> ListAsync(
        AlarmsContext ctx, AlarmEventStore store, string? state, string? priority, string? residentId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        AlarmPriority? wanted = null;
        if (priority is not null)
        {
            if (!Enum.TryParse<AlarmPriority>(priority, ignoreCase: true, out var p) || !Enum.IsDefined(p) || int.TryParse(priority, out _))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["priority"] = [$"'{priority}' is not high, medium or low."] });
            }

            wanted = p;
        }

        IEnumerable<AlarmView> alarms;
        switch (state?.ToUpperInvariant())
        {
            case null or "OPEN":
                alarms = await ctx.Home.GetOpen();
                break;
            case "HISTORY":
                var now = ctx.Clock.Time.GetUtcNow();
                var end = to ?? now;
                var start = from ?? end - DefaultHistory;
                if (start >= end || end - start > MaxHistory)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = [$"'from' must be before 'to' and the range at most {MaxHistory.TotalDays:0} days."] });
                }

                var events = await store.LoadRaisedBetweenAsync(ctx.Options.HomeId, start, end, ct);
                alarms = events.GroupBy(e => e.AlarmId)
                    .Select(g => AlarmSnapshot.Replay(g.OrderBy(e => e.Sequence)))
                    .OrderByDescending(a => a.RaisedAt)
                    .Select(a => AlarmView.From(a, ctx.AlarmOptions))
                    .ToList();
                break;
            default:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = [$"'{state}' is not 'open' or 'history'."] });
        }

        return TypedResults.Ok<IReadOnlyList<AlarmView>>([.. alarms.Where(a => (wanted is null || a.Priority == wanted.ToString()) && (residentId is null || a.ResidentId == residentId))]);
    }

    private static async Task<Results<Ok<IReadOnlyList<ResponseTimeStats>>, ValidationProblem>> MetricsAsync(
        AlarmsContext ctx, AlarmEventStore store, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        var end = to ?? ctx.Clock.Time.GetUtcNow();
        var start = from ?? end - DefaultHistory;
        if (start >= end || end - start > MaxHistory)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = [$"'from' must be before 'to' and the range at most {MaxHistory.TotalDays:0} days."] });
        }

        var events = await store.LoadRaisedBetweenAsync(ctx.Options.HomeId, start, end, ct);
        var snapshots = events.GroupBy(e => e.AlarmId).Select(g => AlarmSnapshot.Replay(g.OrderBy(e => e.Sequence)));
        return TypedResults.Ok(AlarmResponseMetrics.Compute(snapshots));
    }

    private static async Task<IResult> ActAsync(AlarmsContext ctx, Func<IHomeAlarmsGrain, Task<AlarmCommandResult>> command)
    {
        var result = await command(ctx.Home);
        if (result.Rejection is not { } rejection)
        {
            return TypedResults.Ok(result.Alarm);
        }

        var status = rejection.Code switch
        {
            AlarmRejectionCode.NotFound => StatusCodes.Status404NotFound,
            AlarmRejectionCode.NotAllowedForRole => StatusCodes.Status403Forbidden,
            AlarmRejectionCode.AlreadyAcknowledged or AlarmRejectionCode.AlreadyResolved or AlarmRejectionCode.InvalidState => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(rejection.Message, statusCode: status, title: rejection.Code.ToString());
    }

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>What the alarm endpoints share: the home grain, the options and who the caller is on the rota.</summary>
public sealed class AlarmsContext(IGrainFactory grains, IOptions<AlarmRuntimeOptions> options, IOptions<AlarmOptions> alarmOptions, IStaffRoster roster, CareClock clock)
{
    /// <summary>The runtime options.</summary>
    public AlarmRuntimeOptions Options => options.Value;

    /// <summary>The alarm engine options.</summary>
    public AlarmOptions AlarmOptions => alarmOptions.Value;

    /// <summary>The clock.</summary>
    public CareClock Clock => clock;

    /// <summary>The home's alarm grain.</summary>
    public IHomeAlarmsGrain Home => grains.GetGrain<IHomeAlarmsGrain>(options.Value.HomeId);

    /// <summary>The caller as an alarm actor: their access role, and charge nurse when the rota says so.</summary>
    public AlarmActor Actor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.Identity?.Name ?? "unknown";
        var role = StaffRoles.All.FirstOrDefault(user.IsInRole);
        var charge = roster.OnShiftWithRole(StaffRole.ChargeNurse, clock.Time.GetUtcNow()).Any(s => s.StaffId == id);
        return new AlarmActor(id, AlarmActor.RoleFromAccessRole(role, charge));
    }
}
