using System.Text;
using System.Text.Json.Nodes;
using CareFleet.Contracts.Vda5050;
using CareFleet.Contracts.Vda5050.Validation;

namespace CareFleet.Contracts.Tests;

public sealed class Vda5050ValidatorTests
{
    [Theory]
    [InlineData(Vda5050Topic.State, nameof(Samples.State21), "2.1")]
    [InlineData(Vda5050Topic.State, nameof(Samples.State20), "2.0")]
    [InlineData(Vda5050Topic.Order, nameof(Samples.Order20), "2.0")]
    [InlineData(Vda5050Topic.InstantActions, nameof(Samples.InstantActions20), "2.0")]
    [InlineData(Vda5050Topic.Connection, nameof(Samples.Connection20), "2.0")]
    [InlineData(Vda5050Topic.Visualization, nameof(Samples.Visualization21), "2.1")]
    [InlineData(Vda5050Topic.Factsheet, nameof(Samples.Factsheet21), "2.1")]
    public void ValidMessage_IsAccepted_WithTheSchemaOfItsVersion(Vda5050Topic topic, string sample, string schemaVersion)
    {
        var result = Vda5050Validator.Validate(topic, Sample(sample));

        Assert.True(result.IsValid, result.Describe());
        Assert.Equal(schemaVersion, result.SchemaVersion);
    }

    [Fact]
    public void State20_With21OnlyMaps_IsStillValid_Under20Schema()
    {
        // The 2.0 schema does not know "maps"; without additionalProperties=false it lets the field through.
        var state = Edit(Samples.State20, n => n["maps"] = JsonNode.Parse("""[{"mapId":"m","mapVersion":"1","mapStatus":"ENABLED"}]"""));

        Assert.True(Vda5050Validator.Validate(Vda5050Topic.State, state).IsValid);
    }

