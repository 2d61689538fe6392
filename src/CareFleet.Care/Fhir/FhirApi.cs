using System.Text;
using System.Text.Json;
using CareFleet.Care.Audit;
using CareFleet.Care.Medication;
using CareFleet.Contracts.Access;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareFleet.Care.Fhir;

/// <summary>
/// FHIR R4 at /fhir (JSON only, <c>application/fhir+json</c>): metadata, read and search for Patient,
/// MedicationRequest, MedicationAdministration, Consent and AuditEvent, create for MedicationRequest and
/// MedicationAdministration. Every failure answers with an OperationOutcome; every access to a resident's data is
/// audited before the answer leaves.
/// </summary>
public static class FhirApi
{
    public const string ContentType = "application/fhir+json";

    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    public static RouteGroupBuilder MapFhirApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/fhir").WithTags("FHIR").RequireAuthorization(AccessPolicies.Staff);
        group.MapGet("/metadata", (TimeProvider time) => Write(new FhirAnswer(200, FhirStore.Capabilities(time.GetUtcNow()))));

        group.MapGet("/{type}", async (string type, HttpContext http, FhirStore store, AuditTrail audit, CancellationToken ct) =>
        {
            if (!FhirStore.SearchParameters.TryGetValue(type, out var supported))
            {
                return Write(FhirStore.Problem(404, OperationOutcome.IssueType.NotSupported, $"Resource type '{type}' is not served here; see /fhir/metadata."));
            }

            if (type == "AuditEvent" && !http.User.IsInRole(StaffRoles.Admin))
            {
                return Write(FhirStore.Problem(403, OperationOutcome.IssueType.Forbidden, "Only an admin may read the audit trail."));
            }

            FhirQuery query;
            try
            {
                query = FhirQuery.Parse(http.Request.Query, supported, type);
                var (page, total, residents) = await store.SearchAsync(type, query, ct);
                var bundle = Page(http, type, query, page, total);
                foreach (var resident in residents.DefaultIfEmpty())
                {
                    await audit.RecordAsync(http, "search", type, null, resident, 200, ct);
                }

                return Write(new FhirAnswer(200, bundle));
            }
            catch (FhirSearchException e)
            {
                await audit.RecordAsync(http, "search", type, null, null, 400, ct);
                return Write(FhirStore.Problem(400, OperationOutcome.IssueType.NotSupported, e.Message));
            }
        });

        group.MapGet("/{type}/{id}", async (string type, string id, HttpContext http, FhirStore store, AuditTrail audit, CancellationToken ct) =>
        {
            if (type == "AuditEvent" && !http.User.IsInRole(StaffRoles.Admin))
            {
                return Write(FhirStore.Problem(403, OperationOutcome.IssueType.Forbidden, "Only an admin may read the audit trail."));
            }

            var answer = await store.ReadAsync(type, id, ct);
            await audit.RecordAsync(http, "read", type, id, answer.ResidentId ?? (type == "Patient" ? id : null), answer.Status, ct);
            return Write(answer);
        });

        group.MapPost("/{type}", async (string type, HttpContext http, FhirStore store, AuditTrail audit, CancellationToken ct) =>
        {
            var answer = await CreateAsync(type, http, store, ct);
            await audit.RecordAsync(http, "create", type, answer.Resource.Id, answer.ResidentId, answer.Status, ct);
            if (answer.Location is { } location)
            {
                http.Response.Headers.Location = $"{BaseUrl(http)}/{location}";
            }

            return Write(answer);
        }).RequireAuthorization(AccessPolicies.Clinical);

        return group;
    }

    private static async Task<FhirAnswer> CreateAsync(string type, HttpContext http, FhirStore store, CancellationToken ct)
    {
        if (type is not ("MedicationRequest" or "MedicationAdministration"))
        {
            return FhirStore.Problem(405, OperationOutcome.IssueType.NotSupported, $"Create is not supported for '{type}'; see /fhir/metadata.");
        }

        var contentType = http.Request.ContentType ?? string.Empty;
        if (!contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return FhirStore.Problem(415, OperationOutcome.IssueType.NotSupported, $"Send the resource as {ContentType}.");
        }

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct);
        Resource? resource;
        IEnumerable<Hl7.Fhir.Utility.CodedException>? issues;
        try
        {
            var reader = new Utf8JsonReader(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            Deserializer.TryDeserializeResource(ref reader, out resource, out issues);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or DeserializationFailedException)
        {
            return FhirStore.Problem(400, OperationOutcome.IssueType.Structure, "The body is not a FHIR resource in JSON: " + e.Message);
        }

        if (issues?.ToList() is { Count: > 0 } problems)
        {
            return FhirStore.Problem(400, OperationOutcome.IssueType.Structure, "The resource is not valid FHIR R4: " + string.Join("; ", problems.Take(5).Select(p => p.Message)));
        }

        if (resource is null || resource.TypeName != type)
        {
            return FhirStore.Problem(400, OperationOutcome.IssueType.Invalid, $"The body must be a {type}, not {resource?.TypeName ?? "nothing"}.");
        }

        var actor = MedicationApi.Actor(http);
        return resource switch
        {
            MedicationRequest mr => await store.CreateMedicationRequestAsync(mr, actor, ct),
            MedicationAdministration ma => await store.CreateMedicationAdministrationAsync(ma, actor, ct),
            _ => FhirStore.Problem(405, OperationOutcome.IssueType.NotSupported, $"Create is not supported for '{type}'."),
        };
    }

    private static Bundle Page(HttpContext http, string type, FhirQuery query, IReadOnlyList<Resource> page, int total)
    {
        var self = $"{BaseUrl(http)}/{type}";
        string Link(int offset)
        {
            var parts = query.Values.SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v)}"))
                .Append($"_count={query.Count}").Append($"_offset={offset}");
            return self + "?" + string.Join('&', parts);
        }

        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Total = total,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = Link(query.Offset) }],
            Entry = [.. page.Select(r => new Bundle.EntryComponent
            {
                FullUrl = $"{self}/{r.Id}",
                Resource = r,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            })],
        };
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "first", Url = Link(0) });
        if (query.Offset + query.Count < total)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = Link(query.Offset + query.Count) });
        }

        if (query.Offset > 0)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "previous", Url = Link(Math.Max(0, query.Offset - query.Count)) });
        }

        return bundle;
    }

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}/fhir";

    private static IResult Write(FhirAnswer answer) =>
        Results.Text(answer.Resource.ToJson(false), ContentType, Encoding.UTF8, answer.Status);
}
