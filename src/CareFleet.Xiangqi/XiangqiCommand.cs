using System.Globalization;

namespace CareFleet.Xiangqi;

/// <summary>The <c>carefleet xiangqi</c> verb: the engine on standard input and output.</summary>
public static class XiangqiCommand
{
    /// <summary>
    /// Runs the verb. No arguments: the UCCI/UCI engine until <c>quit</c>. <c>perft DEPTH [FEN]</c>: prints the
    /// perft count. <c>--hash MB</c> sets the transposition table size.
    /// </summary>
    /// <returns>0 on success, 2 on bad arguments.</returns>
    public static int Run(string[] args, TextReader input, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        int hash = 16;
        var rest = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--hash")
            {
                if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out hash) || hash is < 1 or > 4096)
                {
                    output.WriteLine("error: --hash needs a size in MB from 1 to 4096");
                    return 2;
                }

                i++;
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        if (rest.Count == 0)
        {
            return new EngineProtocol(input, output, TimeProvider.System, hash).Run(ct);
        }

        if (rest[0] == "perft")
        {
            if (rest.Count < 2 || !int.TryParse(rest[1], NumberStyles.None, CultureInfo.InvariantCulture, out int depth) || depth is < 1 or > 10)
            {
                output.WriteLine("error: perft needs a depth from 1 to 10, e.g. 'perft 4'");
                return 2;
            }

            string fen = rest.Count > 2 ? string.Join(' ', rest.Skip(2)) : Board.StartFen;
            if (!Board.TryFromFen(fen, out Board? board, out string error))
            {
                output.WriteLine("error: invalid FEN: " + error);
                return 2;
            }

            output.WriteLine(board!.Perft(depth).ToString(CultureInfo.InvariantCulture));
            return 0;
        }

        if (rest[0] == "match")
        {
            return Match(rest, input, output, ct);
        }

        output.WriteLine($"error: unknown argument '{rest[0]}'. Usage: xiangqi [--hash MB] | xiangqi perft DEPTH [FEN] | xiangqi match --first SPEC --second SPEC [--rounds N] [--movetime MS | --tc SECONDS+INC] [--openings FILE] [--maxplies N]");
        return 2;
    }

    /// <summary>
    /// <c>match --first SPEC --second SPEC</c>, SPEC = <c>level:N</c> (node caps), <c>engine</c> (full strength on the move time), <c>ucci:COMMAND</c>, <c>uci:COMMAND</c> (ranks 0–9)
    /// or <c>uci-variant:COMMAND</c> (a multi-variant UCI engine, ranks 1–10). Openings: one FEN per line.
    /// </summary>
    private static int Match(List<string> args, TextReader input, TextWriter output, CancellationToken ct)
    {
        _ = input;
        string? first = null, second = null, openingsFile = null;
        int rounds = 1, maxPlies = 300;
        long moveTime = 100, clockMs = 0, incMs = 0;
        for (int i = 1; i < args.Count; i++)
        {
            string key = args[i];
            if (i + 1 >= args.Count)
            {
                output.WriteLine($"error: {key} needs a value");
                return 2;
            }

            string value = args[++i];
            switch (key)
            {
                case "--first":
                    first = value;
                    break;
                case "--second":
                    second = value;
                    break;
                case "--openings":
                    openingsFile = value;
                    break;
                case "--tc" when TryParseTimeControl(value, out clockMs, out incMs):
                    break;
                case "--rounds" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out rounds) && rounds >= 1:
                case "--maxplies" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out maxPlies) && maxPlies >= 10:
                case "--movetime" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out moveTime) && moveTime >= 1:
                    break;
                default:
                    output.WriteLine($"error: bad match option {key} {value}");
                    return 2;
            }
        }

        if (first == null || second == null)
        {
            output.WriteLine("error: match needs --first and --second (level:N, ucci:CMD, uci:CMD or uci-variant:CMD)");
            return 2;
        }

        List<string> openings = [Board.StartFen];
        if (openingsFile != null)
        {
            if (!File.Exists(openingsFile))
            {
                output.WriteLine($"error: openings file '{openingsFile}' not found");
                return 2;
            }

            openings = [.. File.ReadAllLines(openingsFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
            foreach (string fen in openings)
            {
                if (!Board.TryFromFen(fen, out _, out string error))
                {
                    output.WriteLine($"error: opening '{fen}': {error}");
                    return 2;
                }
            }
        }

        IMatchEngine? a = null, b = null;
        try
        {
            if (!TryCreateEngine(first, 1, out a, out string errA) || !TryCreateEngine(second, 2, out b, out string errB))
            {
                output.WriteLine("error: " + (a == null ? errA : "second engine: " + second));
                return 2;
            }

            MatchResult r = MatchRunner.Run(a!, b!, openings, rounds, moveTime, maxPlies, output.WriteLine, clockMs, incMs, TimeProvider.System, ct);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{a!.Name} vs {b!.Name}: +{r.Wins} ={r.Draws} -{r.Losses}  score {r.Score:P1}  pentanomial [{string.Join(' ', r.Pentanomial)}]  Elo {r.Elo:F0} ± {r.EloError95:F0} (95 %)"));
            return 0;
        }
        finally
        {
            a?.Dispose();
            b?.Dispose();
        }
    }

    // "10+0.1": seconds on the clock plus seconds of increment per move.
    private static bool TryParseTimeControl(string text, out long clockMs, out long incMs)
    {
        clockMs = incMs = 0;
        string[] parts = text.Split('+');
        if (parts.Length is < 1 or > 2
            || !double.TryParse(parts[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double clock) || clock <= 0
            || (parts.Length == 2 && (!double.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double inc) || inc < 0)))
        {
            return false;
        }

        clockMs = (long)(clock * 1000);
        incMs = parts.Length == 2 ? (long)(double.Parse(parts[1], CultureInfo.InvariantCulture) * 1000) : 0;
        return true;
    }

    private static bool TryCreateEngine(string spec, int seed, out IMatchEngine? engine, out string error)
    {
        engine = null;
        error = string.Empty;
        int colon = spec.IndexOf(':', StringComparison.Ordinal);
        string kind = colon < 0 ? spec : spec[..colon], arg = colon < 0 ? string.Empty : spec[(colon + 1)..];
        try
        {
            switch (kind)
            {
                case "level" when int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out int level) && level is >= 1 and <= Levels.Count:
                    engine = new LevelEngine(level, seed);
                    return true;
                case "engine":
                    engine = new LevelEngine(Levels.Count, seed, timed: true);
                    return true;
                case "ucci":
                    engine = new ExternalEngine(arg, EngineDialect.Ucci);
                    return true;
                case "uci":
                    engine = new ExternalEngine(arg, EngineDialect.Uci);
                    return true;
                case "uci-variant":
                    engine = new ExternalEngine(arg, EngineDialect.UciVariant);
                    return true;
                default:
                    error = $"engine spec '{spec}' must be level:1..12, engine (full strength on the move time), ucci:CMD, uci:CMD or uci-variant:CMD";
                    return false;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            error = $"could not start '{arg}': {e.Message}";
            return false;
        }
    }
}
