using System.Runtime.CompilerServices;

namespace CareFleet.Xiangqi;

/// <summary>
/// Alpha-beta searcher: iterative deepening, PVS with aspiration windows, transposition table, quiescence, null
/// move, late-move reductions, killer and history ordering, check extensions, and AXF repetition rulings through
/// <see cref="GameRules"/>. One instance searches one position at a time; <see cref="Stop"/> may be called from
/// another thread.
/// </summary>
public sealed class Searcher
{
    /// <summary>Score of a mate at the root; mate in n plies scores <c>Mate - n</c>.</summary>
    public const int Mate = 30000;

    /// <summary>Scores beyond this magnitude are mate scores.</summary>
    public const int MateBound = Mate - MaxPly;

    /// <summary>Deepest ply the search goes to.</summary>
    public const int MaxPly = 128;

    private const int Infinity = 32000;
    private const int NoScore = int.MinValue;

    private static readonly int[] LmrTable = BuildLmr();

    private readonly TimeProvider _time;
    private readonly TranspositionTable _tt;
    private readonly Move[] _pv = new Move[MaxPly * MaxPly];
    private readonly int[] _pvLen = new int[MaxPly + 1];
    private readonly int[] _killers = new int[MaxPly * 2];
    private readonly int[] _history = new int[16 * 256];
    private Board _board = new();
    private long _nodes;
    private long _nodeLimit;
    private long _softMs;
    private long _hardMs;
    private long _start;
    private int _selDepth;
    private volatile bool _stop;
    private volatile bool _pondering;
    private CancellationToken _ct;

    /// <summary>Creates a searcher with a transposition table of <paramref name="hashMegabytes"/> MB.</summary>
    public Searcher(int hashMegabytes = 16, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _tt = new TranspositionTable(hashMegabytes);
    }

    /// <summary>Evaluation knowledge in use (weaker levels switch some off).</summary>
    public EvalKnowledge Knowledge { get; set; } = EvalKnowledge.Full;

    /// <summary>Amplitude in centipawns of deterministic per-position evaluation noise (0 = none).</summary>
    public int EvalNoise { get; set; }

    /// <summary>Seed for the evaluation noise, so a level plays differently from game to game.</summary>
    public ulong NoiseSeed { get; set; }

    /// <summary>Whether null-move pruning is used.</summary>
    public bool UseNullMove { get; set; } = true;

    /// <summary>Transposition table size in MB.</summary>
    public int HashMegabytes => _tt.Megabytes;

    /// <summary>Nodes searched by the current or last search.</summary>
    public long Nodes => Interlocked.Read(ref _nodes);

    /// <summary>Resizes (and clears) the transposition table.</summary>
    public void ResizeHash(int megabytes) => _tt.Resize(megabytes);

    /// <summary>Forgets everything learnt (new game).</summary>
    public void Clear()
    {
        _tt.Clear();
        Array.Clear(_history);
        Array.Clear(_killers);
    }

    /// <summary>Asks a running search to stop as soon as possible; it still returns its best move.</summary>
    public void Stop() => _stop = true;

    /// <summary>Turns a pondering search into a normal timed search starting now (UCI/UCCI <c>ponderhit</c>).</summary>
    public void PonderHit()
    {
        _start = _time.GetTimestamp();
        _pondering = false;
    }

    /// <summary>What the transposition table knows about a position (UCCI <c>probe</c>).</summary>
    /// <returns>False when the position is not in the table.</returns>
    public bool ProbeHash(Board board, out Move move, out int score, out int depth, out bool lowerBound, out bool upperBound)
    {
        ArgumentNullException.ThrowIfNull(board);
        bool found = _tt.Probe(board.Hash, out TranspositionTable.Entry e);
        move = found && board.IsLegal(Move.FromValue(e.Move)) ? Move.FromValue(e.Move) : Move.None;
        score = found ? e.Score : 0;
        depth = found ? e.Depth : 0;
        int bound = e.BoundAndAge & 3;
        lowerBound = found && (bound & TranspositionTable.BoundLower) != 0;
        upperBound = found && (bound & TranspositionTable.BoundUpper) != 0;
        return found;
    }

