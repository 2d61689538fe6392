namespace CareFleet.Xiangqi;

/// <summary>How a game ended (or that it goes on).</summary>
public enum GameResult
{
    /// <summary>The game goes on.</summary>
    Ongoing,
    /// <summary>Red won.</summary>
    RedWins,
    /// <summary>Black won.</summary>
    BlackWins,
    /// <summary>Drawn.</summary>
    Draw,
}

/// <summary>The rule behind a ruling.</summary>
public enum RulingReason
{
    /// <summary>No rule applies; the game goes on.</summary>
    None,
    /// <summary>The side to move is in check and has no legal move.</summary>
    Checkmate,
    /// <summary>The side to move is not in check but has no legal move; it loses.</summary>
    Stalemate,
    /// <summary>A side repeated the position by checking on every move.</summary>
    PerpetualCheck,
    /// <summary>A side repeated the position by chasing the same piece on every move.</summary>
    PerpetualChase,
    /// <summary>The position repeated with neither side (or both sides equally) at fault.</summary>
    Repetition,
    /// <summary>Sixty moves (120 plies) without a capture, checks beyond each side's first ten not counted.</summary>
    MoveLimit,
    /// <summary>Neither side has a piece that can cross the river to attack.</summary>
    InsufficientMaterial,
}

/// <summary>A referee's decision with its explanation in Chinese and English.</summary>
/// <param name="Result">Who won, or a draw, or ongoing.</param>
/// <param name="Reason">The rule that decided it.</param>
/// <param name="Chinese">The ruling as a Chinese referee would say it, e.g. 长将作负.</param>
/// <param name="English">The same in English.</param>
public sealed record Ruling(GameResult Result, RulingReason Reason, string Chinese, string English)
{
    /// <summary>The game goes on.</summary>
    public static readonly Ruling Ongoing = new(GameResult.Ongoing, RulingReason.None, string.Empty, string.Empty);

    /// <summary>Both languages, e.g. "长将作负 — perpetual check loses: Red checked on every move of the repetition; Black wins."</summary>
    public string Text => Reason == RulingReason.None ? string.Empty : $"{Chinese} — {English}";
}

/// <summary>The outcome of judging a repeated position under AXF rules.</summary>
/// <param name="Repeated">True when the position did repeat the required number of times.</param>
/// <param name="Reason"><see cref="RulingReason.PerpetualCheck"/>, <see cref="RulingReason.PerpetualChase"/> or <see cref="RulingReason.Repetition"/> (a draw).</param>
/// <param name="Loser">The side at fault when it is not a draw.</param>
public readonly record struct RepetitionVerdict(bool Repeated, RulingReason Reason, Side Loser)
{
    /// <summary>True when the repetition is a draw.</summary>
    public bool IsDraw => Repeated && Reason == RulingReason.Repetition;
}

/// <summary>
/// Game-end and repetition rules under Asian (AXF) rules, shared by the search and the <see cref="Arbiter"/>.
/// </summary>
/// <remarks>
/// Perpetual check loses; otherwise perpetual chase loses; if both sides offend alike, or neither does, the
/// repetition is a draw. A chase is a move after which the mover newly attacks an enemy piece that is either
/// unprotected or worth more (horse/cannon on a chariot; advisor/elephant on a chariot, cannon or horse).
/// Generals and soldiers may chase freely; attacks on the general or on soldiers that have not crossed the
/// river never count; a mutual attack (the target can take the attacker back) is not a chase. Every move of a
/// side in the cycle must check or chase, and the chased piece must be the same one throughout; a single quiet
/// move breaks "perpetual". The 60-move rule counts plies since the last capture, where each side's checks count
/// only up to ten (the rest are discounted).
/// </remarks>
public static class GameRules
{
    /// <summary>Plies without capture that end the game in a draw (sixty moves each).</summary>
    public const int MoveLimitPlies = 120;

    /// <summary>Checks per side that still count toward the move limit.</summary>
    public const int CountedChecksPerSide = 10;

    private const int MaxCycle = 256;

    /// <summary>
    /// How often the current position has occurred since the last capture, counting the current one.
    /// </summary>
    public static int Occurrences(Board board, out int previousIndex)
    {
        ArgumentNullException.ThrowIfNull(board);
        int sp = board.StackPointer;
        ulong h = board.Hash;
        int limit = sp - board.StateAt(sp).Rule;
        int count = 1;
        previousIndex = -1;
        for (int i = sp - 2; i >= limit && i >= 0; i -= 2)
        {
            if (board.StateAt(i).Hash == h)
            {
                count++;
                if (previousIndex < 0)
                {
                    previousIndex = i;
                }
            }

            if (board.StateAt(i).Rule == 0)
            {
                break;
            }
        }

        return count;
    }

    /// <summary>
    /// Judges the current position if it has occurred at least <paramref name="requiredOccurrences"/> times:
    /// the last cycle decides who, if anyone, is at fault. The arbiter uses 3 (third occurrence); the search uses 2.
    /// </summary>
    public static RepetitionVerdict JudgeRepetition(Board board, int requiredOccurrences = 3)
    {
        ArgumentNullException.ThrowIfNull(board);
        if (Occurrences(board, out int start) < requiredOccurrences || start < 0)
        {
            return default;
        }

        return JudgeCycle(board, start);
    }

