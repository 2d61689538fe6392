// Pure monitoring path: vital-sign report → validated → NEWS2 → alarm decision, on one thread, and the
// memory a monitored resident costs at steady state. Run in Release:
//   dotnet run -c Release --project bench/CareFleet.Alarms.Bench
//
// Measured 2026-11-30 (Release, .NET 10, one thread pinned to one core of a 2-core machine shared with
// other builds, load average 10–13, so the rates swing between runs; 1,000 residents, 200,000 pre-built
// reports per round, best of 5 rounds; four runs, range shown):
//   validate + NEWS2:                    2.1–3.5 M reports/s
//   validate + NEWS2 + alarm decision:   0.65–1.45 M reports/s
//   memory per monitored resident:       about 850 bytes (1,000 residents, 210 latched conditions)
//   alarm raise (route + 2 events):      50–90 k alarms/s (first 1,000, cold)
//   open alarm + its 2 stored events:    about 960 bytes
//   escalation tick over 1,000 alarms:   11–15 ms (all 1,000 escalate, cold)
//   restore 1,000 alarms (3,000 events): 4–21 ms
using System.Diagnostics;
using System.Globalization;
using CareFleet.Alarms;
using CareFleet.Care.Monitoring;
using CareFleet.Care.Vitals;
using Microsoft.Extensions.Time.Testing;

const int Residents = 1_000;
const int ReportsPerRound = 200_000;
const int Rounds = 5;

if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
{
    // One core, as the figure is "per core".
    Process.GetCurrentProcess().ProcessorAffinity = 1;
}

var start = new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.Zero);
var reports = BuildReports(start, Residents, ReportsPerRound);

// Throughput: validate + score only, then the full engine (validation, NEWS2, band rules, latching).
var scoreOnly = Measure("validate + NEWS2", () =>
{
    var total = 0;
    foreach (var r in reports)
    {
        var v = VitalSignsValidator.Validate(r, start);
        if (v.Accepted is { } vitals)
        {
            total += News2.Score(vitals, SpO2Scale.Scale1).Total;
        }
    }

    return total;
});

var fullPath = Measure("validate + NEWS2 + alarm decision", () =>
{
    var engine = NewEngine(start, out _);
    var alarms = 0;
    foreach (var r in reports)
    {
        alarms += engine.Observe(r).Alarms.Count;
    }

    return alarms;
});

// Memory per monitored resident at steady state: engines holding 1,000 residents after every resident
// has had readings (some with latched alarm conditions, all with timers), minus an empty engine.
var before = GC.GetTotalMemory(forceFullCollection: true);
var steady = NewEngine(start, out var clock);
var latched = 0;
foreach (var r in reports)
{
    latched += steady.Observe(r).Alarms.Count;
}

clock.Advance(TimeSpan.FromMinutes(1));
steady.Tick();
var after = GC.GetTotalMemory(forceFullCollection: true);
var perResident = (after - before) / (double)Residents;

// The alarm book: raising 1,000 alarms (one per resident), then memory per open alarm with its events,
// and the cost of one escalation tick over all of them.
var bookBefore = GC.GetTotalMemory(forceFullCollection: true);
var bookClock = new FakeTimeProvider(start);
var book = new AlarmBook(new AlarmOptions(), new BenchRoster(), bookClock);
var stored = new List<AlarmEvent>();
var raiseWatch = Stopwatch.StartNew();
for (var i = 0; i < Residents; i++)
{
    stored.AddRange(book.Raise(
        new AlarmRequest(ResidentId(i), ResidentId(i), MonitoringConditions.News2High, "news2-band", AlarmPriority.High,
            new AlarmLocation("room-" + (i / 2).ToString(CultureInfo.InvariantCulture)), "NEWS2 9", [new AlarmEvidence("news2.total", "9", "{score}")], start),
        new Guid(i + 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)).Events);
}

var raisePerSecond = Residents / raiseWatch.Elapsed.TotalSeconds;
var bookAfter = GC.GetTotalMemory(forceFullCollection: true);
bookClock.Advance(TimeSpan.FromSeconds(60));
var tickWatch = Stopwatch.StartNew();
stored.AddRange(book.Tick());
var tickMs = tickWatch.Elapsed.TotalMilliseconds;
var restoreWatch = Stopwatch.StartNew();
var restored = new AlarmBook(new AlarmOptions(), new BenchRoster(), bookClock);
restored.Restore(stored);
var restoreMs = restoreWatch.Elapsed.TotalMilliseconds;
GC.KeepAlive(book);
GC.KeepAlive(restored);
GC.KeepAlive(steady);
GC.KeepAlive(reports);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"validate + NEWS2:                   {scoreOnly,12:N0} reports/s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"validate + NEWS2 + alarm decision:  {fullPath,12:N0} reports/s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory per monitored resident:      {perResident,12:N0} bytes ({Residents} residents, {steady.TrackedConditionCount} tracked conditions, {latched} alarms raised)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alarm raise (route + 2 events):     {raisePerSecond,12:N0} alarms/s (first 1,000, cold)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"open alarm + its 2 stored events:   {(bookAfter - bookBefore) / (double)Residents,12:N0} bytes"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"escalation tick, 1,000 open alarms: {tickMs,12:F2} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"restore 1,000 alarms from events:   {restoreMs,12:F2} ms ({stored.Count} events)"));
return;

