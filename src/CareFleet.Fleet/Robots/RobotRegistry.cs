using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFleet.Fleet.Robots;

/// <summary>A robot to register, as given by an administrator or a vendor's integration.</summary>
public sealed record RobotRegistration(string Manufacturer, string SerialNumber, string Type, string? Name);

/// <summary>The broker credentials issued to a robot. The secret is shown once and never stored.</summary>
public sealed record RobotCredentials(string UserName, string Password, IReadOnlyList<string> AllowedTopics);

public sealed record RegisteredRobot(Guid Id, string Manufacturer, string SerialNumber, string Type, string Name, DateTimeOffset RegisteredAt, DateTimeOffset CredentialIssuedAt)
{
    internal static RegisteredRobot From(Robot r) => new(r.Id, r.Manufacturer, r.SerialNumber, r.Type, r.Name, r.RegisteredAt, r.CredentialIssuedAt);
}

/// <summary>
/// Gives an external broker the credentials and topic rights of a robot. The embedded broker asks the
/// registry directly and needs no provisioning.
/// </summary>
public interface IBrokerProvisioner
{
    Task ProvisionRobotAsync(string userName, string password, IReadOnlyList<string> topicPrefixes, CancellationToken cancellationToken);
}

/// <summary>The topic prefixes a robot may use (the rule itself is <see cref="CareFleet.Contracts.Topics.RobotTopicAcl"/>).</summary>
public static class RobotTopics
{
    public static IReadOnlyList<string> PrefixesFor(string manufacturer, string serialNumber) =>
    [
        $"{CareFleet.Contracts.Vda5050.Vda5050Topics.Prefix}{manufacturer}/{serialNumber}/",
        $"{CareFleet.Contracts.Topics.RobotTopicAcl.CareTopicPrefix}{manufacturer}/{serialNumber}/",
    ];
}

public sealed class RobotAlreadyRegisteredException(string userName) : Exception($"Robot {userName} is already registered.");

public sealed class UnknownRobotException(string userName) : Exception($"Robot {userName} is not registered.");

/// <summary>Registration of robots and their broker credentials.</summary>
public sealed class RobotRegistry(FleetDbContext db, TimeProvider time, RobotCredentialCache cache, IEnumerable<IBrokerProvisioner> provisioners)
{
    public async Task<IReadOnlyList<RegisteredRobot>> ListAsync(CancellationToken cancellationToken)
    {
        var robots = await db.Robots.AsNoTracking().OrderBy(r => r.Manufacturer).ThenBy(r => r.SerialNumber).ToListAsync(cancellationToken);
        return robots.ConvertAll(RegisteredRobot.From);
    }

    public async Task<RegisteredRobot?> FindAsync(string manufacturer, string serialNumber, CancellationToken cancellationToken)
    {
        var robot = await db.Robots.AsNoTracking().SingleOrDefaultAsync(r => r.Manufacturer == manufacturer && r.SerialNumber == serialNumber, cancellationToken);
        return robot is null ? null : RegisteredRobot.From(robot);
    }

    /// <summary>Registers a robot and issues its broker credentials; the robot is committed before they are returned.</summary>
    public async Task<(RegisteredRobot Robot, RobotCredentials Credentials)> RegisterAsync(RobotRegistration registration, string registeredBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var userName = RobotIdentity.UserName(registration.Manufacturer, registration.SerialNumber);
        if (await db.Robots.AnyAsync(r => r.Manufacturer == registration.Manufacturer && r.SerialNumber == registration.SerialNumber, cancellationToken))
        {
            throw new RobotAlreadyRegisteredException(userName);
        }

        var secret = RobotIdentity.NewSecret();
        var robot = new Robot(registration.Manufacturer, registration.SerialNumber, registration.Type,
            string.IsNullOrWhiteSpace(registration.Name) ? registration.SerialNumber : registration.Name.Trim(),
            RobotIdentity.HashSecret(secret), time.GetUtcNow(), registeredBy);
        db.Robots.Add(robot);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two registrations raced; the unique index let exactly one win.
            db.Entry(robot).State = EntityState.Detached;
            if (await db.Robots.AsNoTracking().AnyAsync(r => r.Manufacturer == registration.Manufacturer && r.SerialNumber == registration.SerialNumber, cancellationToken))
            {
                throw new RobotAlreadyRegisteredException(userName);
            }

            throw;
        }

        var credentials = await IssueAsync(robot, secret, cancellationToken);
        return (RegisteredRobot.From(robot), credentials);
    }

    /// <summary>Replaces a robot's broker secret (lost credentials, or a robot re-imaged by its vendor).</summary>
    public async Task<RobotCredentials> RotateCredentialsAsync(string manufacturer, string serialNumber, CancellationToken cancellationToken)
    {
        var robot = await db.Robots.SingleOrDefaultAsync(r => r.Manufacturer == manufacturer && r.SerialNumber == serialNumber, cancellationToken)
            ?? throw new UnknownRobotException(RobotIdentity.UserName(manufacturer, serialNumber));
        var secret = RobotIdentity.NewSecret();
        robot.ReplaceCredential(RobotIdentity.HashSecret(secret), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await IssueAsync(robot, secret, cancellationToken);
    }

    private async Task<RobotCredentials> IssueAsync(Robot robot, string secret, CancellationToken cancellationToken)
    {
        cache.Set(robot.BrokerUserName, robot.CredentialHash);
        var prefixes = RobotTopics.PrefixesFor(robot.Manufacturer, robot.SerialNumber);
        foreach (var provisioner in provisioners)
        {
            await provisioner.ProvisionRobotAsync(robot.BrokerUserName, secret, prefixes, cancellationToken);
        }

        return new RobotCredentials(robot.BrokerUserName, secret, prefixes.Select(p => p + "#").ToArray());
    }
}

/// <summary>
/// The credential hashes the broker checks on every connect, loaded from the database on first use so a
/// reconnect storm does not become a query storm.
/// </summary>
public sealed class RobotCredentialCache(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);

    internal void Set(string userName, string hash) => _hashes[userName] = hash;

    /// <summary>True when a robot with this broker user name is registered.</summary>
    public async ValueTask<bool> IsRegisteredAsync(string userName, CancellationToken cancellationToken) =>
        await HashOfAsync(userName, cancellationToken) is not null;

    /// <summary>Checks a robot's broker credentials against the registry.</summary>
    public async ValueTask<bool> VerifyAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(password) || !RobotIdentity.TryParseUserName(userName, out _, out _))
        {
            return false;
        }

        var hash = await HashOfAsync(userName!, cancellationToken);
        return hash is not null && RobotIdentity.Verify(password, hash);
    }

    private async ValueTask<string?> HashOfAsync(string userName, CancellationToken cancellationToken)
    {
        if (_hashes.TryGetValue(userName, out var hash))
        {
            return hash;
        }

        if (!RobotIdentity.TryParseUserName(userName, out var manufacturer, out var serial))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FleetDbContext>();
        hash = await db.Robots.AsNoTracking()
            .Where(r => r.Manufacturer == manufacturer && r.SerialNumber == serial)
            .Select(r => r.CredentialHash)
            .SingleOrDefaultAsync(cancellationToken);
        if (hash is not null)
        {
            _hashes[userName] = hash;
        }

        return hash;
    }
}
