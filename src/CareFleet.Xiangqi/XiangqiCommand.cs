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

        output.WriteLine($"error: unknown argument '{rest[0]}'. Usage: xiangqi [--hash MB] | xiangqi perft DEPTH [FEN]");
        return 2;
    }
}
