using System.Text.Json;

namespace CareFleet.Contracts.Vda5050.Validation;

/// <summary>Rules of the spec text that the JSON schemas cannot express. Run only on schema-valid messages.</summary>
internal static class Vda5050SemanticRules
{
    public static void Check(Vda5050Topic topic, JsonElement root, List<Vda5050ValidationError> errors)
    {
        try
        {
            CheckTopic(topic, root, errors);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or KeyNotFoundException)
        {
            // Defence in depth: the schema has vouched for shapes and types, but never let a value the rules
            // did not expect crash the caller.
            errors.Add(new("", $"Could not be checked: {ex.Message}"));
        }
    }

    private static void CheckTopic(Vda5050Topic topic, JsonElement root, List<Vda5050ValidationError> errors)
    {
        CheckHeader(root, errors);
        switch (topic)
        {
            case Vda5050Topic.State:
                CheckState(root, errors);
                break;
            case Vda5050Topic.Order:
                CheckOrder(root, errors);
                break;
            case Vda5050Topic.InstantActions:
                CheckUniqueActionIds(root, errors, [("actions", null)]);
                break;
            default:
                break;
        }
    }

    private static void CheckHeader(JsonElement root, List<Vda5050ValidationError> errors)
    {
        // Visualization and factsheet schemas leave the header optional, but §6.5 gives every message one and
        // the per-topic headerId is how duplicates and gaps are seen.
        if (!root.TryGetProperty("headerId", out var headerId))
        {
            errors.Add(new("/headerId", "Missing; every VDA 5050 message carries a per-topic headerId (§6.5)."));
        }
        else if (headerId.ValueKind != JsonValueKind.Number || !headerId.TryGetUInt32(out _))
        {
            errors.Add(new("/headerId", "Must be an unsigned 32-bit integer."));
        }

        if (!root.TryGetProperty("manufacturer", out var manufacturer) || manufacturer.ValueKind != JsonValueKind.String)
        {
            errors.Add(new("/manufacturer", "Missing; every VDA 5050 message names its manufacturer."));
        }
        else if (Vda5050Topics.ValidateManufacturer(manufacturer.GetString()) is { } reason)
        {
            errors.Add(new("/manufacturer", reason));
        }

        if (!root.TryGetProperty("serialNumber", out var serial) || serial.ValueKind != JsonValueKind.String)
        {
            errors.Add(new("/serialNumber", "Missing; every VDA 5050 message names its serial number."));
        }
        else if (Vda5050Topics.ValidateSerialNumber(serial.GetString()) is { } reason)
        {
            errors.Add(new("/serialNumber", reason));
        }
    }

    private static void CheckState(JsonElement root, List<Vda5050ValidationError> errors)
    {
        var orderId = root.GetProperty("orderId").GetString();
        var nodeStates = root.GetProperty("nodeStates");
        var edgeStates = root.GetProperty("edgeStates");
        if (string.IsNullOrEmpty(orderId) && (nodeStates.GetArrayLength() > 0 || edgeStates.GetArrayLength() > 0))
        {
            errors.Add(new("/orderId", "Empty, yet nodeStates or edgeStates are not: an AGV without an order has nothing left to traverse."));
        }

        var nodeSeq = CheckSequenceIds(nodeStates, "/nodeStates", even: true, errors);
        var edgeSeq = CheckSequenceIds(edgeStates, "/edgeStates", even: false, errors);

        // An edge not yet traversed still leads to its end node, so that node cannot have been traversed either.
        var i = 0;
        foreach (var edge in edgeStates.EnumerateArray())
        {
            if (!TryInteger(edge.GetProperty("sequenceId"), out var seq))
            {
                i++;
                continue;
            }

            if (!nodeSeq.ContainsKey(seq + 1))
            {
                errors.Add(new($"/edgeStates/{i}/sequenceId", $"Edge {seq} is still to traverse but its end node (sequenceId {seq + 1}) is not in nodeStates."));
            }

            i++;
        }

        CheckReleasedPrefix(nodeSeq, edgeSeq, "/nodeStates", "/edgeStates", errors);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        i = 0;
        foreach (var action in root.GetProperty("actionStates").EnumerateArray())
        {
            var id = action.GetProperty("actionId").GetString() ?? "";
            if (!seen.Add(id))
            {
                errors.Add(new($"/actionStates/{i}/actionId", $"Duplicate actionId '{id}'."));
            }

            i++;
        }

        var chargeElement = root.GetProperty("batteryState").GetProperty("batteryCharge");
        if (!chargeElement.TryGetDouble(out var charge) || !double.IsFinite(charge) || charge is < 0 or > 100)
        {
            errors.Add(new("/batteryState/batteryCharge", $"{chargeElement.GetRawText()} is outside 0..100 percent."));
        }
    }

