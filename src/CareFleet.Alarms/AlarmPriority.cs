namespace CareFleet.Alarms;

/// <summary>
/// Alarm priority with the meaning IEC 60601-1-8 gives it. The standard defines what each priority asks
/// of the operator; it does not say which clinical condition gets which priority, so every rule that
/// raises an alarm chooses (and documents) its own.
/// </summary>
public enum AlarmPriority
{
    /// <summary>
    /// Awareness: the operator's response may be delayed (longer than for medium). Potential harm if
    /// ignored: minor discomfort or a reversible minor injury. Signalled as constant yellow or cyan, "*".
    /// </summary>
    Low = 1,

    /// <summary>
    /// Prompt response. Potential harm if ignored: reversible injury. Signalled as yellow flashing
    /// 0.4–0.8 Hz, "**", a 3-pulse burst.
    /// </summary>
    Medium = 2,

    /// <summary>
    /// Immediate response. Potential harm if ignored: death or irreversible injury. Signalled as red
    /// flashing 1.4–2.8 Hz, "***", a 10-pulse burst repeating.
    /// </summary>
    High = 3,
}
