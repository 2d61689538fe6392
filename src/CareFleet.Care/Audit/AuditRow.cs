using Microsoft.EntityFrameworkCore;

namespace CareFleet.Care.Audit;

/// <summary>
/// One access to a resident's data (HIPAA 164.312(b) audit controls): who, what, when, from where, why, and the
/// outcome. Append-only and hash-chained: each entry's <see cref="Hash"/> covers its fields and the previous hash, so
/// an edited or deleted entry breaks the chain.
/// </summary>
public sealed class AuditRow
{
    private AuditRow()
    {
        Actor = ActorRole = Action = ResourceType = SourceAddress = Purpose = Path = PreviousHash = Hash = string.Empty;
    }

    public AuditRow(AuditEntry e, string previousHash, string hash)
    {
        ArgumentNullException.ThrowIfNull(e);
        At = e.At;
        Actor = e.Actor;
        ActorRole = e.ActorRole;
        Action = e.Action;
        ResourceType = e.ResourceType;
        ResourceId = e.ResourceId;
        ResidentId = e.ResidentId;
        SourceAddress = e.SourceAddress;
        Purpose = e.Purpose;
        Outcome = e.Outcome;
        Path = e.Path;
        PreviousHash = previousHash;
        Hash = hash;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Actor { get; private set; }

    public string ActorRole { get; private set; }

    /// <summary>read, search, create, update.</summary>
    public string Action { get; private set; }

    public string ResourceType { get; private set; }

    public string? ResourceId { get; private set; }

    public string? ResidentId { get; private set; }

    public string SourceAddress { get; private set; }

    /// <summary>HL7 purpose of use, e.g. TREAT.</summary>
    public string Purpose { get; private set; }

    /// <summary>The HTTP status answered.</summary>
    public int Outcome { get; private set; }

    public string Path { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    public AuditEntry ToEntry() => new(At, Actor, ActorRole, Action, ResourceType, ResourceId, ResidentId, SourceAddress, Purpose, Outcome, Path);
}

/// <summary>What is audited.</summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Actor,
    string ActorRole,
    string Action,
    string ResourceType,
    string? ResourceId,
    string? ResidentId,
    string SourceAddress,
    string Purpose,
    int Outcome,
    string Path);

internal static class AuditModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<AuditRow>(e =>
        {
            e.ToTable("audit_events");
            e.HasKey(a => a.Id);
            e.Property(a => a.Actor).HasMaxLength(64).IsRequired();
            e.Property(a => a.ActorRole).HasMaxLength(32).IsRequired();
            e.Property(a => a.Action).HasMaxLength(16).IsRequired();
            e.Property(a => a.ResourceType).HasMaxLength(64).IsRequired();
            e.Property(a => a.ResourceId).HasMaxLength(120);
            e.Property(a => a.ResidentId).HasMaxLength(32);
            e.Property(a => a.SourceAddress).HasMaxLength(64).IsRequired();
            e.Property(a => a.Purpose).HasMaxLength(16).IsRequired();
            e.Property(a => a.Path).HasMaxLength(500).IsRequired();
            e.Property(a => a.PreviousHash).HasMaxLength(64).IsRequired();
            e.Property(a => a.Hash).HasMaxLength(64).IsRequired();
            e.HasIndex(a => a.At);
            e.HasIndex(a => a.ResidentId);
        });
    }
}