    private static void CheckOrder(JsonElement root, List<Vda5050ValidationError> errors)
    {
        var nodes = root.GetProperty("nodes");
        var edges = root.GetProperty("edges");
        if (nodes.GetArrayLength() == 0)
        {
            errors.Add(new("/nodes", "An order has at least one node."));
            return;
        }

        if (edges.GetArrayLength() != nodes.GetArrayLength() - 1)
        {
            errors.Add(new("/edges", $"{edges.GetArrayLength()} edges for {nodes.GetArrayLength()} nodes; an order has one edge fewer than nodes."));
        }

        var nodeSeq = CheckSequenceIds(nodes, "/nodes", even: true, errors);
        var edgeSeq = CheckSequenceIds(edges, "/edges", even: false, errors);
        foreach (var (seq, (index, edge)) in edgeSeq)
        {
            var start = edge.GetProperty("startNodeId").GetString();
            var end = edge.GetProperty("endNodeId").GetString();
            if (!nodeSeq.TryGetValue(seq - 1, out var before) || before.Element.GetProperty("nodeId").GetString() != start)
            {
                errors.Add(new($"/edges/{index}/startNodeId", $"Edge {seq} starts at '{start}', which is not the node with sequenceId {seq - 1}."));
            }

            if (!nodeSeq.TryGetValue(seq + 1, out var after) || after.Element.GetProperty("nodeId").GetString() != end)
            {
                errors.Add(new($"/edges/{index}/endNodeId", $"Edge {seq} ends at '{end}', which is not the node with sequenceId {seq + 1}."));
            }
        }

        CheckReleasedPrefix(nodeSeq, edgeSeq, "/nodes", "/edges", errors);
        CheckUniqueActionIds(root, errors, [("nodes", "actions"), ("edges", "actions")]);
    }

    private static SortedDictionary<long, (int Index, JsonElement Element)> CheckSequenceIds(
        JsonElement array, string pointer, bool even, List<Vda5050ValidationError> errors)
    {
        var bySeq = new SortedDictionary<long, (int, JsonElement)>();
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (!TryInteger(element.GetProperty("sequenceId"), out var seq))
            {
                errors.Add(new($"{pointer}/{i}/sequenceId", $"{element.GetProperty("sequenceId").GetRawText()} is not a whole number within range."));
                i++;
                continue;
            }

            if (seq % 2 == 0 != even)
            {
                errors.Add(new($"{pointer}/{i}/sequenceId", $"{seq} is {(even ? "odd" : "even")}; node sequenceIds are even and edge sequenceIds odd (§6.6)."));
            }

            if (!bySeq.TryAdd(seq, (i, element)))
            {
                errors.Add(new($"{pointer}/{i}/sequenceId", $"Duplicate sequenceId {seq}."));
            }

            i++;
        }

        return bySeq;
    }

    private static bool TryInteger(JsonElement element, out long value)
    {
        if (element.TryGetInt64(out value))
        {
            return true;
        }

        // JSON Schema counts 4.0 as an integer; accept it when it is whole and safely within range.
        if (element.TryGetDouble(out var d) && double.IsFinite(d) && d == Math.Floor(d) && Math.Abs(d) < 9e15)
        {
            value = (long)d;
            return true;
        }

        value = 0;
        return false;
    }

    private static void CheckReleasedPrefix(
        SortedDictionary<long, (int Index, JsonElement Element)> nodes,
        SortedDictionary<long, (int Index, JsonElement Element)> edges,
        string nodePointer,
        string edgePointer,
        List<Vda5050ValidationError> errors)
    {
        // §6.6: the base comes first; nothing released may follow an element of the horizon.
        var all = nodes.Select(n => (Seq: n.Key, Pointer: $"{nodePointer}/{n.Value.Index}/released", n.Value.Element))
            .Concat(edges.Select(e => (Seq: e.Key, Pointer: $"{edgePointer}/{e.Value.Index}/released", e.Value.Element)))
            .OrderBy(x => x.Seq);
        long? firstHorizon = null;
        foreach (var (seq, pointer, element) in all)
        {
            var released = element.GetProperty("released").GetBoolean();
            if (!released)
            {
                firstHorizon ??= seq;
            }
            else if (firstHorizon is { } h)
            {
                errors.Add(new(pointer, $"Element {seq} is released but follows unreleased element {h}; the base must come before the horizon."));
            }
        }
    }

    private static void CheckUniqueActionIds(JsonElement root, List<Vda5050ValidationError> errors, (string Array, string? Actions)[] paths)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (arrayName, actionsName) in paths)
        {
            var i = 0;
            foreach (var item in root.GetProperty(arrayName).EnumerateArray())
            {
                if (actionsName is null)
                {
                    Add(item, $"/{arrayName}/{i}");
                }
                else
                {
                    var j = 0;
                    foreach (var action in item.GetProperty(actionsName).EnumerateArray())
                    {
                        Add(action, $"/{arrayName}/{i}/{actionsName}/{j}");
                        j++;
                    }
                }

                i++;
            }
        }

        void Add(JsonElement action, string pointer)
        {
            var id = action.GetProperty("actionId").GetString() ?? "";
            if (!seen.Add(id))
            {
                errors.Add(new($"{pointer}/actionId", $"Duplicate actionId '{id}'; action ids identify one action instance."));
            }
        }
    }
}
