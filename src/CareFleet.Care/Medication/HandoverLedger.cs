namespace CareFleet.Care.Medication;

/// <summary>A drawer release: the fact that must exist at most once per dose.</summary>
public sealed record ReleaseRecord(DoseId DoseId, string ClientMessageId, DateTimeOffset ReleasedAt);

/// <summary>
/// Makes bedside decisions idempotent. Robots resend: the same message (dose id + client message id) gets the same
/// decision back, and once a dose's drawer has been released every new request for it is held (a nurse resolves
/// it), so the drawer never opens twice for one dose. In memory: the host persists <see cref="Releases"/> before
/// it tells the robot to open, and restores them with <see cref="Restore"/> on start.
/// </summary>
public sealed class HandoverLedger(HandoverDecider decider)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(DoseId, string), HandoverDecision> _answers = [];
    private readonly Dictionary<DoseId, ReleaseRecord> _releases = [];

    public IReadOnlyList<ReleaseRecord> Releases
    {
        get
        {
            lock (_gate)
            {
                return [.. _releases.Values];
            }
        }
    }

    public void Restore(IEnumerable<ReleaseRecord> releases)
    {
        ArgumentNullException.ThrowIfNull(releases);
        lock (_gate)
        {
            foreach (var r in releases)
            {
                _releases.TryAdd(r.DoseId, r);
            }
        }
    }

    /// <summary>
    /// Decides, or returns the earlier decision for a resent message. An earlier release of the dose holds every new
    /// request with <see cref="HoldReason.AlreadyReleased"/>.
    /// </summary>
    public HandoverDecision Decide(HandoverRequest request, string clientMessageId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Dose);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientMessageId);
        var doseId = request.Dose.Id;
        lock (_gate)
        {
            if (_answers.TryGetValue((doseId, clientMessageId), out var earlier))
            {
                return earlier;
            }

            var released = _releases.GetValueOrDefault(doseId);
            var decision = decider.Decide(released is null ? request : request with { ReleasedAt = released.ReleasedAt });
            if (decision.IsRelease)
            {
                _releases[doseId] = new ReleaseRecord(doseId, clientMessageId, decision.DecidedAt);
            }

            _answers[(doseId, clientMessageId)] = decision;
            return decision;
        }
    }

    /// <summary>
    /// Releases with no recorded outcome: after a crash these are the handovers to resolve, from the robot's own state
    /// report if it tells what happened, otherwise by asking a nurse.
    /// </summary>
    public IReadOnlyList<ReleaseRecord> UnresolvedReleases(MedicationAdministrationLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        lock (_gate)
        {
            return [.. _releases.Values.Where(r => log.StandingOutcome(r.DoseId) is null).OrderBy(r => r.ReleasedAt)];
        }
    }
}
