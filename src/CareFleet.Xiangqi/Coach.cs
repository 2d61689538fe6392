namespace CareFleet.Xiangqi;

/// <summary>How good a resident's move was, judged by the drop in evaluation.</summary>
public enum MoveQuality
{
    /// <summary>Lost less than 50 centipawns.</summary>
    Good,
    /// <summary>Lost 50–149 centipawns.</summary>
    Inaccuracy,
    /// <summary>Lost 150–349 centipawns.</summary>
    Mistake,
    /// <summary>Lost 350 centipawns or more (or walked into mate).</summary>
    Blunder,
}

/// <summary>A suggested move with a short reason a person understands.</summary>
/// <param name="Move">The suggested move.</param>
/// <param name="Chinese">The move in Chinese notation, e.g. 炮二平五.</param>
/// <param name="Wxf">The move in WXF notation, e.g. C2.5.</param>
/// <param name="ReasonChinese">Why, in Chinese, e.g. 吃掉对方的车.</param>
/// <param name="ReasonEnglish">Why, in English, e.g. "wins the chariot".</param>
/// <param name="ScoreCp">Evaluation after the suggestion, for the side to move.</param>
/// <param name="MateIn">Moves to mate, when the suggestion mates by force.</param>
public sealed record Hint(Move Move, string Chinese, string Wxf, string ReasonChinese, string ReasonEnglish, int ScoreCp, int? MateIn)
{
    /// <summary>Both languages in one line.</summary>
    public string Text => $"{Chinese}：{ReasonChinese} — {Wxf}: {ReasonEnglish}";
}

/// <summary>The "was that a mistake?" meter for one move.</summary>
/// <param name="Played">The move that was played.</param>
/// <param name="Best">The engine's best move in the same position.</param>
/// <param name="BestScoreCp">Evaluation of the best move (mover's view).</param>
/// <param name="PlayedScoreCp">Evaluation after the played move (mover's view).</param>
/// <param name="DropCp">How much the played move gave away (0 when it was as good as the best).</param>
/// <param name="Quality">The verdict.</param>
/// <param name="Chinese">The verdict in Chinese.</param>
/// <param name="English">The verdict in English.</param>
public sealed record MoveAssessment(Move Played, Move Best, int BestScoreCp, int PlayedScoreCp, int DropCp, MoveQuality Quality, string Chinese, string English);

/// <summary>Hints and the mistake meter, from a fixed-depth full-knowledge search (deterministic).</summary>
public sealed class Coach
{
    private readonly Searcher _searcher;
    private readonly SearchLimits _limits;

    /// <summary>Creates a coach searching to <paramref name="depth"/> plies (at most <paramref name="nodes"/> nodes).</summary>
    public Coach(int depth = 6, long nodes = 400_000, TimeProvider? time = null)
    {
        _searcher = new Searcher(16, time);
        _limits = new SearchLimits { Depth = depth, Nodes = nodes };
    }

    /// <summary>The best move here with its reason, or null when the side to move has no move.</summary>
    public Hint? Hint(Board board, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(board);
        SearchResult r = _searcher.Search(board, _limits, cancellationToken: cancellationToken);
        if (r.BestMove.IsNone)
        {
            return null;
        }

        (string zh, string en) = Explain(board, r.BestMove, r.MateIn);
        return new Hint(r.BestMove, Notation.ToChinese(board, r.BestMove), Notation.ToWxf(board, r.BestMove), zh, en, r.Score, r.MateIn is > 0 ? r.MateIn : null);
    }

    /// <summary>Judges a move just played from <paramref name="before"/> against the engine's best.</summary>
    /// <exception cref="ArgumentException">The move is not legal in <paramref name="before"/>.</exception>
    public MoveAssessment Assess(Board before, Move played, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(before);
        if (!before.IsLegal(played))
        {
            throw new ArgumentException($"{played} is not a legal move in this position.", nameof(played));
        }

        SearchResult best = _searcher.Search(before, _limits, cancellationToken: cancellationToken);
        Board after = before.Clone();
        after.MakeMove(played);
        int playedScore;
        if (!after.HasLegalMove())
        {
            playedScore = Searcher.Mate - 1;
        }
        else
        {
            SearchResult reply = _searcher.Search(after, _limits with { Depth = Math.Max(1, (_limits.Depth ?? 6) - 1) }, cancellationToken: cancellationToken);
            playedScore = -reply.Score;
        }

        int bestScore = Math.Max(best.Score, playedScore);
        int drop = played == best.BestMove ? 0 : Math.Max(0, bestScore - playedScore);
        bool intoMate = playedScore <= -Searcher.MateBound;
        MoveQuality q = intoMate || drop >= 350 ? MoveQuality.Blunder : drop >= 150 ? MoveQuality.Mistake : drop >= 50 ? MoveQuality.Inaccuracy : MoveQuality.Good;
        string bestZh = Notation.ToChinese(before, best.BestMove), bestWxf = Notation.ToWxf(before, best.BestMove);
        (string zh, string en) = q switch
        {
            MoveQuality.Good => ("好棋", "a good move."),
            MoveQuality.Inaccuracy => ($"稍有欠缺，{bestZh}更好", $"slightly inaccurate; {bestWxf} was better."),
            MoveQuality.Mistake => ($"失误，应走{bestZh}", $"a mistake; {bestWxf} was better."),
            _ => intoMate
                ? ($"大漏着，被对方抓住杀棋，应走{bestZh}", $"a blunder: it allows a forced mate; {bestWxf} was needed.")
                : ($"大漏着，应走{bestZh}", $"a blunder; {bestWxf} was much better."),
        };
        return new MoveAssessment(played, best.BestMove, bestScore, playedScore, drop, q, zh, en);
    }

