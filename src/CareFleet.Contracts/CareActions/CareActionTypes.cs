using CareFleet.Contracts.Vda5050;

namespace CareFleet.Contracts.CareActions;

/// <summary>
/// Manufacturer-specific VDA 5050 action types for care work. A care robot declares the ones it supports in
/// its factsheet (<c>protocolFeatures.agvActions</c>); CareFleet sends them as node actions or instant actions.
/// </summary>
public static class CareActionTypes
{
    /// <summary>Hand a resident their medication after an identity check; the drawer opens only when CareFleet releases it.</summary>
    public const string MedicationHandover = "medicationHandover";

    /// <summary>Turn a resident in bed to a target position (pressure-injury prevention).</summary>
    public const string Reposition = "reposition";

    /// <summary>Scan the surroundings during a patrol (falls, empty beds, open doors, wet floors).</summary>
    public const string PatrolScan = "patrolScan";

    /// <summary>Collect a resident's laundry bag.</summary>
    public const string LaundryPickup = "laundryPickup";

    /// <summary>Deliver a resident's clean laundry.</summary>
    public const string LaundryDropoff = "laundryDropoff";

    /// <summary>Lead an exercise class (e.g. Baduanjin).</summary>
    public const string StartExerciseClass = "startExerciseClass";

    /// <summary>Start a xiangqi session with a resident.</summary>
    public const string StartChessSession = "startChessSession";

    /// <summary>Stay with a resident (e.g. after a fall) until staff arrive.</summary>
    public const string WaitWithResident = "waitWithResident";

    /// <summary>Every care action type.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        MedicationHandover, Reposition, PatrolScan, LaundryPickup, LaundryDropoff, StartExerciseClass, StartChessSession, WaitWithResident,
    ];
}

/// <summary>Parameter keys (<c>actionParameters[].key</c>) used by the care actions.</summary>
public static class CareActionParameters
{
    /// <summary>CareFleet's opaque resident id (never a name). STRING.</summary>
    public const string ResidentId = "residentId";

    /// <summary>Opaque id of the dose (medication administration) being handed over. STRING.</summary>
    public const string DoseId = "doseId";

    /// <summary>The drawer or compartment holding the dose. STRING.</summary>
    public const string DrawerId = "drawerId";

    /// <summary>Bed place id, e.g. <c>F1-R101-A</c>. STRING.</summary>
    public const string BedId = "bedId";

    /// <summary>Target position: one of <see cref="CarePositions"/>. STRING.</summary>
    public const string TargetPosition = "targetPosition";

    /// <summary>Whether a caregiver is confirmed present (transfer-assist rule). BOOL.</summary>
    public const string CaregiverPresent = "caregiverPresent";

    /// <summary>Place id of the area to scan or serve. STRING.</summary>
    public const string PlaceId = "placeId";

    /// <summary>What to look for: an array of <see cref="PatrolFindings"/>. ARRAY.</summary>
    public const string ScanFor = "scanFor";

    /// <summary>Laundry bag id (its tag). STRING.</summary>
    public const string BagId = "bagId";

    /// <summary>Class or session id. STRING.</summary>
    public const string SessionId = "sessionId";

    /// <summary>Exercise programme, e.g. <c>baduanjin</c>. STRING.</summary>
    public const string Programme = "programme";

    /// <summary>Planned duration in minutes. INTEGER.</summary>
    public const string DurationMinutes = "durationMinutes";

    /// <summary>Playing level 1..10. INTEGER.</summary>
    public const string Level = "level";

    /// <summary>The alarm that caused the wait. STRING.</summary>
    public const string AlarmId = "alarmId";

    /// <summary>Longest time to stay, seconds. INTEGER.</summary>
    public const string MaxDurationSeconds = "maxDurationSeconds";
}

/// <summary>Target positions for <see cref="CareActionTypes.Reposition"/>.</summary>
public static class CarePositions
{
    /// <summary>On the back.</summary>
    public const string Supine = "supine";

    /// <summary>Turned onto the left side (30° tilt).</summary>
    public const string LeftLateral = "leftLateral";

    /// <summary>Turned onto the right side (30° tilt).</summary>
    public const string RightLateral = "rightLateral";

    /// <summary>Head of bed raised about 30°.</summary>
    public const string SemiFowler = "semiFowler";
}

