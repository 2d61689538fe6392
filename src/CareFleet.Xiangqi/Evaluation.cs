using System.Runtime.CompilerServices;

namespace CareFleet.Xiangqi;

/// <summary>Which evaluation terms are on; weaker levels switch knowledge off (XIANGQI.md §5c).</summary>
[Flags]
public enum EvalKnowledge
{
    /// <summary>Material only.</summary>
    Material = 0,
    /// <summary>Piece-square tables (good squares for each piece).</summary>
    PieceSquares = 1,
    /// <summary>Mobility of chariots, horses and cannons.</summary>
    Mobility = 2,
    /// <summary>General safety: missing defenders, hollow cannon, attackers near the palace.</summary>
    KingSafety = 4,
    /// <summary>Everything.</summary>
    Full = PieceSquares | Mobility | KingSafety,
}

/// <summary>Hand-crafted static evaluation in centipawns (a soldier before the river = 100), from the side to move.</summary>
public static class Evaluation
{
    /// <summary>Material values by <see cref="PieceKind"/> (the general counts 0; mate is scored by the search).</summary>
    public static readonly int[] PieceValue = [0, 0, 200, 200, 450, 1000, 480, 100];

    // Piece-square bonuses for Red indexed [kind * 256 + square]; Black reads the mirrored square.
    private static readonly short[] Pst = new short[8 * 256];
    private static readonly byte[] Mirror = new byte[256];

    static Evaluation()
    {
        for (int sq = 0; sq < 256; sq++)
        {
            if (!Board.InBoard[sq])
            {
                continue;
            }

            int f = Board.FileOf(sq), r = Board.RankOf(sq);
            Mirror[sq] = (byte)Board.Square(f, 9 - r);
            int centre = 4 - Math.Abs(f - 4);

            // Soldiers gain most after crossing the river, more near the centre and the enemy palace; on the last
            // rank they can only shuffle sideways, so less.
            int pawn = r < 5 ? (r == 4 && f is 2 or 4 or 6 ? 10 : 0) : 70 + (centre * 8) + (r is 6 or 7 ? 30 : r == 8 ? 20 : 0);
            if (r >= 5 && f is >= 3 and <= 5 && r is >= 6 and <= 8)
            {
                pawn += 30;
            }

            if (r == 9)
            {
                pawn -= 40;
            }

            int horse = (centre * 6) + (r is >= 3 and <= 7 ? r * 6 : 0) - (f is 0 or 8 ? 20 : 0) - (r == 0 ? 15 : 0);
            if (r is 7 or 8 && f is 2 or 3 or 5 or 6)
            {
                horse += 25; // close to the palace: 卧槽/挂角 squares
            }

            int rook = (r is 6 or 7 ? 20 : 0) + (f is 3 or 5 ? 10 : 0) + (r == 0 && f is 0 or 8 ? -15 : 0);
            int cannon = (f == 4 && r <= 3 ? 25 : 0) + (r == 9 ? 10 : 0) + (r is 4 or 5 ? 5 : 0) + centre * 2;
            int king = (f == 4 ? 10 : 0) - (r * 15);
            int advisor = f == 4 && r == 1 ? 10 : 0;
            int elephant = f == 4 && r == 2 ? 10 : (r == 4 ? -5 : 0);

            Pst[((int)PieceKind.Pawn << 8) + sq] = (short)pawn;
            Pst[((int)PieceKind.Horse << 8) + sq] = (short)horse;
            Pst[((int)PieceKind.Rook << 8) + sq] = (short)rook;
            Pst[((int)PieceKind.Cannon << 8) + sq] = (short)cannon;
            Pst[((int)PieceKind.King << 8) + sq] = (short)king;
            Pst[((int)PieceKind.Advisor << 8) + sq] = (short)advisor;
            Pst[((int)PieceKind.Elephant << 8) + sq] = (short)elephant;
        }
    }

    /// <summary>The evaluation of the position for the side to move with all knowledge on.</summary>
    public static int Evaluate(Board board) => Evaluate(board, EvalKnowledge.Full);

    /// <summary>The evaluation of the position for the side to move with the chosen knowledge.</summary>
    public static int Evaluate(Board board, EvalKnowledge knowledge)
    {
        ArgumentNullException.ThrowIfNull(board);
        int red = SideScore(board, 0, knowledge, out int redAttackers, out int redWeakness);
        int black = SideScore(board, 1, knowledge, out int blackAttackers, out int blackWeakness);
        if ((knowledge & EvalKnowledge.KingSafety) != 0)
        {
            red += KingDanger(board, 1, redAttackers, blackWeakness);
            black += KingDanger(board, 0, blackAttackers, redWeakness);
        }

        int score = red - black;
        return board.SideIndex == 0 ? score + 10 : -score + 10; // small bonus for having the move
    }