    [Fact]
    public void State20_WithFractionalBatteryHealth_IsRejected_ButAccepted21()
    {
        // 2.0.0 types batteryHealth as an integer; 2.1.0 relaxed it to a number.
        var state20 = Edit(Samples.State20, n => n["batteryState"]!["batteryHealth"] = 55.5);
        var state21 = Edit(state20, n => n["version"] = "2.1.0");

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.State, state20), "/batteryState/batteryHealth", "integer");
        Assert.True(Vda5050Validator.Validate(Vda5050Topic.State, state21).IsValid);
    }

    [Fact]
    public void MissingRequiredField_IsRejected_NamingTheField()
    {
        var state = Edit(Samples.State21, n => n.AsObject().Remove("safetyState"));

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.State, state), "", "safetyState");
    }

    [Fact]
    public void WrongType_IsRejected_WithItsPointer()
    {
        var state = Edit(Samples.State21, n => n["nodeStates"]![1]!["sequenceId"] = "eight");

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.State, state), "/nodeStates/1/sequenceId", "integer");
    }

    [Fact]
    public void UnknownEnumValue_IsRejected_WithItsPointer()
    {
        var state = Edit(Samples.State21, n => n["operatingMode"] = "AUTOPILOT");

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.State, state), "/operatingMode", "");
    }

    [Fact]
    public void BadTimestamp_IsRejected()
    {
        var connection = Edit(Samples.Connection20, n => n["timestamp"] = "yesterday");

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.Connection, connection), "/timestamp", "");
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("{\"headerId\": 1,", "not valid JSON")]
    [InlineData("[1,2,3]", "object")]
    [InlineData("42", "object")]
    [InlineData("{\"headerId\":1} trailing", "not valid JSON")]
    public void Garbage_IsRejected_WithoutThrowing(string payload, string reason)
    {
        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.State, payload), "", reason);
    }

    [Fact]
    public void InvalidUtf8_IsRejected_WithoutThrowing()
    {
        byte[] payload = [(byte)'{', (byte)'"', (byte)'a', 0x81, (byte)'"', (byte)':', (byte)'1', (byte)'}'];

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.State, payload), "", "UTF-8");
    }

    [Fact]
    public void NullPayload_IsRejected_AsEmpty()
    {
        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.State, (string?)null), "", "empty");
    }

    [Theory]
    [InlineData("3.0.0", "Major version 3")]
    [InlineData("1.1.0", "Major version 1")]
    [InlineData("2.5.0", "not supported")]
    [InlineData("2.0", "Major.Minor.Patch")]
    [InlineData("v2", "Major.Minor.Patch")]
    public void UnsupportedVersion_IsRejected(string version, string reason)
    {
        var state = Edit(Samples.State20, n => n["version"] = version);

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.State, state), "/version", reason);
    }

    [Fact]
    public void MissingVersion_IsRejected()
    {
        var state = Edit(Samples.State20, n => n.AsObject().Remove("version"));

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.State, state), "/version", "Missing");
    }

    [Fact]
    public void PatchVersion_IsIgnored_WhenChoosingTheSchema()
    {
        var state = Edit(Samples.State21, n => n["version"] = "2.1.7");

        var result = Vda5050Validator.Validate(Vda5050Topic.State, state);

        Assert.True(result.IsValid, result.Describe());
        Assert.Equal("2.1", result.SchemaVersion);
    }

    [Fact]
    public void Visualization_WithoutHeaderId_IsRejected_ThoughTheSchemaAllowsIt()
    {
        var visualization = Edit(Samples.Visualization21, n => n.AsObject().Remove("headerId"));

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.Visualization, visualization), "/headerId", "Missing");
    }

    [Fact]
    public void SerialNumberWithSlash_IsRejected()
    {
        var connection = Edit(Samples.Connection20, n => n["serialNumber"] = "PATROL/2");

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.Connection, connection), "/serialNumber", "'/'");
    }

    [Fact]
    public void State_WithDuplicateNodeSequenceIds_IsRejected()
    {
        var state = Edit(Samples.State21, n => n["nodeStates"]![1]!["sequenceId"] = 6);

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.State, state), "/nodeStates/1/sequenceId", "Duplicate sequenceId 6");
    }

    [Fact]
    public void State_WithHugeSequenceId_IsRejected_WithoutThrowing()
    {
        var state = Edit(Samples.State21, n => n["nodeStates"]![0]!["sequenceId"] = JsonNode.Parse("1e30"));

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.State, state), "/nodeStates/0/sequenceId", "not a whole number");
    }

    [Fact]
    public void State_WithWholeNumberWrittenAsDecimal_IsAccepted()
    {
        var state = Edit(Samples.State21, n => n["nodeStates"]![0]!["sequenceId"] = JsonNode.Parse("6.0"));

        var result = Vda5050Validator.Validate(Vda5050Topic.State, state);

        Assert.True(result.IsValid, result.Describe());
    }

    [Fact]
    public void State_WithOddNodeSequenceId_IsRejected()
    {
        var state = Edit(Samples.State21, n => n["nodeStates"]![0]!["sequenceId"] = 9);

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.State, state), "/nodeStates/0/sequenceId", "odd");
    }

    [Fact]
    public void State_WithEdgeWhoseEndNodeIsGone_IsRejected()
    {
        var state = Edit(Samples.State21, n => n["nodeStates"]!.AsArray().RemoveAt(1));

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.State, state), "/edgeStates/1/sequenceId", "end node (sequenceId 8)");
    }

    [Fact]
    public void State_WithReleasedAfterHorizon_IsRejected()
    {
        var state = Edit(Samples.State21, n =>
        {
            n["nodeStates"]![0]!["released"] = false;
            n["edgeStates"]![1]!["released"] = true;
        });

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.State, state), "/edgeStates/1/released", "follows unreleased element 6");
    }

    [Fact]
    public void State_WithoutOrderButWithNodesLeft_IsRejected()
    {
        var state = Edit(Samples.State21, n => n["orderId"] = "");

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.State, state), "/orderId", "nothing left to traverse");
    }

    [Fact]
    public void State_WithDuplicateActionIds_IsRejected()
    {
        var state = Edit(Samples.State21, n => n["actionStates"]![1]!["actionId"] = "a-1");

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.State, state), "/actionStates/1/actionId", "Duplicate actionId 'a-1'");
    }

    [Fact]
    public void Order_WithWrongEdgeCount_IsRejected()
    {
        var order = Edit(Samples.Order20, n => n["edges"]!.AsArray().RemoveAt(1));

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.Order, order), "/edges", "1 edges for 3 nodes");
    }

    [Fact]
    public void Order_WithEdgeNotJoiningItsNeighbours_IsRejected()
    {
        var order = Edit(Samples.Order20, n => n["edges"]![1]!["startNodeId"] = "F1-N001");

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.Order, order), "/edges/1/startNodeId", "sequenceId 2");
    }

    [Fact]
    public void Order_WithDuplicateActionIdsAcrossNodes_IsRejected()
    {
        var order = Edit(Samples.Order20, n => n["nodes"]![2]!["actions"] = JsonNode.Parse("""[{"actionType":"drop","actionId":"a-1","blockingType":"HARD"}]"""));

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.Order, order), "/nodes/2/actions/0/actionId", "Duplicate actionId 'a-1'");
    }

    [Fact]
    public void Order_WithoutNodes_IsRejected()
    {
        var order = Edit(Samples.Order20, n =>
        {
            n["nodes"] = new JsonArray();
            n["edges"] = new JsonArray();
        });

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.Order, order), "/nodes", "at least one node");
    }

    [Fact]
    public void InstantActions20_WithActionType_IsAccepted_ThoughThe200SchemaFileSaysActionName()
    {
        var result = Vda5050Validator.Validate(Vda5050Topic.InstantActions, Samples.InstantActions20);

        Assert.True(result.IsValid, result.Describe());
    }

    [Fact]
    public void InstantActions_WithoutActionType_IsRejected()
    {
        var actions = Edit(Samples.InstantActions20, n => n["actions"]![0]!.AsObject().Remove("actionType"));

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.InstantActions, actions), "/actions/0", "actionType");
    }

    [Fact]
    public void Factsheet21_WithUnknownAgvClass_IsRejected()
    {
        var sheet = Edit(Samples.Factsheet21, n => n["typeSpecification"]!["agvClass"] = "HUMANOID");

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.Factsheet, sheet), "/typeSpecification/agvClass", "");
    }

    [Fact]
    public void Factsheet21_WithUnknownBlockingType_IsRejected_AtTheItem()
    {
        var sheet = Edit(Samples.Factsheet21, n => n["protocolFeatures"]!["agvActions"]![0]!["blockingTypes"] = JsonNode.Parse("""["HARD","MEDIUM"]"""));

        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.Factsheet, sheet), "/protocolFeatures/agvActions/0/blockingTypes/1", "");
    }

    [Fact]
    public void Factsheet20_IsChecked_ForItsRequiredSections()
    {
        var sheet20 = Edit(Samples.Factsheet21, n => n["version"] = "2.0.0");
        var incomplete = Edit(sheet20, n => n.AsObject().Remove("protocolLimits"));

        var result = Vda5050Validator.Validate(Vda5050Topic.Factsheet, sheet20);

        Assert.True(result.IsValid, result.Describe());
        Assert.Equal("2.0", result.SchemaVersion);
        AssertRejected(Vda5050Validator.Validate(Vda5050Topic.Factsheet, incomplete), "", "protocolLimits");
    }

    [Fact]
    public void SeveralProblems_AreAllReported()
    {
        var state = Edit(Samples.State21, n =>
        {
            n["driving"] = "yes";
            n["batteryState"]!["charging"] = 1;
        });

        var result = Vda5050Validator.Validate(Vda5050Topic.State, state);

        Assert.Contains(result.Errors, e => e.Location == "/driving");
        Assert.Contains(result.Errors, e => e.Location == "/batteryState/charging");
    }

    [Fact]
    public void RandomCorruptions_NeverThrow_AndValidOnesStayValid()
    {
        var random = new Random(5050);
        var original = Encoding.UTF8.GetBytes(Samples.State21);
        for (var i = 0; i < 400; i++)
        {
            var bytes = (byte[])original.Clone();
            var kind = i % 3;
            if (kind == 0)
            {
                bytes = bytes[..random.Next(bytes.Length)];
            }
            else if (kind == 1)
            {
                for (var j = 0; j < 3; j++)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }
            }
            else
            {
                random.NextBytes(bytes);
            }

            var result = Vda5050Validator.Validate(Vda5050Topic.State, bytes);

            Assert.True(result.IsValid || result.Errors.Count > 0);
            if (kind == 0 && bytes.Length < original.Length - 2)
            {
                Assert.False(result.IsValid, $"A state cut to {bytes.Length} bytes was accepted.");
            }
        }
    }

    [Theory]
    [InlineData(Vda5050Topic.State, nameof(Samples.State21))]
    [InlineData(Vda5050Topic.State, nameof(Samples.State20))]
    [InlineData(Vda5050Topic.Order, nameof(Samples.Order20))]
    [InlineData(Vda5050Topic.InstantActions, nameof(Samples.InstantActions20))]
    [InlineData(Vda5050Topic.Factsheet, nameof(Samples.Factsheet21))]
    public void ValuesSwappedForOddOnes_NeverThrow(Vda5050Topic topic, string sample)
    {
        JsonNode?[] oddities = [null, 0, -1, 1e30, 2.5, "", "x", true, new JsonArray(), new JsonObject(), JsonNode.Parse("[1,\"a\",null]"), 4294967296L];
        var random = new Random(2050);
        for (var round = 0; round < 300; round++)
        {
            var node = JsonNode.Parse(Sample(sample))!;
            var values = Leaves(node).ToList();
            for (var k = 0; k < 1 + random.Next(3); k++)
            {
                var (parent, key) = values[random.Next(values.Count)];
                var odd = oddities[random.Next(oddities.Length)]?.DeepClone();
                if (parent is JsonObject o)
                {
                    o[(string)key] = odd;
                }
                else if (parent is JsonArray a)
                {
                    a[(int)key] = odd;
                }
            }

            var result = Vda5050Validator.Validate(topic, node.ToJsonString());

            Assert.True(result.IsValid || result.Errors.All(e => e.Message.Length > 0));
        }
    }

    private static IEnumerable<(JsonNode Parent, object Key)> Leaves(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, child) in o.ToList())
            {
                yield return (o, key);
                if (child is not null)
                {
                    foreach (var leaf in Leaves(child))
                    {
                        yield return leaf;
                    }
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                yield return (a, i);
                if (a[i] is { } child)
                {
                    foreach (var leaf in Leaves(child))
                    {
                        yield return leaf;
                    }
                }
            }
        }
    }

    private static void AssertRejected(Vda5050ValidationResult result, string pointer, string reason)
    {
        Assert.False(result.IsValid, "Expected a rejection, got valid.");
        Assert.True(
            result.Errors.Any(e => e.Location == pointer && e.Message.Contains(reason, StringComparison.OrdinalIgnoreCase)),
            $"Expected an error at '{pointer}' mentioning '{reason}'; got:\n{result.Describe()}");
    }

    private static string Sample(string name) => (string)typeof(Samples).GetField(name)!.GetValue(null)!;

    private static string Edit(string json, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(json)!;
        edit(node);
        return node.ToJsonString();
    }
}
