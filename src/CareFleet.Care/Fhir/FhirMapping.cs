using System.Globalization;
using CareFleet.Care.Audit;
using CareFleet.Care.Consents;
using CareFleet.Care.Medication;
using CareFleet.Care.Residents;
using Hl7.Fhir.Model;

namespace CareFleet.Care.Fhir;

/// <summary>The care record as FHIR R4 resources (field choices follow CARE.md §2.1).</summary>
internal static class FhirMapping
{
    public const string ResidentSystem = "urn:carefleet:resident";
    public const string OrderSystem = "urn:carefleet:order";
    public const string DoseSystem = "urn:carefleet:dose";
    public const string MessageSystem = "urn:carefleet:client-message";
    public const string RecordSystem = "urn:carefleet:administration-record";
    public const string NotGivenSystem = "urn:carefleet:not-given-reason";
    public const string OrderFlagSystem = "urn:carefleet:order-flag";
    public const string GtinSystem = "https://www.gs1.org/gtin";
    private const string RouteSystem = "urn:carefleet:route";

    public static Patient ToPatient(Resident r)
    {
        var patient = new Patient
        {
            Id = r.Identifier,
            Meta = new Meta { LastUpdated = r.DischargedAt ?? r.AdmittedAt },
            Active = r.DischargedAt is null,
            Identifier = [new Identifier(ResidentSystem, r.Identifier)],
            Name = [new HumanName { Family = r.FamilyName, Given = [r.GivenName] }],
            Gender = r.Sex switch
            {
                "male" => AdministrativeGender.Male,
                "female" => AdministrativeGender.Female,
                "other" => AdministrativeGender.Other,
                _ => AdministrativeGender.Unknown,
            },
            BirthDate = r.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Communication = [new Patient.CommunicationComponent { Language = new CodeableConcept("urn:ietf:bcp:47", r.Language), Preferred = true }],
        };
        return patient;
    }

