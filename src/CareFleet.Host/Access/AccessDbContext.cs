using Microsoft.EntityFrameworkCore;

namespace CareFleet.Host.Access;

/// <summary>Staff accounts and tokens. Provider-neutral; see <c>Persistence/</c> for the per-provider subclasses.</summary>
public class AccessDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__access_migrations";

    public DbSet<StaffAccount> Staff => Set<StaffAccount>();
    public DbSet<AccessToken> Tokens => Set<AccessToken>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new StaffAccountConfiguration());
        modelBuilder.ApplyConfiguration(new AccessTokenConfiguration());
    }
}
