using System.Globalization;
using System.Text;

namespace CareFleet.Xiangqi;

/// <summary>
/// The engine on a text stream, speaking UCCI 3.0 or UCI (xiangqi dialect: ICCS moves with ranks 0–9,
/// <c>go perft N</c>), chosen by the first command (<c>ucci</c> or <c>uci</c>; anything else starts in UCI).
/// Unknown or malformed commands and illegal moves answer <c>info string</c> with the reason; the engine goes on.
/// </summary>
public sealed class EngineProtocol
{
    /// <summary>The engine's name as announced to GUIs.</summary>
    public const string EngineName = "CareFleet Xiangqi";

    private readonly TextReader _input;
    private readonly TextWriter _output;
    private readonly Lock _writeLock = new();
    private readonly Searcher _searcher;
    private Board _board = new();
    private Move[] _banned = [];
    private bool _ucci;
    private bool _modeChosen;
    private bool _useMillisec;
    private int _multiPv = 1;
    private Task? _search;
    private bool _searchIsOpenEnded;

    /// <summary>Creates the protocol over a reader and writer; time is read from <paramref name="time"/>.</summary>
    public EngineProtocol(TextReader input, TextWriter output, TimeProvider? time = null, int hashMegabytes = 16)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        _input = input;
        _output = output;
        _searcher = new Searcher(hashMegabytes, time);
    }

    /// <summary>Reads commands until <c>quit</c>, end of input or cancellation.</summary>
    /// <returns>The process exit code (0).</returns>
    public int Run(CancellationToken cancellationToken = default)
    {
        using CancellationTokenRegistration reg = cancellationToken.Register(_searcher.Stop);
        while (!cancellationToken.IsCancellationRequested)
        {
            string? line = _input.ReadLine();
            if (line == null)
            {
                break;
            }

            if (!Handle(line.Trim()))
            {
                return 0;
            }
        }

        FinishSearch(stopOpenEnded: true);
        return 0;
    }

    private void Write(string line)
    {
        lock (_writeLock)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }

    private void Error(string message) => Write("info string " + message);

    /// <summary>Handles one command; false on quit.</summary>
    private bool Handle(string line)
    {
        if (line.Length == 0)
        {
            return true;
        }

        string[] t = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string cmd = t[0];
        if (!_modeChosen && cmd is "ucci" or "uci")
        {
            _ucci = cmd == "ucci";
            _modeChosen = true;
        }

        _modeChosen = true;
        switch (cmd)
        {
            case "ucci":
            case "uci":
                Identify();
                break;
            case "isready":
                Write("readyok");
                break;
            case "setoption":
                SetOption(t);
                break;
            case "ucinewgame":
            case "uccinewgame":
                FinishSearch(stopOpenEnded: true);
                _searcher.Clear();
                break;
            case "position":
                FinishSearch(stopOpenEnded: true);
                if (TryParsePosition(t, 1, out Board? b, out string error))
                {
                    _board = b!;
                    _banned = [];
                }
                else
                {
                    Error(error);
                }

                break;
            case "banmoves":
                SetBanned(t);
                break;
            case "go":
                FinishSearch(stopOpenEnded: true);
                Go(t);
                break;
            case "stop":
                FinishSearch(stopOpenEnded: true, stopAll: true);
                break;
            case "ponderhit":
                _searcher.PonderHit();
                _searchIsOpenEnded = false;
                break;
            case "probe":
                Probe(t);
                break;
            case "d":
                Write(_board.ToFen());
                break;
            case "eval":
                Write($"info string eval {Evaluation.Evaluate(_board)} (side to move)");
                break;
            case "quit":
                FinishSearch(stopOpenEnded: true);
                if (_ucci)
                {
                    Write("bye");
                }

                return false;
            default:
                Error($"unknown command '{cmd}'");
                break;
        }

        return true;
    }

    private void Identify()
    {
        if (_ucci)
        {
            Write("id name " + EngineName);
            Write("id author CareFleet");
            Write("option usemillisec type check default false");
            Write("option hashsize type spin min 1 max 1024 default 16");
            Write("option multipv type spin min 1 max 128 default 1");
            Write("option newgame type button");
            Write("ucciok");
        }
        else
        {
            Write("id name " + EngineName);
            Write("id author CareFleet");
            Write("option name Hash type spin default 16 min 1 max 1024");
            Write("option name Clear Hash type button");
            Write("option name MultiPV type spin default 1 min 1 max 128");
            Write("uciok");
        }
    }

    private void SetOption(string[] t)
    {
        string name, value;
        int nameAt = Array.IndexOf(t, "name");
        if (nameAt >= 0)
        {
            int valueAt = Array.IndexOf(t, "value");
            name = string.Join(' ', t[(nameAt + 1)..(valueAt < 0 ? t.Length : valueAt)]);
            value = valueAt < 0 ? string.Empty : string.Join(' ', t[(valueAt + 1)..]);
        }
        else if (t.Length >= 2)
        {
            name = t[1];
            value = t.Length > 2 ? string.Join(' ', t[2..]) : string.Empty;
        }
        else
        {
            Error("setoption needs an option name");
            return;
        }

        switch (name.ToLowerInvariant())
        {
            case "usemillisec":
                _useMillisec = value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "on";
                break;
            case "hash":
            case "hashsize":
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int mb) && mb is >= 0 and <= 1024)
                {
                    FinishSearch(stopOpenEnded: true);
                    _searcher.ResizeHash(mb == 0 ? 16 : mb);
                }
                else
                {
                    Error($"option {name} needs a size in MB from 1 to 1024, got '{value}'");
                }

                break;
            case "multipv":
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int pv) && pv is >= 1 and <= 128)
                {
                    _multiPv = pv;
                }
                else
                {
                    Error($"option MultiPV needs a number from 1 to 128, got '{value}'");
                }

                break;
            case "clear hash":
            case "newgame":
                _searcher.Clear();
                break;
            default:
                // GUIs send options of other engines; ignoring them with a note is what engines do.
                Error($"unknown option '{name}' ignored");
                break;
        }
    }

    /// <summary>Parses <c>{startpos | fen FEN} [moves m1 m2 ...]</c> starting at token <paramref name="at"/>.</summary>
    internal static bool TryParsePosition(string[] t, int at, out Board? board, out string error)
    {
        board = null;
        if (at >= t.Length)
        {
            error = "position needs 'startpos' or 'fen <FEN>'";
            return false;
        }

        int movesAt = Array.IndexOf(t, "moves", at);
        int end = movesAt < 0 ? t.Length : movesAt;
        Board b;
        if (t[at] == "startpos")
        {
            b = new Board();
        }
        else if (t[at] == "fen")
        {
            string fen = string.Join(' ', t[(at + 1)..end]);
            if (!Board.TryFromFen(fen, out Board? parsed, out string fenError))
            {
                error = "invalid FEN: " + fenError;
                return false;
            }

            b = parsed!;
        }
        else
        {
            error = $"position needs 'startpos' or 'fen <FEN>', got '{t[at]}'";
            return false;
        }

        if (movesAt >= 0)
        {
            for (int i = movesAt + 1; i < t.Length; i++)
            {
                if (!b.TryParseMove(t[i], out Move m, out string why))
                {
                    error = $"illegal move {t[i]} (move {i - movesAt}): {why} Position not changed.";
                    return false;
                }

                b.MakeMove(m);
            }
        }

        board = b;
        error = string.Empty;
        return true;
    }

    private void SetBanned(string[] t)
    {
        var banned = new List<Move>();
        for (int i = 1; i < t.Length; i++)
        {
            if (!_board.TryParseMove(t[i], out Move m, out string why))
            {
                Error($"banmoves: {t[i]} is not a legal move here: {why}");
                continue;
            }

            banned.Add(m);
        }

        _banned = [.. banned];
    }

    private void Go(string[] t)
    {
        bool ponder = false, draw = false, infinite = false;
        int? depth = null;
        long? nodes = null, moveTime = null, time = null, inc = null, wtime = null, btime = null, winc = null, binc = null;
        int? movesToGo = null;
        List<Move>? searchMoves = null;
        for (int i = 1; i < t.Length; i++)
        {
            string key = t[i];
            switch (key)
            {
                case "ponder":
                    ponder = true;
                    continue;
                case "draw":
                    draw = true;
                    continue;
                case "infinite":
                    infinite = true;
                    continue;
                case "searchmoves":
                    searchMoves = [];
                    while (i + 1 < t.Length && _board.TryParseMove(t[i + 1], out Move sm, out _))
                    {
                        searchMoves.Add(sm);
                        i++;
                    }

                    continue;
                case "perft":
                    if (i + 1 < t.Length && int.TryParse(t[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int pd) && pd is >= 1 and <= 10)
                    {
                        Perft(pd);
                    }
                    else
                    {
                        Error("go perft needs a depth from 1 to 10");
                    }

                    return;
            }

            if (key == "depth" && i + 1 < t.Length && t[i + 1] == "infinite")
            {
                infinite = true;
                i++;
                continue;
            }

            if (i + 1 >= t.Length || !long.TryParse(t[i + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v))
            {
                Error($"go: '{key}' needs a number");
                return;
            }

            i++;
            switch (key)
            {
                case "depth":
                    depth = (int)Math.Clamp(v, 0, Searcher.MaxPly - 8);
                    break;
                case "nodes":
                    nodes = Math.Max(1, v);
                    break;
                case "movetime":
                    moveTime = Math.Max(1, v);
                    break;
                case "time":
                    time = v;
                    break;
                case "increment":
                    inc = v;
                    break;
                case "movestogo":
                    movesToGo = (int)Math.Clamp(v, 1, 1000);
                    break;
                case "wtime":
                    wtime = v;
                    break;
                case "btime":
                    btime = v;
                    break;
                case "winc":
                    winc = v;
                    break;
                case "binc":
                    binc = v;
                    break;
                case "opptime":
                case "oppincrement":
                case "oppmovestogo":
                case "mate":
                    break;
                default:
                    Error($"go: unknown parameter '{key}'");
                    return;
            }
        }

        if (depth == 0)
        {
            Write($"info depth 0 score {Evaluation.Evaluate(_board)}");
            Write(_ucci ? "nobestmove" : "bestmove (none)");
            return;
        }

        // UCCI clocks are in seconds unless usemillisec; UCI clocks are milliseconds per colour.
        long scale = _ucci && !_useMillisec ? 1000 : 1;
        bool red = _board.SideToMove == Side.Red;
        long? left = time * scale ?? (red ? wtime : btime);
        long increment = (inc * scale) ?? (red ? winc : binc) ?? 0;
        bool bounded = depth != null || nodes != null || moveTime != null || left != null;
        var limits = new SearchLimits
        {
            Depth = depth,
            Nodes = nodes,
            MoveTimeMs = moveTime,
            TimeLeftMs = left,
            IncrementMs = increment,
            MovesToGo = movesToGo,
            Infinite = infinite || !bounded,
            MultiPv = _multiPv,
            BannedMoves = _banned,
            SearchMoves = searchMoves,
        };
        Board board = _board.Clone();
        bool ucci = _ucci;
        _searchIsOpenEnded = limits.Infinite || ponder;
        _searcher.Arm(ponder);
        _search = Task.Run(() =>
        {
            SearchResult r = _searcher.Execute(board, limits, info => Write(FormatInfo(info, ucci)), CancellationToken.None);
            Write(FormatBest(r, ucci, draw));
        });
    }

    private static string FormatInfo(SearchInfo info, bool ucci)
    {
        var sb = new StringBuilder(128);
        sb.Append("info depth ").Append(info.Depth.ToString(CultureInfo.InvariantCulture));
        if (!ucci)
        {
            sb.Append(" seldepth ").Append(info.SelDepth.ToString(CultureInfo.InvariantCulture));
            sb.Append(" multipv ").Append(info.MultiPv.ToString(CultureInfo.InvariantCulture));
        }

        sb.Append(" score ");
        if (ucci)
        {
            sb.Append(info.Line.Score.ToString(CultureInfo.InvariantCulture));
        }
        else if (info.Line.MateIn is int mate)
        {
            sb.Append("mate ").Append(mate.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            sb.Append("cp ").Append(info.Line.Score.ToString(CultureInfo.InvariantCulture));
        }

        sb.Append(" nodes ").Append(info.Nodes.ToString(CultureInfo.InvariantCulture));
        sb.Append(" time ").Append(info.TimeMs.ToString(CultureInfo.InvariantCulture));
        if (!ucci)
        {
            sb.Append(" nps ").Append(info.Nps.ToString(CultureInfo.InvariantCulture));
        }

        sb.Append(" pv");
        foreach (Move m in info.Line.Pv)
        {
            sb.Append(' ').Append(m.ToIccs());
        }

        return sb.ToString();
    }

    private static string FormatBest(SearchResult r, bool ucci, bool drawOffered)
    {
        if (r.BestMove.IsNone)
        {
            return ucci ? "nobestmove" : "bestmove (none)";
        }

        var sb = new StringBuilder("bestmove ").Append(r.BestMove.ToIccs());
        if (!r.PonderMove.IsNone)
        {
            sb.Append(" ponder ").Append(r.PonderMove.ToIccs());
        }

        if (ucci)
        {
            // Accept an offered draw when clearly worse; resign only when mated by force.
            if (r.MateIn is int m && m < 0)
            {
                sb.Append(" resign");
            }
            else if (drawOffered && r.Score < -150)
            {
                sb.Append(" draw");
            }
        }

        return sb.ToString();
    }

    private void Perft(int depth)
    {
        Board b = _board.Clone();
        long total = 0;
        foreach (Move m in b.LegalMoves())
        {
            b.MakeMove(m);
            long n = b.Perft(depth - 1);
            b.UnmakeMove();
            total += n;
            Write($"{m.ToIccs()}: {n.ToString(CultureInfo.InvariantCulture)}");
        }

        Write(string.Empty);
        Write($"Nodes searched: {total.ToString(CultureInfo.InvariantCulture)}");
    }

    private void Probe(string[] t)
    {
        if (!TryParsePosition(t, 1, out Board? b, out string error))
        {
            Error(error);
            return;
        }

        FinishSearch(stopOpenEnded: false);
        var sb = new StringBuilder("pophash");
        if (_searcher.ProbeHash(b!, out Move move, out int score, out int depth, out bool lower, out bool upper))
        {
            if (!move.IsNone)
            {
                sb.Append(" bestmove ").Append(move.ToIccs());
            }

            if (lower)
            {
                sb.Append(CultureInfo.InvariantCulture, $" lowerbound {score} depth {depth}");
            }

            if (upper)
            {
                sb.Append(CultureInfo.InvariantCulture, $" upperbound {score} depth {depth}");
            }
        }

        Write(sb.ToString());
    }

    /// <summary>Waits for a running search: open-ended ones (infinite, ponder) are stopped first.</summary>
    private void FinishSearch(bool stopOpenEnded, bool stopAll = false)
    {
        if (_search == null)
        {
            return;
        }

        if (stopAll || (stopOpenEnded && _searchIsOpenEnded))
        {
            _searcher.Stop();
        }

        _search.GetAwaiter().GetResult();
        _search = null;
    }
}