/// <summary>What a patrol scan looks for.</summary>
public static class PatrolFindings
{
    /// <summary>A person on the floor.</summary>
    public const string PersonOnFloor = "personOnFloor";

    /// <summary>A bed that should be occupied is empty.</summary>
    public const string BedEmpty = "bedEmpty";

    /// <summary>A door that should be closed is open.</summary>
    public const string DoorOpen = "doorOpen";

    /// <summary>A wet floor.</summary>
    public const string WetFloor = "wetFloor";
}

/// <summary>
/// Result keywords for care actions. A finished or failed care action reports one keyword in
/// <c>actionStates[].resultDescription</c>, optionally followed by <c>;key=value</c> pairs, e.g.
/// <c>held;reason=identityMismatch</c> or <c>findings;count=2</c>. Care data (identity evidence, vital signs,
/// findings) travels on CareFleet's care topics, never in the result text.
/// </summary>
public static class CareActionResults
{
    /// <summary>Done as asked (any care action).</summary>
    public const string Done = "done";

    /// <summary>Medication taken by the resident.</summary>
    public const string Taken = "taken";

    /// <summary>The resident refused (medication, repositioning, laundry).</summary>
    public const string Refused = "refused";

    /// <summary>The robot held back (drawer stays locked) and a nurse was called; add <c>;reason=…</c>.</summary>
    public const string Held = "held";

    /// <summary>The resident was not found at the place.</summary>
    public const string ResidentAbsent = "residentAbsent";

    /// <summary>Patrol scan found nothing.</summary>
    public const string Clear = "clear";

    /// <summary>Patrol scan found something; add <c>;count=N</c> (the findings themselves go on the care topic).</summary>
    public const string Findings = "findings";

    /// <summary>Laundry pick-up found no bag.</summary>
    public const string NothingToCollect = "nothingToCollect";

    /// <summary>Session or class ended before its planned end.</summary>
    public const string EndedEarly = "endedEarly";

    /// <summary>Wait ended because staff arrived.</summary>
    public const string StaffArrived = "staffArrived";

    /// <summary>Wait ended at <see cref="CareActionParameters.MaxDurationSeconds"/>.</summary>
    public const string TimedOut = "timedOut";

    /// <summary>The action was stopped for safety; add <c>;reason=…</c>.</summary>
    public const string Aborted = "aborted";

    /// <summary>Splits a result description into its keyword and its <c>key=value</c> details.</summary>
    /// <param name="resultDescription">e.g. <c>held;reason=identityMismatch</c>.</param>
    /// <returns>The keyword (empty when none) and the details.</returns>
    public static (string Keyword, IReadOnlyDictionary<string, string> Details) Parse(string? resultDescription)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(resultDescription))
        {
            return ("", details);
        }

        var parts = resultDescription.Split(';', StringSplitOptions.TrimEntries);
        foreach (var part in parts.Skip(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                details[part[..eq]] = part[(eq + 1)..];
            }
        }

        return (parts[0], details);
    }
}

