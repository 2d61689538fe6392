using CareFleet.Care.Audit;
using CareFleet.Contracts.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CareFleet.Care.Medication;

/// <summary>The eMAR over HTTP: orders, due doses, bedside handover decisions, outcomes, corrections and figures.</summary>
public static class MedicationApi
{
    private static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(31);

    public static RouteGroupBuilder MapMedicationApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/medication").WithTags("Medication").RequireAuthorization(AccessPolicies.Staff);

        group.MapPost("/orders", async (OrderInput input, MedicationService service, AuditTrail audit, HttpContext http, CancellationToken ct) =>
        {
            var result = await service.CreateOrderAsync(input, Actor(http), ct);
            return await Audited(http, audit, "create", "MedicationRequest", input.OrderId, input.ResidentId,
                Respond(result, v => TypedResults.Created($"/api/medication/orders/{Uri.EscapeDataString(v.OrderId)}", v)), ct);
        }).RequireAuthorization(AccessPolicies.Clinical);

        group.MapGet("/orders", async (string? residentId, MedicationService service, AuditTrail audit, HttpContext http, CancellationToken ct) =>
            await Audited(http, audit, "search", "MedicationRequest", null, residentId, TypedResults.Ok(await service.ListOrdersAsync(residentId, ct)), ct));

        group.MapGet("/orders/{orderId}", async (string orderId, MedicationService service, AuditTrail audit, HttpContext http, CancellationToken ct) =>
        {
            var order = await service.FindOrderAsync(orderId, ct);
            return await Audited(http, audit, "read", "MedicationRequest", orderId, order?.ResidentId,
                order is null ? TypedResults.Problem($"No order '{orderId}'.", statusCode: 404) : TypedResults.Ok(order), ct);
        });

        group.MapPost("/orders/{orderId}/holds", async (string orderId, HoldInput input, MedicationService service, AuditTrail audit, HttpContext http, CancellationToken ct) =>
        {
            var result = await service.PlaceHoldAsync(orderId, input, Actor(http), ct);
            return await Audited(http, audit, "update", "MedicationRequest", orderId, result.Value?.ResidentId, Respond(result, TypedResults.Ok), ct);
        }).RequireAuthorization(AccessPolicies.Clinical);

        group.MapGet("/doses", async (string? floor, DateTimeOffset? from, DateTimeOffset? to, MedicationService service, TimeProvider time, AuditTrail audit, HttpContext http, CancellationToken ct) =>
        {
            var now = time.GetUtcNow();
            var (start, end) = (from ?? now.AddHours(-2), to ?? now.AddHours(4));
            if (Period(start, end) is { } bad)
            {
                return bad;
            }

            return await Audited(http, audit, "search", "MedicationDose", floor, null, TypedResults.Ok(await service.DueDosesAsync(floor, start, end, ct)), ct);
        });

        group.MapPost("/handovers", async (HandoverInput input, MedicationService service, AuditTrail audit, HttpContext http, CancellationToken ct) =>
        {
            var result = await service.DecideAsync(input, Actor(http), ct);
            return await Audited(http, audit, "create", "HandoverDecision", input.DoseId, null, Respond(result, TypedResults.Ok), ct);
        }).RequireAuthorization(AccessPolicies.Clinical);

        group.MapGet("/handovers/unresolved", async (MedicationService service, AuditTrail audit, HttpContext http, CancellationToken ct) =>
            await Audited(http, audit, "search", "UnresolvedHandover", null, null, TypedResults.Ok(await service.UnresolvedHandoversAsync(ct)), ct))
            .RequireAuthorization(AccessPolicies.CareStaff);

        group.MapGet("/handovers/holds", async (DateTimeOffset? since, MedicationService service, TimeProvider time, AuditTrail audit, HttpContext http, CancellationToken ct) =>
            await Audited(http, audit, "search", "HeldHandover", null, null,
                TypedResults.Ok(await service.HoldsSinceAsync(since ?? time.GetUtcNow().AddHours(-12), ct)), ct)).RequireAuthorization(AccessPolicies.CareStaff);

        group.MapPost("/outcomes", async (OutcomeInput input, MedicationService service, AuditTrail audit, HttpContext http, CancellationToken ct) =>
        {
            var result = await service.RecordOutcomeAsync(input, Actor(http), ct);
            return await Audited(http, audit, "create", "MedicationAdministration", input.DoseId, (result.Value is { Records.Count: > 0 } v0 ? v0.Records[0].ResidentId : null),
                Respond(result, v => v.Status == "Recorded" ? TypedResults.Created((string?)null, v) : TypedResults.Ok(v)), ct);
        }).RequireAuthorization(AccessPolicies.Clinical);

        group.MapPost("/corrections", async (CorrectionInput input, MedicationService service, AuditTrail audit, HttpContext http, CancellationToken ct) =>
        {
            var result = await service.CorrectAsync(input, Actor(http), ct);
            return await Audited(http, audit, "update", "MedicationAdministration", input.RecordId, (result.Value is { Records.Count: > 0 } v0 ? v0.Records[0].ResidentId : null),
                Respond(result, TypedResults.Ok), ct);
        }).RequireAuthorization(AccessPolicies.Clinical);

