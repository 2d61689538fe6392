namespace CareFleet.Alarms;

/// <summary>Why a command on an alarm was refused.</summary>
public enum AlarmRejectionCode
{
    /// <summary>No open alarm has that id.</summary>
    NotFound = 1,

    /// <summary>The actor's role may not do this (viewers cannot act on alarms).</summary>
    NotAllowedForRole = 2,

    /// <summary>The alarm is already resolved.</summary>
    AlreadyResolved = 3,

    /// <summary>The alarm is already acknowledged.</summary>
    AlreadyAcknowledged = 4,

    /// <summary>The command does not apply in the alarm's state.</summary>
    InvalidState = 5,

    /// <summary>Resolving needs a reason.</summary>
    ReasonRequired = 6,

    /// <summary>The reason "other" needs a note.</summary>
    NoteRequired = 7,

    /// <summary>The silence duration is not positive or exceeds the configured maximum.</summary>
    InvalidSilenceDuration = 8,

    /// <summary>The alarm request is malformed.</summary>
    InvalidRequest = 9,
}

/// <summary>A refusal with a message that names what is wrong.</summary>
public sealed record AlarmRejection(AlarmRejectionCode Code, string Message);

/// <summary>
/// The outcome of a command: the events to persist (in order, before anybody is notified), or a rejection.
/// A duplicate raise succeeds with the existing alarm's id and <see cref="IsDuplicate"/> set.
/// </summary>
public sealed record AlarmChange(Guid? AlarmId, IReadOnlyList<AlarmEvent> Events, AlarmRejection? Rejection, bool IsDuplicate = false)
{
    /// <summary>Whether the command was accepted.</summary>
    public bool Succeeded => Rejection is null;

    internal static AlarmChange Rejected(Guid? alarmId, AlarmRejectionCode code, string message) => new(alarmId, [], new AlarmRejection(code, message));
}
