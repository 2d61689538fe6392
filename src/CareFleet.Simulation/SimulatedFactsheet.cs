using CareFleet.Contracts.CareActions;
using CareFleet.Contracts.Vda5050;

namespace CareFleet.Simulation;

/// <summary>The factsheet a simulated robot publishes: its size, limits and the care actions of its type.</summary>
public static class SimulatedFactsheet
{
    public static Factsheet For(SimulatedRobotSpec spec, uint headerId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var careActions = spec.Type switch
        {
            "medication" => [CareActionTypes.MedicationHandover],
            "transferAssist" => [CareActionTypes.Reposition, CareActionTypes.WaitWithResident],
            "patrol" => [CareActionTypes.PatrolScan, CareActionTypes.WaitWithResident],
            "companion" => [CareActionTypes.StartChessSession, CareActionTypes.WaitWithResident],
            "laundry" => [CareActionTypes.LaundryPickup, CareActionTypes.LaundryDropoff],
            "exercise" => [CareActionTypes.StartExerciseClass],
            _ => Array.Empty<string>(),
        };

        var standard = new[]
        {
            Standard("startPause", ActionScope.Instant),
            Standard("stopPause", ActionScope.Instant),
            Standard("cancelOrder", ActionScope.Instant),
            Standard("factsheetRequest", ActionScope.Instant),
            Standard("stateRequest", ActionScope.Instant),
            Standard("initPosition", ActionScope.Instant),
            Standard("startCharging", ActionScope.Node),
            Standard("stopCharging", ActionScope.Node),
        };

        return new Factsheet
        {
            HeaderId = headerId,
            Timestamp = now,
            Manufacturer = spec.Manufacturer,
            SerialNumber = spec.SerialNumber,
            TypeSpecification = new TypeSpecification
            {
                SeriesName = $"{spec.Manufacturer} {spec.Type}",
                SeriesDescription = spec.Name,
                AgvKinematic = AgvKinematic.Diff,
                AgvClass = AgvClass.Carrier,
                MaxLoadMass = spec.Type == "transferAssist" ? 150 : 20,
                LocalizationTypes = [LocalizationType.Natural],
                NavigationTypes = [NavigationType.Autonomous],
            },
            PhysicalParameters = new PhysicalParameters
            {
                SpeedMin = 0.05,
                SpeedMax = SpeedMax(spec),
                AccelerationMax = 0.5,
                DecelerationMax = 0.8,
                HeightMax = 1.4,
                Width = spec.Type == "transferAssist" ? 1.0 : 0.6,
                Length = spec.Type == "transferAssist" ? 2.1 : 0.7,
            },
            ProtocolLimits = new ProtocolLimits
            {
                MaxStringLens = new MaxStringLens { MsgLen = 65536, TopicSerialLen = 64, TopicElemLen = 64, IdLen = 64, EnumLen = 32, LoadIdLen = 32 },
                MaxArrayLens = new MaxArrayLens { OrderNodes = 200, OrderEdges = 199, NodeActions = 8, EdgeActions = 4, ActionsActionsParameters = 16, InstantActions = 8 },
                Timing = new ProtocolTiming { MinOrderInterval = 0.5, MinStateInterval = 0.5, DefaultStateInterval = 1, VisualizationInterval = 1 },
            },
            ProtocolFeatures = new ProtocolFeatures
            {
                OptionalParameters = [],
                AgvActions = [.. standard, .. CareActionDefinitions.All.Where(a => careActions.Contains(a.ActionType))],
            },
            AgvGeometry = new AgvGeometry(),
            LoadSpecification = new LoadSpecification(),
        };
    }

    /// <summary>The robot's top speed in m/s: transfer-assist robots carry people and go at half speed.</summary>
    public static double SpeedMax(SimulatedRobotSpec spec) => spec.Type == "transferAssist" ? 0.5 : 1.0;

    private static AgvActionDefinition Standard(string type, ActionScope scope) => new() { ActionType = type, ActionScopes = [scope] };
}
