namespace CareFleet.Contracts.Tests;

/// <summary>Sample messages as robots and the master control send them.</summary>
internal static class Samples
{
    public const string State21 = """
        {
          "headerId": 42,
          "timestamp": "2026-11-30T08:15:00.120Z",
          "version": "2.1.0",
          "manufacturer": "Kindred Robotics",
          "serialNumber": "MED-1",
          "maps": [ { "mapId": "sunrise-garden", "mapVersion": "1.0.0", "mapStatus": "ENABLED" } ],
          "orderId": "task-17",
          "orderUpdateId": 2,
          "lastNodeId": "F1-N010",
          "lastNodeSequenceId": 4,
          "nodeStates": [
            { "nodeId": "F1-N011", "sequenceId": 6, "released": true, "nodePosition": { "x": 12.5, "y": 3, "mapId": "sunrise-garden" } },
            { "nodeId": "F1-N012", "sequenceId": 8, "released": false }
          ],
          "edgeStates": [
            { "edgeId": "F1-E010", "sequenceId": 5, "released": true },
            { "edgeId": "F1-E011", "sequenceId": 7, "released": false }
          ],
          "agvPosition": { "positionInitialized": true, "x": 11.2, "y": 3.05, "theta": 0.01, "mapId": "sunrise-garden", "localizationScore": 0.97 },
          "velocity": { "vx": 0.6, "vy": 0, "omega": 0 },
          "loads": [ { "loadId": "tray-3", "loadType": "medicationTray", "weight": 1.2 } ],
          "driving": true,
          "paused": false,
          "newBaseRequest": false,
          "distanceSinceLastNode": 1.2,
          "actionStates": [
            { "actionId": "a-1", "actionType": "medicationHandover", "actionStatus": "WAITING" },
            { "actionId": "a-0", "actionType": "pick", "actionStatus": "FINISHED", "resultDescription": "done" }
          ],
          "batteryState": { "batteryCharge": 76.5, "batteryVoltage": 24.1, "charging": false, "reach": 3200 },
          "operatingMode": "AUTOMATIC",
          "errors": [
            { "errorType": "orderUpdateError", "errorReferences": [ { "referenceKey": "orderId", "referenceValue": "task-16" } ], "errorDescription": "stale update", "errorHint": "resend", "errorLevel": "WARNING" }
          ],
          "information": [ { "infoType": "doorWait", "infoLevel": "INFO" } ],
          "safetyState": { "eStop": "NONE", "fieldViolation": false }
        }
        """;

    public const string State20 = """
        {
          "headerId": 7,
          "timestamp": "2026-11-30T08:15:00.12Z",
          "version": "2.0.0",
          "manufacturer": "OpenCare",
          "serialNumber": "PATROL-2",
          "orderId": "",
          "orderUpdateId": 0,
          "lastNodeId": "",
          "lastNodeSequenceId": 0,
          "nodeStates": [],
          "edgeStates": [],
          "driving": false,
          "actionStates": [],
          "batteryState": { "batteryCharge": 90, "charging": true },
          "operatingMode": "AUTOMATIC",
          "errors": [],
          "safetyState": { "eStop": "NONE", "fieldViolation": false }
        }
        """;