/// <summary>The factsheet declarations of the care actions, as a care robot should publish them.</summary>
public static class CareActionDefinitions
{
    /// <summary>Factsheet entries for every care action.</summary>
    public static IReadOnlyList<AgvActionDefinition> All { get; } =
    [
        Define(CareActionTypes.MedicationHandover, "Identity-checked medication handover at the bedside.",
            [ActionScope.Node], [BlockingType.Hard],
            $"{CareActionResults.Taken} | {CareActionResults.Refused} | {CareActionResults.Held};reason=… | {CareActionResults.ResidentAbsent}",
            Param(CareActionParameters.ResidentId, ValueDataType.StringValue, "Opaque resident id."),
            Param(CareActionParameters.DoseId, ValueDataType.StringValue, "Opaque dose id."),
            Param(CareActionParameters.DrawerId, ValueDataType.StringValue, "Drawer holding the dose.", optional: true)),
        Define(CareActionTypes.Reposition, "Turn a resident in bed to a target position.",
            [ActionScope.Node, ActionScope.Instant], [BlockingType.Hard],
            $"{CareActionResults.Done} | {CareActionResults.Refused} | {CareActionResults.Aborted};reason=…",
            Param(CareActionParameters.ResidentId, ValueDataType.StringValue, "Opaque resident id."),
            Param(CareActionParameters.BedId, ValueDataType.StringValue, "Bed place id."),
            Param(CareActionParameters.TargetPosition, ValueDataType.StringValue, "supine | leftLateral | rightLateral | semiFowler."),
            Param(CareActionParameters.CaregiverPresent, ValueDataType.BoolValue, "A caregiver is confirmed present.", optional: true)),
        Define(CareActionTypes.PatrolScan, "Scan for falls, empty beds, open doors and wet floors.",
            [ActionScope.Node, ActionScope.Edge], [BlockingType.None, BlockingType.Soft],
            $"{CareActionResults.Clear} | {CareActionResults.Findings};count=N",
            Param(CareActionParameters.PlaceId, ValueDataType.StringValue, "Place being scanned.", optional: true),
            Param(CareActionParameters.ScanFor, ValueDataType.ArrayValue, "personOnFloor, bedEmpty, doorOpen, wetFloor; all when absent.", optional: true)),
        Define(CareActionTypes.LaundryPickup, "Collect a resident's laundry bag.",
            [ActionScope.Node], [BlockingType.Hard],
            $"{CareActionResults.Done} | {CareActionResults.NothingToCollect}",
            Param(CareActionParameters.PlaceId, ValueDataType.StringValue, "Room or bed place id."),
            Param(CareActionParameters.ResidentId, ValueDataType.StringValue, "Opaque resident id (owner).", optional: true),
            Param(CareActionParameters.BagId, ValueDataType.StringValue, "Bag tag.", optional: true)),
        Define(CareActionTypes.LaundryDropoff, "Deliver a resident's clean laundry.",
            [ActionScope.Node], [BlockingType.Hard],
            $"{CareActionResults.Done} | {CareActionResults.Refused} | {CareActionResults.ResidentAbsent}",
            Param(CareActionParameters.PlaceId, ValueDataType.StringValue, "Room or bed place id."),
            Param(CareActionParameters.ResidentId, ValueDataType.StringValue, "Opaque resident id (owner)."),
            Param(CareActionParameters.BagId, ValueDataType.StringValue, "Bag tag.")),
        Define(CareActionTypes.StartExerciseClass, "Lead an exercise class.",
            [ActionScope.Node, ActionScope.Instant], [BlockingType.Hard],
            $"{CareActionResults.Done} | {CareActionResults.EndedEarly};reason=…",
            Param(CareActionParameters.SessionId, ValueDataType.StringValue, "Class id."),
            Param(CareActionParameters.Programme, ValueDataType.StringValue, "Programme, e.g. baduanjin."),
            Param(CareActionParameters.DurationMinutes, ValueDataType.IntegerValue, "Planned duration in minutes.")),
        Define(CareActionTypes.StartChessSession, "Start a xiangqi session with a resident.",
            [ActionScope.Node, ActionScope.Instant], [BlockingType.Hard],
            $"{CareActionResults.Done} | {CareActionResults.EndedEarly};reason=…",
            Param(CareActionParameters.ResidentId, ValueDataType.StringValue, "Opaque resident id."),
            Param(CareActionParameters.SessionId, ValueDataType.StringValue, "Game session id."),
            Param(CareActionParameters.Level, ValueDataType.IntegerValue, "Playing level 1..10.", optional: true)),
        Define(CareActionTypes.WaitWithResident, "Stay with a resident until staff arrive.",
            [ActionScope.Node, ActionScope.Instant], [BlockingType.Hard],
            $"{CareActionResults.StaffArrived} | {CareActionResults.TimedOut} | {CareActionResults.ResidentAbsent}",
            Param(CareActionParameters.AlarmId, ValueDataType.StringValue, "The alarm that caused the wait."),
            Param(CareActionParameters.ResidentId, ValueDataType.StringValue, "Opaque resident id, when known.", optional: true),
            Param(CareActionParameters.MaxDurationSeconds, ValueDataType.IntegerValue, "Longest time to stay.", optional: true)),
    ];

    private static AgvActionDefinition Define(string type, string description, ActionScope[] scopes, BlockingType[] blocking,
        string result, params ActionParameterDefinition[] parameters) => new()
        {
            ActionType = type,
            ActionDescription = description,
            ActionScopes = scopes,
            BlockingTypes = blocking,
            ResultDescription = result,
            ActionParameters = parameters,
        };

    private static ActionParameterDefinition Param(string key, ValueDataType type, string description, bool optional = false) =>
        new() { Key = key, ValueDataType = type, Description = description, IsOptional = optional };
}
