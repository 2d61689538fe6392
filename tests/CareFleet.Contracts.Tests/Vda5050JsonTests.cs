using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareFleet.Contracts.CareActions;
using CareFleet.Contracts.Vda5050;
using CareFleet.Contracts.Vda5050.Validation;

namespace CareFleet.Contracts.Tests;

public sealed class Vda5050JsonTests
{
    [Theory]
    [InlineData(nameof(Samples.State21))]
    [InlineData(nameof(Samples.Order20))]
    [InlineData(nameof(Samples.InstantActions20))]
    [InlineData(nameof(Samples.Connection20))]
    [InlineData(nameof(Samples.Visualization21))]
    [InlineData(nameof(Samples.Factsheet21))]
    public void Message_RoundTrips_WithEveryFieldIntact(string sample)
    {
        var json = (string)typeof(Samples).GetField(sample)!.GetValue(null)!;
        var written = sample switch
        {
            nameof(Samples.State21) => RoundTrip<AgvState>(json),
            nameof(Samples.Order20) => RoundTrip<Order>(json),
            nameof(Samples.InstantActions20) => RoundTrip<InstantActions>(json),
            nameof(Samples.Connection20) => RoundTrip<Connection>(json),
            nameof(Samples.Visualization21) => RoundTrip<Visualization>(json),
            _ => RoundTrip<Factsheet>(json),
        };

        var expected = JsonNode.Parse(json);
        var actual = JsonNode.Parse(written);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Round trip changed the message.\nExpected: {expected!.ToJsonString()}\nActual:   {actual!.ToJsonString()}");
    }

