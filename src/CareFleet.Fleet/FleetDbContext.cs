using CareFleet.Fleet.Robots;
using CareFleet.Fleet.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CareFleet.Fleet;

/// <summary>
/// The fleet module's tables. Provider-neutral: the host derives one subclass per database provider so
/// that each provider keeps its own migrations.
/// </summary>
public class FleetDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The migrations history table of this module, so modules migrate independently.</summary>
    public const string MigrationsHistoryTable = "__fleet_migrations";

    public DbSet<Robot> Robots => Set<Robot>();

    public DbSet<FleetTask> Tasks => Set<FleetTask>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FleetDbContext).Assembly, t => t.Namespace?.StartsWith("CareFleet.Fleet", StringComparison.Ordinal) == true);
    }
}