    private static RepetitionVerdict JudgeCycle(Board board, int start)
    {
        int sp = board.StackPointer;
        int len = sp - start;
        if (len > MaxCycle)
        {
            return new RepetitionVerdict(true, RulingReason.Repetition, Side.Red);
        }

        Span<int> moves = stackalloc int[len];
        for (int i = len - 1; i >= 0; i--)
        {
            moves[i] = board.StateAt(board.StackPointer).Move;
            if (moves[i] == 0)
            {
                // A null move inside the cycle (search only): treat as a plain repetition.
                for (int j = i + 1; j < len; j++)
                {
                    board.MakeMove(Move.FromValue(moves[j]));
                }

                return new RepetitionVerdict(true, RulingReason.Repetition, Side.Red);
            }

            board.UnmakeMove();
        }

        // Per side: every move checked / every move checked or chased / targets chased on all non-check moves.
        Span<bool> allCheck = [true, true];
        Span<bool> allForcing = [true, true];
        Span<int> common = [0xFFFF, 0xFFFF];
        Span<int> chaseMoves = [0, 0];
        for (int i = 0; i < len; i++)
        {
            int mover = board.SideIndex;
            var move = Move.FromValue(moves[i]);
            int chased = ChasedTargets(board, move);
            bool check = board.InCheck;
            if (!check)
            {
                allCheck[mover] = false;
                if (chased == 0)
                {
                    allForcing[mover] = false;
                }
                else
                {
                    common[mover] &= chased;
                    chaseMoves[mover]++;
                }
            }
        }

        bool checkRed = allCheck[0], checkBlack = allCheck[1];
        if (checkRed != checkBlack)
        {
            return new RepetitionVerdict(true, RulingReason.PerpetualCheck, checkRed ? Side.Red : Side.Black);
        }

        if (!checkRed)
        {
            bool chaseRed = allForcing[0] && chaseMoves[0] > 0 && common[0] != 0;
            bool chaseBlack = allForcing[1] && chaseMoves[1] > 0 && common[1] != 0;
            if (chaseRed != chaseBlack)
            {
                return new RepetitionVerdict(true, RulingReason.PerpetualChase, chaseRed ? Side.Red : Side.Black);
            }
        }

        return new RepetitionVerdict(true, RulingReason.Repetition, Side.Red);
    }

    /// <summary>
    /// Makes <paramref name="move"/> and returns the enemy piece slots (bit per slot) it chases; the move stays made.
    /// </summary>
    private static int ChasedTargets(Board board, Move move)
    {
        int us = board.SideIndex;
        Span<int> before = stackalloc int[16];
        Span<int> after = stackalloc int[16];
        CaptureMap(board, before);
        board.MakeMove(move);
        _ = board.InCheck;
        board.MakeNullMove();
        CaptureMap(board, after);
        board.UnmakeNullMove();

        int chased = 0;
        for (int a = 0; a < 16; a++)
        {
            int fresh = after[a] & ~before[a];
            if (fresh == 0)
            {
                continue;
            }

            int attackerSq = board.PieceSquareAt(us, a);
            var attacker = Pieces.Kind(board.PieceAt(attackerSq));
            if (attacker is PieceKind.King or PieceKind.Pawn)
            {
                continue;
            }

            for (int t = 0; t < 16; t++)
            {
                if ((fresh & (1 << t)) == 0 || (chased & (1 << t)) != 0)
                {
                    continue;
                }

                int targetSq = board.PieceSquareAt(us ^ 1, t);
                var target = Pieces.Kind(board.PieceAt(targetSq));
                if (target == PieceKind.King || (target == PieceKind.Pawn && Board.Half[targetSq] == (us ^ 1)))
                {
                    continue;
                }

                bool stronger = (attacker is PieceKind.Horse or PieceKind.Cannon && target == PieceKind.Rook)
                    || (attacker is PieceKind.Advisor or PieceKind.Elephant && target is PieceKind.Rook or PieceKind.Cannon or PieceKind.Horse);
                if (stronger || (!CanCapture(board, targetSq, attackerSq) && !IsProtected(board, attackerSq, targetSq)))
                {
                    chased |= 1 << t;
                }
            }
        }

        return chased;
    }

    // attacks[slot] = bit mask of enemy slots the piece in that slot can legally capture (side to move = attacker).
    private static void CaptureMap(Board board, Span<int> attacks)
    {
        attacks.Clear();
        Span<Move> buf = stackalloc Move[Board.MaxMoves];
        int n = board.GenerateLegalMoves(buf, capturesOnly: true);
        int them = board.SideIndex ^ 1;
        for (int i = 0; i < n; i++)
        {
            int target = board.PieceAt(buf[i].To);
            if (Pieces.Kind(target) != PieceKind.None && (int)Pieces.SideOf(target) == them)
            {
                attacks[board.SlotOf(buf[i].From)] |= 1 << board.SlotOf(buf[i].To);
            }
        }
    }

