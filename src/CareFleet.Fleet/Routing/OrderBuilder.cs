using CareFleet.Contracts.Vda5050;
using CareFleet.Fleet.Maps;

namespace CareFleet.Fleet.Routing;

/// <summary>
/// Turns a route and its grant into the nodes and edges of a VDA 5050 order: sequence ids 0, 1, 2, … (nodes
/// even, edges odd) continuing from a given first sequence id, base (<c>released</c>) up to the granted node and
/// horizon after it, node positions on the floor's map, and edge speed limits including quiet hours.
/// The caller fills in the header and actions.
/// </summary>
public sealed class OrderBuilder
{
    private readonly HomeMap _map;
    private readonly NavGraph _graph;
    private readonly TimeZoneInfo _homeTimeZone;

    /// <summary>Creates a builder for one home.</summary>
    /// <param name="map">The home map.</param>
    /// <param name="homeTimeZone">The home's time zone for quiet hours; UTC when null.</param>
    public OrderBuilder(HomeMap map, TimeZoneInfo? homeTimeZone = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        _map = map;
        _graph = map.Graph;
        _homeTimeZone = homeTimeZone ?? TimeZoneInfo.Utc;
    }

    /// <summary>
    /// Builds an order, or an order update, from route nodes <paramref name="fromIndex"/> onwards. For a new order
    /// pass the robot's current node index and first sequence id 0; for an update pass the index of the last base
    /// node already sent (the decision point) and its sequence id, with the same order id and
    /// <c>orderUpdateId + 1</c>: the update then starts exactly where the previous base ended (§6.6).
    /// </summary>
    /// <param name="route">The route.</param>
    /// <param name="fromIndex">First route node index to include.</param>
    /// <param name="grantedIndex">Last route node index of the base (from the traffic grant).</param>
    /// <param name="orderId">Order id.</param>
    /// <param name="orderUpdateId">Order update id.</param>
    /// <param name="firstSequenceId">Sequence id of the first node (even).</param>
    /// <param name="at">When the order is sent; decides which quiet hours apply to edge speeds.</param>
    /// <returns>The order without header values (set them with <c>with</c>).</returns>
    public Order Build(Route route, int fromIndex, int grantedIndex, string orderId, uint orderUpdateId, uint firstSequenceId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        ArgumentOutOfRangeException.ThrowIfNegative(fromIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(fromIndex, route.Nodes.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(grantedIndex, fromIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(grantedIndex, route.Nodes.Length);
        if (firstSequenceId % 2 != 0)
        {
            throw new ArgumentException($"Node sequence ids are even; got {firstSequenceId}.", nameof(firstSequenceId));
        }

        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _homeTimeZone).DateTime);
        var nodes = new List<OrderNode>();
        var edges = new List<OrderEdge>();
        for (var i = fromIndex; i < route.Nodes.Length; i++)
        {
            var node = route.Nodes[i];
            var sequence = firstSequenceId + (uint)(2 * (i - fromIndex));
            nodes.Add(new OrderNode
            {
                NodeId = _graph.NodeIds[node],
                SequenceId = sequence,
                Released = i <= grantedIndex,
                NodePosition = new NodePosition { X = _graph.X[node], Y = _graph.Y[node], MapId = _map.FloorMapId(_graph.NodeFloor[node]) },
            });
            if (i + 1 < route.Nodes.Length)
            {
                var arc = route.Arcs[i];
                edges.Add(new OrderEdge
                {
                    EdgeId = _graph.ArcEdgeId[arc],
                    SequenceId = sequence + 1,
                    Released = i + 1 <= grantedIndex,
                    StartNodeId = _graph.NodeIds[node],
                    EndNodeId = _graph.NodeIds[route.Nodes[i + 1]],
                    MaxSpeed = SpeedLimit(arc, local),
                    Length = _graph.ArcFixedSeconds[arc] > 0 ? null : _graph.ArcLength[arc],
                });
            }
        }

        return new Order { OrderId = orderId, OrderUpdateId = orderUpdateId, Nodes = nodes, Edges = edges };
    }

    private double? SpeedLimit(int arc, TimeOnly local)
    {
        var limit = _graph.ArcMaxSpeed[arc];
        foreach (var z in _graph.ArcQuietZones[arc])
        {
            if (_graph.ZoneQuietHours[z].Contains(local))
            {
                limit = Math.Min(limit, _graph.ZoneQuietHours[z].MaxSpeed);
            }
        }

        return double.IsFinite(limit) ? limit : null;
    }
}
