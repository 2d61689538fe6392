using Microsoft.EntityFrameworkCore;

namespace CareFleet.Care;

/// <summary>
/// The care record's tables. Provider-neutral: the host derives one subclass per database provider so
/// that each provider keeps its own migrations.
/// </summary>
public class CareDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The migrations history table of this module, so modules migrate independently.</summary>
    public const string MigrationsHistoryTable = "__care_migrations";

    public DbSet<Residents.Resident> Residents => Set<Residents.Resident>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Only the resident record: other Care features keep their own contexts (e.g. MedicationDbContext).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CareDbContext).Assembly, t => t.Namespace == "CareFleet.Care.Residents");
    }
}
