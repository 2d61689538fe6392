using System.Globalization;
using CareFleet.Care.Consents;
using CareFleet.Care.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareFleet.Care.Medication;

/// <summary>
/// The persisted eMAR. It loads the pure engines (orders, <see cref="HandoverLedger"/>,
/// <see cref="MedicationAdministrationLog"/>, <see cref="FaceTemplateRegistry"/>) from the database on first use and
/// commits every decision, release and outcome before it answers, so a robot never acts on something a crash could
/// forget. One writer at a time; if a commit fails the engines are dropped and rebuilt from the database.
/// </summary>
public sealed partial class MedicationService(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<MedicationOptions> medicationOptions,
    IOptions<IdentityOptions> identityOptions,
    IOptions<MedicationRecordOptions> recordOptions,
    ILogger<MedicationService> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly DoseScheduler _scheduler = new(medicationOptions.Value);
    private readonly TimeZoneInfo _zone = recordOptions.Value.Zone();
    private State? _state;

    public TimeZoneInfo HomeZone => _zone;

    public void Dispose() => _gate.Dispose();

    // ---- orders --------------------------------------------------------------------------------------------------

    public Task<ServiceResult<OrderView>> CreateOrderAsync(OrderInput input, string actor, CancellationToken cancellationToken) =>
        WriteAsync(async (s, db, care) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            var now = time.GetUtcNow();
            var order = input.ToOrder(now, out var errors);
            if (order is null)
            {
                return ServiceResult.Invalid<OrderView>(errors);
            }

            if (!await care.Residents.AnyAsync(r => r.Identifier == order.ResidentId && r.DischargedAt == null, cancellationToken))
            {
                return ServiceResult.Invalid<OrderView>("residentId", $"No current resident '{order.ResidentId}'.");
            }

            if (s.Orders.ContainsKey(order.OrderId))
            {
                return ServiceResult.Conflicting<OrderView>($"Order '{order.OrderId}' already exists.");
            }

            var stored = input with { OrderId = order.OrderId, ResidentId = order.ResidentId, Start = order.Start };
            var row = new OrderRow(order.OrderId, order.ResidentId, stored.ToDocument(), now, actor);
            db.Orders.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            s.Orders[order.OrderId] = new StoredOrder(order, stored, row.CreatedAt, row.CreatedBy, row.LastUpdated);
            return ServiceResult.Ok<OrderView>(s.Orders[order.OrderId].View(now));
        }, cancellationToken);

    public Task<ServiceResult<OrderView>> PlaceHoldAsync(string orderId, HoldInput input, string actor, CancellationToken cancellationToken) =>
        WriteAsync(async (s, db, _) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            if (!s.Orders.TryGetValue(orderId, out var stored))
            {
                return ServiceResult.Missing<OrderView>($"No order '{orderId}'.");
            }

            if (string.IsNullOrWhiteSpace(input.Reason))
            {
                return ServiceResult.Invalid<OrderView>("reason", "A hold needs a reason.");
            }

            var now = time.GetUtcNow();
            var from = input.From ?? now;
            if (input.Until is { } until && until <= from)
            {
                return ServiceResult.Invalid<OrderView>("until", "The hold ends before it starts.");
            }

            var hold = new OrderHoldRow(orderId, input.Reason.Trim(), from, input.Until, actor, now);
            db.OrderHolds.Add(hold);
            var row = await db.Orders.SingleAsync(o => o.OrderId == orderId, cancellationToken);
            row.Touch(now);
            await db.SaveChangesAsync(cancellationToken);
            var order = stored.Order with { Holds = [.. stored.Order.Holds, hold.ToHold()] };
            s.Orders[orderId] = stored with { Order = order, LastUpdated = now };
            return ServiceResult.Ok<OrderView>(s.Orders[orderId].View(now));
        }, cancellationToken);

    public Task<IReadOnlyList<OrderView>> ListOrdersAsync(string? residentId, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<OrderView>>(s =>
        {
            var now = time.GetUtcNow();
            return [.. s.Orders.Values
                .Where(o => residentId is null || string.Equals(o.Order.ResidentId, residentId, StringComparison.Ordinal))
                .OrderBy(o => o.Order.ResidentId, StringComparer.Ordinal).ThenBy(o => o.Order.OrderId, StringComparer.Ordinal)
                .Select(o => o.View(now))];
        }, cancellationToken);

    public Task<OrderView?> FindOrderAsync(string orderId, CancellationToken cancellationToken) =>
        ReadAsync(s => s.Orders.TryGetValue(orderId, out var o) ? o.View(time.GetUtcNow()) : null, cancellationToken);

    // ---- doses ---------------------------------------------------------------------------------------------------

    /// <summary>The scheduled doses in [from, to) of the residents on <paramref name="floor"/> (all floors if null), with states.</summary>
    public async Task<IReadOnlyList<DoseView>> DueDosesAsync(string? floor, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rooms = await ResidentRoomsAsync(cancellationToken);
        return await ReadAsync<IReadOnlyList<DoseView>>(s =>
        {
            var now = time.GetUtcNow();
            var releases = s.Ledger.Releases.Select(r => r.DoseId).ToHashSet();
            return [.. DosesOf(s, floor, rooms, from, to).Select(d =>
            {
                var o = s.Orders[d.OrderId].Order;
                return new DoseView(d.Id.Value, d.OrderId, d.ResidentId, rooms.GetValueOrDefault(d.ResidentId), o.Drug.Name + " " + o.Drug.Strength,
                    o.Dose.ToString(), o.Route.ToString(), d.ScheduledAt, d.WindowOpens, d.WindowCloses, d.StateAt(now).ToString(), d.Hold?.Reason,
                    releases.Contains(d.Id), s.Log.StandingOutcome(d.Id)?.Outcome.ToString());
            })];
        }, cancellationToken);
    }

    /// <summary>How the doses of one floor's pass ended, and which were missed (window closed without an outcome, or recorded missed).</summary>
    public async Task<RoundSummaryView> RoundSummaryAsync(string floor, DateTimeOffset passStart, DateTimeOffset passEnd, CancellationToken cancellationToken)
    {
        var rooms = await ResidentRoomsAsync(cancellationToken);
        return await ReadAsync(s =>
        {
            var now = time.GetUtcNow();
            var doses = DosesOf(s, floor, rooms, passStart, passEnd).ToList();

            // A released dose without an outcome waits for a nurse: it is open, not missed, until she documents it.
            var awaitingNurse = s.Ledger.UnresolvedReleases(s.Log).Select(r => r.DoseId).ToHashSet();
            var settled = doses.Where(d => !awaitingNurse.Contains(d.Id)).ToList();
            var missed = settled.Where(d => s.Log.StandingOutcome(d.Id) is { Outcome: AdministrationOutcome.Missed }
                || (s.Log.StandingOutcome(d.Id) is null && d.StateAt(now) == DoseState.Missed)).Select(d => d.Id.Value).ToList();
            var summary = s.Log.Summarize(settled);
            var waiting = doses.Count - settled.Count;
            return new RoundSummaryView(floor, passStart, passEnd, summary with { Doses = summary.Doses + waiting, Open = summary.Open + waiting }, missed);
        }, cancellationToken);
    }

    /// <summary>The CMS medication error rate over the scheduled doses in [from, to) and the PRN doses given then.</summary>
    public Task<ErrorRateView> ErrorRateAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        ReadAsync(s =>
        {
            var doses = _scheduler.Derive(s.Orders.Values.Select(o => o.Order).Where(o => !o.IsPrn), from, to, _zone);
            var history = s.Log.Records.Where(r => r.DoseId.Value.Contains("@prn-", StringComparison.Ordinal)
                ? r.OccurredAt >= from && r.OccurredAt < to
                : true);
            var result = MedicationErrorRate.Compute(doses, history, [], time.GetUtcNow());
            return new ErrorRateView(from, to, result.Errors, result.Opportunities, result.RatePercent, result.AtOrAboveCitationThreshold,
                result.ByType.ToDictionary(p => p.Key.ToString(), p => p.Value, StringComparer.Ordinal));
        }, cancellationToken);

    // ---- bedside -------------------------------------------------------------------------------------------------

    public async Task<ServiceResult<HandoverView>> DecideAsync(HandoverInput input, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rooms = await ResidentRoomsAsync(cancellationToken);
        return await WriteAsync(async (s, db, _) =>
        {
            if (string.IsNullOrWhiteSpace(input.ClientMessageId) || input.ClientMessageId.Length > 120)
            {
                return ServiceResult.Invalid<HandoverView>("clientMessageId", "A client message id (1-120 characters) is required; a resend carries the same one.");
            }

            var found = FindDose(s, input.DoseId, out var order);
            if (found.Errors is not null || found.NotFound is not null)
            {
                return new ServiceResult<HandoverView>(null, found.Errors, found.NotFound);
            }

            var dose = found.Value!;
            var earlier = await db.Decisions.AsNoTracking()
                .FirstOrDefaultAsync(d => d.DoseId == dose.Id.Value && d.ClientMessageId == input.ClientMessageId, cancellationToken);
            if (earlier is not null)
            {
                return ServiceResult.Ok<HandoverView>(earlier.ToView());
            }

            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var request = BuildRequest(s, input, dose, order!, actor, rooms, errors);
            if (request is null)
            {
                return ServiceResult.Invalid<HandoverView>(errors);
            }

            var decision = s.Ledger.Decide(request, input.ClientMessageId);
            var view = new HandoverView(dose.Id.Value, decision.Verdict.ToString(),
                [.. decision.Reasons.Select(r => new HoldReasonView(r.Code.ToString(), r.Text, r.TextZh))],
                decision.DecidedAt, decision.Identity.Path.ToString(), decision.Identity.Face?.ExpectedSimilarity);
            db.Decisions.Add(new DecisionRow(view, order!.OrderId, order.ResidentId, input.ClientMessageId, actor, input.DeviceId));
            if (decision.IsRelease)
            {
                db.Releases.Add(new ReleaseRow(dose.Id.Value, input.ClientMessageId, decision.DecidedAt, order.OrderId, order.ResidentId, actor, input.DeviceId));
            }

            await db.SaveChangesAsync(cancellationToken);
            if (decision.IsRelease)
            {
                s.ReleaseDevices[dose.Id.Value] = input.DeviceId;
            }
            else
            {
                var codes = string.Join(',', decision.Reasons.Select(r => r.Code));
                LogHeld(logger, dose.Id.Value, codes);
            }

            return ServiceResult.Ok<HandoverView>(view);
        }, cancellationToken);
    }

    public Task<ServiceResult<OutcomeView>> RecordOutcomeAsync(OutcomeInput input, string actor, CancellationToken cancellationToken) =>
        WriteAsync(async (s, db, _) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            var report = ToReport(s, input, actor, out var problem);
            if (report is null)
            {
                return new ServiceResult<OutcomeView>(null, problem!.Errors, problem.NotFound, problem.Conflict);
            }

            // Documentation follows the act: "given" needs the drawer to have been released (or the nurse's manual
            // check to have passed) for this dose.
            if (report.Outcome == AdministrationOutcome.Given && !s.Ledger.Releases.Any(r => r.DoseId == report.DoseId))
            {
                return ServiceResult.Conflicting<OutcomeView>($"Dose {report.DoseId} was never released by a handover check; it cannot be recorded as given.");
            }

            return await CommitAsync(s, db, s.Log.Record(report), cancellationToken);
        }, cancellationToken);

    public Task<ServiceResult<OutcomeView>> CorrectAsync(CorrectionInput input, string actor, CancellationToken cancellationToken) =>
        WriteAsync(async (s, db, _) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            if (string.IsNullOrWhiteSpace(input.ClientMessageId))
            {
                return ServiceResult.Invalid<OutcomeView>("clientMessageId", "A client message id is required.");
            }

            if (string.IsNullOrWhiteSpace(input.Reason))
            {
                return ServiceResult.Invalid<OutcomeView>("reason", "A correction needs a reason.");
            }

            OutcomeReport? replacement = null;
            if (input.Replacement is { } r)
            {
                replacement = ToReport(s, r with { ClientMessageId = input.ClientMessageId }, actor, out var problem);
                if (replacement is null)
                {
                    return new ServiceResult<OutcomeView>(null, problem!.Errors?.ToDictionary(p => "replacement." + p.Key, p => p.Value), problem.NotFound, problem.Conflict);
                }
            }

            return await CommitAsync(s, db, s.Log.Correct(new CorrectionReport(input.RecordId ?? string.Empty, input.Reason.Trim(), actor, input.ClientMessageId, replacement)), cancellationToken);
        }, cancellationToken);

    public Task<ServiceResult<EffectivenessReport>> RecordEffectivenessAsync(EffectivenessInput input, string actor, CancellationToken cancellationToken) =>
        WriteAsync(async (s, db, _) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            if (string.IsNullOrWhiteSpace(input.DoseId) || s.Log.FollowUpFor(new DoseId(input.DoseId)) is null)
            {
                return ServiceResult.Invalid<EffectivenessReport>("doseId", $"Dose '{input.DoseId}' has no PRN follow-up owed.");
            }

            if (input.Effective is null)
            {
                return ServiceResult.Invalid<EffectivenessReport>("effective", "Say whether the dose was effective.");
            }

            if (string.IsNullOrWhiteSpace(input.Note))
            {
                return ServiceResult.Invalid<EffectivenessReport>("note", "An effectiveness note is required.");
            }

            var id = new DoseId(input.DoseId);
            var existing = s.Log.FollowUpFor(id)!.Assessment;
            var report = s.Log.RecordEffectiveness(new EffectivenessReport(id, input.Effective.Value, input.Note.Trim(), actor, time.GetUtcNow()));
            if (existing is null)
            {
                db.Assessments.Add(new AssessmentRow(report));
                await db.SaveChangesAsync(cancellationToken);
            }

            return ServiceResult.Ok<EffectivenessReport>(report);
        }, cancellationToken);

    /// <summary>
    /// Records every scheduled dose of the last <paramref name="lookBack"/> whose window closed without an outcome:
    /// held if its order was on hold, otherwise missed (a system-detected omission). A dose whose drawer was released
    /// is left for a nurse: the pills may have been taken. Returns how many records were written.
    /// </summary>
    public Task<int> CloseOverdueDosesAsync(TimeSpan lookBack, CancellationToken cancellationToken) =>
        WriteAsync(async (s, db, _) =>
        {
            var now = time.GetUtcNow();
            var released = s.Ledger.Releases.Select(r => r.DoseId).ToHashSet();
            var doses = _scheduler.Derive(s.Orders.Values.Select(o => o.Order).Where(o => !o.IsPrn), now - lookBack, now, _zone)
                .Where(d => !released.Contains(d.Id));
            var created = s.Log.CloseOverdueDoses(doses);
            if (created.Count > 0)
            {
                AddRows(s, db, created);
                await db.SaveChangesAsync(cancellationToken);
            }

            return created.Count;
        }, cancellationToken);

    public Task<IReadOnlyList<PrnFollowUp>> OpenFollowUpsAsync(CancellationToken cancellationToken) =>
        ReadAsync(s => s.Log.OpenFollowUps(), cancellationToken);

    /// <summary>
    /// Releases with no outcome. After a crash mid-handover the pills may or may not be in the resident's hand: the
    /// robot's own outcome report settles it when it comes; until then a nurse is asked, and no second release happens.
    /// </summary>
    public Task<IReadOnlyList<UnresolvedHandover>> UnresolvedHandoversAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<UnresolvedHandover>>(s => [.. s.Ledger.UnresolvedReleases(s.Log).Select(r =>
        {
            var (orderId, _, _) = ParseDoseId(r.DoseId.Value);
            var order = orderId is null ? null : s.Orders.GetValueOrDefault(orderId)?.Order;
            return new UnresolvedHandover(r.DoseId.Value, order?.OrderId ?? string.Empty, order?.ResidentId ?? string.Empty, r.ReleasedAt,
                s.ReleaseDevices.GetValueOrDefault(r.DoseId.Value),
                "Ask the nurse: the drawer was opened but no outcome was recorded. Record given, refused or not available after checking with the resident.");
        })], cancellationToken);

    /// <summary>The held bedside decisions since <paramref name="since"/>, newest first: what the nurse must look at, with the reasons.</summary>
    public async Task<IReadOnlyList<HeldHandover>> HoldsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MedicationDbContext>();
        var rows = await db.Decisions.AsNoTracking().Where(d => d.Verdict == nameof(HandoverVerdict.Hold) && d.DecidedAt >= since)
            .OrderByDescending(d => d.DecidedAt).Take(500).ToListAsync(cancellationToken);
        return [.. rows.Select(d => new HeldHandover(d.DoseId, d.OrderId, d.ResidentId, d.DecidedAt, d.DeviceId, d.RequestedBy, d.ToView().Reasons))];
    }

    public Task<IReadOnlyList<AdministrationRecord>> HistoryAsync(string residentId, CancellationToken cancellationToken) =>
        ReadAsync(s => s.Log.HistoryFor(residentId), cancellationToken);

    // ---- consents and face templates -----------------------------------------------------------------------------

    public Task<ServiceResult<ConsentView>> GrantConsentAsync(ConsentInput input, string actor, CancellationToken cancellationToken) =>
        WriteAsync(async (s, db, care) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            if (string.IsNullOrWhiteSpace(input.ResidentId) || !await care.Residents.AnyAsync(r => r.Identifier == input.ResidentId, cancellationToken))
            {
                return ServiceResult.Invalid<ConsentView>("residentId", $"No resident '{input.ResidentId}'.");
            }

            if (!Enum.TryParse<ConsentKind>(input.Kind, ignoreCase: true, out var kind) || int.TryParse(input.Kind, out _))
            {
                return ServiceResult.Invalid<ConsentView>("kind", $"Kind '{input.Kind}' is not one of {string.Join(", ", Enum.GetNames<ConsentKind>())}.");
            }

            var now = time.GetUtcNow();
            if (input.GrantedAt is { } g && g > now)
            {
                return ServiceResult.Invalid<ConsentView>("grantedAt", "A consent cannot be granted in the future.");
            }

            if (s.Consents.Any(c => c.ResidentId == input.ResidentId && c.Kind == kind && c.IsActiveAt(now)))
            {
                return ServiceResult.Conflicting<ConsentView>($"Resident {input.ResidentId} already has an active {kind} consent.");
            }

            var row = new ConsentRow(Guid.CreateVersion7(now), input.ResidentId, kind, input.GrantedAt ?? now, actor, input.Source);
            db.Consents.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            s.Consents.Add(row);
            return ServiceResult.Ok<ConsentView>(ConsentView.Of(row, now));
        }, cancellationToken);

    /// <summary>Withdraws a consent; withdrawing face recognition deletes every face template of the resident in the same commit.</summary>
    public Task<ServiceResult<ConsentView>> RevokeConsentAsync(Guid consentId, string actor, CancellationToken cancellationToken) =>
        WriteAsync(async (s, db, _) =>
        {
            var row = await db.Consents.FirstOrDefaultAsync(c => c.Id == consentId, cancellationToken);
            if (row is null)
            {
                return ServiceResult.Missing<ConsentView>($"No consent {consentId}.");
            }

            var now = time.GetUtcNow();
            if (row.RevokedAt is not null)
            {
                return ServiceResult.Ok<ConsentView>(ConsentView.Of(row, now));
            }

            row.Revoke(now, actor);
            if (row.Kind == ConsentKind.FaceRecognition)
            {
                db.FaceTemplates.RemoveRange(db.FaceTemplates.Where(t => t.ResidentId == row.ResidentId));
            }

            await db.SaveChangesAsync(cancellationToken);
            if (row.Kind == ConsentKind.FaceRecognition)
            {
                s.Faces.RevokeConsent(row.ResidentId);
            }

            s.Consents.RemoveAll(c => c.Id == row.Id);
            s.Consents.Add(row);
            return ServiceResult.Ok<ConsentView>(ConsentView.Of(row, now));
        }, cancellationToken);

    public Task<IReadOnlyList<ConsentView>> ListConsentsAsync(string? residentId, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<ConsentView>>(s => [.. s.Consents
            .Where(c => residentId is null || c.ResidentId == residentId)
            .OrderBy(c => c.ResidentId, StringComparer.Ordinal).ThenBy(c => c.GrantedAt)
            .Select(c => ConsentView.Of(c, time.GetUtcNow()))], cancellationToken);

    public Task<ServiceResult<int>> EnrollFaceAsync(FaceEnrollmentInput input, string actor, CancellationToken cancellationToken) =>
        WriteAsync(async (s, db, _) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            if (string.IsNullOrWhiteSpace(input.ResidentId))
            {
                return ServiceResult.Invalid<int>("residentId", "A resident id is required.");
            }

            if (string.IsNullOrWhiteSpace(input.ModelId) || !identityOptions.Value.Models.TryGetValue(input.ModelId, out var model))
            {
                return ServiceResult.Invalid<int>("modelId", $"Face model '{input.ModelId}' is not configured.");
            }

            if (input.Embedding is not { Length: > 0 } || (model.Dimensions > 0 && input.Embedding.Length != model.Dimensions))
            {
                return ServiceResult.Invalid<int>("embedding", $"The embedding must have {model.Dimensions} finite components.");
            }

            var now = time.GetUtcNow();
            FaceTemplate template;
            try
            {
                template = FaceTemplate.Create(input.ResidentId, input.ModelId, input.Embedding, now);
            }
            catch (ArgumentException e)
            {
                return ServiceResult.Invalid<int>("embedding", e.Message);
            }

            if (s.Faces.Enroll(template, s.FaceConsent(input.ResidentId)) != EnrollmentResult.Enrolled)
            {
                return ServiceResult.Conflicting<int>($"Resident {input.ResidentId} has no active face-recognition consent; no template is stored.");
            }

            db.FaceTemplates.Add(new FaceTemplateRow(Guid.CreateVersion7(now), input.ResidentId, input.ModelId, template.Embedding.ToArray(), now, actor));
            await db.SaveChangesAsync(cancellationToken);

            return ServiceResult.Ok<int>(s.Faces.TemplatesFor(input.ResidentId).Count);
        }, cancellationToken);

    public Task<int> TemplateCountAsync(string residentId, CancellationToken cancellationToken) =>
        ReadAsync(s => s.Faces.TemplatesFor(residentId).Count, cancellationToken);

    /// <summary>Sets a resident's wristband code and allergies (what the bedside check needs from the record).</summary>
    public Task<ServiceResult<bool>> SetProfileAsync(string residentId, string? wristbandCode, IReadOnlyList<string> allergies, CancellationToken cancellationToken) =>
        WriteAsync(async (s, db, _) =>
        {
            ArgumentNullException.ThrowIfNull(allergies);
            var existing = await db.Profiles.FirstOrDefaultAsync(p => p.ResidentId == residentId, cancellationToken);
            if (existing is not null)
            {
                db.Profiles.Remove(existing);
                await db.SaveChangesAsync(cancellationToken);
            }

            var row = new MedicationProfileRow(residentId, wristbandCode, allergies);
            db.Profiles.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            s.Profiles[residentId] = row;
            return ServiceResult.Ok<bool>(true);
        }, cancellationToken);

    // ---- internals -----------------------------------------------------------------------------------------------

    private IEnumerable<DueDose> DosesOf(State s, string? floor, IReadOnlyDictionary<string, string> rooms, DateTimeOffset from, DateTimeOffset to)
    {
        var orders = s.Orders.Values.Select(o => o.Order)
            .Where(o => !o.IsPrn && (floor is null || (rooms.TryGetValue(o.ResidentId, out var room) && FloorOf(room) == floor)));
        return _scheduler.Derive(orders, from, to, _zone);
    }

    /// <summary>The floor of a room id such as "F1-R101": the part before the first '-'.</summary>
    public static string FloorOf(string roomId)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        var dash = roomId.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? roomId[..dash] : roomId;
    }

    internal static (string? OrderId, DateTimeOffset At, bool IsPrn) ParseDoseId(string? doseId)
    {
        if (string.IsNullOrWhiteSpace(doseId))
        {
            return (null, default, false);
        }

        var at = doseId.LastIndexOf('@');
        if (at <= 0)
        {
            return (null, default, false);
        }

        var stamp = doseId[(at + 1)..];
        var prn = stamp.StartsWith("prn-", StringComparison.Ordinal);
        if (prn)
        {
            stamp = stamp[4..];
        }

        return DateTimeOffset.TryParseExact(stamp, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? (doseId[..at], when, prn)
            : (null, default, false);
    }

    private ServiceResult<DueDose> FindDose(State s, string? doseId, out MedicationOrder? order)
    {
        order = null;
        var (orderId, at, prn) = ParseDoseId(doseId);
        if (orderId is null)
        {
            return ServiceResult.Invalid<DueDose>("doseId", $"'{doseId}' is not a dose id (order id '@' UTC time, e.g. ORD-1@2026-11-30T08:00:00Z, or ORD-1@prn-… for an as-needed dose).");
        }

        if (!s.Orders.TryGetValue(orderId, out var stored))
        {
            return ServiceResult.Missing<DueDose>($"No order '{orderId}'.");
        }

        order = stored.Order;
        if (prn)
        {
            if (!order.IsPrn)
            {
                return ServiceResult.Invalid<DueDose>("doseId", $"Order {orderId} is scheduled, not as-needed.");
            }

            if (at > time.GetUtcNow() + TimeSpan.FromMinutes(2))
            {
                return ServiceResult.Invalid<DueDose>("doseId", "An as-needed dose cannot be asked for in the future.");
            }

            return ServiceResult.Ok<DueDose>(_scheduler.CreatePrnDose(order, at));
        }

        var dose = _scheduler.Derive(order, at, at.AddSeconds(1), _zone).FirstOrDefault(d => d.Id.Value == doseId);
        return dose is null
            ? ServiceResult.Missing<DueDose>($"Order {orderId} has no dose scheduled at {at:O}.")
            : ServiceResult.Ok<DueDose>(dose);
    }

    private static HandoverRequest? BuildRequest(State s, HandoverInput input, DueDose dose, MedicationOrder order, string actor,
        IReadOnlyDictionary<string, string> rooms, Dictionary<string, string[]> errors)
    {
        if (input.PreparedDoseAmount is not > 0 || string.IsNullOrWhiteSpace(input.PreparedDoseUnit))
        {
            errors["preparedDoseAmount"] = ["The prepared dose (amount and unit, as loaded in the drawer) is required."];
        }

        if (!Enum.TryParse<MedicationRoute>(input.PreparedRoute, ignoreCase: true, out var route) || int.TryParse(input.PreparedRoute, out _))
        {
            errors["preparedRoute"] = [$"Route '{input.PreparedRoute}' is not one of {string.Join(", ", Enum.GetNames<MedicationRoute>())}."];
        }

        FaceEvidence? face = null;
        if (input.Face is { } f)
        {
            if (string.IsNullOrWhiteSpace(f.ModelId))
            {
                errors["face.modelId"] = ["Face evidence needs the model id."];
            }
            else if (f.Embedding is { Length: > 0 } e)
            {
                face = new FaceEmbeddingEvidence(f.ModelId, e);
            }
            else if (f.Similarity is { } sim)
            {
                face = new FaceScoreEvidence(f.ModelId, sim, f.ClosestOtherSimilarity);
            }
            else
            {
                errors["face"] = ["Face evidence needs an embedding or a similarity."];
            }
        }

        var vitals = new List<VitalReading>();
        foreach (var v in input.Vitals ?? [])
        {
            if (v is null || !Enum.TryParse<VitalKind>(v.Kind, ignoreCase: true, out var kind) || int.TryParse(v.Kind, out _) || v.Value is null || v.MeasuredAt is null)
            {
                errors["vitals"] = [$"A vital reading needs a kind ({string.Join(", ", Enum.GetNames<VitalKind>())}), a value and when it was measured."];
                continue;
            }

            vitals.Add(new VitalReading(kind, v.Value.Value, v.MeasuredAt.Value));
        }

        if (input.Caregiver is { } c && (string.IsNullOrWhiteSpace(c.StaffId) || string.IsNullOrWhiteSpace(c.ResidentId) || c.ConfirmedAt is null))
        {
            errors["caregiver"] = ["A caregiver confirmation needs the staff id, the resident id and when it was confirmed."];
        }

        if (input.Witness is { } w && (string.IsNullOrWhiteSpace(w.StaffId) || w.ConfirmedAt is null))
        {
            errors["witness"] = ["A witness needs a staff id and when they confirmed."];
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var profile = s.Profiles.GetValueOrDefault(order.ResidentId);
        var floor = rooms.TryGetValue(order.ResidentId, out var room) ? FloorOf(room) : null;
        var floorResidents = rooms.Where(p => floor is not null && FloorOf(p.Value) == floor).Select(p => p.Key).Append(order.ResidentId);
        return new HandoverRequest
        {
            Dose = dose,
            Order = order,
            Resident = new HandoverResident(order.ResidentId, profile?.WristbandCode, s.FaceConsent(order.ResidentId), profile?.AllergyList ?? []),
            Identity = new IdentityEvidence(face, input.ScannedWristband,
                input.Caregiver is { } cg ? new CaregiverConfirmation(cg.StaffId!, cg.ResidentId!, cg.ConfirmedAt!.Value) : null),
            FloorTemplates = s.Faces.TemplatesFor(floorResidents),
            ScannedBarcode = input.ScannedBarcode,
            PreparedDose = new DoseQuantity(input.PreparedDoseAmount!.Value, input.PreparedDoseUnit!.Trim()),
            PreparedRoute = route,
            History = s.Log.HistoryFor(order.ResidentId),
            Vitals = vitals,
            Witness = input.Witness is { } wi ? new Witness(wi.StaffId!, wi.ConfirmedAt!.Value) : null,
            AdministeringStaffId = string.IsNullOrWhiteSpace(input.AdministeringStaffId) ? actor : input.AdministeringStaffId,
            PrnIndication = input.PrnIndication,
        };
    }

    private OutcomeReport? ToReport(State s, OutcomeInput input, string actor, out ServiceResult<OutcomeView>? problem)
    {
        problem = null;
        var found = FindDose(s, input.DoseId, out var order);
        if (found.Value is null)
        {
            problem = new ServiceResult<OutcomeView>(null, found.Errors, found.NotFound);
            return null;
        }

        if (string.IsNullOrWhiteSpace(input.ClientMessageId) || input.ClientMessageId.Length > 120)
        {
            problem = ServiceResult.Invalid<OutcomeView>("clientMessageId", "A client message id (1-120 characters) is required; a resend carries the same one.");
            return null;
        }

        if (!Enum.TryParse<AdministrationOutcome>(input.Outcome, ignoreCase: true, out var outcome) || int.TryParse(input.Outcome, out _)
            || outcome == AdministrationOutcome.EnteredInError)
        {
            problem = ServiceResult.Invalid<OutcomeView>("outcome", "Outcome must be Given, Refused, Held, NotAvailable or Missed (use a correction for entered in error).");
            return null;
        }

        // A resend without its own time takes the time first recorded, so it is recognised as the same report; times
        // are kept to the millisecond, which both databases store exactly.
        var recordId = $"{found.Value.Id.Value}/{input.ClientMessageId}";
        var occurredAt = input.OccurredAt ?? s.Log.Records.FirstOrDefault(r => r.RecordId == recordId)?.OccurredAt ?? time.GetUtcNow();
        occurredAt = new DateTimeOffset(occurredAt.UtcTicks - (occurredAt.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        return new OutcomeReport(found.Value.Id, order!.OrderId, order.ResidentId, outcome, occurredAt, actor,
            input.ClientMessageId, order.IsPrn, input.Reason, input.PrnIndication, input.WitnessId, input.DeviceId);
    }

    private static async Task<ServiceResult<OutcomeView>> CommitAsync(State s, MedicationDbContext db, OutcomeResult result, CancellationToken cancellationToken)
    {
        if (result.Status == OutcomeStatus.Rejected)
        {
            return result.Rejection switch
            {
                OutcomeRejection.ReasonRequired => ServiceResult.Invalid<OutcomeView>("reason", result.Detail ?? "A reason is required."),
                OutcomeRejection.PrnIndicationRequired => ServiceResult.Invalid<OutcomeView>("prnIndication", result.Detail ?? "The PRN indication is required."),
                OutcomeRejection.RecordedBeforeItHappened => ServiceResult.Invalid<OutcomeView>("occurredAt", result.Detail ?? "The outcome is dated in the future."),
                OutcomeRejection.InvalidReport => ServiceResult.Invalid<OutcomeView>("outcome", result.Detail ?? "The report is invalid."),
                OutcomeRejection.RecordNotFound => ServiceResult.Missing<OutcomeView>(result.Detail ?? "No such record."),
                _ => ServiceResult.Conflicting<OutcomeView>(result.Detail ?? result.Rejection.ToString()!),
            };
        }

        if (result.Status == OutcomeStatus.Recorded)
        {
            AddRows(s, db, result.Records);
            await db.SaveChangesAsync(cancellationToken);
        }

        return ServiceResult.Ok<OutcomeView>(new OutcomeView(result.Status.ToString(), [.. result.Records.Select(RecordView.Of)]));
    }

    private static void AddRows(State s, MedicationDbContext db, IEnumerable<AdministrationRecord> records)
    {
        var all = s.Log.Records;
        foreach (var r in records)
        {
            var corrections = all.Count(x => x.DoseId == r.DoseId && x.Outcome == AdministrationOutcome.EnteredInError && x.Sequence < r.Sequence);
            var slot = (r.Outcome == AdministrationOutcome.EnteredInError ? "x" : "o") + corrections.ToString(CultureInfo.InvariantCulture);
            db.Administrations.Add(new AdministrationRow(r, slot));
        }
    }

    private async Task<IReadOnlyDictionary<string, string>> ResidentRoomsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var care = scope.ServiceProvider.GetRequiredService<CareDbContext>();
        return await care.Residents.AsNoTracking().Where(r => r.DischargedAt == null)
            .ToDictionaryAsync(r => r.Identifier, r => r.RoomId, StringComparer.Ordinal, cancellationToken);
    }

    private async Task<T> ReadAsync<T>(Func<State, T> read, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_state is null)
            {
                await using var scope = scopes.CreateAsyncScope();
                _state = await LoadAsync(scope.ServiceProvider.GetRequiredService<MedicationDbContext>(), cancellationToken);
            }

            return read(_state);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<T> WriteAsync<T>(Func<State, MedicationDbContext, CareDbContext, Task<T>> write, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MedicationDbContext>();
            _state ??= await LoadAsync(db, cancellationToken);
            try
            {
                return await write(_state, db, scope.ServiceProvider.GetRequiredService<CareDbContext>());
            }
            catch
            {
                // The engines may hold what the database refused: rebuild them from the database on the next call.
                _state = null;
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<State> LoadAsync(MedicationDbContext db, CancellationToken cancellationToken)
    {
        var options = medicationOptions.Value;
        var identity = identityOptions.Value;
        var state = new State(
            new HandoverLedger(new HandoverDecider(options, new IdentityVerifier(identity, new FaceMatcher(identity)), time)),
            new MedicationAdministrationLog(options, time),
            new FaceTemplateRegistry(time));

        var holds = (await db.OrderHolds.AsNoTracking().OrderBy(h => h.Id).ToListAsync(cancellationToken)).ToLookup(h => h.OrderId, StringComparer.Ordinal);
        foreach (var row in await db.Orders.AsNoTracking().ToListAsync(cancellationToken))
        {
            var input = OrderInput.FromDocument(row.Document);
            var order = input.ToOrder(row.CreatedAt, out var errors)
                ?? throw new InvalidOperationException($"Stored order {row.OrderId} no longer validates: {string.Join("; ", errors.SelectMany(e => e.Value))}");
            state.Orders[row.OrderId] = new StoredOrder(order with { Holds = [.. holds[row.OrderId].Select(h => h.ToHold())] }, input, row.CreatedAt, row.CreatedBy, row.LastUpdated);
        }

        var releases = await db.Releases.AsNoTracking().ToListAsync(cancellationToken);
        state.Ledger.Restore(releases.Select(r => r.ToRelease()));
        foreach (var r in releases)
        {
            state.ReleaseDevices[r.DoseId] = r.DeviceId;
        }

        var records = await db.Administrations.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync(cancellationToken);
        var assessments = await db.Assessments.AsNoTracking().ToListAsync(cancellationToken);
        state.Log.Restore(records.Select(r => r.ToRecord()), assessments.Select(a => a.ToReport()));

        foreach (var p in await db.Profiles.AsNoTracking().ToListAsync(cancellationToken))
        {
            state.Profiles[p.ResidentId] = p;
        }

        state.Consents.AddRange(await db.Consents.AsNoTracking().ToListAsync(cancellationToken));
        foreach (var t in await db.FaceTemplates.AsNoTracking().ToListAsync(cancellationToken))
        {
            // Enrolment was consent-gated when it happened; a template whose consent has since lapsed is not loaded.
            state.Faces.Enroll(FaceTemplate.Create(t.ResidentId, t.ModelId, t.Vector(), t.EnrolledAt), state.FaceConsent(t.ResidentId));
        }

        LogLoaded(logger, state.Orders.Count, records.Count, releases.Count);
        return state;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "eMAR loaded: {Orders} orders, {Records} administration records, {Releases} releases")]
    private static partial void LogLoaded(ILogger logger, int orders, int records, int releases);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handover of dose {DoseId} held: {Reasons}")]
    private static partial void LogHeld(ILogger logger, string doseId, string reasons);

    internal sealed record StoredOrder(MedicationOrder Order, OrderInput Input, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset LastUpdated)
    {
        public string StatusAt(DateTimeOffset now) =>
            Order.Stop is { } stop && stop <= now ? "stopped"
            : Order.HoldAt(now) is not null ? "on-hold"
            : "active";

        public OrderView View(DateTimeOffset now) => new(Order.OrderId, Order.ResidentId, StatusAt(now), Input, Order.Holds, CreatedAt, CreatedBy, LastUpdated);
    }

    private sealed class State(HandoverLedger ledger, MedicationAdministrationLog log, FaceTemplateRegistry faces)
    {
        public HandoverLedger Ledger { get; } = ledger;

        public MedicationAdministrationLog Log { get; } = log;

        public FaceTemplateRegistry Faces { get; } = faces;

        public Dictionary<string, StoredOrder> Orders { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string?> ReleaseDevices { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, MedicationProfileRow> Profiles { get; } = new(StringComparer.Ordinal);

        public List<ConsentRow> Consents { get; } = [];

        public FaceRecognitionConsent? FaceConsent(string residentId) => Consents
            .Where(c => c.ResidentId == residentId && c.Kind == ConsentKind.FaceRecognition)
            .OrderByDescending(c => c.GrantedAt)
            .Select(c => new FaceRecognitionConsent(c.GrantedAt, c.RecordedBy, c.RevokedAt, c.RevokedBy))
            .FirstOrDefault();
    }
}
