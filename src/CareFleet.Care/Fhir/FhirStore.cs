using CareFleet.Care.Medication;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;

namespace CareFleet.Care.Fhir;

/// <summary>An answer of the FHIR facade: a status and a resource (an OperationOutcome on failure).</summary>
public sealed record FhirAnswer(int Status, Resource Resource, string? ResidentId = null, string? Location = null);

/// <summary>
/// Reads, searches and creates FHIR resources over the care record. Creates go through <see cref="MedicationService"/>,
/// so a FHIR client meets the same rules as the REST API and the robots, and every check runs before anything is stored.
/// </summary>
public sealed class FhirStore(CareDbContext care, MedicationDbContext db, MedicationService medication, TimeProvider time)
{
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> SearchParameters = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["Patient"] = new HashSet<string>(StringComparer.Ordinal) { "_id", "_lastUpdated", "identifier" },
        ["MedicationRequest"] = new HashSet<string>(StringComparer.Ordinal) { "_id", "_lastUpdated", "patient", "subject", "status", "date" },
        ["MedicationAdministration"] = new HashSet<string>(StringComparer.Ordinal) { "_id", "_lastUpdated", "patient", "subject", "status", "date" },
        ["Consent"] = new HashSet<string>(StringComparer.Ordinal) { "_id", "_lastUpdated", "patient", "status", "date" },
        ["AuditEvent"] = new HashSet<string>(StringComparer.Ordinal) { "_id", "_lastUpdated", "patient", "date" },
    };

    public static FhirAnswer Problem(int status, OperationOutcome.IssueType type, string text, params string[] expressions) =>
        new(status, new OperationOutcome
        {
            Issue = [new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = type,
                Diagnostics = text,
                Expression = expressions,
            }],
        });

    public async Task<FhirAnswer> ReadAsync(string type, string id, CancellationToken cancellationToken)
    {
        if (!SearchParameters.ContainsKey(type))
        {
            return Problem(404, OperationOutcome.IssueType.NotSupported, $"Resource type '{type}' is not served here; see /fhir/metadata.");
        }

        if (!FhirQuery.IsValidId(id))
        {
            return Problem(400, OperationOutcome.IssueType.Invalid, $"'{id}' is not a FHIR id.");
        }

        var query = FhirQuery.Parse([new("_id", id)], SearchParameters[type], type);
        var (all, _) = await SearchAllAsync(type, query, cancellationToken);
        return all.Count == 0
            ? Problem(404, OperationOutcome.IssueType.NotFound, $"{type}/{id} does not exist.")
            : new FhirAnswer(200, all[0].Resource, all[0].Patient);
    }

    /// <summary>The page of matches, the total, and the residents whose data the page holds (for the audit trail).</summary>
    public async Task<(IReadOnlyList<Resource> Page, int Total, IReadOnlyList<string> Residents)> SearchAsync(string type, FhirQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (all, _) = await SearchAllAsync(type, query, cancellationToken);
        var page = all.Skip(query.Offset).Take(query.Count).ToList();
        return ([.. page.Select(m => m.Resource)], all.Count, [.. page.Select(m => m.Patient).OfType<string>().Distinct(StringComparer.Ordinal)]);
    }

    private sealed record Match(Resource Resource, string? Patient, DateTimeOffset? Date, string? Status, DateTimeOffset LastUpdated);

    private async Task<(List<Match> All, int Total)> SearchAllAsync(string type, FhirQuery query, CancellationToken cancellationToken)
    {
        var patient = type is "Patient" ? null : query.Patient(type is "Consent" or "AuditEvent" ? ["patient"] : ["patient", "subject"]);
        var now = time.GetUtcNow();
        IEnumerable<Match> matches = type switch
        {
            "Patient" => (await care.Residents.AsNoTracking().ToListAsync(cancellationToken))
                .Select(r => new Match(FhirMapping.ToPatient(r), r.Identifier, null, null, r.DischargedAt ?? r.AdmittedAt)),
            "MedicationRequest" => (await medication.ListOrdersAsync(patient, cancellationToken))
                .Select(o => new Match(FhirMapping.ToMedicationRequest(o), o.ResidentId, o.CreatedAt, o.Status, o.LastUpdated)),
            "MedicationAdministration" => await AdministrationsAsync(patient, cancellationToken),
            "Consent" => (await db.Consents.AsNoTracking().Where(c => patient == null || c.ResidentId == patient).ToListAsync(cancellationToken))
                .Select(c => new Match(FhirMapping.ToConsent(c, now), c.ResidentId, c.GrantedAt, c.IsActiveAt(now) ? "active" : "inactive", c.LastUpdated)),
            "AuditEvent" => (await db.Audit.AsNoTracking().Where(a => patient == null || a.ResidentId == patient).OrderBy(a => a.Id).ToListAsync(cancellationToken))
                .Select(a => new Match(FhirMapping.ToAuditEvent(a), a.ResidentId, a.At, null, a.At)),
            _ => throw new FhirSearchException($"Resource type '{type}' is not served here."),
        };

        if (query.One("_id") is { } id)
        {
            matches = matches.Where(m => m.Resource.Id == id);
        }

        if (type == "Patient" && query.One("identifier") is { } identifier)
        {
            var value = identifier.Contains('|', StringComparison.Ordinal) ? identifier[(identifier.IndexOf('|', StringComparison.Ordinal) + 1)..] : identifier;
            matches = matches.Where(m => m.Resource.Id == value);
        }

        if (patient is not null && type == "MedicationRequest")
        {
            matches = matches.Where(m => m.Patient == patient);
        }

        if (query.One("status") is { } status)
        {
            var wanted = status.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            matches = matches.Where(m => m.Status is not null && wanted.Contains(m.Status));
        }

        foreach (var date in query.Dates("date"))
        {
            matches = matches.Where(m => m.Date is { } d && date.Matches(d));
        }

        foreach (var updated in query.Dates("_lastUpdated"))
        {
            matches = matches.Where(m => updated.Matches(m.LastUpdated));
        }

        var list = matches.OrderBy(m => m.LastUpdated).ThenBy(m => m.Resource.Id, StringComparer.Ordinal).ToList();
        return (list, list.Count);
    }

    private async Task<IEnumerable<Match>> AdministrationsAsync(string? patient, CancellationToken cancellationToken)
    {
        var rows = await db.Administrations.AsNoTracking().Where(a => patient == null || a.ResidentId == patient).OrderBy(a => a.Sequence).ToListAsync(cancellationToken);
        var markers = rows.Where(r => r.Outcome == nameof(AdministrationOutcome.EnteredInError) && r.CorrectsRecordId is not null)
            .ToDictionary(r => r.CorrectsRecordId!, StringComparer.Ordinal);
        var orders = (await medication.ListOrdersAsync(patient, cancellationToken)).ToDictionary(o => o.OrderId, StringComparer.Ordinal);
        return rows.Where(r => r.Outcome != nameof(AdministrationOutcome.EnteredInError)).Select(r =>
        {
            var marker = markers.GetValueOrDefault(r.RecordId);
            var ma = FhirMapping.ToAdministration(r, marker, orders.GetValueOrDefault(r.OrderId));
            return new Match(ma, r.ResidentId, r.OccurredAt, StatusCode(ma.Status), marker?.RecordedAt ?? r.RecordedAt);
        }).ToList();
    }

    private static string? StatusCode(MedicationAdministration.MedicationAdministrationStatusCodes? s) => s switch
    {
        MedicationAdministration.MedicationAdministrationStatusCodes.Completed => "completed",
        MedicationAdministration.MedicationAdministrationStatusCodes.NotDone => "not-done",
        MedicationAdministration.MedicationAdministrationStatusCodes.EnteredInError => "entered-in-error",
        _ => null,
    };

    // ---- create --------------------------------------------------------------------------------------------------

    public async Task<FhirAnswer> CreateMedicationRequestAsync(MedicationRequest mr, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mr);
        if (mr.Subject?.Reference is not { } subjectRef || FhirQuery.PatientId(subjectRef) is not { } residentId)
        {
            return Problem(400, OperationOutcome.IssueType.Invalid, "subject must reference a Patient (Patient/[id]).", "MedicationRequest.subject");
        }

        if (!await care.Residents.AnyAsync(r => r.Identifier == residentId && r.DischargedAt == null, cancellationToken))
        {
            return Problem(422, OperationOutcome.IssueType.NotFound, $"subject Patient/{residentId} is not a current resident.", "MedicationRequest.subject");
        }

        if (mr.Intent is not MedicationRequest.MedicationRequestIntent.Order)
        {
            return Problem(400, OperationOutcome.IssueType.Invalid, "Only intent 'order' is accepted.", "MedicationRequest.intent");
        }

        if (mr.Medication is not CodeableConcept med || med.Coding.FirstOrDefault(c => c.System == FhirMapping.GtinSystem) is not { Code: { } gtin } coding)
        {
            return Problem(400, OperationOutcome.IssueType.Required, $"medicationCodeableConcept needs a coding with system {FhirMapping.GtinSystem} (the package's GTIN).", "MedicationRequest.medication");
        }

        if (mr.DosageInstruction.Count != 1)
        {
            return Problem(400, OperationOutcome.IssueType.Invalid, "Exactly one dosageInstruction is accepted.", "MedicationRequest.dosageInstruction");
        }

        var dosage = mr.DosageInstruction[0];
        var dose = dosage.DoseAndRate.FirstOrDefault()?.Dose as Quantity;
        var repeat = dosage.Timing?.Repeat;
        double? everyHours = null;
        if (repeat is { Period: { } period } && !repeat.TimeOfDay.Any())
        {
            var unitHours = repeat.PeriodUnit switch
            {
                Timing.UnitsOfTime.H => 1.0,
                Timing.UnitsOfTime.D => 24.0,
                Timing.UnitsOfTime.Min => 1 / 60.0,
                _ => double.NaN,
            };
            everyHours = (double)period * unitHours / (repeat.Frequency ?? 1);
        }

        PrnInput? prn = null;
        if (dosage.AsNeeded is CodeableConcept indication || dosage.AsNeeded is FhirBoolean { Value: true })
        {
            var text = (dosage.AsNeeded as CodeableConcept)?.Text ?? (dosage.AsNeeded as CodeableConcept)?.Coding.FirstOrDefault()?.Display;
            var max = dosage.MaxDosePerPeriod;
            if (max is not null && !(max.Denominator?.Value is 24 && max.Denominator.Code is "h" or null || max.Denominator?.Value is 1 && max.Denominator.Code is "d"))
            {
                return Problem(400, OperationOutcome.IssueType.NotSupported, "maxDosePerPeriod must be per 24 h.", "MedicationRequest.dosageInstruction.maxDosePerPeriod");
            }

            prn = new PrnInput(text is null ? [] : [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
                max?.Numerator?.Value is { } n ? (int)n : null, null);
        }

        var validity = mr.DispenseRequest?.ValidityPeriod;
        var input = new OrderInput(
            mr.Identifier.FirstOrDefault(i => i.System == FhirMapping.OrderSystem)?.Value ?? "mr-" + Guid.CreateVersion7(time.GetUtcNow()).ToString("N"),
            residentId,
            new DrugInput(med.Text ?? coding.Display, null, null, gtin, []),
            dose?.Value,
            dose?.Unit ?? dose?.Code,
            dosage.Route?.Coding.FirstOrDefault()?.Code ?? dosage.Route?.Text,
            TimesOfDay: repeat is not null && repeat.TimeOfDay.Any() ? [.. repeat.TimeOfDay.Select(t => t is { Length: >= 5 } ? t[..5] : t ?? string.Empty)] : null,
            Weekdays: repeat is not null && repeat.DayOfWeek.Any() ? [.. repeat.DayOfWeek.Select(d => DayName(d))] : null,
            EveryHours: everyHours,
            Prn: prn,
            Start: validity?.StartElement?.ToDateTimeOffset(TimeSpan.Zero),
            Stop: validity?.EndElement?.ToDateTimeOffset(TimeSpan.Zero),
            IsControlled: mr.Category.Any(c => c.Coding.Any(x => x.System == FhirMapping.OrderFlagSystem && x.Code == "controlled")));
        var result = await medication.CreateOrderAsync(input, actor, cancellationToken);
        if (result.Errors is { } errors)
        {
            return Problem(400, OperationOutcome.IssueType.Invalid, string.Join(" ", errors.SelectMany(e => e.Value)), [.. errors.Keys.Select(k => "MedicationRequest." + k)]);
        }

        if (result.Conflict is { } conflict)
        {
            return Problem(409, OperationOutcome.IssueType.Duplicate, conflict);
        }

        var created = FhirMapping.ToMedicationRequest(result.Value!);
        return new FhirAnswer(201, created, residentId, $"MedicationRequest/{created.Id}");
    }

    public async Task<FhirAnswer> CreateMedicationAdministrationAsync(MedicationAdministration ma, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ma);
        var doseId = ma.Identifier.FirstOrDefault(i => i.System == FhirMapping.DoseSystem)?.Value;
        var (orderId, _, _) = MedicationService.ParseDoseId(doseId);
        if (orderId is null)
        {
            return Problem(400, OperationOutcome.IssueType.Required, $"An identifier with system {FhirMapping.DoseSystem} must name the dose (order id '@' UTC time).", "MedicationAdministration.identifier");
        }

        if (ma.Request?.Reference is not { } requestRef || !requestRef.StartsWith("MedicationRequest/", StringComparison.Ordinal))
        {
            return Problem(400, OperationOutcome.IssueType.Invalid, "request must reference the MedicationRequest (MedicationRequest/[id]).", "MedicationAdministration.request");
        }

        var order = await medication.FindOrderAsync(requestRef["MedicationRequest/".Length..], cancellationToken);
        if (order is null || order.OrderId != orderId)
        {
            return Problem(422, OperationOutcome.IssueType.NotFound, $"{requestRef} does not exist or is not the order of dose {doseId}.", "MedicationAdministration.request");
        }

        if (ma.Subject?.Reference is not { } subjectRef || FhirQuery.PatientId(subjectRef) is not { } residentId)
        {
            return Problem(400, OperationOutcome.IssueType.Invalid, "subject must reference a Patient (Patient/[id]).", "MedicationAdministration.subject");
        }

        if (residentId != order.ResidentId)
        {
            return Problem(422, OperationOutcome.IssueType.BusinessRule, $"Patient/{residentId} is not the subject of {requestRef}.", "MedicationAdministration.subject");
        }

        string outcome;
        if (ma.Status == MedicationAdministration.MedicationAdministrationStatusCodes.Completed)
        {
            outcome = nameof(AdministrationOutcome.Given);
        }
        else if (ma.Status == MedicationAdministration.MedicationAdministrationStatusCodes.NotDone
            && ma.StatusReason.SelectMany(r => r.Coding).FirstOrDefault(c => c.System == FhirMapping.NotGivenSystem)?.Code is { } code
            && code is nameof(AdministrationOutcome.Refused) or nameof(AdministrationOutcome.Held) or nameof(AdministrationOutcome.NotAvailable) or nameof(AdministrationOutcome.Missed))
        {
            outcome = code;
        }
        else
        {
            return Problem(400, OperationOutcome.IssueType.CodeInvalid,
                $"status must be completed, or not-done with a statusReason coded in {FhirMapping.NotGivenSystem} (Refused, Held, NotAvailable, Missed).", "MedicationAdministration.status");
        }

        DateTimeOffset? occurred = ma.Effective switch
        {
            FhirDateTime dt => dt.ToDateTimeOffset(TimeSpan.Zero),
            Period p => p.StartElement?.ToDateTimeOffset(TimeSpan.Zero),
            _ => null,
        };
        if (occurred is null)
        {
            return Problem(400, OperationOutcome.IssueType.Required, "effectiveDateTime is required.", "MedicationAdministration.effective");
        }

        var witness = ma.Performer.FirstOrDefault(p => p.Function?.Coding.Any(c => c.Code == "witness") == true)?.Actor;
        var input = new OutcomeInput(
            doseId,
            ma.Identifier.FirstOrDefault(i => i.System == FhirMapping.MessageSystem)?.Value ?? "fhir",
            outcome,
            occurred,
            ma.StatusReason.FirstOrDefault()?.Text ?? ma.Note.FirstOrDefault()?.Text,
            ma.ReasonCode.FirstOrDefault()?.Text ?? ma.ReasonCode.FirstOrDefault()?.Coding.FirstOrDefault()?.Display,
            witness?.Display ?? witness?.Reference,
            ma.Device.FirstOrDefault()?.Display);
        var result = await medication.RecordOutcomeAsync(input, actor, cancellationToken);
        if (result.Errors is { } errors)
        {
            return Problem(400, OperationOutcome.IssueType.Invalid, string.Join(" ", errors.SelectMany(e => e.Value)), [.. errors.Keys.Select(k => "MedicationAdministration." + k)]);
        }

        if (result.NotFound is { } missing)
        {
            return Problem(422, OperationOutcome.IssueType.NotFound, missing, "MedicationAdministration.identifier");
        }

        if (result.Conflict is { } conflict)
        {
            return Problem(409, OperationOutcome.IssueType.BusinessRule, conflict);
        }

        var recordId = result.Value!.Records[^1].RecordId;
        var row = await db.Administrations.AsNoTracking().SingleAsync(a => a.RecordId == recordId, cancellationToken);
        var created = FhirMapping.ToAdministration(row, null, order);
        return new FhirAnswer(result.Value.Status == nameof(OutcomeStatus.Recorded) ? 201 : 200, created, residentId, $"MedicationAdministration/{created.Id}");
    }

    public static CapabilityStatement Capabilities(DateTimeOffset now)
    {
        CapabilityStatement.ResourceComponent Resource(string type, bool create) => new()
        {
            Type = type,
            Interaction = [
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read },
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType },
                .. create ? new[] { new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Create } } : [],
            ],
            SearchParam = [.. SearchParameters[type].Order(StringComparer.Ordinal).Select(p => new CapabilityStatement.SearchParamComponent
            {
                Name = p,
                Type = p is "date" or "_lastUpdated" ? SearchParamType.Date : p is "patient" or "subject" ? SearchParamType.Reference : SearchParamType.Token,
            })],
        };

        return new CapabilityStatement
        {
            Id = "carefleet",
            Status = PublicationStatus.Active,
            DateElement = new FhirDateTime(now),
            Kind = CapabilityStatementKind.Instance,
            Software = new CapabilityStatement.SoftwareComponent { Name = "CareFleet" },
            Implementation = new CapabilityStatement.ImplementationComponent { Description = "CareFleet care record" },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = ["json"],
            Rest = [new CapabilityStatement.RestComponent
            {
                Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                Resource = [
                    Resource("Patient", false),
                    Resource("MedicationRequest", true),
                    Resource("MedicationAdministration", true),
                    Resource("Consent", false),
                    Resource("AuditEvent", false),
                ],
            }],
        };
    }

    private static string DayName(DaysOfWeek? d) => d switch
    {
        DaysOfWeek.Mon => "Monday",
        DaysOfWeek.Tue => "Tuesday",
        DaysOfWeek.Wed => "Wednesday",
        DaysOfWeek.Thu => "Thursday",
        DaysOfWeek.Fri => "Friday",
        DaysOfWeek.Sat => "Saturday",
        DaysOfWeek.Sun => "Sunday",
        _ => string.Empty,
    };
}
