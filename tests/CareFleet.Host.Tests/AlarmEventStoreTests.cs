using CareFleet.Alarms;
using CareFleet.Alarms.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CareFleet.Host.Tests;

/// <summary>The alarm event store on SQLite and on the real PostgreSQL.</summary>
public sealed class AlarmEventStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 14, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => PersistenceTests.Providers;

    private static AlarmRequest Request(string subject) => new(
        subject, subject, "news2.high", "news2-high", AlarmPriority.High, new AlarmLocation("F1-R101", "F1-R101-A"), "NEWS2 11",
        [new AlarmEvidence("news2.total", "11", "{score}")], T0, "AuroraMed/BED-1");

    private static (AlarmBook Book, FakeTimeProvider Time) NewBook()
    {
        var time = new FakeTimeProvider(T0);
        var roster = new CareFleet.Care.Alarming.ConfiguredRoster(new CareFleet.Care.Alarming.RosterOptions());
        return (new AlarmBook(new AlarmOptions(), roster, time), time);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task StoredEvents_RestoreTheOpenAlarms_WithTheirEscalationClock(string provider)
    {
        await using var app = await PersistenceTests.DatabaseOnlyAsync(provider, new FakeTimeProvider(T0));
        var (book, time) = NewBook();
        var open = book.Raise(Request("R-0001"), Guid.CreateVersion7(T0));
        var closed = book.Raise(Request("R-0002"), Guid.CreateVersion7(T0));
        time.Advance(TimeSpan.FromSeconds(61));
        var escalations = book.Tick();
        var resolved = book.Resolve(closed.AlarmId!.Value, new AlarmActor("nurse", StaffRole.Nurse), ResolutionReason.Attended, null);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var store = new AlarmEventStore(scope.ServiceProvider.GetRequiredService<AlarmsDbContext>());
            await store.AppendAsync("home", open.Events, CancellationToken.None);
            await store.AppendAsync("home", closed.Events, CancellationToken.None);
            await store.AppendAsync("home", escalations, CancellationToken.None);
            await store.AppendAsync("home", resolved.Events, CancellationToken.None);
            await store.AppendAsync("other-home", NewBook().Book.Raise(Request("R-0003"), Guid.CreateVersion7(T0)).Events, CancellationToken.None);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var history = await new AlarmEventStore(scope.ServiceProvider.GetRequiredService<AlarmsDbContext>()).LoadOpenAsync("home", CancellationToken.None);
            var (restored, _) = NewBook();
            Assert.Empty(restored.Restore(history));
            var alarm = Assert.Single(restored.OpenAlarms);
            Assert.Equal(open.AlarmId, alarm.AlarmId);
            Assert.Equal(1, alarm.Step);
            Assert.Equal(T0 + TimeSpan.FromSeconds(61), alarm.StepStartedAt);
            Assert.Equal(book.Find(alarm.AlarmId)!.LastSequence, alarm.LastSequence);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ResentAppend_IsRefused_AndWritesNothingTwice(string provider)
    {
        await using var app = await PersistenceTests.DatabaseOnlyAsync(provider, new FakeTimeProvider(T0));
        var (book, _) = NewBook();
        var raised = book.Raise(Request("R-0004"), Guid.CreateVersion7(T0));
        var ack = book.Acknowledge(raised.AlarmId!.Value, new AlarmActor("cg", StaffRole.Caregiver));
        await using var scope = app.Services.CreateAsyncScope();
        var store = new AlarmEventStore(scope.ServiceProvider.GetRequiredService<AlarmsDbContext>());
        await store.AppendAsync("home", raised.Events, CancellationToken.None);

        await Assert.ThrowsAsync<AlarmEventConflictException>(() => store.AppendAsync("home", [.. ack.Events, .. raised.Events], CancellationToken.None));

        var db = scope.ServiceProvider.GetRequiredService<AlarmsDbContext>();
        var rows = await db.Events.AsNoTracking().Where(e => e.AlarmId == raised.AlarmId).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([1, 2], rows.Select(r => r.Sequence));
        Assert.Equal(["raised", "notified"], rows.Select(r => r.Type));
        Assert.Equal("carefleet", rows[0].ActorId);
        Assert.Equal(T0, rows[0].At);
        var stored = Assert.IsType<AlarmRaised>(rows[0].ToEvent());
        var expected = Request("R-0004");
        Assert.Equal(expected, stored.Request with { Evidence = expected.Evidence });
        Assert.Equal("11", Assert.Single(stored.Request.Evidence).Value);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task History_ReturnsAlarmsRaisedInTheRange_OpenAndResolved(string provider)
    {
        await using var app = await PersistenceTests.DatabaseOnlyAsync(provider, new FakeTimeProvider(T0));
        var (book, time) = NewBook();
        var early = book.Raise(Request("R-0005"), Guid.CreateVersion7(T0));
        time.Advance(TimeSpan.FromHours(2));
        var late = book.Raise(Request("R-0006"), Guid.CreateVersion7(time.GetUtcNow()));
        var resolved = book.Resolve(late.AlarmId!.Value, new AlarmActor("n", StaffRole.Nurse), ResolutionReason.FalseAlarm, null);
        await using var scope = app.Services.CreateAsyncScope();
        var store = new AlarmEventStore(scope.ServiceProvider.GetRequiredService<AlarmsDbContext>());
        foreach (var change in new[] { early, late, resolved })
        {
            await store.AppendAsync("home", change.Events, CancellationToken.None);
        }

        var range = await store.LoadRaisedBetweenAsync("home", T0 + TimeSpan.FromHours(1), T0 + TimeSpan.FromHours(3), CancellationToken.None);

        var snapshot = AlarmSnapshot.Replay(range);
        Assert.Equal(late.AlarmId, snapshot.AlarmId);
        Assert.Equal(AlarmState.Resolved, snapshot.State);
    }
}
