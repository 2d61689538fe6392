using System.Diagnostics.CodeAnalysis;

namespace CareFleet.Care.Medication;

/// <summary>
/// A GS1 Global Trade Item Number, held as 14 digits (GTIN-8/12/13 are left-padded with zeros, which is how GS1
/// compares them). The last digit is the GS1 mod-10 check digit.
/// </summary>
public readonly record struct Gtin
{
    private Gtin(string digits) => Digits = digits;

    /// <summary>The 14-digit form.</summary>
    public string Digits { get; }

    public override string ToString() => Digits;

    /// <summary>Parses a bare GTIN-8, -12, -13 or -14; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static Gtin Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var gtin, out var error) ? gtin : throw new FormatException(error);
    }

    public static bool TryParse([NotNullWhen(true)] string? value, out Gtin gtin) => TryParse(value, out gtin, out _);

    /// <summary>
    /// Reads a scanned package code: a bare GTIN, or a GS1 element string carrying the GTIN in application identifier
    /// (01), with or without parentheses and a symbology prefix such as "]d2" (GS1 DataMatrix on medicine packs).
    /// </summary>
    public static bool TryFromScan([NotNullWhen(true)] string? scan, out Gtin gtin)
    {
        gtin = default;
        if (string.IsNullOrWhiteSpace(scan))
        {
            return false;
        }

        var s = scan.Trim();
        if (s.Length > 3 && s[0] == ']')
        {
            s = s[3..];
        }

        if (s.StartsWith("(01)", StringComparison.Ordinal))
        {
            return s.Length >= 18 && TryParse(s.Substring(4, 14), out gtin);
        }

        if (TryParse(s, out gtin))
        {
            return true;
        }

        return s.Length >= 16 && s.StartsWith("01", StringComparison.Ordinal) && TryParse(s.Substring(2, 14), out gtin);
    }

    private static bool TryParse(string? value, out Gtin gtin, out string error)
    {
        gtin = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "A GTIN is required.";
            return false;
        }

        var s = value.Trim();
        if (s.Length is not (8 or 12 or 13 or 14))
        {
            error = $"A GTIN has 8, 12, 13 or 14 digits; got {s.Length} characters.";
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                error = "A GTIN has digits only.";
                return false;
            }
        }

        var padded = s.PadLeft(14, '0');
        if (CheckDigit(padded.AsSpan(0, 13)) != padded[13] - '0')
        {
            error = $"GTIN {s} fails its check digit.";
            return false;
        }

        gtin = new Gtin(padded);
        error = string.Empty;
        return true;
    }

    // GS1 General Specifications §7.9: weights 3,1,3,... from the digit next to the check digit.
    private static int CheckDigit(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var weight = (body.Length - i) % 2 == 1 ? 3 : 1;
            sum += (body[i] - '0') * weight;
        }

        return (10 - (sum % 10)) % 10;
    }
}
