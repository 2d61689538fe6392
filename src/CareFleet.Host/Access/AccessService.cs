using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CareFleet.Contracts.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareFleet.Host.Access;

public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt, string Role);

public sealed record ApiTokenInfo(Guid Id, string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);

public sealed record StaffInfo(Guid Id, string UserName, string DisplayName, string Role, bool Disabled);

public enum LoginOutcome
{
    Succeeded,
    WrongCredentials,
    LockedOut,
}

/// <summary>Staff accounts, logins and bearer tokens.</summary>
public sealed partial class AccessService(AccessDbContext db, TimeProvider time, IOptions<AccessOptions> options, ILogger<AccessService> logger)
{
    public const string AuthenticationType = "carefleet";

    public async Task<(LoginOutcome Outcome, StaffAccount? Account)> CheckPasswordAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        var normalized = Normalize(userName);
        var account = normalized.Length == 0 ? null : await db.Staff.SingleOrDefaultAsync(s => s.UserName == normalized, cancellationToken);
        var now = time.GetUtcNow();
        if (account is null || account.Disabled)
        {
            // Spend the same time as a real check so a probe cannot tell which names exist.
            PasswordHashing.Verify(password ?? string.Empty, DummyHash.Value);
            LogLoginRefused(logger, "unknown or disabled account");
            return (LoginOutcome.WrongCredentials, null);
        }

        if (account.LockedUntil is { } until && until > now)
        {
            LogLoginRefused(logger, "account locked");
            return (LoginOutcome.LockedOut, null);
        }

        if (!PasswordHashing.Verify(password ?? string.Empty, account.PasswordHash))
        {
            account.RecordFailedLogin(now, options.Value.MaxFailedLogins, options.Value.Lockout);
            await db.SaveChangesAsync(cancellationToken);
            LogLoginRefused(logger, "wrong password");
            return (LoginOutcome.WrongCredentials, null);
        }

        account.RecordSuccessfulLogin();
        await db.SaveChangesAsync(cancellationToken);
        return (LoginOutcome.Succeeded, account);
    }

    public async Task<IssuedToken> IssueSessionTokenAsync(StaffAccount account, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (token, hash) = NewToken();
        var expires = now + options.Value.SessionTokenLifetime;
        db.Tokens.Add(new AccessToken(hash, account.Id, "session", "session", account.Role, now, expires));
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedToken(token, expires, account.Role);
    }

    public async Task<(IssuedToken Token, ApiTokenInfo Info)> CreateApiTokenAsync(Guid ownerId, string name, string role, TimeSpan? lifetime, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (token, hash) = NewToken();
        var expires = now + (lifetime ?? options.Value.ApiTokenLifetime);
        var entity = new AccessToken(hash, ownerId, name, "api", role, now, expires);
        db.Tokens.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return (new IssuedToken(token, expires, role), ToInfo(entity));
    }

    public async Task<IReadOnlyList<ApiTokenInfo>> ListApiTokensAsync(CancellationToken cancellationToken) =>
        (await db.Tokens.AsNoTracking().Where(t => t.Kind == "api").OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken)).ConvertAll(ToInfo);

    public async Task<bool> RevokeApiTokenAsync(Guid id, CancellationToken cancellationToken)
    {
        var token = await db.Tokens.SingleOrDefaultAsync(t => t.Id == id && t.Kind == "api", cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.Revoke(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The principal a bearer token stands for, or null when it is unknown, expired or revoked.</summary>
    public async Task<ClaimsPrincipal?> ResolveAsync(string token, string scheme, CancellationToken cancellationToken)
    {
        var hash = HashToken(token);
        var now = time.GetUtcNow();
        var found = await db.Tokens.AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Join(db.Staff.AsNoTracking(), t => t.StaffId, s => s.Id, (t, s) => new { t.Role, t.ExpiresAt, t.RevokedAt, s.Id, s.UserName, s.Disabled })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || found.RevokedAt is not null || found.ExpiresAt <= now || found.Disabled)
        {
            return null;
        }

        return Principal(found.Id, found.UserName, found.Role, scheme);
    }

    public static ClaimsPrincipal Principal(Guid staffId, string userName, string role, string scheme) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, staffId.ToString()), new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.Role, role)],
            scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>What is wrong with a new staff account, by field; empty when it can be created.</summary>
    public Dictionary<string, string[]> ValidateNewStaff(string? userName, string? role, string? password)
    {
        var errors = new Dictionary<string, string[]>();
        var normalized = Normalize(userName);
        if (normalized.Length is 0 or > 64 || !normalized.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            errors["userName"] = ["Required; up to 64 of a–z 0–9 . - _."];
        }

        if (!StaffRoles.IsKnown(role))
        {
            errors["role"] = [$"One of: {string.Join(", ", StaffRoles.All)}."];
        }

        if (password is null || password.Length < options.Value.MinPasswordLength)
        {
            errors["password"] = [$"At least {options.Value.MinPasswordLength} characters."];
        }

        return errors;
    }

    public async Task<StaffInfo> CreateStaffAsync(string userName, string displayName, string role, string password, CancellationToken cancellationToken)
    {
        var account = new StaffAccount(Normalize(userName), displayName, role, PasswordHashing.Hash(password), time.GetUtcNow());
        db.Staff.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return ToInfo(account);
    }

    public async Task<IReadOnlyList<StaffInfo>> ListStaffAsync(CancellationToken cancellationToken) =>
        (await db.Staff.AsNoTracking().OrderBy(s => s.UserName).ToListAsync(cancellationToken)).ConvertAll(ToInfo);

    public Task<bool> StaffExistsAsync(string userName, CancellationToken cancellationToken)
    {
        var normalized = Normalize(userName);
        return db.Staff.AnyAsync(s => s.UserName == normalized, cancellationToken);
    }

    /// <summary>
    /// Makes sure the "admin" account exists. Returns the password when one was generated, so the caller
    /// can show it once.
    /// </summary>
    public async Task<string?> EnsureAdminAsync(string? password, CancellationToken cancellationToken)
    {
        var admin = await db.Staff.SingleOrDefaultAsync(s => s.UserName == "admin", cancellationToken);
        if (admin is null)
        {
            var generated = password is null ? PasswordHashing.Generate() : null;
            db.Staff.Add(new StaffAccount("admin", "Administrator", StaffRoles.Admin, PasswordHashing.Hash(password ?? generated!), time.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return generated;
        }

        if (password is not null && !PasswordHashing.Verify(password, admin.PasswordHash))
        {
            admin.SetPassword(PasswordHashing.Hash(password));
            await db.SaveChangesAsync(cancellationToken);
        }

        return null;
    }

    internal static string Normalize(string? userName) => (userName ?? string.Empty).Trim().ToLowerInvariant();

    internal static string HashToken(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static (string Token, string Hash) NewToken()
    {
        // "cft_" marks CareFleet tokens so a leaked one is easy to recognise in logs and secret scanners.
        var token = "cft_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, HashToken(token));
    }

    private static ApiTokenInfo ToInfo(AccessToken t) => new(t.Id, t.Name, t.Role, t.CreatedAt, t.ExpiresAt, t.RevokedAt);

    private static StaffInfo ToInfo(StaffAccount s) => new(s.Id, s.UserName, s.DisplayName, s.Role, s.Disabled);

    private static readonly Lazy<string> DummyHash = new(() => PasswordHashing.Hash("carefleet-dummy"));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Login refused: {Reason}")]
    private static partial void LogLoginRefused(ILogger logger, string reason);
}
