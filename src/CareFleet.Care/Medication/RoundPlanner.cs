namespace CareFleet.Care.Medication;

/// <summary>Travel time between two places on the home's map (room ids, the pharmacy), as the fleet estimates it.</summary>
public delegate TimeSpan TravelTime(string from, string to);

/// <summary>Where a resident lives.</summary>
public sealed record ResidentLocation(string Floor, string RoomId);

/// <summary>A medication pass: one floor, a pass period, starting from the pharmacy.</summary>
public sealed record RoundRequest(string Floor, DateTimeOffset PassStart, DateTimeOffset PassEnd, string PharmacyLocation, bool ReturnToPharmacy = true);

/// <summary>One room visit with its doses (residents sharing a room are one stop).</summary>
public sealed record RoundStop(int Sequence, string RoomId, IReadOnlyList<string> ResidentIds, IReadOnlyList<DueDose> Doses, TimeSpan TravelFromStart);

public sealed record RoundPlan(
    RoundRequest Request,
    IReadOnlyList<RoundStop> Stops,
    TimeSpan TotalTravel)
{
    public IEnumerable<DueDose> Doses => Stops.SelectMany(s => s.Doses);
}

/// <summary>
/// Plans a medication round: picks the doses of a floor whose window overlaps the pass, groups them by room and orders
/// the visits from the pharmacy by nearest neighbour improved with 2-opt. Travel times may be asymmetric (lifts,
/// one-way corridors), so every 2-opt move is costed in both directions.
/// </summary>
public static class RoundPlanner
{
    internal const int MaxImprovementPasses = 1000;

    /// <param name="closedDoses">Doses that already have an outcome; they are not planned again.</param>
    public static RoundPlan Plan(
        RoundRequest request,
        IEnumerable<DueDose> doses,
        IReadOnlyDictionary<string, ResidentLocation> residents,
        TravelTime travel,
        IReadOnlySet<DoseId>? closedDoses = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(doses);
        ArgumentNullException.ThrowIfNull(residents);
        ArgumentNullException.ThrowIfNull(travel);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Floor);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.PharmacyLocation);
        if (request.PassEnd < request.PassStart)
        {
            throw new ArgumentException("The pass ends before it starts.", nameof(request));
        }

        var byRoom = new SortedDictionary<string, List<DueDose>>(StringComparer.Ordinal);
        foreach (var dose in doses)
        {
            if (dose.IsPrn || dose.Hold is not null || closedDoses?.Contains(dose.Id) == true
                || dose.WindowCloses < request.PassStart || dose.WindowOpens > request.PassEnd
                || !residents.TryGetValue(dose.ResidentId, out var where)
                || !string.Equals(where.Floor, request.Floor, StringComparison.Ordinal))
            {
                continue;
            }

            if (!byRoom.TryGetValue(where.RoomId, out var list))
            {
                list = [];
                byRoom.Add(where.RoomId, list);
            }

            list.Add(dose);
        }

        var rooms = byRoom.Keys.ToArray();
        if (rooms.Length == 0)
        {
            return new RoundPlan(request, [], TimeSpan.Zero);
        }

        // Node 0 is the pharmacy; node i is rooms[i - 1].
        var places = new string[rooms.Length + 1];
        places[0] = request.PharmacyLocation;
        rooms.CopyTo(places, 1);
        var cost = CostMatrix(places, travel);
        var tour = NearestNeighbour(cost);
        TwoOpt(tour, cost, request.ReturnToPharmacy);

        var stops = new List<RoundStop>(rooms.Length);
        double elapsed = 0;
        for (var k = 1; k < tour.Length; k++)
        {
            elapsed += cost[tour[k - 1], tour[k]];
            var room = places[tour[k]];
            var roomDoses = byRoom[room];
            roomDoses.Sort(static (a, b) => a.ScheduledAt != b.ScheduledAt
                ? a.ScheduledAt.CompareTo(b.ScheduledAt)
                : string.CompareOrdinal(a.Id.Value, b.Id.Value));
            stops.Add(new RoundStop(k, room, [.. roomDoses.Select(d => d.ResidentId).Distinct(StringComparer.Ordinal)], roomDoses,
                TimeSpan.FromSeconds(elapsed)));
        }

        var total = PathCost(tour, cost, request.ReturnToPharmacy);
        return new RoundPlan(request, stops, TimeSpan.FromSeconds(total));
    }

    internal static double PathCost(int[] tour, double[,] cost, bool closed)
    {
        double sum = 0;
        for (var k = 1; k < tour.Length; k++)
        {
            sum += cost[tour[k - 1], tour[k]];
        }

        return closed ? sum + cost[tour[^1], tour[0]] : sum;
    }

    private static double[,] CostMatrix(string[] places, TravelTime travel)
    {
        var n = places.Length;
        var cost = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i == j)
                {
                    continue;
                }

                var t = travel(places[i], places[j]).TotalSeconds;
                if (!double.IsFinite(t) || t < 0)
                {
                    throw new ArgumentException($"Travel time from {places[i]} to {places[j]} is {t} s; it must be finite and not negative.", nameof(travel));
                }

                cost[i, j] = t;
            }
        }

        return cost;
    }

    private static int[] NearestNeighbour(double[,] cost)
    {
        var n = cost.GetLength(0);
        var tour = new int[n];
        var used = new bool[n];
        used[0] = true;
        for (var k = 1; k < n; k++)
        {
            var from = tour[k - 1];
            var best = -1;
            for (var j = 1; j < n; j++)
            {
                if (!used[j] && (best < 0 || cost[from, j] < cost[from, best]))
                {
                    best = j;
                }
            }

            tour[k] = best;
            used[best] = true;
        }

        return tour;
    }

    /// <summary>
    /// Reverses tour[i..j] while that shortens the path. Prefix sums of the forward and backward leg costs give each
    /// move's cost in O(1) even when travel is asymmetric. The pharmacy (position 0) never moves.
    /// </summary>
    private static void TwoOpt(int[] tour, double[,] cost, bool closed)
    {
        var n = tour.Length;
        if (n < 3)
        {
            return;
        }

        var forward = new double[n];
        var backward = new double[n];
        for (var pass = 0; pass < MaxImprovementPasses; pass++)
        {
            for (var k = 1; k < n; k++)
            {
                forward[k] = forward[k - 1] + cost[tour[k - 1], tour[k]];
                backward[k] = backward[k - 1] + cost[tour[k], tour[k - 1]];
            }

            var bestDelta = -1e-9;
            int bestI = -1, bestJ = -1;
            for (var i = 1; i < n - 1; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    var before = cost[tour[i - 1], tour[i]] + (forward[j] - forward[i]);
                    var after = cost[tour[i - 1], tour[j]] + (backward[j] - backward[i]);
                    var next = j + 1 < n ? tour[j + 1] : closed ? tour[0] : -1;
                    if (next >= 0)
                    {
                        before += cost[tour[j], next];
                        after += cost[tour[i], next];
                    }

                    var delta = after - before;
                    if (delta < bestDelta)
                    {
                        bestDelta = delta;
                        bestI = i;
                        bestJ = j;
                    }
                }
            }

            if (bestI < 0)
            {
                return;
            }

            Array.Reverse(tour, bestI, bestJ - bestI + 1);
        }
    }
}