    /// <summary>Material only for one side, used for phase and null-move decisions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int NonPawnMaterial(Board board, int side)
    {
        int sum = 0;
        for (int i = 0; i < board.PieceCount(side); i++)
        {
            int k = board.PieceAt(board.PieceSquareAt(side, i)) & 7;
            if (k is (int)PieceKind.Rook or (int)PieceKind.Horse or (int)PieceKind.Cannon)
            {
                sum += PieceValue[k];
            }
        }

        return sum;
    }

    // Material, tables and mobility of one side; also counts its attackers across the river and how exposed its
    // own general is (missing advisors weigh double, missing elephants single).
    private static int SideScore(Board board, int side, EvalKnowledge knowledge, out int attackers, out int weakness)
    {
        byte[] b = board.Squares;
        int them = side ^ 1;
        int score = 0;
        int advisors = 0, elephants = 0;
        attackers = 0;
        int n = board.PieceCount(side);
        bool pst = (knowledge & EvalKnowledge.PieceSquares) != 0;
        bool mobility = (knowledge & EvalKnowledge.Mobility) != 0;
        int enemyKing = board.KingSquare((Side)them);
        for (int i = 0; i < n; i++)
        {
            int sq = board.PieceSquareAt(side, i);
            int kind = b[sq] & 7;
            score += PieceValue[kind];
            if (pst)
            {
                int idx = side == 0 ? sq : Mirror[sq];
                score += Pst[(kind << 8) + idx];
            }
            else if (kind == (int)PieceKind.Pawn && Board.Half[sq] != side)
            {
                score += 80; // even without tables, a crossed soldier is worth more
            }

            switch (kind)
            {
                case (int)PieceKind.Advisor:
                    advisors++;
                    break;
                case (int)PieceKind.Elephant:
                    elephants++;
                    break;
                case (int)PieceKind.Rook:
                    if (mobility)
                    {
                        score += 3 * SlideCount(b, sq);
                    }

                    if (Board.Half[sq] != side)
                    {
                        attackers += 2;
                    }

                    break;
                case (int)PieceKind.Horse:
                    if (mobility)
                    {
                        int moves = 0;
                        for (int j = 0; j < 8; j++)
                        {
                            if (b[sq + Board.HorseLeg[j]] != 0)
                            {
                                continue;
                            }

                            int t = b[sq + Board.HorseDelta[j]];
                            if (t == 0 || (t >> 3) == them)
                            {
                                moves++;
                            }
                        }

                        score += (moves * 5) - 10;
                    }

                    if (Board.Half[sq] != side)
                    {
                        attackers += 2;
                    }

                    break;
                case (int)PieceKind.Cannon:
                    if (mobility)
                    {
                        score += SlideCount(b, sq);
                    }

                    if (Board.FileOf(sq) == Board.FileOf(enemyKing))
                    {
                        attackers += 1;
                    }

                    break;
                case (int)PieceKind.Pawn:
                    if (Board.Half[sq] != side && Math.Abs(Board.FileOf(sq) - 4) <= 1 && Math.Abs(Board.RankOf(sq) - Board.RankOf(enemyKing)) <= 2)
                    {
                        attackers += 1;
                    }

                    break;
            }
        }

        weakness = ((2 - advisors) * 12) + ((2 - elephants) * 6);
        return score;
    }

    // Bonus for the attacker of `defender`'s general: attackers across the river times the defender's missing
    // guards, plus a cannon on the general's open file (空头炮).
    private static int KingDanger(Board board, int defender, int attackers, int weakness)
    {
        int danger = attackers * weakness;
        int king = board.KingSquare((Side)defender);
        int d = defender == 0 ? 16 : -16;
        byte[] b = board.Squares;
        int cannon = ((defender ^ 1) << 3) | (int)PieceKind.Cannon;
        int sq = king + d;
        while (b[sq] == 0)
        {
            sq += d;
        }

        if (b[sq] == cannon)
        {
            danger += 60;
        }

        return danger;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SlideCount(byte[] b, int sq)
    {
        int count = 0;
        for (int j = 0; j < 4; j++)
        {
            int d = Board.Orth[j];
            int to = sq + d;
            while (b[to] == 0)
            {
                count++;
                to += d;
            }
        }

        return count;
    }
}
