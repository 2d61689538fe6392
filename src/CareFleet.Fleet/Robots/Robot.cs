using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFleet.Fleet.Robots;

/// <summary>A registered robot. Its broker secret is stored only as a hash.</summary>
public sealed class Robot
{
    private Robot()
    {
        Manufacturer = SerialNumber = Type = Name = CredentialHash = RegisteredBy = string.Empty;
    }

    public Robot(string manufacturer, string serialNumber, string type, string name, string credentialHash, DateTimeOffset now, string registeredBy)
    {
        Id = Guid.CreateVersion7(now);
        Manufacturer = manufacturer;
        SerialNumber = serialNumber;
        Type = type;
        Name = name;
        CredentialHash = credentialHash;
        CredentialIssuedAt = now;
        RegisteredAt = now;
        RegisteredBy = registeredBy;
    }

    public Guid Id { get; private set; }
    public string Manufacturer { get; private set; }
    public string SerialNumber { get; private set; }
    /// <summary>The robot type from <see cref="RobotTypes"/>.</summary>
    public string Type { get; private set; }
    public string Name { get; private set; }
    public string CredentialHash { get; private set; }
    public DateTimeOffset CredentialIssuedAt { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public string RegisteredBy { get; private set; }

    /// <summary>The broker user name of this robot: its VDA 5050 manufacturer and serial number.</summary>
    public string BrokerUserName => RobotIdentity.UserName(Manufacturer, SerialNumber);

    internal void ReplaceCredential(string credentialHash, DateTimeOffset now)
    {
        CredentialHash = credentialHash;
        CredentialIssuedAt = now;
    }
}

internal sealed class RobotConfiguration : IEntityTypeConfiguration<Robot>
{
    public void Configure(EntityTypeBuilder<Robot> builder)
    {
        builder.ToTable("fleet_robots");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Manufacturer).HasMaxLength(64).IsRequired();
        builder.Property(r => r.SerialNumber).HasMaxLength(64).IsRequired();
        builder.Property(r => r.Type).HasMaxLength(32).IsRequired();
        builder.Property(r => r.Name).HasMaxLength(128).IsRequired();
        builder.Property(r => r.CredentialHash).HasMaxLength(128).IsRequired();
        builder.Property(r => r.RegisteredBy).HasMaxLength(64).IsRequired();
        builder.HasIndex(r => new { r.Manufacturer, r.SerialNumber }).IsUnique();
        builder.Ignore(r => r.BrokerUserName);
    }
}
