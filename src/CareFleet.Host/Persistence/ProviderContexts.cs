using CareFleet.Care;
using CareFleet.Care.Medication;
using CareFleet.Fleet;
using CareFleet.Host.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CareFleet.Host.Persistence;

// Each module's DbContext is provider-neutral. EF Core keys migrations by context type, so the host
// derives one subclass per provider; each keeps its own migrations under Persistence/Migrations/{Provider}.
// Add a migration with, e.g.:
//   dotnet ef migrations add Name --project src/CareFleet.Host --context SqliteFleetDbContext --output-dir Persistence/Migrations/Sqlite/Fleet

public sealed class SqliteFleetDbContext(DbContextOptions<SqliteFleetDbContext> options) : FleetDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => SqliteConventions.Apply(configurationBuilder);
}

public sealed class PostgresFleetDbContext(DbContextOptions<PostgresFleetDbContext> options) : FleetDbContext(options);
public sealed class SqliteCareDbContext(DbContextOptions<SqliteCareDbContext> options) : CareDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => SqliteConventions.Apply(configurationBuilder);
}

public sealed class PostgresCareDbContext(DbContextOptions<PostgresCareDbContext> options) : CareDbContext(options);
public sealed class SqliteAccessDbContext(DbContextOptions<SqliteAccessDbContext> options) : AccessDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => SqliteConventions.Apply(configurationBuilder);
}

public sealed class PostgresAccessDbContext(DbContextOptions<PostgresAccessDbContext> options) : AccessDbContext(options);

// Medication record (eMAR, consents, face templates, audit trail).
public sealed class SqliteMedicationDbContext(DbContextOptions<SqliteMedicationDbContext> options) : MedicationDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => SqliteConventions.Apply(configurationBuilder);
}

public sealed class PostgresMedicationDbContext(DbContextOptions<PostgresMedicationDbContext> options) : MedicationDbContext(options);

/// <summary>
/// SQLite has no date-time type: EF stores DateTimeOffset as text, which cannot be compared or ordered in
/// SQL. Storing it as a sortable 64-bit number keeps "order by time" and "expires before now" in the database.
/// </summary>
internal static class SqliteConventions
{
    public static void Apply(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>Design-time factories so the EF tools can build each provider's context without starting the host.</summary>
public abstract class DesignTimeFactory<TContext>(bool postgres, string historyTable) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        if (postgres)
        {
            builder.UseNpgsql("Host=localhost;Database=design", o => o.MigrationsHistoryTable(historyTable));
        }
        else
        {
            builder.UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(historyTable));
        }

        return (TContext)Activator.CreateInstance(typeof(TContext), builder.Options)!;
    }
}

public sealed class SqliteFleetFactory() : DesignTimeFactory<SqliteFleetDbContext>(false, FleetDbContext.MigrationsHistoryTable);
public sealed class PostgresFleetFactory() : DesignTimeFactory<PostgresFleetDbContext>(true, FleetDbContext.MigrationsHistoryTable);
public sealed class SqliteCareFactory() : DesignTimeFactory<SqliteCareDbContext>(false, CareDbContext.MigrationsHistoryTable);
public sealed class PostgresCareFactory() : DesignTimeFactory<PostgresCareDbContext>(true, CareDbContext.MigrationsHistoryTable);
public sealed class SqliteAccessFactory() : DesignTimeFactory<SqliteAccessDbContext>(false, AccessDbContext.MigrationsHistoryTable);
public sealed class PostgresAccessFactory() : DesignTimeFactory<PostgresAccessDbContext>(true, AccessDbContext.MigrationsHistoryTable);
public sealed class SqliteMedicationFactory() : DesignTimeFactory<SqliteMedicationDbContext>(false, MedicationDbContext.MigrationsHistoryTable);
public sealed class PostgresMedicationFactory() : DesignTimeFactory<PostgresMedicationDbContext>(true, MedicationDbContext.MigrationsHistoryTable);
