using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;

namespace CareFleet.Care.Residents;

/// <summary>One resident in a home's residents file (samples/homes/*/residents.json).</summary>
public sealed record ResidentFileEntry(
    [property: JsonRequired] string Identifier,
    [property: JsonRequired] string FamilyName,
    [property: JsonRequired] string GivenName,
    [property: JsonRequired] DateOnly BirthDate,
    string? Sex,
    string? Language,
    [property: JsonRequired] string RoomId,
    [property: JsonRequired] string BedId);

public sealed class ResidentFileException(string message) : Exception(message);

/// <summary>Admits the residents of a residents file who are not yet in the record (by identifier).</summary>
public sealed class ResidentImport(CareDbContext db, TimeProvider time)
{
    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public static IReadOnlyList<ResidentFileEntry> Parse(string json, string source)
    {
        List<ResidentFileEntry>? entries;
        try
        {
            entries = JsonSerializer.Deserialize<List<ResidentFileEntry>>(json, FileJson);
        }
        catch (JsonException e)
        {
            throw new ResidentFileException($"{source}: not a valid residents file at {e.Path} (line {e.LineNumber + 1}): {e.Message}");
        }

        if (entries is null)
        {
            throw new ResidentFileException($"{source}: expected a JSON array of residents.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var beds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (string.IsNullOrWhiteSpace(e.Identifier))
            {
                throw new ResidentFileException($"{source}: resident [{i}] has no identifier.");
            }

            if (!seen.Add(e.Identifier))
            {
                throw new ResidentFileException($"{source}: resident '{e.Identifier}' appears twice.");
            }

            if (!beds.Add(e.BedId))
            {
                throw new ResidentFileException($"{source}: bed '{e.BedId}' is given to two residents (second: '{e.Identifier}').");
            }
        }

        return entries;
    }

    /// <summary>Admits every resident not yet known; returns how many were admitted.</summary>
    public async Task<int> AdmitMissingAsync(IReadOnlyList<ResidentFileEntry> entries, string admittedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var known = (await db.Residents.Select(r => r.Identifier).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var admitted = 0;
        foreach (var e in entries.Where(e => !known.Contains(e.Identifier)))
        {
            db.Residents.Add(new Resident(e.Identifier, e.FamilyName, e.GivenName, e.BirthDate, e.Sex ?? "unknown", e.Language ?? "zh-Hans", e.RoomId, e.BedId, now, admittedBy));
            admitted++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return admitted;
    }
}
