using System.Globalization;

namespace CareFleet.Care.Medication;

/// <summary>
/// A dose's stable identity: the order id and the scheduled instant (UTC, to the second), so deriving the doses again
/// after a restart yields the same ids and a resend can be recognised.
/// </summary>
public readonly record struct DoseId(string Value)
{
    public static DoseId For(string orderId, DateTimeOffset scheduledAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        return new($"{orderId}@{scheduledAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}");
    }

    public static DoseId ForPrn(string orderId, DateTimeOffset requestedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        return new($"{orderId}@prn-{requestedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}");
    }

    public override string ToString() => Value;
}

/// <summary>Where a dose stands against its window (the Future / Due / Late / Missed states of common eMARs).</summary>
public enum DoseState
{
    /// <summary>The window has not opened.</summary>
    Future,

    /// <summary>The window is open and the scheduled time has not passed.</summary>
    Due,

    /// <summary>Past the scheduled time, window still open.</summary>
    Late,

    /// <summary>The window has closed.</summary>
    Missed,
}

/// <summary>A dose derived from an order: when it is due and the window in which it may be given.</summary>
public sealed record DueDose(
    DoseId Id,
    string OrderId,
    string ResidentId,
    DateTimeOffset ScheduledAt,
    DateTimeOffset WindowOpens,
    DateTimeOffset WindowCloses,
    bool IsPrn = false,
    OrderHold? Hold = null)
{
    /// <summary>Both window edges belong to the window: at exactly ±60 min the dose may still be given.</summary>
    public DoseState StateAt(DateTimeOffset now) =>
        now < WindowOpens ? DoseState.Future
        : now <= ScheduledAt ? DoseState.Due
        : now <= WindowCloses ? DoseState.Late
        : DoseState.Missed;

    public DoseState StateNow(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return StateAt(time.GetUtcNow());
    }

    public bool IsInWindow(DateTimeOffset at) => WindowOpens <= at && at <= WindowCloses;
}