    [Fact]
    public void State_Deserializes_IntoTypedFields()
    {
        var state = Vda5050Json.TryDeserialize<AgvState>(Encoding.UTF8.GetBytes(Samples.State21));

        Assert.NotNull(state);
        Assert.Equal(42u, state.HeaderId);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 15, 0, 120, TimeSpan.Zero), state.Timestamp);
        Assert.Equal(OperatingMode.Automatic, state.OperatingMode);
        Assert.Equal(ErrorLevel.Warning, Assert.Single(state.Errors).ErrorLevel);
        Assert.Equal(ActionStatus.Finished, state.ActionStates[1].ActionStatus);
        Assert.Equal(MapStatus.Enabled, Assert.Single(state.Maps!).MapStatus);
        Assert.Equal(76.5, state.BatteryState.BatteryCharge);
        Assert.Equal(EStop.None, state.SafetyState.EStop);
        Assert.Equal(6u, state.NodeStates[0].SequenceId);
    }

    [Fact]
    public void Enums_AreWritten_AsTheSpecStrings()
    {
        var connection = new Connection { ConnectionState = ConnectionState.ConnectionBroken, Manufacturer = "M", SerialNumber = "S" };
        var order = new Order
        {
            Nodes = [new OrderNode { NodeId = "n", Actions = [new Vda5050Action { ActionType = "x", ActionId = "1", BlockingType = BlockingType.Soft }] }],
        };
        var sheetJson = Encoding.UTF8.GetString(Vda5050Json.Serialize(new Factsheet
        {
            TypeSpecification = new TypeSpecification { AgvKinematic = AgvKinematic.ThreeWheel, NavigationTypes = [NavigationType.PhysicalLineGuided] },
        }));

        Assert.Contains("\"connectionState\":\"CONNECTIONBROKEN\"", Encoding.UTF8.GetString(Vda5050Json.Serialize(connection)), StringComparison.Ordinal);
        Assert.Contains("\"blockingType\":\"SOFT\"", Encoding.UTF8.GetString(Vda5050Json.Serialize(order)), StringComparison.Ordinal);
        Assert.Contains("\"agvKinematic\":\"THREEWHEEL\"", sheetJson, StringComparison.Ordinal);
        Assert.Contains("\"PHYSICAL_LINE_GUIDED\"", sheetJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Timestamp_IsWritten_AsUtcWithZ()
    {
        var message = new Connection { Timestamp = new DateTimeOffset(2026, 11, 30, 16, 5, 9, 250, TimeSpan.FromHours(8)) };

        var json = Encoding.UTF8.GetString(Vda5050Json.Serialize(message));

        Assert.Contains("\"timestamp\":\"2026-11-30T08:05:09.250Z\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void NullOptionalFields_AreOmitted_AndDottedLimitNamesKept()
    {
        var sheet = new Factsheet { ProtocolLimits = new ProtocolLimits { MaxArrayLens = new MaxArrayLens { OrderNodes = 20 } } };

        var json = Encoding.UTF8.GetString(Vda5050Json.Serialize(sheet));

        Assert.Contains("\"order.nodes\":20", json, StringComparison.Ordinal);
        Assert.DoesNotContain("order.edges", json, StringComparison.Ordinal);
        Assert.DoesNotContain("vehicleConfig", json, StringComparison.Ordinal);
    }

    [Fact]
    public void OrderBuiltInCode_PassesTheOfficial20Schema()
    {
        var order = new Order
        {
            HeaderId = 1,
            Timestamp = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero),
            Manufacturer = "Kindred Robotics",
            SerialNumber = "MED-1",
            OrderId = "o-1",
            Nodes =
            [
                new OrderNode { NodeId = "A", SequenceId = 0, Released = true, NodePosition = new NodePosition { X = 1, Y = 1, MapId = "m" } },
                new OrderNode
                {
                    NodeId = "B", SequenceId = 2, Released = true,
                    Actions = [new Vda5050Action { ActionType = CareActionTypes.WaitWithResident, ActionId = "w1", BlockingType = BlockingType.Hard,
                        ActionParameters = [new ActionParameter(CareActionParameters.AlarmId, JsonSerializer.SerializeToElement("al-1"))] }],
                },
            ],
            Edges = [new OrderEdge { EdgeId = "AB", SequenceId = 1, Released = true, StartNodeId = "A", EndNodeId = "B", MaxSpeed = 0.5 }],
        };

        var result = Vda5050Validator.Validate(Vda5050Topic.Order, Vda5050Json.Serialize(order));

        Assert.True(result.IsValid, result.Describe());
        Assert.Equal("2.0", result.SchemaVersion);
    }

    [Fact]
    public void CareActionDeclarations_PassTheOfficial21FactsheetSchema()
    {
        var sheet = Vda5050Json.TryDeserialize<Factsheet>(Encoding.UTF8.GetBytes(Samples.Factsheet21))! with
        {
            ProtocolFeatures = new ProtocolFeatures { AgvActions = CareActionDefinitions.All },
        };

        var result = Vda5050Validator.Validate(Vda5050Topic.Factsheet, Vda5050Json.Serialize(sheet));

        Assert.True(result.IsValid, result.Describe());
        Assert.Equal(CareActionTypes.All.Order(StringComparer.Ordinal), sheet.ProtocolFeatures.AgvActions.Select(a => a.ActionType).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TryDeserialize_ReturnsNull_WhenPayloadDoesNotFit()
    {
        Assert.Null(Vda5050Json.TryDeserialize<Connection>("{\"connectionState\":\"SLEEPING\"}"u8));
        Assert.Null(Vda5050Json.TryDeserialize<Connection>("not json"u8));
    }

    [Fact]
    public void Options_AreShared_AndReadOnly()
    {
        Assert.Same(Vda5050Json.Options, Vda5050Json.Options);
        Assert.True(Vda5050Json.Options.IsReadOnly);
    }

    private static string RoundTrip<T>(string json) where T : Vda5050Message
    {
        var message = Vda5050Json.TryDeserialize<T>(Encoding.UTF8.GetBytes(json));
        Assert.NotNull(message);
        return Encoding.UTF8.GetString(Vda5050Json.Serialize(message));
    }
}