    /// <summary>Searches the position (the board is copied, never changed).</summary>
    public SearchResult Search(Board board, SearchLimits limits, Action<SearchInfo>? onInfo = null, bool ponder = false, CancellationToken cancellationToken = default)
    {
        Arm(ponder);
        return Execute(board, limits, onInfo, cancellationToken);
    }

    // Split from Execute so a protocol thread can arm the flags before starting the search on another thread;
    // a stop or ponderhit that arrives before the search thread runs is then not lost.
    internal void Arm(bool ponder)
    {
        _stop = false;
        _pondering = ponder;
    }

    internal SearchResult Execute(Board board, SearchLimits limits, Action<SearchInfo>? onInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(limits);
        _board = board.Clone();
        _ct = cancellationToken;
        _nodes = 0;
        _selDepth = 0;
        _start = _time.GetTimestamp();
        _nodeLimit = limits.Nodes ?? long.MaxValue;
        SetTime(limits, board.SideToMove);
        _tt.NewSearch();
        Array.Clear(_killers);
        for (int i = 0; i < _history.Length; i++)
        {
            _history[i] /= 8;
        }

        var rootMoves = new List<RootMove>();
        foreach (Move m in _board.LegalMoves())
        {
            if ((limits.BannedMoves == null || !limits.BannedMoves.Contains(m)) && (limits.SearchMoves == null || limits.SearchMoves.Count == 0 || limits.SearchMoves.Contains(m)))
            {
                rootMoves.Add(new RootMove(m));
            }
        }

        if (rootMoves.Count == 0)
        {
            var none = new PvLine(-Mate, 0, []);
            onInfo?.Invoke(new SearchInfo(0, 0, 1, none, 0, ElapsedMs(), 0));
            return new SearchResult(Move.None, Move.None, 0, 0, ElapsedMs(), [none]);
        }

        int multiPv = Math.Clamp(limits.MultiPv, 1, rootMoves.Count);
        int maxDepth = Math.Clamp(limits.Depth ?? MaxPly - 8, 1, MaxPly - 8);
        int completedDepth = 0;
        List<PvLine> lines = [];
        for (int depth = 1; depth <= maxDepth; depth++)
        {
            foreach (RootMove rm in rootMoves)
            {
                rm.PreviousScore = rm.Score;
            }

            for (int pvIdx = 0; pvIdx < multiPv && !_stop; pvIdx++)
            {
                _selDepth = 0;
                int prev = rootMoves[pvIdx].PreviousScore;
                int delta = 40;
                int alpha = -Infinity, beta = Infinity;
                if (depth >= 4 && Math.Abs(prev) < MateBound)
                {
                    alpha = Math.Max(prev - delta, -Infinity);
                    beta = Math.Min(prev + delta, Infinity);
                }

                while (true)
                {
                    int score = RootSearch(rootMoves, pvIdx, alpha, beta, depth);
                    SortFrom(rootMoves, pvIdx);
                    if (_stop)
                    {
                        break;
                    }

                    if (score <= alpha)
                    {
                        beta = (alpha + beta) / 2;
                        alpha = Math.Max(score - delta, -Infinity);
                    }
                    else if (score >= beta)
                    {
                        beta = Math.Min(score + delta, Infinity);
                    }
                    else
                    {
                        break;
                    }

                    delta += delta;
                }
            }

            if (_stop && completedDepth > 0)
            {
                // Keep the last completed iteration's order unless this one finished its first line.
                if (rootMoves[0].SearchedDepth < depth)
                {
                    break;
                }
            }

            completedDepth = _stop ? completedDepth : depth;
            if (!_stop)
            {
                _tt.Store(_board.Hash, rootMoves[0].Move.Value, rootMoves[0].Score, 0, depth, TranspositionTable.BoundExact);
            }
            lines = BuildLines(rootMoves, multiPv);
            if (onInfo != null)
            {
                for (int i = 0; i < lines.Count; i++)
                {
                    onInfo(new SearchInfo(depth, Math.Max(_selDepth, depth), i + 1, lines[i], _nodes, ElapsedMs(), 0));
                }
            }

            if (_stop)
            {
                break;
            }

            if (!_pondering && _softMs > 0 && ElapsedMs() >= _softMs * 6 / 10)
            {
                break;
            }

            // A forced mate found and proven at this depth needs no deeper search.
            if (Math.Abs(rootMoves[0].Score) >= MateBound && depth > (Mate - Math.Abs(rootMoves[0].Score)) + 2 && limits.Depth == null && !limits.Infinite)
            {
                break;
            }
        }

        // When pondering or infinite, the protocol expects the search to wait for stop (or ponderhit).
        while (!_stop && !_ct.IsCancellationRequested && (limits.Infinite || _pondering))
        {
            Thread.Sleep(1);
        }

        if (lines.Count == 0)
        {
            lines = BuildLines(rootMoves, multiPv);
        }

        PvLine best = lines[0];
        Move bestMove = best.Pv.Count > 0 ? best.Pv[0] : rootMoves[0].Move;
        Move ponderMove = best.Pv.Count > 1 ? best.Pv[1] : Move.None;
        return new SearchResult(bestMove, ponderMove, completedDepth, _nodes, ElapsedMs(), lines);
    }

