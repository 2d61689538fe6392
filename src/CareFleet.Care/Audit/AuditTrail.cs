using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CareFleet.Care.Medication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFleet.Care.Audit;

/// <summary>
/// Writes the access audit trail: every read and write of a resident's data, committed before the data is returned.
/// Entries are chained by SHA-256 (each covers the previous entry's hash), so tampering is evident on verification.
/// </summary>
public sealed class AuditTrail(IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    /// <summary>The request header a client may use to state its purpose of use (HL7 v3 PurposeOfUse code); default TREAT.</summary>
    public const string PurposeHeader = "X-Purpose-Of-Use";

    private const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    /// <summary>Records one access made through <paramref name="http"/>.</summary>
    public Task RecordAsync(HttpContext http, string action, string resourceType, string? resourceId, string? residentId, int outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var purpose = http.Request.Headers[PurposeHeader].ToString();
        // Milliseconds: both databases keep at least that, so the hash still verifies after a round trip.
        var now = time.GetUtcNow();
        var entry = new AuditEntry(
            new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero),
            http.User.Identity?.Name ?? "anonymous",
            http.User.FindFirstValue(ClaimTypes.Role) ?? "none",
            action,
            resourceType,
            resourceId,
            residentId,
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            string.IsNullOrWhiteSpace(purpose) || purpose.Length > 16 ? "TREAT" : purpose.Trim(),
            outcome,
            Truncate(http.Request.Path + http.Request.QueryString, 500));
        return AppendAsync(entry, cancellationToken);
    }

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MedicationDbContext>();
            var previous = await db.Audit.AsNoTracking().OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(cancellationToken) ?? Genesis;
            db.Audit.Add(new AuditRow(entry, previous, HashOf(entry, previous)));
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Checks the whole chain; returns the id of the first entry that does not verify, or null when all do.</summary>
    public async Task<long?> FirstBrokenEntryAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MedicationDbContext>();
        var previous = Genesis;
        await foreach (var row in db.Audit.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (row.PreviousHash != previous || row.Hash != HashOf(row.ToEntry(), previous))
            {
                return row.Id;
            }

            previous = row.Hash;
        }

        return null;
    }

    internal static string HashOf(AuditEntry e, string previous)
    {
        var text = string.Join('\u001f',
            previous, e.At.UtcTicks.ToString(CultureInfo.InvariantCulture), e.Actor, e.ActorRole, e.Action, e.ResourceType, e.ResourceId ?? string.Empty,
            e.ResidentId ?? string.Empty, e.SourceAddress, e.Purpose, e.Outcome.ToString(CultureInfo.InvariantCulture), e.Path);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
