// Xiangqi engine benchmark: perft and search speed, optionally beside a reference UCI engine.
//
// Usage: dotnet run -c Release --project bench/CareFleet.Xiangqi.Bench -- [--reference <engine binary>] [--quick]
// The reference must speak UCI and perft xiangqi (a variant engine is sent `setoption name UCI_Variant value
// xiangqi`); it runs `go perft N` on the same positions in the same run, timed from the command to its
// "Nodes searched" line, so process start-up is not counted.
//
// Measured again 2026-11-30 on the same 2-core machine when quiet (load average about 1), same command:
//
// | position   | depth |       nodes | ours ms | ours M/s | ref ms | ref M/s | ratio |
// |------------|------:|------------:|--------:|---------:|-------:|--------:|------:|
// | start      |     5 | 133,312,995 |    1817 |    73.39 |   9121 |   14.62 |  5.02 |
// | position 2 |     5 |  53,112,976 |     679 |    78.21 |   3857 |   13.77 |  5.68 |
// | position 3 |     5 |  10,369,923 |     155 |    67.07 |    786 |   13.19 |  5.09 |
// | position 4 |     5 |   4,739,553 |      84 |    56.34 |    357 |   13.26 |  4.25 |
// | position 5 |     5 |  11,842,230 |     162 |    73.07 |    836 |   14.17 |  5.16 |
// | total      |       | 213,377,677 |    2896 |    73.67 |  14957 |   14.27 |  5.16 |
//
// Search, 3,000,000 nodes per position, 64 MB hash (same run):
//
// | position       | depth |     nodes |    ms | k nodes/s | best |
// |----------------|------:|----------:|------:|----------:|------|
// | start          |    12 | 3,000,000 |  1581 |      1897 | b2e2 |
// | central cannon |    12 | 3,000,000 |  1467 |      2045 | h9g7 |
// | middlegame     |    18 | 3,000,000 |  1682 |      1783 | e0e1 |
// | tactics        |    16 | 3,000,000 |  1485 |      2020 | f4d5 |
// | endgame        |    17 | 3,000,000 |  1205 |      2491 | e7d7 |
// | attack         |    18 | 3,000,000 |  1357 |      2211 | c9b7 |
// | total          |       | 18,000,000 |  8777 |      2051 |      |
//
// Measured 2026-11-30 on the 2-core build machine (Release, .NET 10) while other builds ran (load average
// about 10, so absolute figures are low and noisy; the ratio is taken in the same run on the same positions).
// Reference: an open-source multi-variant UCI engine (UCI_Variant xiangqi, bulk-counted perft).
//
// | position   | depth |       nodes | ours ms | ours M/s | ref ms | ref M/s | ratio |
// |------------|------:|------------:|--------:|---------:|-------:|--------:|------:|
// | start      |     5 | 133,312,995 |    3584 |    37.20 |  16188 |    8.24 |  4.52 |
// | position 2 |     5 |  53,112,976 |    1204 |    44.11 |   7222 |    7.35 |  6.00 |
// | position 3 |     5 |  10,369,923 |     319 |    32.54 |   2136 |    4.86 |  6.70 |
// | position 4 |     5 |   4,739,553 |     223 |    21.25 |    788 |    6.01 |  3.53 |
// | position 5 |     5 |  11,842,230 |     222 |    53.29 |   1430 |    8.28 |  6.43 |
// | total      |       | 213,377,677 |    5551 |    38.44 |  27763 |    7.69 |  5.00 |
//
// With --quick (depth 4, runs of 10-150 ms where tiering still matters) the same machine gave a ratio of 1.7-1.9.
//
// Search, 3,000,000 nodes per position, 64 MB hash (same run):
//
// | position       | depth |     nodes |    ms | k nodes/s | best |
// |----------------|------:|----------:|------:|----------:|------|
// | start          |    12 | 3,000,000 |  4220 |       711 | b2e2 |
// | central cannon |    12 | 3,000,000 |  3657 |       820 | h9g7 |
// | middlegame     |    18 | 3,000,000 |  2886 |      1040 | e0e1 |
// | tactics        |    16 | 3,000,000 |  3516 |       853 | f4d5 |
// | endgame        |    17 | 3,000,000 |  3516 |       853 | e7d7 |
// | attack         |    18 | 3,000,000 |  2950 |      1017 | c9b7 |
// | total          |       | 18,000,000 | 20745 |       868 |      |
using System.Diagnostics;
using System.Globalization;
using CareFleet.Xiangqi;

string? reference = null;
bool quick = false;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--reference" && i + 1 < args.Length)
    {
        reference = args[++i];
    }
    else if (args[i] == "--quick")
    {
        quick = true;
    }
    else
    {
        Console.Error.WriteLine($"unknown argument '{args[i]}'. Usage: [--reference <engine>] [--quick]");
        return 2;
    }
}

(string Name, string Fen, int Depth, long Nodes)[] perftSet =
[
    ("start", Board.StartFen, 5, 133312995),
    ("position 2", "r1ba1a3/4kn3/2n1b4/pNp1p1p1p/4c4/6P2/P1P2R2P/1CcC5/9/2BAKAB2 w - - 0 1", 5, 53112976),
    ("position 3", "1cbak4/9/n2a5/2p1p3p/5cp2/2n2N3/6PCP/3AB4/2C6/3A1K1N1 w - - 0 1", 5, 10369923),
    ("position 4", "5a3/3k5/3aR4/9/5r3/5n3/9/3A1A3/5K3/2BC2B2 w - - 0 1", 5, 4739553),
    ("position 5", "CRN1k1b2/3ca4/4ba3/9/2nr5/9/9/4B4/4A4/4KA3 w - - 0 1", 5, 11842230),
];
if (quick)
{
    perftSet = [.. perftSet.Select(p => p with { Depth = 4, Nodes = -1 })];
}

