using Microsoft.EntityFrameworkCore;

namespace CareFleet.Care.Consents;

/// <summary>
/// The separate consents a resident gives (PIPL Art. 29 asks for separate consent to sensitive processing; each can be
/// withdrawn on its own, Art. 15).
/// </summary>
public enum ConsentKind
{
    Treatment,
    FaceRecognition,

    /// <summary>Sharing de-identified data for robot training.</summary>
    DataSharing,
}

/// <summary>A consent with who recorded it and when; revoking sets the revocation fields, the grant stays visible.</summary>
public sealed class ConsentRow
{
    private ConsentRow()
    {
        ResidentId = RecordedBy = string.Empty;
    }

    public ConsentRow(Guid id, string residentId, ConsentKind kind, DateTimeOffset grantedAt, string recordedBy, string? source)
    {
        Id = id;
        ResidentId = residentId;
        Kind = kind;
        GrantedAt = grantedAt;
        RecordedBy = recordedBy;
        Source = source;
        LastUpdated = grantedAt;
    }

    public Guid Id { get; private set; }

    public string ResidentId { get; private set; }

    public ConsentKind Kind { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }

    public string RecordedBy { get; private set; }

    /// <summary>Where the consent came from, e.g. a signed form's reference.</summary>
    public string? Source { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    public DateTimeOffset LastUpdated { get; private set; }

    public bool IsActiveAt(DateTimeOffset at) => GrantedAt <= at && (RevokedAt is null || at < RevokedAt.Value);

    public void Revoke(DateTimeOffset at, string by)
    {
        RevokedAt = at;
        RevokedBy = by;
        LastUpdated = at;
    }
}

internal static class ConsentModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<ConsentRow>(e =>
        {
            e.ToTable("consents");
            e.HasKey(c => c.Id);
            e.Property(c => c.ResidentId).HasMaxLength(32).IsRequired();
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(24);
            e.Property(c => c.RecordedBy).HasMaxLength(64).IsRequired();
            e.Property(c => c.RevokedBy).HasMaxLength(64);
            e.Property(c => c.Source).HasMaxLength(200);
            e.HasIndex(c => new { c.ResidentId, c.Kind });
            e.HasIndex(c => c.LastUpdated);
        });
    }
}