    public static MedicationRequest ToMedicationRequest(OrderView o)
    {
        var t = o.Terms;
        var dosage = new Dosage
        {
            Route = new CodeableConcept(RouteSystem, t.Route ?? string.Empty) { Text = t.Route },
            DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = new Quantity { Value = t.DoseAmount, Unit = t.DoseUnit } }],
        };
        if (t.TimesOfDay is { Count: > 0 } times)
        {
            dosage.Timing = new Timing { Repeat = new Timing.RepeatComponent { TimeOfDay = [.. times.Select(x => x + ":00")] } };
            if (t.Weekdays is { Count: > 0 } days)
            {
                dosage.Timing.Repeat.DayOfWeek = [.. days.Select(d => (DaysOfWeek?)Enum.Parse<DaysOfWeek>(d[..3], ignoreCase: true))];
            }
        }
        else if (t.EveryHours is { } every)
        {
            dosage.Timing = new Timing { Repeat = new Timing.RepeatComponent { Frequency = 1, Period = (decimal)every, PeriodUnit = Timing.UnitsOfTime.H } };
        }

        if (t.Prn is { } prn)
        {
            dosage.AsNeeded = new CodeableConcept { Text = string.Join(", ", prn.Indications ?? []) };
            dosage.MaxDosePerPeriod = new Ratio(new Quantity { Value = prn.MaxDosesPer24Hours, Unit = "dose" },
                new Quantity { Value = 24, Unit = "h", System = "http://unitsofmeasure.org", Code = "h" });
        }

        var request = new MedicationRequest
        {
            Id = o.OrderId,
            Meta = new Meta { LastUpdated = o.LastUpdated },
            Identifier = [new Identifier(OrderSystem, o.OrderId)],
            Status = o.Status switch
            {
                "on-hold" => MedicationRequest.MedicationrequestStatus.OnHold,
                "stopped" => MedicationRequest.MedicationrequestStatus.Stopped,
                _ => MedicationRequest.MedicationrequestStatus.Active,
            },
            Intent = MedicationRequest.MedicationRequestIntent.Order,
            Medication = Medication(t.Drug?.Name, t.Drug?.Strength, t.Drug?.Gtin),
            Subject = new ResourceReference("Patient/" + o.ResidentId),
            AuthoredOnElement = new FhirDateTime(o.CreatedAt),
            Requester = new ResourceReference { Display = o.CreatedBy },
            DosageInstruction = [dosage],
            DispenseRequest = new MedicationRequest.DispenseRequestComponent
            {
                ValidityPeriod = new Period(t.Start is { } s ? new FhirDateTime(s) : null, t.Stop is { } e ? new FhirDateTime(e) : null),
            },
        };
        if (t.IsControlled)
        {
            request.Category = [new CodeableConcept(OrderFlagSystem, "controlled", "Controlled drug: administration needs a witness")];
        }

        if (o.Holds.Count > 0)
        {
            request.Note = [.. o.Holds.Select(h => new Annotation { Text = $"Hold from {h.From:O}{(h.Until is { } u ? $" until {u:O}" : string.Empty)}: {h.Reason}" })];
        }

        return request;
    }

    public static CodeableConcept Medication(string? name, string? strength, string? gtin) =>
        new(GtinSystem, gtin ?? string.Empty, $"{name} {strength}".Trim()) { Text = $"{name} {strength}".Trim() };

    /// <summary>
    /// An administration record. A record voided by a later entered-in-error marker is shown with status
    /// entered-in-error (FHIR's way of keeping the original visible); the markers themselves are not separate resources.
    /// </summary>
    public static MedicationAdministration ToAdministration(AdministrationRow r, AdministrationRow? voidedBy, OrderView? order)
    {
        var status = voidedBy is not null ? MedicationAdministration.MedicationAdministrationStatusCodes.EnteredInError
            : r.Outcome == nameof(AdministrationOutcome.Given) ? MedicationAdministration.MedicationAdministrationStatusCodes.Completed
            : MedicationAdministration.MedicationAdministrationStatusCodes.NotDone;
        var ma = new MedicationAdministration
        {
            Id = AdministrationId(r.Sequence),
            Meta = new Meta { LastUpdated = voidedBy?.RecordedAt ?? r.RecordedAt },
            Identifier = [new Identifier(RecordSystem, r.RecordId), new Identifier(DoseSystem, r.DoseId), new Identifier(MessageSystem, r.ClientMessageId)],
            Status = status,
            Medication = order is null ? new CodeableConcept { Text = r.OrderId } : Medication(order.Terms.Drug?.Name, order.Terms.Drug?.Strength, order.Terms.Drug?.Gtin),
            Subject = new ResourceReference("Patient/" + r.ResidentId),
            Effective = new FhirDateTime(r.OccurredAt),
            Request = new ResourceReference("MedicationRequest/" + r.OrderId),
            Performer = [new MedicationAdministration.PerformerComponent
            {
                Function = new CodeableConcept("http://terminology.hl7.org/CodeSystem/med-admin-perform-function", "performer"),
                Actor = new ResourceReference { Display = r.RecordedBy },
            }],
        };
        if (r.Outcome != nameof(AdministrationOutcome.Given))
        {
            ma.StatusReason = [new CodeableConcept(NotGivenSystem, r.Outcome) { Text = r.Reason }];
        }

        if (r.WitnessId is { } witness)
        {
            ma.Performer.Add(new MedicationAdministration.PerformerComponent
            {
                Function = new CodeableConcept("http://terminology.hl7.org/CodeSystem/med-admin-perform-function", "witness"),
                Actor = new ResourceReference { Display = witness },
            });
        }

        if (r.PrnIndication is { } indication)
        {
            ma.ReasonCode = [new CodeableConcept { Text = indication }];
        }

        if (r.DeviceId is { } device)
        {
            ma.Device = [new ResourceReference { Display = device }];
        }

        if (order is not null)
        {
            ma.Dosage = new MedicationAdministration.DosageComponent
            {
                Dose = new Quantity { Value = order.Terms.DoseAmount, Unit = order.Terms.DoseUnit },
                Route = new CodeableConcept(RouteSystem, order.Terms.Route ?? string.Empty) { Text = order.Terms.Route },
            };
        }

        if (voidedBy is not null)
        {
            ma.Note = [new Annotation { Text = $"Entered in error by {voidedBy.RecordedBy} at {voidedBy.RecordedAt:O}: {voidedBy.Reason}" }];
        }

        return ma;
    }

    public static string AdministrationId(long sequence) => "mar-" + sequence.ToString(CultureInfo.InvariantCulture);

    public static Consent ToConsent(ConsentRow c, DateTimeOffset now)
    {
        var (scope, purpose) = c.Kind switch
        {
            ConsentKind.Treatment => ("treatment", "TREAT"),
            ConsentKind.FaceRecognition => ("patient-privacy", "PATADMIN"),
            _ => ("research", "TRAIN"),
        };
        var consent = new Consent
        {
            Id = c.Id.ToString(),
            Meta = new Meta { LastUpdated = c.LastUpdated },
            Status = c.IsActiveAt(now) ? Consent.ConsentState.Active : Consent.ConsentState.Inactive,
            Scope = new CodeableConcept("http://terminology.hl7.org/CodeSystem/consentscope", scope),
            Category = [new CodeableConcept("urn:carefleet:consent-kind", c.Kind.ToString()) { Text = c.Kind.ToString() }],
            Patient = new ResourceReference("Patient/" + c.ResidentId),
            DateTimeElement = new FhirDateTime(c.GrantedAt),
            Performer = [new ResourceReference("Patient/" + c.ResidentId)],
            Organization = [new ResourceReference { Display = "recorded by " + c.RecordedBy }],
            PolicyRule = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN"),
            Provision = new Consent.provisionComponent
            {
                Type = Consent.ConsentProvisionType.Permit,
                Period = new Period(new FhirDateTime(c.GrantedAt), c.RevokedAt is { } r ? new FhirDateTime(r) : null),
                Purpose = [new Coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", purpose)],
            },
        };
        if (c.Source is { } source)
        {
            consent.Source = new Attachment { Title = source };
        }

        return consent;
    }

    public static AuditEvent ToAuditEvent(AuditRow a)
    {
        var (code, action) = a.Action switch
        {
            "create" => ("create", AuditEvent.AuditEventAction.C),
            "update" => ("update", AuditEvent.AuditEventAction.U),
            "search" => ("search-type", AuditEvent.AuditEventAction.E),
            _ => ("read", AuditEvent.AuditEventAction.R),
        };
        var audit = new AuditEvent
        {
            Id = "ae-" + a.Id.ToString(CultureInfo.InvariantCulture),
            Meta = new Meta { LastUpdated = a.At },
            Type = new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"),
            Subtype = [new Coding("http://hl7.org/fhir/restful-interaction", code)],
            Action = action,
            Recorded = a.At,
            Outcome = a.Outcome < 400 ? AuditEvent.AuditEventOutcome.N0 : a.Outcome < 500 ? AuditEvent.AuditEventOutcome.N4 : AuditEvent.AuditEventOutcome.N8,
            OutcomeDesc = a.Outcome.ToString(CultureInfo.InvariantCulture),
            PurposeOfEvent = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ActReason", a.Purpose)],
            Agent = [new AuditEvent.AgentComponent
            {
                Who = new ResourceReference { Display = a.Actor },
                Role = [new CodeableConcept("urn:carefleet:staff-role", a.ActorRole)],
                Requestor = true,
                Network = new AuditEvent.NetworkComponent { Address = a.SourceAddress, Type = AuditEvent.AuditEventAgentNetworkType.N2 },
            }],
            Source = new AuditEvent.SourceComponent { Observer = new ResourceReference { Display = "CareFleet" } },
            Entity = [new AuditEvent.EntityComponent
            {
                What = new ResourceReference { Reference = a.ResourceId is { } id && FhirQuery.IsValidId(id) ? $"{a.ResourceType}/{id}" : null, Display = $"{a.ResourceType} {a.ResourceId} ({a.Path})" },
            }],
        };
        if (a.ResidentId is { } resident)
        {
            audit.Entity.Add(new AuditEvent.EntityComponent { What = new ResourceReference("Patient/" + resident), Type = new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person") });
        }

        return audit;
    }
}
