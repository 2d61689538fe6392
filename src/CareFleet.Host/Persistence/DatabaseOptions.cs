namespace CareFleet.Host.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Where the system of record lives (section <c>CareFleet:Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "CareFleet:Database";

    /// <summary><c>Sqlite</c> (default) or <c>PostgreSql</c>.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>
    /// The connection string. Default for SQLite: <c>Data Source={DataDirectory}/carefleet.db</c>; required
    /// for PostgreSQL (e.g. <c>Host=db;Database=carefleet;Username=carefleet;Password=…</c>).
    /// </summary>
    public string? ConnectionString { get; set; }

    public DatabaseProvider ParsedProvider =>
        Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var p) && Enum.IsDefined(p)
            ? p
            : throw new StartupException($"CareFleet:Database:Provider is '{Provider}'; it must be Sqlite or PostgreSql.");
}