        group.MapPost("/prn-assessments", async (EffectivenessInput input, MedicationService service, AuditTrail audit, HttpContext http, CancellationToken ct) =>
            await Audited(http, audit, "create", "PrnAssessment", input.DoseId, null, Respond(await service.RecordEffectivenessAsync(input, Actor(http), ct), TypedResults.Ok), ct))
            .RequireAuthorization(AccessPolicies.Clinical);

        group.MapGet("/prn-follow-ups", async (MedicationService service, TimeProvider time, AuditTrail audit, HttpContext http, CancellationToken ct) =>
        {
            var now = time.GetUtcNow();
            var open = (await service.OpenFollowUpsAsync(ct)).Select(f => new { DoseId = f.DoseId.Value, f.ResidentId, f.DueAt, State = f.StateAt(now).ToString() }).ToList();
            return await Audited(http, audit, "search", "PrnFollowUp", null, null, TypedResults.Ok(open), ct);
        });

        group.MapGet("/residents/{residentId}/history", async (string residentId, MedicationService service, AuditTrail audit, HttpContext http, CancellationToken ct) =>
            await Audited(http, audit, "read", "MedicationAdministration", null, residentId,
                TypedResults.Ok((await service.HistoryAsync(residentId, ct)).Select(RecordView.Of).ToList()), ct));

        group.MapGet("/error-rate", async (DateTimeOffset? from, DateTimeOffset? to, MedicationService service, TimeProvider time, CancellationToken ct) =>
        {
            var now = time.GetUtcNow();
            var (start, end) = (from ?? now.AddDays(-1), to ?? now);
            return Period(start, end) is { } bad ? (IResult)bad : TypedResults.Ok(await service.ErrorRateAsync(start, end, ct));
        });

        group.MapGet("/rounds/summary", async (string? floor, DateTimeOffset? passStart, DateTimeOffset? passEnd, MedicationService service, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(floor))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["floor"] = ["The floor is required, e.g. F1."] });
            }

            if (passStart is null || passEnd is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [passStart is null ? "passStart" : "passEnd"] = ["The pass start and end are required."] });
            }

            return Period(passStart.Value, passEnd.Value) is { } bad ? (IResult)bad : TypedResults.Ok(await service.RoundSummaryAsync(floor, passStart.Value, passEnd.Value, ct));
        });

        return group;
    }

    public static RouteGroupBuilder MapConsentsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/consents").WithTags("Consents").RequireAuthorization(AccessPolicies.Staff);
        group.MapGet("/", async (string? residentId, MedicationService service, AuditTrail audit, HttpContext http, CancellationToken ct) =>
            await Audited(http, audit, "search", "Consent", null, residentId, TypedResults.Ok(await service.ListConsentsAsync(residentId, ct)), ct));
        group.MapPost("/", async (ConsentInput input, MedicationService service, AuditTrail audit, HttpContext http, CancellationToken ct) =>
        {
            var result = await service.GrantConsentAsync(input, Actor(http), ct);
            return await Audited(http, audit, "create", "Consent", result.Value?.Id.ToString(), input.ResidentId,
                Respond(result, v => TypedResults.Created($"/api/consents/{v.Id}", v)), ct);
        }).RequireAuthorization(AccessPolicies.Clinical);
        group.MapPost("/{id:guid}/revoke", async (Guid id, MedicationService service, AuditTrail audit, HttpContext http, CancellationToken ct) =>
        {
            var result = await service.RevokeConsentAsync(id, Actor(http), ct);
            return await Audited(http, audit, "update", "Consent", id.ToString(), result.Value?.ResidentId, Respond(result, TypedResults.Ok), ct);
        }).RequireAuthorization(AccessPolicies.Clinical);

        endpoints.MapPost("/api/face-templates", async (FaceEnrollmentInput input, MedicationService service, AuditTrail audit, HttpContext http, CancellationToken ct) =>
        {
            var result = await service.EnrollFaceAsync(input, Actor(http), ct);
            return await Audited(http, audit, "create", "FaceTemplate", null, input.ResidentId,
                Respond(result, count => TypedResults.Ok(new { input.ResidentId, Templates = count })), ct);
        }).WithTags("Consents").RequireAuthorization(AccessPolicies.Clinical);
        return group;
    }

    internal static string Actor(HttpContext http) => http.User.Identity?.Name ?? "unknown";

    internal static IResult Respond<T>(ServiceResult<T> result, Func<T, IResult> ok) =>
        result.Errors is { } errors ? TypedResults.ValidationProblem(errors)
        : result.NotFound is { } missing ? TypedResults.Problem(missing, statusCode: StatusCodes.Status404NotFound)
        : result.Conflict is { } conflict ? TypedResults.Problem(conflict, statusCode: StatusCodes.Status409Conflict)
        : ok(result.Value!);

    private static ValidationProblem? Period(DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["The period must end after it starts."] })
        : to - from > MaxPeriod ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["The period may span at most 31 days."] })
        : null;

    private static async Task<IResult> Audited(HttpContext http, AuditTrail audit, string action, string type, string? id, string? residentId, IResult result, CancellationToken ct)
    {
        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        await audit.RecordAsync(http, action, type, id, residentId, status, ct);
        return result;
    }
}
