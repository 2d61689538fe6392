namespace CareFleet.Xiangqi;

/// <summary>Explains in words (Chinese and English) why a move is not legal, for residents and the robot's camera.</summary>
public static class MoveExplainer
{
    /// <summary>The reason the move from <paramref name="from"/> to <paramref name="to"/> is illegal, or an empty string if it is legal.</summary>
    public static string WhyIllegal(Board board, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(board);
        if (!Board.InBoard[from & 255] || !Board.InBoard[to & 255])
        {
            return "不在棋盘上 — the square is not on the board.";
        }

        string f = Board.SquareName(from), t = Board.SquareName(to);
        int p = board.PieceAt(from);
        if (p == 0)
        {
            return $"{f} 没有棋子 — there is no piece on {f}.";
        }

        if (Pieces.SideOf(p) != board.SideToMove)
        {
            return board.SideToMove == Side.Red
                ? $"轮到红方走棋 — it is Red's move; the piece on {f} is Black's."
                : $"轮到黑方走棋 — it is Black's move; the piece on {f} is Red's.";
        }

        if (from == to)
        {
            return "棋子必须移动 — the piece must move to another point.";
        }

        int target = board.PieceAt(to);
        if (target != 0 && Pieces.SideOf(target) == Pieces.SideOf(p))
        {
            return $"不能吃自己的棋子 — you cannot capture your own piece on {t}.";
        }

        int df = Board.FileOf(to) - Board.FileOf(from), dr = Board.RankOf(to) - Board.RankOf(from);
        int adf = Math.Abs(df), adr = Math.Abs(dr);
        bool red = Pieces.SideOf(p) == Side.Red;
        string? shape = Pieces.Kind(p) switch
        {
            PieceKind.King when adf + adr != 1 => "帅(将)每次只能直走一步 — the general moves one point straight.",
            PieceKind.King when !Board.InPalace[to] => "帅(将)不能走出九宫 — the general must stay in the palace.",
            PieceKind.Advisor when adf != 1 || adr != 1 => "仕(士)只能斜走一步 — the advisor moves one point diagonally.",
            PieceKind.Advisor when !Board.InPalace[to] => "仕(士)不能走出九宫 — the advisor must stay in the palace.",
            PieceKind.Elephant when adf != 2 || adr != 2 => "相(象)走田字 — the elephant moves exactly two points diagonally.",
            PieceKind.Elephant when Board.Half[to] != (int)Pieces.SideOf(p) => "相(象)不能过河 — the elephant cannot cross the river.",
            PieceKind.Elephant when board.PieceAt((from + to) / 2) != 0 => $"塞象眼 — the elephant's eye at {Board.SquareName((from + to) / 2)} is blocked.",
            PieceKind.Horse when !((adf == 1 && adr == 2) || (adf == 2 && adr == 1)) => "马走日字 — the horse moves one point straight then one diagonally.",
            PieceKind.Horse when board.PieceAt(from + HorseLeg(df, dr)) != 0 => $"蹩马腿 — the horse's leg at {Board.SquareName(from + HorseLeg(df, dr))} is blocked.",
            PieceKind.Rook when df != 0 && dr != 0 => "车只能直走 — the chariot moves in straight lines.",
            PieceKind.Rook when Between(board, from, to) != 0 => "车不能越子 — the chariot cannot jump over pieces.",
            PieceKind.Cannon when df != 0 && dr != 0 => "炮只能直走 — the cannon moves in straight lines.",
            PieceKind.Cannon when target == 0 && Between(board, from, to) != 0 => "炮不吃子时不能越子 — the cannon jumps only when it captures.",
            PieceKind.Cannon when target != 0 && Between(board, from, to) != 1 => "炮打隔子 — the cannon captures by jumping over exactly one piece.",
            PieceKind.Pawn when (red ? dr < 0 : dr > 0) => "兵(卒)不能后退 — a soldier never moves backwards.",
            PieceKind.Pawn when adf + adr != 1 => "兵(卒)每次只走一步 — a soldier moves one point at a time.",
            PieceKind.Pawn when adf == 1 && Board.Half[from] == (int)Pieces.SideOf(p) => "兵(卒)过河前不能横走 — a soldier moves sideways only after crossing the river.",
            _ => null,
        };
        if (shape != null)
        {
            return shape;
        }

        var m = new Move(from, to);
        if (!board.IsLegalPseudo(m))
        {
            board.MakeMove(m);
            bool facing = Board.FileOf(board.KingSquare(Side.Red)) == Board.FileOf(board.KingSquare(Side.Black))
                && Between(board, board.KingSquare(Side.Red), board.KingSquare(Side.Black)) == 0;
            board.UnmakeMove();
            return facing
                ? "将帅不能照面 — the two generals may not face each other on an open file."
                : "走后己方被将军 — the move leaves your general in check.";
        }

        return string.Empty;
    }

    private static int HorseLeg(int df, int dr) => Math.Abs(dr) == 2 ? Math.Sign(dr) * 16 : Math.Sign(df);

    private static int Between(Board board, int from, int to)
    {
        int d = Board.FileOf(from) == Board.FileOf(to) ? Math.Sign(to - from) * 16 : Math.Sign(to - from);
        int n = 0;
        for (int sq = from + d; sq != to; sq += d)
        {
            if (board.PieceAt(sq) != 0)
            {
                n++;
            }
        }

        return n;
    }
}
