using CareFleet.Contracts.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CareFleet.Care.Residents;

public sealed record ResidentSummary(Guid Id, string Identifier, string FamilyName, string GivenName, DateOnly BirthDate, string Sex, string Language, string RoomId, string BedId, DateTimeOffset AdmittedAt)
{
    internal static ResidentSummary From(Resident r) => new(r.Id, r.Identifier, r.FamilyName, r.GivenName, r.BirthDate, r.Sex, r.Language, r.RoomId, r.BedId, r.AdmittedAt);
}

/// <summary>Reads of the resident list.</summary>
public sealed class ResidentDirectory(CareDbContext db)
{
    public async Task<IReadOnlyList<ResidentSummary>> ListCurrentAsync(CancellationToken cancellationToken)
    {
        var residents = await db.Residents.AsNoTracking().Where(r => r.DischargedAt == null).OrderBy(r => r.RoomId).ThenBy(r => r.BedId).ToListAsync(cancellationToken);
        return residents.ConvertAll(ResidentSummary.From);
    }

    public async Task<ResidentSummary?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is { } r ? ResidentSummary.From(r) : null;

    public Task<int> CountCurrentAsync(CancellationToken cancellationToken) => db.Residents.CountAsync(r => r.DischargedAt == null, cancellationToken);
}

public static class ResidentsApi
{
    public static RouteGroupBuilder MapResidentsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/residents").WithTags("Residents").RequireAuthorization(AccessPolicies.Staff);
        group.MapGet("/", async (ResidentDirectory directory, CancellationToken ct) => TypedResults.Ok(await directory.ListCurrentAsync(ct)));
        group.MapGet("/{id:guid}", async Task<Results<Ok<ResidentSummary>, NotFound>> (Guid id, ResidentDirectory directory, CancellationToken ct) =>
            await directory.FindAsync(id, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound());
        return group;
    }
}