    private static List<PvLine> BuildLines(List<RootMove> rootMoves, int multiPv)
    {
        var lines = new List<PvLine>(multiPv);
        for (int i = 0; i < multiPv && i < rootMoves.Count; i++)
        {
            RootMove rm = rootMoves[i];
            int score = rm.Score == -Infinity ? rm.PreviousScore : rm.Score;
            Move[] pv = rm.Pv.Length > 0 ? rm.Pv : [rm.Move];
            lines.Add(new PvLine(score, MateMoves(score), pv));
        }

        return lines;
    }

    /// <summary>Moves to mate for a mate score (negative when the side to move is mated), else null.</summary>
    public static int? MateMoves(int score) =>
        score >= MateBound ? (Mate - score + 1) / 2 : score <= -MateBound ? -(Mate + score) / 2 : null;

    private static void SortFrom(List<RootMove> moves, int from)
    {
        // Stable insertion sort: equal scores keep the previous iteration's order.
        for (int i = from + 1; i < moves.Count; i++)
        {
            RootMove x = moves[i];
            int j = i - 1;
            while (j >= from && moves[j].Score < x.Score)
            {
                moves[j + 1] = moves[j];
                j--;
            }

            moves[j + 1] = x;
        }
    }

    private void SetTime(SearchLimits limits, Side side)
    {
        _ = side;
        _softMs = _hardMs = 0;
        if (limits.MoveTimeMs is long mt)
        {
            // movetime: use all of it, stop only at the hard limit.
            _hardMs = Math.Max(1, mt - (limits.MoveOverheadMs / 2));
        }
        else if (limits.TimeLeftMs is long left)
        {
            long usable = Math.Max(1, left - limits.MoveOverheadMs);
            int mtg = Math.Clamp(limits.MovesToGo ?? 30, 1, 50);
            long soft = (usable / mtg) + (limits.IncrementMs * 3 / 4);
            soft = Math.Min(soft, usable * 4 / 10);
            _softMs = Math.Max(1, soft);
            _hardMs = Math.Max(1, Math.Min(usable * 6 / 10, soft * 3));
        }
    }

    private long ElapsedMs() => (long)_time.GetElapsedTime(_start).TotalMilliseconds;

