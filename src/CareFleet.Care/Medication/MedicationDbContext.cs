using CareFleet.Care.Audit;
using CareFleet.Care.Consents;
using Microsoft.EntityFrameworkCore;

namespace CareFleet.Care.Medication;

/// <summary>
/// The medication side of the care record: orders and their holds, the append-only administration record, drawer
/// releases and bedside decisions, PRN effectiveness, face templates, consents and the access audit trail.
/// Provider-neutral; the host derives one subclass per provider. Entity mappings are applied here explicitly (not by
/// assembly scan) so that <see cref="CareDbContext"/>'s scan of this assembly never picks them up.
/// </summary>
public class MedicationDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The migrations history table of this module, so modules migrate independently.</summary>
    public const string MigrationsHistoryTable = "__medication_migrations";

    public DbSet<OrderRow> Orders => Set<OrderRow>();

    public DbSet<OrderHoldRow> OrderHolds => Set<OrderHoldRow>();

    public DbSet<AdministrationRow> Administrations => Set<AdministrationRow>();

    public DbSet<ReleaseRow> Releases => Set<ReleaseRow>();

    public DbSet<DecisionRow> Decisions => Set<DecisionRow>();

    public DbSet<AssessmentRow> Assessments => Set<AssessmentRow>();

    public DbSet<MedicationProfileRow> Profiles => Set<MedicationProfileRow>();

    public DbSet<FaceTemplateRow> FaceTemplates => Set<FaceTemplateRow>();

    public DbSet<ConsentRow> Consents => Set<ConsentRow>();

    public DbSet<AuditRow> Audit => Set<AuditRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        MedicationModel.Configure(modelBuilder);
        ConsentModel.Configure(modelBuilder);
        AuditModel.Configure(modelBuilder);
    }
}