    // Side to move (the chased side) legally captures from -> to.
    private static bool CanCapture(Board board, int from, int to)
    {
        var m = new Move(from, to);
        Span<Move> buf = stackalloc Move[Board.MaxMoves];
        int n = board.GeneratePseudoMoves(buf, capturesOnly: true);
        for (int i = 0; i < n; i++)
        {
            if (buf[i] == m)
            {
                return board.IsLegalPseudo(m);
            }
        }

        return false;
    }

    // After the chaser takes on targetSq, can the chased side legally recapture there?
    private static bool IsProtected(Board board, int attackerSq, int targetSq)
    {
        board.MakeNullMove();
        board.MakeMove(new Move(attackerSq, targetSq));
        Span<Move> buf = stackalloc Move[Board.MaxMoves];
        int n = board.GenerateLegalMoves(buf, capturesOnly: true);
        bool protectedBySomeone = false;
        for (int i = 0; i < n; i++)
        {
            if (buf[i].To == targetSq)
            {
                protectedBySomeone = true;
                break;
            }
        }

        board.UnmakeMove();
        board.UnmakeNullMove();
        return protectedBySomeone;
    }

    /// <summary>Plies counted toward the 60-move rule: since the last capture, each side's checks beyond ten not counted.</summary>
    public static int CountedPlies(Board board)
    {
        ArgumentNullException.ThrowIfNull(board);
        int sp = board.StackPointer;
        int rule = board.StateAt(sp).Rule;
        if (rule < MoveLimitPlies)
        {
            return rule;
        }

        int inHistory = Math.Min(rule, sp);
        int counted = rule - inHistory;
        Span<int> checks = [0, 0];
        int firstIndex = sp - inHistory + 1;
        for (int i = firstIndex; i <= sp; i++)
        {
            // The move at index i was made by the side not to move at i.
            int mover = ((sp - i) & 1) == 0 ? board.SideIndex ^ 1 : board.SideIndex;
            if (board.GaveCheckAt(i) && ++checks[mover] > CountedChecksPerSide)
            {
                continue;
            }

            counted++;
        }

        return counted;
    }

    /// <summary>True when neither side keeps a chariot, horse, cannon or soldier (no piece can cross the river).</summary>
    public static bool InsufficientMaterial(Board board)
    {
        ArgumentNullException.ThrowIfNull(board);
        for (int side = 0; side < 2; side++)
        {
            for (int i = 0; i < board.PieceCount(side); i++)
            {
                var kind = Pieces.Kind(board.PieceAt(board.PieceSquareAt(side, i)));
                if (kind is PieceKind.Rook or PieceKind.Horse or PieceKind.Cannon or PieceKind.Pawn)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The referee's ruling on the current position: mate and stalemate first, then a third occurrence judged under
    /// AXF rules, then the 60-move rule and bare material.
    /// </summary>
    public static Ruling Judge(Board board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var toMove = board.SideToMove;
        string winnerEn = toMove == Side.Red ? "Black" : "Red";
        string winnerZh = toMove == Side.Red ? "黑方" : "红方";
        var winIfToMoveLoses = toMove == Side.Red ? GameResult.BlackWins : GameResult.RedWins;
        if (!board.HasLegalMove())
        {
            return board.InCheck
                ? new Ruling(winIfToMoveLoses, RulingReason.Checkmate, $"将死，{winnerZh}胜", $"checkmate; {winnerEn} wins.")
                : new Ruling(winIfToMoveLoses, RulingReason.Stalemate, $"困毙，{winnerZh}胜", $"stalemate: the side to move has no legal move and loses; {winnerEn} wins.");
        }

        RepetitionVerdict v = JudgeRepetition(board, 3);
        if (v.Repeated)
        {
            string loserEn = v.Loser == Side.Red ? "Red" : "Black";
            string loserZh = v.Loser == Side.Red ? "红方" : "黑方";
            var loserLoses = v.Loser == Side.Red ? GameResult.BlackWins : GameResult.RedWins;
            return v.Reason switch
            {
                RulingReason.PerpetualCheck => new Ruling(loserLoses, v.Reason, $"长将作负，{loserZh}负",
                    $"perpetual check loses: {loserEn} checked on every move of the repetition and loses."),
                RulingReason.PerpetualChase => new Ruling(loserLoses, v.Reason, $"长捉作负，{loserZh}负",
                    $"perpetual chase loses: {loserEn} chased the same piece on every move of the repetition and loses."),
                _ => new Ruling(GameResult.Draw, RulingReason.Repetition, "循环重复，不变作和",
                    "repetition is a draw: neither side (or both sides alike) forced it."),
            };
        }

        if (CountedPlies(board) >= MoveLimitPlies)
        {
            return new Ruling(GameResult.Draw, RulingReason.MoveLimit, "六十回合无吃子，判和",
                "draw by the 60-move rule: sixty moves each without a capture (checks beyond ten per side not counted).");
        }

        if (InsufficientMaterial(board))
        {
            return new Ruling(GameResult.Draw, RulingReason.InsufficientMaterial, "双方均无过河子力，判和",
                "draw: neither side has a piece that can cross the river to attack.");
        }

        return Ruling.Ongoing;
    }
}
