namespace CareFleet.Host.Clock;

/// <summary>
/// Simulated time that runs <c>speed</c> times faster than real time from the moment it was made, so a
/// demo can show a night shift in minutes. Timers fire at the scaled rate.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly double _speed;
    private readonly DateTimeOffset _start;
    private readonly long _startTimestamp;

    public ScaledTimeProvider(TimeProvider real, double speed)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentOutOfRangeException.ThrowIfLessThan(speed, 1.0);
        _real = real;
        _speed = speed;
        _start = real.GetUtcNow();
        _startTimestamp = real.GetTimestamp();
    }

    public double Speed => _speed;

    public override DateTimeOffset GetUtcNow() => _start + _real.GetElapsedTime(_startTimestamp) * _speed;

    public override long GetTimestamp() => _startTimestamp + (long)((_real.GetTimestamp() - _startTimestamp) * _speed);

    public override long TimestampFrequency => _real.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _real.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _real.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    private TimeSpan Scale(TimeSpan t) => t == Timeout.InfiniteTimeSpan || t <= TimeSpan.Zero ? t : t / _speed;
}