    public const string Order20 = """
        {
          "headerId": 3,
          "timestamp": "2026-11-30T08:00:00.000Z",
          "version": "2.0.0",
          "manufacturer": "Kindred Robotics",
          "serialNumber": "MED-1",
          "orderId": "task-17",
          "orderUpdateId": 0,
          "nodes": [
            { "nodeId": "F1-N001", "sequenceId": 0, "released": true, "nodePosition": { "x": 1, "y": 2, "theta": 0, "allowedDeviationXY": 0.2, "mapId": "sunrise-garden" }, "actions": [] },
            { "nodeId": "F1-N002", "sequenceId": 2, "released": true, "actions": [
              { "actionType": "medicationHandover", "actionId": "a-1", "blockingType": "HARD", "actionParameters": [
                { "key": "residentId", "value": "res-0042" },
                { "key": "doseId", "value": "dose-9" },
                { "key": "level", "value": 3 },
                { "key": "caregiverPresent", "value": true },
                { "key": "scanFor", "value": [ "wetFloor", "doorOpen" ] }
              ] }
            ] },
            { "nodeId": "F1-N003", "sequenceId": 4, "released": false, "actions": [] }
          ],
          "edges": [
            { "edgeId": "F1-E001", "sequenceId": 1, "released": true, "startNodeId": "F1-N001", "endNodeId": "F1-N002", "maxSpeed": 0.8, "length": 4.5, "orientationType": "TANGENTIAL", "actions": [] },
            { "edgeId": "F1-E002", "sequenceId": 3, "released": false, "startNodeId": "F1-N002", "endNodeId": "F1-N003", "actions": [] }
          ]
        }
        """;

    public const string InstantActions20 = """
        {
          "headerId": 11,
          "timestamp": "2026-11-30T08:00:00.000Z",
          "version": "2.0.0",
          "manufacturer": "Kindred Robotics",
          "serialNumber": "MED-1",
          "actions": [
            { "actionType": "cancelOrder", "actionId": "ia-1", "blockingType": "HARD" },
            { "actionType": "factsheetRequest", "actionId": "ia-2", "blockingType": "NONE" }
          ]
        }
        """;

    public const string Connection20 = """
        { "headerId": 0, "timestamp": "2026-11-30T08:00:00.000Z", "version": "2.0.0", "manufacturer": "OpenCare", "serialNumber": "PATROL-2", "connectionState": "CONNECTIONBROKEN" }
        """;

    public const string Visualization21 = """
        { "headerId": 1, "timestamp": "2026-11-30T08:00:00.000Z", "version": "2.1.0", "manufacturer": "OpenCare", "serialNumber": "PATROL-2",
          "agvPosition": { "positionInitialized": true, "x": 1, "y": 2, "theta": 0, "mapId": "sunrise-garden" }, "velocity": { "vx": 0.3 } }
        """;

    public const string Factsheet21 = """
        {
          "headerId": 0,
          "timestamp": "2026-11-30T08:00:00.000Z",
          "version": "2.1.0",
          "manufacturer": "Kindred Robotics",
          "serialNumber": "MED-1",
          "typeSpecification": { "seriesName": "Kindred M1", "agvKinematic": "DIFF", "agvClass": "CARRIER", "maxLoadMass": 20, "localizationTypes": [ "NATURAL" ], "navigationTypes": [ "AUTONOMOUS" ] },
          "physicalParameters": { "speedMin": 0.05, "speedMax": 1.0, "accelerationMax": 0.5, "decelerationMax": 0.8, "heightMax": 1.3, "width": 0.55, "length": 0.7 },
          "protocolLimits": {
            "maxStringLens": { "idLen": 64, "idNumericalOnly": false },
            "maxArrayLens": { "order.nodes": 50, "order.edges": 49, "instantActions": 8 },
            "timing": { "minOrderInterval": 1, "minStateInterval": 0.5, "defaultStateInterval": 5 }
          },
          "protocolFeatures": {
            "optionalParameters": [ { "parameter": "order.edges.trajectory", "support": "SUPPORTED" } ],
            "agvActions": [
              { "actionType": "medicationHandover", "actionScopes": [ "NODE" ], "blockingTypes": [ "HARD" ], "actionParameters": [ { "key": "residentId", "valueDataType": "STRING" } ] }
            ]
          },
          "agvGeometry": { "envelopes2d": [ { "set": "default", "polygonPoints": [ { "x": 0.4, "y": 0.3 }, { "x": -0.3, "y": 0.3 }, { "x": -0.3, "y": -0.3 } ] } ] },
          "loadSpecification": { "loadPositions": [ "drawer-1" ] },
          "vehicleConfig": { "versions": [ { "key": "firmware", "value": "3.2.1" } ] }
        }
        """;
}
