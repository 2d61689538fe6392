using CareFleet.Care.Identity;
using CareFleet.Care.Medication;
using CareFleet.Care.Tests.Support;

namespace CareFleet.Care.Tests.Medication;

public sealed class HandoverLedgerTests
{
    private readonly BedsideScenario _s = new();

    [Fact]
    public void Resend_OfTheSameRequest_GetsTheSameRelease_AndOnlyOneReleaseExists()
    {
        var ledger = new HandoverLedger(_s.Decider());

        var first = ledger.Decide(_s.Request, "msg-1");
        _s.Time.Advance(TimeSpan.FromSeconds(5));
        var resend = ledger.Decide(_s.Request, "msg-1");

        Assert.True(first.IsRelease);
        Assert.Same(first, resend);
        Assert.Single(ledger.Releases);
    }

    [Fact]
    public void NewRequest_AfterARelease_IsHeld_SoTheDrawerNeverOpensTwice()
    {
        var ledger = new HandoverLedger(_s.Decider());
        ledger.Decide(_s.Request, "msg-1");

        var second = ledger.Decide(_s.Request, "msg-2");

        Assert.False(second.IsRelease);
        Assert.Equal([HoldReason.AlreadyReleased], second.Reasons.Select(r => r.Code));
        Assert.Single(ledger.Releases);
    }

    [Fact]
    public void Hold_ThenAFixedRequest_IsReleased()
    {
        var ledger = new HandoverLedger(_s.Decider());

        var held = ledger.Decide(_s.Request with { Identity = _s.Request.Identity with { ScannedWristband = null } }, "msg-1");
        var fixedUp = ledger.Decide(_s.Request, "msg-2");

        Assert.False(held.IsRelease);
        Assert.True(fixedUp.IsRelease);
    }

    [Fact]
    public void RestoredReleases_HoldNewRequests_AfterARestart()
    {
        var before = new HandoverLedger(_s.Decider());
        before.Decide(_s.Request, "msg-1");

        var after = new HandoverLedger(_s.Decider());
        after.Restore(before.Releases);
        var decision = after.Decide(_s.Request, "msg-9");

        Assert.Contains(HoldReason.AlreadyReleased, decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void ReleasedAt_OnTheRequest_HoldsTheDecisionDirectly()
    {
        var decision = _s.Decide(_s.Request with { ReleasedAt = _s.Time.GetUtcNow().AddMinutes(-3) });

        Assert.Equal([HoldReason.AlreadyReleased], decision.Reasons.Select(r => r.Code));
        Assert.Contains(decision.Reasons[0].TextZh, c => c >= '\u4e00' && c <= '\u9fff');
    }

    [Fact]
    public void Ledger_RequiresAClientMessageId()
    {
        var ledger = new HandoverLedger(_s.Decider());

        Assert.Throws<ArgumentException>(() => ledger.Decide(_s.Request with { Identity = new IdentityEvidence() }, ""));
    }

    [Fact]
    public void ReleasesWithoutAnOutcome_AreListedForResolution()
    {
        var ledger = new HandoverLedger(_s.Decider());
        var log = new MedicationAdministrationLog(_s.Options, _s.Time);
        ledger.Decide(_s.Request, "msg-1");

        var before = ledger.UnresolvedReleases(log);
        log.Record(new OutcomeReport(_s.Dose.Id, _s.Order.OrderId, "res-1", AdministrationOutcome.Given, _s.Time.GetUtcNow(), "nurse-a", "out-1"));
        var after = ledger.UnresolvedReleases(log);

        Assert.Equal(_s.Dose.Id, Assert.Single(before).DoseId);
        Assert.Empty(after);
    }
}