    private void CheckTime()
    {
        if (_ct.IsCancellationRequested)
        {
            _stop = true;
            return;
        }

        if (_hardMs > 0 && !_pondering && ElapsedMs() >= _hardMs)
        {
            _stop = true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool CountNode()
    {
        long n = ++_nodes;
        if (n >= _nodeLimit)
        {
            _stop = true;
        }
        else if ((n & 1023) == 0)
        {
            CheckTime();
        }

        return _stop;
    }

    private int Eval()
    {
        int e = Evaluation.Evaluate(_board, Knowledge);
        if (EvalNoise > 0)
        {
            ulong h = (_board.Hash ^ NoiseSeed) * 0x9E3779B97F4A7C15UL;
            e += (int)((h >> 40) % (ulong)((2 * EvalNoise) + 1)) - EvalNoise;
        }

        return e;
    }

    private int RootSearch(List<RootMove> rootMoves, int pvIdx, int alpha, int beta, int depth)
    {
        int best = -Infinity;
        for (int i = pvIdx; i < rootMoves.Count; i++)
        {
            RootMove rm = rootMoves[i];
            _board.MakeMove(rm.Move);
            int score;
            if (i == pvIdx)
            {
                score = -Negamax(-beta, -alpha, depth - 1, 1, true);
            }
            else
            {
                score = -Negamax(-alpha - 1, -alpha, depth - 1, 1, true);
                if (score > alpha && score < beta && !_stop)
                {
                    score = -Negamax(-beta, -alpha, depth - 1, 1, true);
                }
            }

            _board.UnmakeMove();
            if (_stop)
            {
                return best;
            }

            if (i == pvIdx || score > alpha)
            {
                rm.Score = score;
                rm.SearchedDepth = depth;
                int len = _pvLen[1];
                var pv = new Move[Math.Max(1, len)];
                pv[0] = rm.Move;
                for (int k = 1; k < len; k++)
                {
                    pv[k] = _pv[MaxPly + k];
                }

                rm.Pv = pv;
            }
            else
            {
                rm.Score = -Infinity;
            }

            if (score > best)
            {
                best = score;
                if (score > alpha)
                {
                    alpha = score;
                    if (score >= beta)
                    {
                        break;
                    }
                }
            }
        }

        return best;
    }

    private int RepetitionScore(int ply)
    {
        int sp = _board.StackPointer;
        int rule = _board.PliesSinceCapture;
        if (rule < 4)
        {
            return NoScore;
        }

        ulong h = _board.Hash;
        bool found = false;
        for (int i = sp - 4; i >= sp - rule && i >= 0; i -= 2)
        {
            if (_board.StateAt(i).Hash == h)
            {
                found = true;
                break;
            }
        }

        if (!found)
        {
            return NoScore;
        }

        RepetitionVerdict v = GameRules.JudgeRepetition(_board, 2);
        if (!v.Repeated)
        {
            return NoScore;
        }

        if (v.IsDraw)
        {
            return 0;
        }

        return v.Loser == _board.SideToMove ? -Mate + ply : Mate - ply;
    }

    private int Negamax(int alpha, int beta, int depth, int ply, bool nullAllowed)
    {
        bool pvNode = beta - alpha > 1;
        _pvLen[ply] = ply;
        bool inCheck = _board.InCheck;
        if (inCheck && ply < MaxPly / 2)
        {
            depth++;
        }

        if (depth <= 0)
        {
            return Quiesce(alpha, beta, ply);
        }

        if (CountNode())
        {
            return 0;
        }

        if (ply >= MaxPly - 2)
        {
            return Eval();
        }

        int rep = RepetitionScore(ply);
        if (rep != NoScore)
        {
            return rep;
        }

        if (_board.PliesSinceCapture >= GameRules.MoveLimitPlies && GameRules.CountedPlies(_board) >= GameRules.MoveLimitPlies)
        {
            return _board.HasLegalMove() ? 0 : -Mate + ply;
        }

        alpha = Math.Max(alpha, -Mate + ply);
        beta = Math.Min(beta, Mate - ply - 1);
        if (alpha >= beta)
        {
            return alpha;
        }

        ulong key = _board.Hash;
        int ttMove = 0;
        if (_tt.Probe(key, out TranspositionTable.Entry e))
        {
            ttMove = e.Move;
            if (!pvNode && e.Depth >= depth)
            {
                int s = FromTt(e.Score, ply);
                int bound = e.BoundAndAge & 3;
                if (bound == TranspositionTable.BoundExact
                    || (bound == TranspositionTable.BoundLower && s >= beta)
                    || (bound == TranspositionTable.BoundUpper && s <= alpha))
                {
                    return s;
                }
            }
        }

        int us = _board.SideIndex;
        int staticEval = inCheck ? -Infinity : Eval();
        if (!pvNode && !inCheck)
        {
            if (depth <= 4 && staticEval - (150 * depth) >= beta && Math.Abs(beta) < MateBound)
            {
                return staticEval;
            }

            if (UseNullMove && nullAllowed && depth >= 3 && staticEval >= beta && Evaluation.NonPawnMaterial(_board, us) > 0)
            {
                int r = 3 + (depth / 6);
                _board.MakeNullMove();
                int s = -Negamax(-beta, -beta + 1, depth - 1 - r, ply + 1, false);
                _board.UnmakeNullMove();
                if (_stop)
                {
                    return 0;
                }

                if (s >= beta)
                {
                    return s >= MateBound ? beta : s;
                }
            }
        }

        Span<Move> moves = stackalloc Move[Board.MaxMoves];
        Span<int> scores = stackalloc int[Board.MaxMoves];
        int n = _board.GeneratePseudoMoves(moves);
        ScoreMoves(moves, scores, n, ttMove, ply);

        int origAlpha = alpha;
        int best = -Infinity;
        int bestMove = 0;
        int legal = 0;
        int kingSq = _board.KingSquare((Side)us);
        for (int i = 0; i < n; i++)
        {
            PickNext(moves, scores, i, n);
            Move m = moves[i];
            if (inCheck ? !_board.IsLegalPseudo(m) : !_board.IsLegalWhenNotInCheck(m, kingSq))
            {
                continue;
            }

            int victim = _board.PieceAt(m.To);
            legal++;
            _board.MakeMove(m);
            bool givesCheck = _board.InCheck;
            bool quiet = victim == 0 && !givesCheck;

            // Futility: a quiet move at the frontier that cannot lift a hopeless static eval above alpha.
            if (!pvNode && !inCheck && quiet && depth <= 2 && legal > 1 && staticEval + (180 * depth) <= alpha && best > -MateBound)
            {
                _board.UnmakeMove();
                continue;
            }

            int newDepth = depth - 1;
            int score;
            if (legal == 1)
            {
                score = -Negamax(-beta, -alpha, newDepth, ply + 1, true);
            }
            else
            {
                int r = 0;
                if (depth >= 3 && quiet && !inCheck && legal > 3)
                {
                    r = LmrTable[(Math.Min(depth, 63) << 6) + Math.Min(legal, 63)];
                    if (pvNode)
                    {
                        r--;
                    }

                    if (scores[i] >= KillerScore - 1)
                    {
                        r--;
                    }

                    r = Math.Clamp(r, 0, newDepth - 1);
                }

                score = -Negamax(-alpha - 1, -alpha, newDepth - r, ply + 1, true);
                if (score > alpha && r > 0 && !_stop)
                {
                    score = -Negamax(-alpha - 1, -alpha, newDepth, ply + 1, true);
                }

                if (score > alpha && score < beta && !_stop)
                {
                    score = -Negamax(-beta, -alpha, newDepth, ply + 1, true);
                }
            }

            _board.UnmakeMove();
            if (_stop)
            {
                return 0;
            }

            if (score > best)
            {
                best = score;
                if (score > alpha)
                {
                    bestMove = m.Value;
                    alpha = score;
                    UpdatePv(ply, m);
                    if (score >= beta)
                    {
                        if (victim == 0)
                        {
                            if (_killers[ply * 2] != m.Value)
                            {
                                _killers[(ply * 2) + 1] = _killers[ply * 2];
                                _killers[ply * 2] = m.Value;
                            }

                            ref int h = ref _history[(_board.PieceAt(m.From) << 8) + m.To];
                            h = Math.Min(h + (depth * depth), 1 << 18);
                        }

                        break;
                    }
                }
            }
        }

        if (legal == 0)
        {
            // Checkmate and stalemate both lose in xiangqi.
            return -Mate + ply;
        }

        byte boundType = best >= beta ? TranspositionTable.BoundLower : best > origAlpha ? TranspositionTable.BoundExact : TranspositionTable.BoundUpper;
        _tt.Store(key, bestMove, ToTt(best, ply), staticEval, depth, boundType);
        return best;
    }

    private int Quiesce(int alpha, int beta, int ply)
    {
        _pvLen[ply] = ply;
        if (CountNode())
        {
            return 0;
        }

        if (ply > _selDepth)
        {
            _selDepth = ply;
        }

        if (ply >= MaxPly - 2)
        {
            return Eval();
        }

        bool inCheck = _board.InCheck;
        int best;
        int stand = 0;
        if (!inCheck)
        {
            stand = Eval();
            if (stand >= beta)
            {
                return stand;
            }

            if (stand > alpha)
            {
                alpha = stand;
            }

            best = stand;
        }
        else
        {
            best = -Mate + ply;
        }

        Span<Move> moves = stackalloc Move[Board.MaxMoves];
        Span<int> scores = stackalloc int[Board.MaxMoves];
        int n = _board.GeneratePseudoMoves(moves, capturesOnly: !inCheck);
        ScoreMoves(moves, scores, n, 0, ply);
        int kingSq = _board.KingSquare(_board.SideToMove);
        for (int i = 0; i < n; i++)
        {
            PickNext(moves, scores, i, n);
            Move m = moves[i];
            int victim = _board.PieceAt(m.To);
            if (!inCheck && stand + Evaluation.PieceValue[victim & 7] + 250 < alpha)
            {
                continue;
            }

            if (inCheck ? !_board.IsLegalPseudo(m) : !_board.IsLegalWhenNotInCheck(m, kingSq))
            {
                continue;
            }

            _board.MakeMove(m);
            int score = -Quiesce(-beta, -alpha, ply + 1);
            _board.UnmakeMove();
            if (_stop)
            {
                return 0;
            }

            if (score > best)
            {
                best = score;
                if (score > alpha)
                {
                    alpha = score;
                    UpdatePv(ply, m);
                    if (score >= beta)
                    {
                        break;
                    }
                }
            }
        }

        return best;
    }

    private const int KillerScore = 1 << 24;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ScoreMoves(Span<Move> moves, Span<int> scores, int n, int ttMove, int ply)
    {
        int k1 = _killers[ply * 2], k2 = _killers[(ply * 2) + 1];
        for (int i = 0; i < n; i++)
        {
            Move m = moves[i];
            int v = m.Value;
            int victim = _board.PieceAt(m.To);
            if (v == ttMove)
            {
                scores[i] = 1 << 30;
            }
            else if (victim != 0)
            {
                int attacker = _board.PieceAt(m.From);
                scores[i] = (1 << 26) + (Evaluation.PieceValue[victim & 7] * 8) - (Evaluation.PieceValue[attacker & 7] / 8);
            }
            else if (v == k1)
            {
                scores[i] = KillerScore;
            }
            else if (v == k2)
            {
                scores[i] = KillerScore - 1;
            }
            else
            {
                scores[i] = _history[(_board.PieceAt(m.From) << 8) + m.To];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PickNext(Span<Move> moves, Span<int> scores, int i, int n)
    {
        int best = i;
        for (int j = i + 1; j < n; j++)
        {
            if (scores[j] > scores[best])
            {
                best = j;
            }
        }

        if (best != i)
        {
            (moves[i], moves[best]) = (moves[best], moves[i]);
            (scores[i], scores[best]) = (scores[best], scores[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void UpdatePv(int ply, Move m)
    {
        int row = ply * MaxPly;
        _pv[row + ply] = m;
        int childLen = _pvLen[ply + 1];
        int childRow = (ply + 1) * MaxPly;
        for (int k = ply + 1; k < childLen; k++)
        {
            _pv[row + k] = _pv[childRow + k];
        }

        _pvLen[ply] = Math.Max(childLen, ply + 1);
    }

    private static int ToTt(int score, int ply) => score >= MateBound ? score + ply : score <= -MateBound ? score - ply : score;

    private static int FromTt(int score, int ply) => score >= MateBound ? score - ply : score <= -MateBound ? score + ply : score;

    private static int[] BuildLmr()
    {
        var t = new int[64 * 64];
        for (int d = 1; d < 64; d++)
        {
            for (int m = 1; m < 64; m++)
            {
                t[(d << 6) + m] = (int)(0.75 + (Math.Log(d) * Math.Log(m) / 2.25));
            }
        }

        return t;
    }

    private sealed class RootMove(Move move)
    {
        public Move Move { get; } = move;

        public int Score { get; set; } = -Infinity;

        public int PreviousScore { get; set; } = -Infinity;

        public int SearchedDepth { get; set; }

        public Move[] Pv { get; set; } = [];
    }
}
