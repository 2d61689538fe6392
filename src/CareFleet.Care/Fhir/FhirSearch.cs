using System.Globalization;

namespace CareFleet.Care.Fhir;

/// <summary>A search problem: the parameter and why, answered as an OperationOutcome with status 400.</summary>
public sealed class FhirSearchException(string message) : Exception(message);

/// <summary>
/// A FHIR date search value with its prefix (eq, ne, gt, ge, lt, le; FHIR R4 §3.1.1.5.1). The value's precision
/// sets an implicit range: "2026-11-30" is the whole day.
/// </summary>
public sealed record DateCriterion(string Prefix, DateTimeOffset Low, DateTimeOffset High)
{
    private static readonly string[] Prefixes = ["eq", "ne", "gt", "ge", "lt", "le"];

    public static DateCriterion Parse(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var prefix = "eq";
        if (text.Length > 2 && Prefixes.Contains(text[..2], StringComparer.Ordinal))
        {
            prefix = text[..2];
            text = text[2..];
        }

        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (text.Length == 4 && DateTimeOffset.TryParseExact(text, "yyyy", CultureInfo.InvariantCulture, styles, out var y))
        {
            return new(prefix, y, y.AddYears(1));
        }

        if (text.Length == 7 && DateTimeOffset.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, styles, out var m))
        {
            return new(prefix, m, m.AddMonths(1));
        }

        if (text.Length == 10 && DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, styles, out var d))
        {
            return new(prefix, d, d.AddDays(1));
        }

        if (text.Length > 10 && text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var t))
        {
            return new(prefix, t, t.AddSeconds(1));
        }

        throw new FhirSearchException($"Search parameter '{name}' has '{text}', which is not a FHIR date (yyyy, yyyy-MM, yyyy-MM-dd or a dateTime), optionally prefixed by eq, ne, gt, ge, lt or le.");
    }

    public bool Matches(DateTimeOffset at) => Prefix switch
    {
        "ne" => at < Low || at >= High,
        "gt" => at >= High,
        "ge" => at >= Low,
        "lt" => at < Low,
        "le" => at < High,
        _ => at >= Low && at < High,
    };
}

/// <summary>The parsed query of a search: the resource's own parameters, plus _count and _offset for paging.</summary>
public sealed class FhirQuery
{
    public const int DefaultCount = 20;
    public const int MaxCount = 100;

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "_format", "_pretty" };

    private FhirQuery(Dictionary<string, List<string>> values, int count, int offset)
    {
        Values = values;
        Count = count;
        Offset = offset;
    }

    public IReadOnlyDictionary<string, List<string>> Values { get; }

    public int Count { get; }

    public int Offset { get; }

    /// <summary>Parses the query, refusing any parameter the resource does not support (strict handling).</summary>
    public static FhirQuery Parse(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> query, IReadOnlySet<string> supported, string resourceType)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(supported);
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        int count = DefaultCount, offset = 0;
        foreach (var (key, value) in query)
        {
            if (Ignored.Contains(key))
            {
                continue;
            }

            if (key == "_count")
            {
                if (!int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1)
                {
                    throw new FhirSearchException($"_count must be a positive whole number; got '{value}'.");
                }

                count = Math.Min(count, MaxCount);
                continue;
            }

            if (key == "_offset")
            {
                if (!int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out offset))
                {
                    throw new FhirSearchException($"_offset must be a whole number; got '{value}'.");
                }

                continue;
            }

            if (!supported.Contains(key))
            {
                throw new FhirSearchException($"Search parameter '{key}' is not supported for {resourceType}; supported: {string.Join(", ", supported.Order(StringComparer.Ordinal))}, _count.");
            }

            foreach (var v in value)
            {
                if (string.IsNullOrWhiteSpace(v))
                {
                    throw new FhirSearchException($"Search parameter '{key}' has an empty value.");
                }

                if (!values.TryGetValue(key, out var list))
                {
                    values[key] = list = [];
                }

                list.Add(v);
            }
        }

        return new FhirQuery(values, count, offset);
    }

    public string? One(string name) => Values.TryGetValue(name, out var list)
        ? list.Count == 1 ? list[0] : throw new FhirSearchException($"Search parameter '{name}' may be given once.")
        : null;

    public IReadOnlyList<DateCriterion> Dates(string name) =>
        Values.TryGetValue(name, out var list) ? [.. list.Select(v => DateCriterion.Parse(name, v))] : [];

    /// <summary>A patient reference: "Patient/R-0001", "R-0001" or an absolute URL ending in Patient/R-0001.</summary>
    public string? Patient(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        string? found = null;
        foreach (var name in names)
        {
            if (One(name) is not { } value)
            {
                continue;
            }

            var id = PatientId(value) ?? throw new FhirSearchException($"Search parameter '{name}' must reference a Patient (Patient/[id]); got '{value}'.");
            if (found is not null && found != id)
            {
                throw new FhirSearchException("patient and subject name different residents.");
            }

            found = id;
        }

        return found;
    }

    public static string? PatientId(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var r = reference.Trim();
        var marker = r.LastIndexOf("Patient/", StringComparison.Ordinal);
        if (marker >= 0)
        {
            r = r[(marker + "Patient/".Length)..];
        }
        else if (r.Contains('/', StringComparison.Ordinal))
        {
            return null;
        }

        return IsValidId(r) ? r : null;
    }

    /// <summary>FHIR R4 id: 1-64 of A-Z a-z 0-9 - .</summary>
    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
}
