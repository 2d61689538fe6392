using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFleet.Host.Access;

/// <summary>A member of staff who can log in.</summary>
public sealed class StaffAccount
{
    private StaffAccount()
    {
        UserName = DisplayName = Role = PasswordHash = string.Empty;
    }

    public StaffAccount(string userName, string displayName, string role, string passwordHash, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        UserName = userName;
        DisplayName = displayName;
        Role = role;
        PasswordHash = passwordHash;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    /// <summary>Lower-case login name.</summary>
    public string UserName { get; private set; }
    public string DisplayName { get; private set; }
    public string Role { get; private set; }
    public string PasswordHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int FailedLogins { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }
    public bool Disabled { get; private set; }

    internal void SetPassword(string passwordHash)
    {
        PasswordHash = passwordHash;
        FailedLogins = 0;
        LockedUntil = null;
    }

    internal void RecordFailedLogin(DateTimeOffset now, int maxFailures, TimeSpan lockout)
    {
        FailedLogins++;
        if (FailedLogins >= maxFailures)
        {
            LockedUntil = now + lockout;
            FailedLogins = 0;
        }
    }

    internal void RecordSuccessfulLogin()
    {
        FailedLogins = 0;
        LockedUntil = null;
    }
}

/// <summary>
/// A bearer token, stored only as its SHA-256. Session tokens come from <c>POST /api/auth/token</c> and
/// live briefly; API tokens are created by an admin for an integration and live until they expire or
/// are revoked.
/// </summary>
public sealed class AccessToken
{
    private AccessToken()
    {
        TokenHash = Name = Kind = Role = string.Empty;
    }

    public AccessToken(string tokenHash, Guid staffId, string name, string kind, string role, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        Id = Guid.CreateVersion7(now);
        TokenHash = tokenHash;
        StaffId = staffId;
        Name = name;
        Kind = kind;
        Role = role;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }
    public string TokenHash { get; private set; }
    public Guid StaffId { get; private set; }
    public string Name { get; private set; }
    /// <summary>"session" or "api".</summary>
    public string Kind { get; private set; }
    /// <summary>The role the token acts with (an API token may be given less than its creator has).</summary>
    public string Role { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    internal void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}

internal sealed class StaffAccountConfiguration : IEntityTypeConfiguration<StaffAccount>
{
    public void Configure(EntityTypeBuilder<StaffAccount> builder)
    {
        builder.ToTable("access_staff");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.UserName).HasMaxLength(64).IsRequired();
        builder.HasIndex(s => s.UserName).IsUnique();
        builder.Property(s => s.DisplayName).HasMaxLength(128).IsRequired();
        builder.Property(s => s.Role).HasMaxLength(16).IsRequired();
        builder.Property(s => s.PasswordHash).HasMaxLength(256).IsRequired();
    }
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> builder)
    {
        builder.ToTable("access_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(128).IsRequired();
        builder.Property(t => t.Kind).HasMaxLength(16).IsRequired();
        builder.Property(t => t.Role).HasMaxLength(16).IsRequired();
        builder.HasIndex(t => t.StaffId);
    }
}
