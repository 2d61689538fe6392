using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFleet.Care.Residents;

/// <summary>A person living in the home.</summary>
public sealed class Resident
{
    private Resident()
    {
        Identifier = FamilyName = GivenName = Language = RoomId = BedId = AdmittedBy = string.Empty;
    }

    public Resident(string identifier, string familyName, string givenName, DateOnly birthDate, string sex, string language, string roomId, string bedId, DateTimeOffset admittedAt, string admittedBy)
    {
        Id = Guid.CreateVersion7(admittedAt);
        Identifier = identifier;
        FamilyName = familyName;
        GivenName = givenName;
        BirthDate = birthDate;
        Sex = sex;
        Language = language;
        RoomId = roomId;
        BedId = bedId;
        AdmittedAt = admittedAt;
        AdmittedBy = admittedBy;
    }

    public Guid Id { get; private set; }
    /// <summary>The home's own resident number (e.g. "R-0001").</summary>
    public string Identifier { get; private set; }
    public string FamilyName { get; private set; }
    public string GivenName { get; private set; }
    public DateOnly BirthDate { get; private set; }
    public string Sex { get; private set; } = "unknown";
    /// <summary>BCP 47 language tag of the resident's preferred language (zh-Hans, en, yue …).</summary>
    public string Language { get; private set; }
    public string RoomId { get; private set; }
    public string BedId { get; private set; }
    public DateTimeOffset AdmittedAt { get; private set; }
    public string AdmittedBy { get; private set; }
    public DateTimeOffset? DischargedAt { get; private set; }
}

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> builder)
    {
        builder.ToTable("care_residents");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Identifier).HasMaxLength(32).IsRequired();
        builder.HasIndex(r => r.Identifier).IsUnique();
        builder.Property(r => r.FamilyName).HasMaxLength(100).IsRequired();
        builder.Property(r => r.GivenName).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Sex).HasMaxLength(16).IsRequired();
        builder.Property(r => r.Language).HasMaxLength(16).IsRequired();
        builder.Property(r => r.RoomId).HasMaxLength(64).IsRequired();
        builder.Property(r => r.BedId).HasMaxLength(64).IsRequired();
        builder.Property(r => r.AdmittedBy).HasMaxLength(64).IsRequired();
    }
}
