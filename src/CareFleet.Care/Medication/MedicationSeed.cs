using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFleet.Care.Medication;

/// <summary>A resident's wristband code and allergies in a medication file.</summary>
public sealed record ProfileFileEntry(string ResidentId, string? Wristband, IReadOnlyList<string>? Allergies);

/// <summary>A consent in a medication file.</summary>
public sealed record ConsentFileEntry(string ResidentId, string Kind, string? Source);

/// <summary>A home's medication file (samples/homes/*/medication.json): profiles, consents and orders.</summary>
public sealed record MedicationFile(IReadOnlyList<ProfileFileEntry>? Profiles, IReadOnlyList<ConsentFileEntry>? Consents, IReadOnlyList<OrderInput>? Orders);

public sealed class MedicationFileException(string message) : Exception(message);

/// <summary>
/// Loads a home's medication file at demo start: what is already there (an order id, a resident's consent of a kind,
/// a profile) is left alone, so starting the demo again adds nothing twice.
/// </summary>
public sealed class MedicationSeed(MedicationService service, MedicationDbContext db, TimeProvider time)
{
    public const string FileName = "medication.json";
    private const string SeededBy = "sample home";

    /// <summary>
    /// Loads <c>medication.json</c> from <paramref name="homeDirectory"/> if the home has one; returns how many orders
    /// were added. Throws <see cref="MedicationFileException"/> naming the file and what is wrong with it.
    /// </summary>
    public static async Task<int> LoadSampleAsync(IServiceProvider services, string homeDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var path = Path.Combine(homeDirectory, FileName);
        if (!File.Exists(path))
        {
            return 0;
        }

        var file = Parse(await File.ReadAllTextAsync(path, cancellationToken), path);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MedicationSeed>().ApplyAsync(file, path, cancellationToken);
    }

    public static MedicationFile Parse(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<MedicationFile>(json, MedicationJson.Options)
                ?? throw new MedicationFileException($"{source}: expected an object with profiles, consents and orders.");
        }
        catch (JsonException e)
        {
            throw new MedicationFileException($"{source}: not a valid medication file at {e.Path} (line {e.LineNumber + 1}): {e.Message}");
        }
    }

    public async Task<int> ApplyAsync(MedicationFile file, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var known = (await db.Profiles.Select(p => p.ResidentId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var p in file.Profiles ?? [])
        {
            if (!known.Contains(p.ResidentId))
            {
                await service.SetProfileAsync(p.ResidentId, p.Wristband, p.Allergies ?? [], cancellationToken);
            }
        }

        var consents = await service.ListConsentsAsync(null, cancellationToken);
        foreach (var c in file.Consents ?? [])
        {
            if (consents.Any(x => x.ResidentId == c.ResidentId && string.Equals(x.Kind, c.Kind, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var granted = await service.GrantConsentAsync(new ConsentInput(c.ResidentId, c.Kind, null, c.Source), SeededBy, cancellationToken);
            if (granted.Errors is { } errors)
            {
                throw new MedicationFileException($"{source}: consent {c.Kind} of {c.ResidentId}: {string.Join(" ", errors.SelectMany(e => e.Value))}");
            }
        }

        // Orders start a day back so that today's passes are on the MAR from the first minute of the demo.
        var start = time.GetUtcNow().AddDays(-1);
        var added = 0;
        foreach (var o in file.Orders ?? [])
        {
            if (o.OrderId is { } id && await service.FindOrderAsync(id, cancellationToken) is not null)
            {
                continue;
            }

            var result = await service.CreateOrderAsync(o with { Start = o.Start ?? start }, SeededBy, cancellationToken);
            if (result.Errors is { } errors)
            {
                throw new MedicationFileException($"{source}: order {o.OrderId}: {string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
            }

            added++;
        }

        return added;
    }
}