static MonitoringEngine NewEngine(DateTimeOffset start, out FakeTimeProvider clock)
{
    clock = new FakeTimeProvider(start);
    var engine = new MonitoringEngine(new MonitoringOptions(), clock);
    for (var i = 0; i < Residents; i++)
    {
        engine.Register(new ResidentMonitoringProfile(
            ResidentId(i), "room-" + (i / 2).ToString(CultureInfo.InvariantCulture), null,
            i % 20 == 0 ? SpO2Scale.Scale2 : SpO2Scale.Scale1, MorseScore: i % 60, BradenScore: 10 + (i % 12), HasBedRobot: i % 3 == 0));
    }

    return engine;
}

static double Measure(string name, Func<int> round)
{
    var sink = 0;
    for (var i = 0; i < 2; i++)
    {
        sink += round();
    }

    var best = double.MaxValue;
    for (var i = 0; i < Rounds; i++)
    {
        var sw = Stopwatch.StartNew();
        sink += round();
        best = Math.Min(best, sw.Elapsed.TotalSeconds);
    }

    GC.KeepAlive(sink);
    Console.Error.WriteLine($"{name}: best round {best * 1000:F1} ms");
    return ReportsPerRound / best;
}

static string ResidentId(int i) => "res-" + i.ToString("D4", CultureInfo.InvariantCulture);

static VitalSignsReport[] BuildReports(DateTimeOffset at, int residents, int count)
{
    // Deterministic pseudo-random mix: mostly stable residents, a few deteriorating, some partial sets
    // from bed sensors, a few impossible readings.
    var rng = new Random(5);
    var result = new VitalSignsReport[count];
    for (var i = 0; i < count; i++)
    {
        var resident = i % residents;
        var sick = resident % 25 == 0 ? 2 : resident % 10 == 0 ? 1 : 0;
        var rr = 14 + rng.Next(0, 5) + (sick * 5);
        var hr = 68 + rng.Next(0, 15) + (sick * 20);
        var spo2 = 97 - rng.Next(0, 3) - (sick * 2);
        var sbp = 125 - rng.Next(0, 15) - (sick * 12);
        var temp = 36.6m + (rng.Next(0, 6) / 10m) + sick;
        var partial = i % 7 == 0;
        var impossible = i % 997 == 0;
        result[i] = new VitalSignsReport(
            ResidentId(resident),
            at,
            "bed-" + resident.ToString(CultureInfo.InvariantCulture),
            RespiratoryRate: new Quantity(rr, VitalSignCodes.PerMinute),
            SpO2: new Quantity(impossible ? 140 : spo2, VitalSignCodes.Percent),
            OnSupplementalOxygen: partial ? null : false,
            Systolic: partial ? null : new Quantity(sbp, VitalSignCodes.MillimetresOfMercury),
            Diastolic: partial ? null : new Quantity(sbp - 45, VitalSignCodes.MillimetresOfMercury),
            HeartRate: new Quantity(hr, VitalSignCodes.PerMinute),
            Temperature: partial ? null : new Quantity(temp, VitalSignCodes.Celsius),
            Consciousness: partial ? null : Consciousness.Alert);
    }

    return result;
}

internal sealed class BenchRoster : IStaffRoster
{
    private static readonly StaffMember[] Caregiver = [new("cg-1", StaffRole.Caregiver)];
    private static readonly StaffMember[] Nurse = [new("rn-1", StaffRole.Nurse)];
    private static readonly StaffMember[] Charge = [new("cn-1", StaffRole.ChargeNurse)];

    public IReadOnlyList<StaffMember> CoveringRoom(string roomId, DateTimeOffset at) => Caregiver;

    public IReadOnlyList<StaffMember> OnShiftWithRole(StaffRole role, DateTimeOffset at) => role == StaffRole.ChargeNurse ? Charge : Nurse;

    public IReadOnlyList<StaffMember> OnShift(DateTimeOffset at) => [.. Caregiver, .. Nurse, .. Charge];

    public bool IsOnShift(string staffId, DateTimeOffset at) => true;
}
