using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareFleet.Care.Medication;

/// <summary>The drug of an order as entered.</summary>
public sealed record DrugInput(string? Name, string? Strength, string? Form, string? Gtin, IReadOnlyList<string>? Substances);

/// <summary>PRN terms as entered.</summary>
public sealed record PrnInput(IReadOnlyList<string>? Indications, int? MaxDosesPer24Hours, int? MinimumIntervalMinutes);

/// <summary>A vital sign required before a dose, as entered (kind: HeartRate, SystolicBloodPressure, …).</summary>
public sealed record VitalInput(string? Kind, double? Minimum, double? Maximum, int? MaxAgeMinutes);

/// <summary>
/// A medication order as a prescriber enters it and as it is stored. Exactly one of <see cref="TimesOfDay"/>
/// (local "HH:mm" times, optional <see cref="Weekdays"/>), <see cref="EveryHours"/> or <see cref="Prn"/>.
/// </summary>
public sealed record OrderInput(
    string? OrderId,
    string? ResidentId,
    DrugInput? Drug,
    decimal? DoseAmount,
    string? DoseUnit,
    string? Route,
    IReadOnlyList<string>? TimesOfDay = null,
    IReadOnlyList<string>? Weekdays = null,
    double? EveryHours = null,
    DateTimeOffset? Anchor = null,
    PrnInput? Prn = null,
    DateTimeOffset? Start = null,
    DateTimeOffset? Stop = null,
    bool IsControlled = false,
    IReadOnlyList<VitalInput>? VitalsRequired = null,
    string? Class = null,
    int? WindowMinutes = null)
{
    /// <summary>
    /// Builds the order, or returns the problems keyed by field name (the shape of a validation problem). A missing
    /// start means <paramref name="now"/>.
    /// </summary>
    public MedicationOrder? ToOrder(DateTimeOffset now, out Dictionary<string, string[]> errors)
    {
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Bad(string field, string message)
        {
            if (!problems.TryGetValue(field, out var list))
            {
                problems[field] = list = [];
            }

            list.Add(message);
        }

        if (string.IsNullOrWhiteSpace(OrderId))
        {
            Bad("orderId", "An order id is required.");
        }
        else if (OrderId.Length > 64 || OrderId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.')))
        {
            Bad("orderId", "An order id is 1-64 letters, digits, '-' or '.'.");
        }

        if (string.IsNullOrWhiteSpace(ResidentId))
        {
            Bad("residentId", "A resident id is required.");
        }

        Gtin gtin = default;
        if (Drug is null)
        {
            Bad("drug", "A drug is required.");
        }
        else
        {
            if (string.IsNullOrWhiteSpace(Drug.Name))
            {
                Bad("drug.name", "The drug needs a name.");
            }

            if (!Medication.Gtin.TryParse(Drug.Gtin, out gtin))
            {
                Bad("drug.gtin", $"'{Drug.Gtin}' is not a GTIN-8, -12, -13 or -14 with a valid check digit.");
            }
        }

        if (DoseAmount is not > 0)
        {
            Bad("doseAmount", "The dose must be a positive amount.");
        }

        if (string.IsNullOrWhiteSpace(DoseUnit))
        {
            Bad("doseUnit", "The dose needs a unit.");
        }

        if (!Enum.TryParse<MedicationRoute>(Route, ignoreCase: true, out var route) || int.TryParse(Route, out _))
        {
            Bad("route", $"Route '{Route}' is not one of {string.Join(", ", Enum.GetNames<MedicationRoute>())}.");
        }

        var kinds = (TimesOfDay is { Count: > 0 } ? 1 : 0) + (EveryHours is not null ? 1 : 0) + (Prn is not null ? 1 : 0);
        if (kinds != 1)
        {
            Bad("schedule", "Give exactly one of timesOfDay, everyHours or prn.");
        }

        var times = new List<TimeOnly>();
        foreach (var t in TimesOfDay ?? [])
        {
            if (TimeOnly.TryParseExact(t, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                times.Add(time);
            }
            else
            {
                Bad("timesOfDay", $"'{t}' is not a time of day as HH:mm.");
            }
        }

        List<DayOfWeek>? weekdays = null;
        if (Weekdays is not null)
        {
            weekdays = [];
            foreach (var d in Weekdays)
            {
                if (Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out var day) && !int.TryParse(d, out _))
                {
                    weekdays.Add(day);
                }
                else
                {
                    Bad("weekdays", $"'{d}' is not a weekday name.");
                }
            }
        }

        if (EveryHours is { } every && (!double.IsFinite(every) || every < 0.25 || every > 24 * 31))
        {
            Bad("everyHours", "everyHours must be between 0.25 and 744.");
        }

        var orderClass = OrderClass.Standard;
        if (Class is not null && (!Enum.TryParse(Class, ignoreCase: true, out orderClass) || int.TryParse(Class, out _)))
        {
            Bad("class", $"Class '{Class}' is not one of {string.Join(", ", Enum.GetNames<OrderClass>())}.");
        }

        if (WindowMinutes is <= 0 or > 24 * 60)
        {
            Bad("windowMinutes", "windowMinutes must be between 1 and 1440.");
        }

        var vitals = new List<VitalRequirement>();
        foreach (var v in VitalsRequired ?? [])
        {
            if (v is null || !Enum.TryParse<VitalKind>(v.Kind, ignoreCase: true, out var kind) || int.TryParse(v.Kind, out _))
            {
                Bad("vitalsRequired", $"Vital kind '{v?.Kind}' is not one of {string.Join(", ", Enum.GetNames<VitalKind>())}.");
                continue;
            }

            vitals.Add(new VitalRequirement(kind, v.Minimum, v.Maximum, v.MaxAgeMinutes is { } m ? TimeSpan.FromMinutes(m) : null));
        }

        if (Prn is not null && (Prn.Indications is not { Count: > 0 } || Prn.Indications.Any(string.IsNullOrWhiteSpace)))
        {
            Bad("prn.indications", "A PRN order needs at least one indication.");
        }

        if (Prn is not null && Prn.MaxDosesPer24Hours is not > 0)
        {
            Bad("prn.maxDosesPer24Hours", "A PRN order needs a maximum of at least 1 dose per 24 h.");
        }

        MedicationOrder? order = null;
        if (problems.Count == 0)
        {
            order = new MedicationOrder
            {
                OrderId = OrderId!.Trim(),
                ResidentId = ResidentId!.Trim(),
                Drug = new Drug(Drug!.Name!.Trim(), Drug.Strength ?? string.Empty, Drug.Form ?? string.Empty, gtin, Drug.Substances ?? []),
                Dose = new DoseQuantity(DoseAmount!.Value, DoseUnit!.Trim()),
                Route = route,
                Schedule = times.Count > 0 ? new TimesOfDaySchedule(times, weekdays)
                    : EveryHours is { } h ? new IntervalSchedule(TimeSpan.FromHours(h), Anchor) : null,
                Prn = Prn is null ? null : new PrnTerms(Prn.Indications!, Prn.MaxDosesPer24Hours!.Value,
                    Prn.MinimumIntervalMinutes is { } gap ? TimeSpan.FromMinutes(gap) : null),
                Start = Start ?? now,
                Stop = Stop,
                IsControlled = IsControlled,
                VitalsRequired = vitals,
                Class = orderClass,
                WindowOverride = WindowMinutes is { } w ? TimeSpan.FromMinutes(w) : null,
            };
            try
            {
                order.Validate();
            }
            catch (ArgumentException e)
            {
                Bad("order", e.Message);
                order = null;
            }
        }

        errors = problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        return order;
    }

    /// <summary>The stored form, with the start filled in.</summary>
    public string ToDocument() => JsonSerializer.Serialize(this, MedicationJson.Options);

    public static OrderInput FromDocument(string json) =>
        JsonSerializer.Deserialize<OrderInput>(json, MedicationJson.Options) ?? throw new JsonException("Empty order document.");
}

internal static class MedicationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };
}
