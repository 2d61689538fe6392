using CareFleet.Care;
using CareFleet.Care.Medication;
using CareFleet.Fleet;
using CareFleet.Host.Access;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CareFleet.Host.Persistence;

public static class PersistenceExtensions
{
    public static WebApplicationBuilder AddCareFleetPersistence(this WebApplicationBuilder builder, string dataDirectory)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var provider = options.ParsedProvider;
        var connectionString = ResolveConnectionString(options, provider, dataDirectory);
        builder.Services.AddSingleton(new ResolvedDatabase(provider, connectionString));

        if (provider == DatabaseProvider.Sqlite)
        {
            builder.Services.AddDbContext<FleetDbContext, SqliteFleetDbContext>(o => UseSqlite(o, connectionString, FleetDbContext.MigrationsHistoryTable));
            builder.Services.AddDbContext<CareDbContext, SqliteCareDbContext>(o => UseSqlite(o, connectionString, CareDbContext.MigrationsHistoryTable));
            builder.Services.AddDbContext<AccessDbContext, SqliteAccessDbContext>(o => UseSqlite(o, connectionString, AccessDbContext.MigrationsHistoryTable));
            builder.Services.AddDbContext<MedicationDbContext, SqliteMedicationDbContext>(o => UseSqlite(o, connectionString, MedicationDbContext.MigrationsHistoryTable));
        }
        else
        {
            builder.Services.AddDbContext<FleetDbContext, PostgresFleetDbContext>(o => UsePostgres(o, connectionString, FleetDbContext.MigrationsHistoryTable));
            builder.Services.AddDbContext<CareDbContext, PostgresCareDbContext>(o => UsePostgres(o, connectionString, CareDbContext.MigrationsHistoryTable));
            builder.Services.AddDbContext<AccessDbContext, PostgresAccessDbContext>(o => UsePostgres(o, connectionString, AccessDbContext.MigrationsHistoryTable));
            builder.Services.AddDbContext<MedicationDbContext, PostgresMedicationDbContext>(o => UsePostgres(o, connectionString, MedicationDbContext.MigrationsHistoryTable));
        }

        return builder;
    }

    /// <summary>The module contexts to migrate, in dependency order.</summary>
    public static readonly Type[] ModuleContexts = [typeof(AccessDbContext), typeof(FleetDbContext), typeof(CareDbContext), typeof(MedicationDbContext)];

    private static void UseSqlite(DbContextOptionsBuilder o, string cs, string history) =>
        o.UseSqlite(cs, x => x.MigrationsHistoryTable(history));

    private static void UsePostgres(DbContextOptionsBuilder o, string cs, string history) =>
        o.UseNpgsql(cs, x => x.MigrationsHistoryTable(history).EnableRetryOnFailure(3));

    private static string ResolveConnectionString(DatabaseOptions options, DatabaseProvider provider, string dataDirectory)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? throw new StartupException("CareFleet:Database:ConnectionString is required when CareFleet:Database:Provider is PostgreSql.")
                : options.ConnectionString;
        }

        var cs = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(options.ConnectionString) ? $"Data Source={Path.Combine(dataDirectory, "carefleet.db")}" : options.ConnectionString);
        if (cs.DataSource is { Length: > 0 } file && file != ":memory:")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        }

        // Foreign keys on, and a busy timeout so the broker, the simulator and the web never see "database is locked".
        cs.ForeignKeys = true;
        cs.DefaultTimeout = 30;
        return cs.ToString();
    }
}

/// <summary>The database in use after configuration was resolved.</summary>
public sealed record ResolvedDatabase(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The connection string with any password removed, for messages.</summary>
    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}"
        : $"PostgreSQL {string.Join(';', ConnectionString.Split(';').Where(p => !p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase)))}";
}

/// <summary>Applies every module's migrations.</summary>
public sealed partial class DatabaseMigrator(IServiceProvider services, ResolvedDatabase database, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        foreach (var type in PersistenceExtensions.ModuleContexts)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(type);
            try
            {
                if (database.Provider == DatabaseProvider.Sqlite)
                {
                    // WAL lets the dashboard read while the fleet writes.
                    await db.Database.OpenConnectionAsync(cancellationToken);
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                    await db.Database.CloseConnectionAsync();
                }

                await db.Database.MigrateAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException and not StartupException)
            {
                throw new StartupException($"Cannot migrate the database ({database.Describe()}; set CareFleet:Database:ConnectionString): {e.GetBaseException().Message}", e);
            }

            LogMigrated(logger, type.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema of {Context} is current")]
    private static partial void LogMigrated(ILogger logger, string context);
}
