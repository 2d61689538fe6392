using CareFleet.Contracts.Access;
using CareFleet.Contracts.Vda5050;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CareFleet.Fleet.Robots;

public sealed record RegisterRobotResponse(RegisteredRobot Robot, RobotCredentials Credentials);

public static class RobotsApi
{
    public static RouteGroupBuilder MapRobotsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/fleet/robots").WithTags("Fleet");
        group.MapGet("/", ListAsync).RequireAuthorization(AccessPolicies.Staff);
        group.MapGet("/{manufacturer}/{serialNumber}", GetAsync).RequireAuthorization(AccessPolicies.Staff);
        group.MapPost("/", RegisterAsync).RequireAuthorization(AccessPolicies.Admin);
        group.MapPost("/{manufacturer}/{serialNumber}/credentials", RotateAsync).RequireAuthorization(AccessPolicies.Admin);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<RegisteredRobot>>> ListAsync(RobotRegistry registry, CancellationToken ct) =>
        TypedResults.Ok(await registry.ListAsync(ct));

    private static async Task<Results<Ok<RegisteredRobot>, NotFound>> GetAsync(string manufacturer, string serialNumber, RobotRegistry registry, CancellationToken ct) =>
        await registry.FindAsync(manufacturer, serialNumber, ct) is { } robot ? TypedResults.Ok(robot) : TypedResults.NotFound();

    private static async Task<Results<Created<RegisterRobotResponse>, ValidationProblem, Conflict<ProblemDetails>>> RegisterAsync(
        RobotRegistration request, RobotRegistry registry, HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (Vda5050Topics.ValidateManufacturer(request.Manufacturer) is { } manufacturerError)
        {
            errors["manufacturer"] = [manufacturerError];
        }

        if (Vda5050Topics.ValidateSerialNumber(request.SerialNumber) is { } serialError)
        {
            errors["serialNumber"] = [serialError];
        }

        if (request.Type is null || !RobotTypes.IsKnown(request.Type))
        {
            errors["type"] = [$"Unknown robot type '{request.Type}'. Known: {string.Join(", ", RobotTypes.All)}."];
        }

        if (request.Name is { Length: > 128 })
        {
            errors["name"] = ["At most 128 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            var (robot, credentials) = await registry.RegisterAsync(request, http.User.Identity?.Name ?? "unknown", ct);
            return TypedResults.Created($"/api/fleet/robots/{robot.Manufacturer}/{robot.SerialNumber}", new RegisterRobotResponse(robot, credentials));
        }
        catch (RobotAlreadyRegisteredException e)
        {
            return TypedResults.Conflict(new ProblemDetails { Title = "Robot already registered", Detail = e.Message + " Rotate its credentials instead.", Status = StatusCodes.Status409Conflict });
        }
    }

    private static async Task<Results<Ok<RobotCredentials>, NotFound>> RotateAsync(string manufacturer, string serialNumber, RobotRegistry registry, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await registry.RotateCredentialsAsync(manufacturer, serialNumber, ct));
        }
        catch (UnknownRobotException)
        {
            return TypedResults.NotFound();
        }
    }
}
