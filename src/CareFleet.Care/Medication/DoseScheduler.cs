namespace CareFleet.Care.Medication;

/// <summary>Derives due doses from orders. Pure: the same orders and period always give the same doses and ids.</summary>
public sealed class DoseScheduler
{
    private readonly MedicationOptions _options;

    public DoseScheduler(MedicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    public TimeSpan WindowFor(MedicationOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.WindowOverride ?? _options.WindowFor(order.Class);
    }

    /// <summary>
    /// The scheduled doses of <paramref name="order"/> with a scheduled time in [<paramref name="from"/>,
    /// <paramref name="to"/>) while the order is active, ordered by time. Times of day are read in
    /// <paramref name="homeZone"/>; PRN orders yield none (see <see cref="CreatePrnDose"/>).
    /// </summary>
    public IReadOnlyList<DueDose> Derive(MedicationOrder order, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo homeZone)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(homeZone);
        order.Validate();
        if (to < from)
        {
            throw new ArgumentException($"The period ends ({to:O}) before it starts ({from:O}).", nameof(to));
        }

        var start = order.Start > from ? order.Start : from;
        var end = order.Stop is { } stop && stop < to ? stop : to;
        var doses = new List<DueDose>();
        if (start >= end)
        {
            return doses;
        }

        var window = WindowFor(order);
        switch (order.Schedule)
        {
            case TimesOfDaySchedule t:
                foreach (var at in TimesOfDay(t, start, end, homeZone))
                {
                    doses.Add(Make(order, at, window));
                }

                break;
            case IntervalSchedule i:
                var anchor = i.Anchor ?? order.Start;
                var k = start > anchor ? (long)Math.Ceiling((start - anchor).Ticks / (double)i.Every.Ticks) : 0;
                for (var at = anchor + (i.Every * k); at < end; at += i.Every)
                {
                    if (at >= start)
                    {
                        doses.Add(Make(order, at, window));
                    }
                }

                break;
        }

        return doses;
    }

    public IReadOnlyList<DueDose> Derive(IEnumerable<MedicationOrder> orders, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo homeZone)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var all = new List<DueDose>();
        foreach (var order in orders)
        {
            all.AddRange(Derive(order, from, to, homeZone));
        }

        all.Sort(static (a, b) => a.ScheduledAt != b.ScheduledAt
            ? a.ScheduledAt.CompareTo(b.ScheduledAt)
            : string.CompareOrdinal(a.Id.Value, b.Id.Value));
        return all;
    }

    /// <summary>A PRN dose asked for at <paramref name="requestedAt"/>; it stays open for <see cref="MedicationOptions.PrnWindow"/>.</summary>
    public DueDose CreatePrnDose(MedicationOrder order, DateTimeOffset requestedAt)
    {
        ArgumentNullException.ThrowIfNull(order);
        order.Validate();
        if (!order.IsPrn)
        {
            throw new ArgumentException($"Order {order.OrderId} is not a PRN order.", nameof(order));
        }

        var at = requestedAt.ToUniversalTime();
        return new DueDose(DoseId.ForPrn(order.OrderId, at), order.OrderId, order.ResidentId, at, at, at + _options.PrnWindow,
            IsPrn: true, Hold: order.HoldAt(at));
    }

    private static DueDose Make(MedicationOrder order, DateTimeOffset at, TimeSpan window)
    {
        var utc = at.ToUniversalTime();
        return new DueDose(DoseId.For(order.OrderId, utc), order.OrderId, order.ResidentId, utc, utc - window, utc + window,
            Hold: order.HoldAt(utc));
    }

    private static IEnumerable<DateTimeOffset> TimesOfDay(TimesOfDaySchedule schedule, DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        // One local day either side covers every offset a zone can have.
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime).AddDays(-1);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(end, zone).DateTime).AddDays(1);
        var times = schedule.Times.Distinct().Order().ToArray();
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            if (schedule.Weekdays is { } weekdays && !weekdays.Contains(day.DayOfWeek))
            {
                continue;
            }

            foreach (var time in times)
            {
                var at = LocalToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), zone);
                if (at >= start && at < end)
                {
                    yield return at;
                }
            }
        }
    }

    /// <summary>
    /// A wall-clock time that does not exist (spring forward) is moved forward by the gap, as a nurse would give the
    /// 02:30 dose at 03:30; one that occurs twice (fall back) is given once, at its first occurrence.
    /// </summary>
    internal static DateTimeOffset LocalToUtc(DateTime local, TimeZoneInfo zone)
    {
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            offset = zone.GetUtcOffset(local.AddDays(-1));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(DateTime.SpecifyKind(local - offset, DateTimeKind.Utc).Ticks, TimeSpan.Zero);
    }
}