    /// <summary>A short reason for a move, in Chinese and English.</summary>
    public static (string Chinese, string English) Explain(Board board, Move move, int? mateIn = null)
    {
        ArgumentNullException.ThrowIfNull(board);
        int mover = board.PieceAt(move.From);
        int victim = board.PieceAt(move.To);
        Board b = board.Clone();
        int us = b.SideIndex;
        List<int> hangingBefore = Hanging(b, us);
        b.MakeMove(move);
        bool check = b.InCheck;
        bool noReply = !b.HasLegalMove();
        if (noReply)
        {
            return check ? ("将死对方", "checkmates the general.") : ("困毙对方", "leaves the opponent without a legal move, which wins.");
        }

        if (mateIn is > 1)
        {
            return ($"形成{mateIn}步杀", $"forces mate in {mateIn}.");
        }

        if (victim != 0)
        {
            return ($"吃掉对方的{NameZh(victim)}", $"wins the {NameEn(victim)}.");
        }

        if (check)
        {
            return ("将军", "threatens the general (check).");
        }

        List<int> hangingAfter = Hanging(b, us);
        foreach (int sq in hangingBefore)
        {
            if (sq == move.From && !hangingAfter.Contains(move.To))
            {
                return ($"躲开攻击，保住{NameZh(mover)}", $"moves the {NameEn(mover)} out of danger.");
            }

            if (sq != move.From && !hangingAfter.Contains(sq))
            {
                int piece = board.PieceAt(sq);
                return ($"保护{NameZh(piece)}", $"defends the {NameEn(piece)}.");
            }
        }

        b.MakeNullMove();
        List<int> threatened = Hanging(b, us ^ 1);
        b.UnmakeNullMove();
        int target = 0;
        foreach (int sq in threatened)
        {
            int p = b.PieceAt(sq);
            if (Evaluation.PieceValue[p & 7] > Evaluation.PieceValue[target & 7])
            {
                target = p;
            }
        }

        if (target != 0)
        {
            return ($"威胁对方的{NameZh(target)}", $"threatens the {NameEn(target)}.");
        }

        bool fromHome = Pieces.Kind(mover) is PieceKind.Horse or PieceKind.Rook && Board.RankOf(move.From) == (us == 0 ? 0 : 9);
        return fromHome
            ? ($"出动{NameZh(mover)}", $"develops the {NameEn(mover)}.")
            : ($"调整{NameZh(mover)}的位置", $"improves the {NameEn(mover)}'s position.");
    }

    // Squares of `side`'s pieces the opponent could win: attacked and unprotected, or attacked by a cheaper piece.
    private static List<int> Hanging(Board board, int side)
    {
        var result = new List<int>();
        bool flipped = board.SideIndex == side;
        if (flipped)
        {
            board.MakeNullMove();
        }

        foreach (Move m in board.LegalMoves())
        {
            int victim = board.PieceAt(m.To);
            if (victim == 0 || Pieces.Kind(victim) == PieceKind.King || result.Contains(m.To))
            {
                continue;
            }

            int attacker = board.PieceAt(m.From);
            bool cheaper = Evaluation.PieceValue[attacker & 7] < Evaluation.PieceValue[victim & 7] && Pieces.Kind(attacker) != PieceKind.King;
            board.MakeMove(m);
            bool recapture = false;
            foreach (Move r in board.LegalMoves())
            {
                if (r.To == m.To)
                {
                    recapture = true;
                    break;
                }
            }

            board.UnmakeMove();
            if (cheaper || !recapture)
            {
                result.Add(m.To);
            }
        }

        if (flipped)
        {
            board.UnmakeNullMove();
        }

        return result;
    }

    private static string NameZh(int piece) => (Pieces.SideOf(piece), Pieces.Kind(piece)) switch
    {
        (_, PieceKind.Rook) => "车",
        (_, PieceKind.Horse) => "马",
        (_, PieceKind.Cannon) => "炮",
        (Side.Red, PieceKind.Pawn) => "兵",
        (Side.Black, PieceKind.Pawn) => "卒",
        (Side.Red, PieceKind.Advisor) => "仕",
        (Side.Black, PieceKind.Advisor) => "士",
        (Side.Red, PieceKind.Elephant) => "相",
        (Side.Black, PieceKind.Elephant) => "象",
        (Side.Red, _) => "帅",
        _ => "将",
    };

    private static string NameEn(int piece) => Pieces.Kind(piece) switch
    {
        PieceKind.Rook => "chariot",
        PieceKind.Horse => "horse",
        PieceKind.Cannon => "cannon",
        PieceKind.Pawn => "soldier",
        PieceKind.Advisor => "advisor",
        PieceKind.Elephant => "elephant",
        _ => "general",
    };
}
