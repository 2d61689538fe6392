using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFleet.Fleet.Tasks;

/// <summary>What a task asks a robot to do.</summary>
public enum FleetTaskType
{
    /// <summary>Drive to one place.</summary>
    GoTo,

    /// <summary>Drive to each place in turn (multi-stop delivery).</summary>
    Delivery,

    /// <summary>Visit each place in turn and scan it.</summary>
    Patrol,

    /// <summary>Drive to a charger and charge.</summary>
    Charge,

    /// <summary>Drive to a place and stay with the resident there.</summary>
    WaitWithResident,
}

/// <summary>Task priority; dispatch serves higher first.</summary>
public enum FleetTaskPriority
{
    Background = 0,
    Scheduled = 1,
    Urgent = 2,
    Emergency = 3,
}

/// <summary>Task lifecycle: queued → assigned → underway → completed | failed | cancelled.</summary>
public enum FleetTaskState
{
    Queued,
    Assigned,
    Underway,
    Completed,
    Failed,
    Cancelled,
}

/// <summary>A piece of robot work with its lifecycle; every change is committed as it happens.</summary>
public sealed class FleetTask
{
    private FleetTask()
    {
        Targets = CreatedBy = string.Empty;
    }

    public FleetTask(FleetTaskType type, FleetTaskPriority priority, IReadOnlyList<string> targetPlaceIds, string? requiredRobotType, string createdBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(targetPlaceIds);
        Id = Guid.CreateVersion7(now);
        Type = type;
        Priority = priority;
        Targets = string.Join(' ', targetPlaceIds);
        RequiredRobotType = requiredRobotType;
        CreatedBy = createdBy;
        CreatedAt = UpdatedAt = now;
        State = FleetTaskState.Queued;
    }

    public Guid Id { get; private set; }

    public FleetTaskType Type { get; private set; }

    public FleetTaskPriority Priority { get; private set; }

    /// <summary>Place ids separated by spaces (place ids have none).</summary>
    public string Targets { get; private set; }

    public IReadOnlyList<string> TargetPlaceIds => Targets.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public string? RequiredRobotType { get; private set; }

    public FleetTaskState State { get; private set; }

    /// <summary>Why the task is in its state (reassigned, failed, cancelled).</summary>
    public string? Reason { get; private set; }

    /// <summary>"{manufacturer}/{serialNumber}" of the robot doing it.</summary>
    public string? Robot { get; private set; }

    /// <summary>Index of the target place being driven to.</summary>
    public int Stop { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? AssignedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsOpen => State is FleetTaskState.Queued or FleetTaskState.Assigned or FleetTaskState.Underway;

    internal void Assign(string robot, DateTimeOffset now)
    {
        (State, Robot, AssignedAt, UpdatedAt) = (FleetTaskState.Assigned, robot, now, now);
    }

    internal void Start(DateTimeOffset now)
    {
        State = FleetTaskState.Underway;
        StartedAt ??= now;
        UpdatedAt = now;
    }

    internal void NextStop(DateTimeOffset now)
    {
        Stop++;
        UpdatedAt = now;
    }

    internal void Requeue(string reason, DateTimeOffset now)
    {
        (State, Robot, Reason, UpdatedAt) = (FleetTaskState.Queued, null, reason, now);
    }

    internal void End(FleetTaskState state, string? reason, DateTimeOffset now)
    {
        (State, Reason, EndedAt, UpdatedAt) = (state, reason, now, now);
    }
}

internal sealed class FleetTaskConfiguration : IEntityTypeConfiguration<FleetTask>
{
    public void Configure(EntityTypeBuilder<FleetTask> builder)
    {
        builder.ToTable("fleet_tasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Type).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.Priority).HasConversion<int>();
        builder.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Targets).HasMaxLength(2048).IsRequired();
        builder.Property(t => t.RequiredRobotType).HasMaxLength(32);
        builder.Property(t => t.Reason).HasMaxLength(512);
        builder.Property(t => t.Robot).HasMaxLength(130);
        builder.Property(t => t.CreatedBy).HasMaxLength(64).IsRequired();
        builder.HasIndex(t => t.State);
        builder.Ignore(t => t.TargetPlaceIds);
        builder.Ignore(t => t.IsOpen);
    }
}