using var refEngine = reference is null ? null : ReferenceEngine.Start(reference);

Console.WriteLine("Perft (legal moves, bulk-counted at the last ply)");
Console.WriteLine("| position   | depth |       nodes | ours ms | ours M/s | ref ms | ref M/s | ratio |");
Console.WriteLine("|------------|------:|------------:|--------:|---------:|-------:|--------:|------:|");
long oursNodes = 0, refNodes = 0;
double oursMs = 0, refMs = 0;
foreach (var (name, fen, depth, expected) in perftSet)
{
    var board = Board.FromFen(fen);
    board.Perft(3); // warm-up so the JIT has tiered up
    var sw = Stopwatch.StartNew();
    long nodes = board.Perft(depth);
    double ms = sw.Elapsed.TotalMilliseconds;
    if (expected > 0 && nodes != expected)
    {
        Console.Error.WriteLine($"PERFT MISMATCH on {name}: {nodes} instead of {expected}");
        return 1;
    }

    oursNodes += nodes;
    oursMs += ms;
    string refCols = "      - |       - |     - |";
    if (refEngine != null)
    {
        (long rn, double rms) = refEngine.Perft(fen, depth);
        if (rn != nodes)
        {
            Console.Error.WriteLine($"reference counted {rn} nodes on {name}, we counted {nodes}");
        }

        refNodes += rn;
        refMs += rms;
        refCols = $" {rms,6:F0} | {rn / rms / 1000,7:F2} | {nodes / ms / (rn / rms),5:F2} |";
    }

    Console.WriteLine($"| {name,-10} | {depth,5} | {nodes,11:N0} | {ms,7:F0} | {nodes / ms / 1000,8:F2} |{refCols}");
}

string total = refEngine == null ? "      - |       - |     - |"
    : $" {refMs,6:F0} | {refNodes / refMs / 1000,7:F2} | {oursNodes / oursMs / (refNodes / refMs),5:F2} |";
Console.WriteLine($"| {"total",-10} |       | {oursNodes,11:N0} | {oursMs,7:F0} | {oursNodes / oursMs / 1000,8:F2} |{total}");
Console.WriteLine();

(string Name, string Fen)[] searchSet =
[
    ("start", Board.StartFen),
    ("central cannon", "rnbakabnr/9/1c5c1/p1p1p1p1p/9/9/P1P1P1P1P/1C2C4/9/RNBAKABNR b - - 1 1"),
    ("middlegame", "r1ba1a3/4kn3/2n1b4/pNp1p1p1p/4c4/6P2/P1P2R2P/1CcC5/9/2BAKAB2 w - - 0 1"),
    ("tactics", "1cbak4/9/n2a5/2p1p3p/5cp2/2n2N3/6PCP/3AB4/2C6/3A1K1N1 w - - 0 1"),
    ("endgame", "5a3/3k5/3aR4/9/5r3/5n3/9/3A1A3/5K3/2BC2B2 w - - 0 1"),
    ("attack", "CRN1k1b2/3ca4/4ba3/9/2nr5/9/9/4B4/4A4/4KA3 w - - 0 1"),
];
long searchNodes = quick ? 300_000 : 3_000_000;
Console.WriteLine($"Search ({searchNodes:N0} nodes per position, 64 MB hash)");
Console.WriteLine("| position       | depth |     nodes |    ms | k nodes/s | best |");
Console.WriteLine("|----------------|------:|----------:|------:|----------:|------|");
long sn = 0;
double sms = 0;
foreach (var (name, fen) in searchSet)
{
    var searcher = new Searcher(64);
    var board = Board.FromFen(fen);
    searcher.Search(board, new SearchLimits { Nodes = 20_000 });
    searcher.Clear();
    var sw = Stopwatch.StartNew();
    SearchResult r = searcher.Search(board, new SearchLimits { Nodes = searchNodes });
    double ms = sw.Elapsed.TotalMilliseconds;
    sn += r.Nodes;
    sms += ms;
    Console.WriteLine($"| {name,-14} | {r.Depth,5} | {r.Nodes,9:N0} | {ms,5:F0} | {r.Nodes / ms,9:F0} | {r.BestMove} |");
}

Console.WriteLine($"| {"total",-14} |       | {sn,9:N0} | {sms,5:F0} | {sn / sms,9:F0} |      |");
return 0;

internal sealed class ReferenceEngine : IDisposable
{
    private readonly Process _process;

    private ReferenceEngine(Process process) => _process = process;

    public static ReferenceEngine Start(string path)
    {
        var psi = new ProcessStartInfo(path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {path}");
        var e = new ReferenceEngine(p);
        e.Send("uci");
        e.WaitFor("uciok");
        e.Send("setoption name UCI_Variant value xiangqi");
        e.Send("isready");
        e.WaitFor("readyok");
        return e;
    }

    private void Send(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    private string WaitFor(string prefix)
    {
        while (true)
        {
            string line = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("reference engine closed its output");
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }
        }
    }

    public (long Nodes, double Ms) Perft(string fen, int depth)
    {
        Send($"position fen {fen}");
        Send("isready");
        WaitFor("readyok");
        var sw = Stopwatch.StartNew();
        Send($"go perft {depth}");
        string line = WaitFor("Nodes searched");
        double ms = sw.Elapsed.TotalMilliseconds;
        long nodes = long.Parse(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(), CultureInfo.InvariantCulture);
        return (nodes, ms);
    }

    public void Dispose()
    {
        try
        {
            Send("quit");
            if (!_process.WaitForExit(2000))
            {
                _process.Kill();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
