using CareFleet.Care.Medication;
using CareFleet.Care.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CareFleet.Care.Tests.Medication;

public sealed class DoseSchedulerTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private readonly DoseScheduler _scheduler = new(new MedicationOptions());

    [Fact]
    public void TimesOfDay_AreReadInTheHomesTimeZone()
    {
        var order = Meds.Scheduled(Meds.Digoxin, times: [new TimeOnly(8, 0), new TimeOnly(20, 0)]);
        var from = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(8));

        var doses = _scheduler.Derive(order, from, from.AddDays(1), Shanghai);

        Assert.Equal(
            [new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero)],
            doses.Select(d => d.ScheduledAt));
    }

    [Fact]
    public void Window_IsSixtyMinutesEitherSide_ByDefault()
    {
        var dose = _scheduler.Derive(Meds.Scheduled(Meds.Digoxin), Meds.Day, Meds.Day.AddDays(1), TimeZoneInfo.Utc).Single();

        Assert.Equal(Meds.Day.AddHours(7), dose.WindowOpens);
        Assert.Equal(Meds.Day.AddHours(9), dose.WindowCloses);
    }

    [Theory]
    [InlineData(OrderClass.TimeCritical, 30)]
    [InlineData(OrderClass.DailyOrLess, 120)]
    [InlineData(OrderClass.Standard, 60)]
    public void Window_FollowsTheOrderClass(OrderClass orderClass, int minutes)
    {
        var order = Meds.Scheduled(Meds.Digoxin) with { Class = orderClass };

        var dose = _scheduler.Derive(order, Meds.Day, Meds.Day.AddDays(1), TimeZoneInfo.Utc).Single();

        Assert.Equal(TimeSpan.FromMinutes(minutes), dose.ScheduledAt - dose.WindowOpens);
        Assert.Equal(TimeSpan.FromMinutes(minutes), dose.WindowCloses - dose.ScheduledAt);
    }

    [Fact]
    public void Window_UsesConfiguredOptionsAndTheOrdersOwnOverride()
    {
        var scheduler = new DoseScheduler(new MedicationOptions { StandardWindow = TimeSpan.FromMinutes(45) });
        var plain = scheduler.Derive(Meds.Scheduled(Meds.Digoxin), Meds.Day, Meds.Day.AddDays(1), TimeZoneInfo.Utc).Single();
        var overridden = scheduler.Derive(Meds.Scheduled(Meds.Digoxin) with { WindowOverride = TimeSpan.FromMinutes(15) },
            Meds.Day, Meds.Day.AddDays(1), TimeZoneInfo.Utc).Single();

        Assert.Equal(TimeSpan.FromMinutes(45), plain.WindowCloses - plain.ScheduledAt);
        Assert.Equal(TimeSpan.FromMinutes(15), overridden.WindowCloses - overridden.ScheduledAt);
    }

    [Fact]
    public void Weekdays_LimitTheDaysADoseIsScheduled()
    {
        var order = Meds.Scheduled(Meds.Digoxin) with
        {
            Schedule = new TimesOfDaySchedule([new TimeOnly(9, 0)], [DayOfWeek.Monday, DayOfWeek.Thursday]),
        };

        var doses = _scheduler.Derive(order, Meds.Day, Meds.Day.AddDays(7), TimeZoneInfo.Utc);

        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Thursday], doses.Select(d => d.ScheduledAt.DayOfWeek));
    }

    [Fact]
    public void Weekdays_AreTheHomesLocalWeekdays()
    {
        // 07:00 Monday in Shanghai is 23:00 Sunday UTC.
        var order = Meds.Scheduled(Meds.Digoxin) with
        {
            Schedule = new TimesOfDaySchedule([new TimeOnly(7, 0)], [DayOfWeek.Monday]),
        };

        var dose = _scheduler.Derive(order, Meds.Day.AddDays(-1), Meds.Day.AddDays(6), Shanghai).Single();

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero), dose.ScheduledAt);
    }

    [Fact]
    public void EveryNHours_CountsElapsedTimeFromTheAnchor()
    {
        var order = Meds.Scheduled(Meds.Digoxin) with { Schedule = new IntervalSchedule(TimeSpan.FromHours(8), Meds.Day.AddHours(6)) };

        var doses = _scheduler.Derive(order, Meds.Day.AddHours(7), Meds.Day.AddHours(31), TimeZoneInfo.Utc);

        Assert.Equal([14, 22, 30], doses.Select(d => (int)(d.ScheduledAt - Meds.Day).TotalHours));
    }

    [Fact]
    public void EveryNHours_StaysNHoursApartAcrossTheClockChange()
    {
        // London springs forward at 01:00 UTC on 29 March 2026.
        var start = new DateTimeOffset(2026, 3, 28, 22, 0, 0, TimeSpan.Zero);
        var order = Meds.Scheduled(Meds.Digoxin) with { Schedule = new IntervalSchedule(TimeSpan.FromHours(8), start) };

        var doses = _scheduler.Derive(order, start, start.AddDays(1), London);

        Assert.All(doses.Zip(doses.Skip(1)), p => Assert.Equal(TimeSpan.FromHours(8), p.Second.ScheduledAt - p.First.ScheduledAt));
        Assert.Equal(3, doses.Count);
    }

    [Fact]
    public void WallClockDose_InTheSpringGap_MovesForwardByTheGap()
    {
        // 01:30 does not exist in London on 29 March 2026; it is given at 02:30 BST = 01:30 UTC.
        var order = Meds.Scheduled(Meds.Digoxin, times: [new TimeOnly(1, 30), new TimeOnly(8, 0)]);
        var from = new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero);

        var doses = _scheduler.Derive(order, from, from.AddDays(1), London);

        Assert.Equal(
            [new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero)],
            doses.Select(d => d.ScheduledAt));
    }

    [Fact]
    public void WallClockDose_InTheRepeatedAutumnHour_IsScheduledOnceAtItsFirstOccurrence()
    {
        // 01:30 happens twice in London on 25 October 2026 (BST then GMT); the first is 00:30 UTC.
        var order = Meds.Scheduled(Meds.Digoxin, times: [new TimeOnly(1, 30)]);
        var from = new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero);

        var doses = _scheduler.Derive(order, from, from.AddDays(1), London);

        Assert.Equal([new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero)], doses.Select(d => d.ScheduledAt));
    }

    [Fact]
    public void LocalMorningDose_KeepsItsLocalTimeAcrossTheClockChange()
    {
        var order = Meds.Scheduled(Meds.Digoxin, times: [new TimeOnly(8, 0)]);
        var from = new DateTimeOffset(2026, 3, 28, 0, 0, 0, TimeSpan.Zero);

        var doses = _scheduler.Derive(order, from, from.AddDays(2), London);

        Assert.Equal([8, 7], doses.Select(d => d.ScheduledAt.UtcDateTime.Hour));
        Assert.All(doses, d => Assert.Equal(8, TimeZoneInfo.ConvertTime(d.ScheduledAt, London).Hour));
    }

    [Fact]
    public void DoseIds_AreTheSameWhenDerivedAgain()
    {
        var order = Meds.Scheduled(Meds.Digoxin, times: [new TimeOnly(8, 0), new TimeOnly(20, 0)]);
        var first = _scheduler.Derive(order, Meds.Day, Meds.Day.AddDays(3), Shanghai).Select(d => d.Id).ToArray();
        var again = new DoseScheduler(new MedicationOptions()).Derive(order, Meds.Day, Meds.Day.AddDays(3), Shanghai).Select(d => d.Id).ToArray();

        Assert.Equal(first, again);
        Assert.Equal(first.Length, first.Distinct().Count());
        Assert.Equal("ord-1@2026-03-02T00:00:00Z", first[0].Value);
    }

    [Fact]
    public void DoseIds_DoNotDependOnTheQueryPeriod()
    {
        var order = Meds.Scheduled(Meds.Digoxin);
        var wide = _scheduler.Derive(order, Meds.Day.AddDays(-2), Meds.Day.AddDays(2), TimeZoneInfo.Utc);
        var narrow = _scheduler.Derive(order, Meds.Day.AddHours(7), Meds.Day.AddHours(9), TimeZoneInfo.Utc);

        Assert.Contains(narrow.Single().Id, wide.Select(d => d.Id));
    }

    [Fact]
    public void Doses_RespectTheOrdersStartAndStop()
    {
        var order = Meds.Scheduled(Meds.Digoxin) with { Start = Meds.Day.AddHours(10), Stop = Meds.Day.AddDays(2).AddHours(8) };

        var doses = _scheduler.Derive(order, Meds.Day, Meds.Day.AddDays(5), TimeZoneInfo.Utc);

        // Day 0's 08:00 is before the start; day 2's 08:00 is at the (exclusive) stop.
        Assert.Equal([Meds.Day.AddDays(1).AddHours(8)], doses.Select(d => d.ScheduledAt));
    }

    [Fact]
    public void DosesDuringAnOrderHold_CarryTheHold()
    {
        var hold = new OrderHold("hospital leave", Meds.Day.AddDays(1), Meds.Day.AddDays(2));
        var order = Meds.Scheduled(Meds.Digoxin) with { Holds = [hold] };

        var doses = _scheduler.Derive(order, Meds.Day, Meds.Day.AddDays(3), TimeZoneInfo.Utc);

        Assert.Equal([null, hold, null], doses.Select(d => d.Hold));
    }

    [Fact]
    public void PrnOrders_HaveNoScheduledDoses_ButAPrnDoseCanBeAskedFor()
    {
        var order = Meds.Prn(Meds.Paracetamol);

        Assert.Empty(_scheduler.Derive(order, Meds.Day, Meds.Day.AddDays(1), TimeZoneInfo.Utc));
        var prn = _scheduler.CreatePrnDose(order, Meds.Day.AddHours(14));
        Assert.True(prn.IsPrn);
        Assert.Equal(Meds.Day.AddHours(15), prn.WindowCloses);
        Assert.Equal("prn-1@prn-2026-03-02T14:00:00Z", prn.Id.Value);
    }

    [Fact]
    public void AskingForAPrnDose_OfAScheduledOrder_IsAnError()
    {
        Assert.Throws<ArgumentException>(() => _scheduler.CreatePrnDose(Meds.Scheduled(Meds.Digoxin), Meds.Day));
    }

    [Theory]
    [MemberData(nameof(InvalidOrders))]
    public void InvalidOrder_IsRefusedWithAMessageNamingTheProblem(MedicationOrder order, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => _scheduler.Derive(order, Meds.Day, Meds.Day.AddDays(1), TimeZoneInfo.Utc));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<MedicationOrder, string> InvalidOrders() => new()
    {
        { Meds.Scheduled(Meds.Digoxin) with { Schedule = new TimesOfDaySchedule([]) }, "no times" },
        { Meds.Scheduled(Meds.Digoxin) with { Prn = new PrnTerms(["pain"], 2) }, "either scheduled or PRN" },
        { Meds.Scheduled(Meds.Digoxin) with { Stop = Meds.Day.AddDays(-40) }, "stops before it starts" },
        { Meds.Scheduled(Meds.Digoxin) with { Dose = new DoseQuantity(0, "tablet") }, "positive dose" },
        { Meds.Scheduled(Meds.Digoxin) with { Schedule = new IntervalSchedule(TimeSpan.FromMinutes(1)) }, "15 minutes" },
        { Meds.Prn(Meds.Paracetamol, maxPer24h: 0), "at least 1 dose" },
    };

    [Fact]
    public void Period_EndingBeforeItStarts_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => _scheduler.Derive(Meds.Scheduled(Meds.Digoxin), Meds.Day, Meds.Day.AddDays(-1), TimeZoneInfo.Utc));
    }

    [Fact]
    public void DoseState_MovesFutureDueLateMissed_WithTheClock()
    {
        var dose = _scheduler.Derive(Meds.Scheduled(Meds.Digoxin), Meds.Day, Meds.Day.AddDays(1), TimeZoneInfo.Utc).Single();
        var clock = new FakeTimeProvider(Meds.Day.AddHours(7).AddTicks(-1));
        var seen = new List<DoseState> { dose.StateNow(clock) };

        clock.Advance(TimeSpan.FromTicks(1)); // 07:00 window opens
        seen.Add(dose.StateNow(clock));
        clock.Advance(TimeSpan.FromHours(1)); // 08:00 scheduled time: still due
        seen.Add(dose.StateNow(clock));
        clock.Advance(TimeSpan.FromTicks(1)); // just after: late
        seen.Add(dose.StateNow(clock));
        clock.SetUtcNow(Meds.Day.AddHours(9)); // 09:00 window closes: still late
        seen.Add(dose.StateNow(clock));
        clock.Advance(TimeSpan.FromTicks(1));
        seen.Add(dose.StateNow(clock));

        Assert.Equal([DoseState.Future, DoseState.Due, DoseState.Due, DoseState.Late, DoseState.Late, DoseState.Missed], seen);
    }
}
