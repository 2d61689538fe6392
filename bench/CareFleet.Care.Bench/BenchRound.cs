using CareFleet.Care.Medication;

namespace CareFleet.Care.Bench;

/// <summary>A floor of 60 residents in single rooms along an L-shaped wing, each with a morning order.</summary>
internal sealed class BenchRound
{
    private static readonly TimeZoneInfo Home = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly List<MedicationOrder> _orders = [];
    private readonly Dictionary<string, ResidentLocation> _residents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double X, double Y)> _places = new(StringComparer.Ordinal);
    private readonly DoseScheduler _scheduler = new(new MedicationOptions());
    private readonly RoundRequest _request;
    private readonly DateTimeOffset _day = new(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(8));

    public BenchRound(int residents)
    {
        var rng = new Random(11);
        var drug = new Drug("Metformin", "500 mg", "tablet", Gtin.Parse("04000000000020"), ["metformin"]);
        _places["pharmacy"] = (0, 0);
        for (var i = 0; i < residents; i++)
        {
            var room = $"2{i:00}";
            // Two corridors at right angles, rooms on both sides, 4 m apart, in shuffled numbering.
            var along = (i / 2 % 15) * 4.0 + 3;
            _places[room] = i < 30 ? (along, i % 2 == 0 ? -3 : 3) : (i % 2 == 0 ? 57 : 63, along);
            _residents[$"res-{i}"] = new ResidentLocation("F2", room);
            _orders.Add(new MedicationOrder
            {
                OrderId = $"ord-{i}",
                ResidentId = $"res-{i}",
                Drug = drug,
                Dose = new DoseQuantity(1, "tablet"),
                Route = MedicationRoute.Oral,
                Schedule = new TimesOfDaySchedule([new TimeOnly(8, rng.Next(0, 2) * 30), new TimeOnly(18, 0)]),
                Start = _day.AddDays(-10),
            });
        }

        _request = new RoundRequest("F2", _day.AddHours(7.5), _day.AddHours(9), "pharmacy");
        var nearestOnly = 0.0;
        var at = "pharmacy";
        var left = new HashSet<string>(_residents.Values.Select(r => r.RoomId), StringComparer.Ordinal);
        while (left.Count > 0)
        {
            var next = left.OrderBy(r => Travel(at, r)).ThenBy(r => r, StringComparer.Ordinal).First();
            nearestOnly += Travel(at, next).TotalSeconds;
            left.Remove(next);
            at = next;
        }

        NearestNeighbourOnly = TimeSpan.FromSeconds(nearestOnly + Travel(at, "pharmacy").TotalSeconds);
    }

    public int LastStops { get; private set; }

    public TimeSpan LastTravel { get; private set; }

    public TimeSpan NearestNeighbourOnly { get; }

    public RoundPlan Plan()
    {
        var doses = _scheduler.Derive(_orders, _day, _day.AddDays(1), Home);
        var plan = RoundPlanner.Plan(_request, doses, _residents, Travel);
        LastStops = plan.Stops.Count;
        LastTravel = plan.TotalTravel;
        return plan;
    }

    // Manhattan distance through the corridors at 0.8 m/s, plus 20 s for a door.
    private TimeSpan Travel(string from, string to)
    {
        var (x1, y1) = _places[from];
        var (x2, y2) = _places[to];
        return TimeSpan.FromSeconds(((Math.Abs(x1 - x2) + Math.Abs(y1 - y2)) / 0.8) + 20);
    }
}
