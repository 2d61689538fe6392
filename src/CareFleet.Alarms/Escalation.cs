namespace CareFleet.Alarms;

/// <summary>What kind of destination an escalation step names.</summary>
public enum EscalationTargetKind
{
    /// <summary>The caregiver(s) on shift covering the alarm's room.</summary>
    RoomCaregiver = 1,

    /// <summary>Everybody on shift holding a role.</summary>
    Role = 2,

    /// <summary>One named staff member.</summary>
    Staff = 3,
}

/// <summary>A destination in an escalation chain.</summary>
public sealed record EscalationTarget(EscalationTargetKind Kind, StaffRole? Role = null, string? StaffId = null)
{
    /// <summary>The caregiver on shift covering the room.</summary>
    public static EscalationTarget RoomCaregiver { get; } = new(EscalationTargetKind.RoomCaregiver);

    /// <summary>Everybody on shift with <paramref name="role"/>.</summary>
    public static EscalationTarget ForRole(StaffRole role) => new(EscalationTargetKind.Role, Role: role);

    /// <summary>One staff member.</summary>
    public static EscalationTarget ForStaff(string staffId) => new(EscalationTargetKind.Staff, StaffId: staffId);
}

/// <summary>One step: who is told, and how long they have to acknowledge before the next step is told.</summary>
public sealed record EscalationStep(EscalationTarget Target, TimeSpan TimeBeforeEscalation);

/// <summary>
/// A chain of destinations ending in a mandatory failsafe, as alarm middleware does it (CARE.md §5.2:
/// "time before escalation" per destination, failsafe destination mandatory). The failsafe is told again
/// every <see cref="FailsafeRepeat"/> until somebody acknowledges.
/// </summary>
public sealed record EscalationChain(IReadOnlyList<EscalationStep> Steps, EscalationTarget Failsafe, TimeSpan FailsafeRepeat)
{
    /// <summary>The step number of the failsafe (one past the last configured step).</summary>
    public int FailsafeStep => Steps.Count;

    /// <summary>How long step <paramref name="step"/> has before the next one is told.</summary>
    public TimeSpan TimeoutOf(int step) => step < Steps.Count ? Steps[step].TimeBeforeEscalation : FailsafeRepeat;

    /// <summary>The destination of step <paramref name="step"/>.</summary>
    public EscalationTarget TargetOf(int step) => step < Steps.Count ? Steps[step].Target : Failsafe;

    /// <summary>Checks the chain; returns a message naming the problem, or null when it is usable.</summary>
    public string? Validate()
    {
        if (Steps is null)
        {
            return "The escalation chain has no step list.";
        }

        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i] is null || Steps[i].Target is null)
            {
                return $"Escalation step {i} has no target.";
            }

            if (Steps[i].TimeBeforeEscalation <= TimeSpan.Zero)
            {
                return $"Escalation step {i} must wait a positive time before escalating (was {Steps[i].TimeBeforeEscalation}).";
            }
        }

        if (Failsafe is null)
        {
            return "The escalation chain needs a failsafe destination.";
        }

        return FailsafeRepeat <= TimeSpan.Zero
            ? $"The failsafe repeat interval must be positive (was {FailsafeRepeat})."
            : null;
    }
}

/// <summary>Options of the alarm engine.</summary>
public sealed class AlarmOptions
{
    /// <summary>
    /// The escalation chain per priority. Defaults: high — room caregiver 60 s, nurses 60 s, charge nurse
    /// (failsafe) repeated every 60 s; medium — room caregiver 3 min, nurses 3 min, charge nurse every 5 min;
    /// low — room caregiver 10 min, nurses 10 min, charge nurse every 15 min.
    /// </summary>
    public Dictionary<AlarmPriority, EscalationChain> Chains { get; } = new()
    {
        [AlarmPriority.High] = DefaultChain(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60)),
        [AlarmPriority.Medium] = DefaultChain(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(5)),
        [AlarmPriority.Low] = DefaultChain(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15)),
    };

    /// <summary>The longest a silence may last. Default 10 minutes (bed-sensor systems re-sound after 5 and 10 min).</summary>
    public TimeSpan MaxSilence { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The chain for <paramref name="priority"/>.</summary>
    public EscalationChain ChainFor(AlarmPriority priority) =>
        Chains.TryGetValue(priority, out var chain)
            ? chain
            : throw new InvalidOperationException($"No escalation chain is configured for priority {priority}.");

    /// <summary>Checks every chain and the silence limit; returns the problems found (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var priority in Enum.GetValues<AlarmPriority>())
        {
            if (!Chains.TryGetValue(priority, out var chain) || chain is null)
            {
                problems.Add($"No escalation chain is configured for priority {priority}.");
            }
            else if (chain.Validate() is { } problem)
            {
                problems.Add($"{priority}: {problem}");
            }
        }

        if (MaxSilence <= TimeSpan.Zero)
        {
            problems.Add($"MaxSilence must be positive (was {MaxSilence}).");
        }

        return problems;
    }

    private static EscalationChain DefaultChain(TimeSpan perStep, TimeSpan failsafeRepeat) =>
        new(
            [
                new EscalationStep(EscalationTarget.RoomCaregiver, perStep),
                new EscalationStep(EscalationTarget.ForRole(StaffRole.Nurse), perStep),
            ],
            EscalationTarget.ForRole(StaffRole.ChargeNurse),
            failsafeRepeat);
}
