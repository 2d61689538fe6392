using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFleet.Alarms.Persistence;

/// <summary>
/// The alarm module's tables: one append-only event table. Provider-neutral: the host derives one subclass
/// per database provider so that each provider keeps its own migrations.
/// </summary>
public class AlarmsDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The migrations history table of this module, so modules migrate independently.</summary>
    public const string MigrationsHistoryTable = "__alarms_migrations";

    /// <summary>Every alarm event ever accepted, never updated or deleted.</summary>
    public DbSet<StoredAlarmEvent> Events => Set<StoredAlarmEvent>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new StoredAlarmEventConfiguration());
    }
}

/// <summary>
/// One alarm event as stored: the columns needed to query (home, alarm, sequence, type, time, actor) and
/// the whole event as JSON (<see cref="AlarmEventJson"/>), which is what restore reads.
/// </summary>
public sealed class StoredAlarmEvent
{
    private StoredAlarmEvent()
    {
        HomeId = Type = ActorId = ActorRole = Json = string.Empty;
    }

    /// <summary>Wraps an event for the store.</summary>
    public StoredAlarmEvent(string homeId, AlarmEvent alarmEvent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(homeId);
        ArgumentNullException.ThrowIfNull(alarmEvent);
        HomeId = homeId;
        AlarmId = alarmEvent.AlarmId;
        Sequence = alarmEvent.Sequence;
        Json = AlarmEventJson.Serialize(alarmEvent);
        Type = TypeOf(alarmEvent);
        At = alarmEvent.At;
        ActorId = alarmEvent.Actor.Id;
        ActorRole = alarmEvent.Actor.Role.ToString();
    }

    /// <summary>The store's own row number.</summary>
    public long Id { get; private set; }

    /// <summary>The home whose alarm book produced the event.</summary>
    public string HomeId { get; private set; }

    /// <summary>The alarm.</summary>
    public Guid AlarmId { get; private set; }

    /// <summary>The event's number within its alarm; unique per alarm so a resent append cannot write twice.</summary>
    public int Sequence { get; private set; }

    /// <summary>The JSON type discriminator ("raised", "notified", …).</summary>
    public string Type { get; private set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>Who did it.</summary>
    public string ActorId { get; private set; }

    /// <summary>The role the actor held.</summary>
    public string ActorRole { get; private set; }

    /// <summary>The whole event.</summary>
    public string Json { get; private set; }

    /// <summary>The event, read back from its JSON.</summary>
    public AlarmEvent ToEvent() => AlarmEventJson.Deserialize(Json);

    /// <summary>The discriminator of an event type, as <see cref="AlarmEventJson"/> writes it.</summary>
    public static string TypeOf(AlarmEvent alarmEvent) => alarmEvent switch
    {
        AlarmRaised => "raised",
        AlarmNotified => "notified",
        AlarmAcknowledged => "acknowledged",
        AlarmSilenced => "silenced",
        AlarmSilenceEnded => "silence-ended",
        AlarmConditionCleared => "condition-cleared",
        AlarmConditionReturned => "condition-returned",
        AlarmResolved => Resolved,
        _ => throw new ArgumentException($"Unknown alarm event type {alarmEvent?.GetType().Name}.", nameof(alarmEvent)),
    };

    /// <summary>The discriminator of <see cref="AlarmResolved"/>.</summary>
    public const string Resolved = "resolved";
}

internal sealed class StoredAlarmEventConfiguration : IEntityTypeConfiguration<StoredAlarmEvent>
{
    public void Configure(EntityTypeBuilder<StoredAlarmEvent> builder)
    {
        builder.ToTable("alarm_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.HomeId).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Type).HasMaxLength(32).IsRequired();
        builder.Property(e => e.ActorId).HasMaxLength(64).IsRequired();
        builder.Property(e => e.ActorRole).HasMaxLength(32).IsRequired();
        builder.Property(e => e.Json).IsRequired();
        builder.HasIndex(e => new { e.AlarmId, e.Sequence }).IsUnique();
        builder.HasIndex(e => new { e.HomeId, e.At });
    }
}
