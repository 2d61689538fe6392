using System.Text;

namespace CareFleet.Xiangqi;

/// <summary>
/// Converts moves between ICCS (<c>h2e2</c>), WXF (<c>C2.5</c>) and Chinese notation (炮二平五, 炮８平５).
/// Files count from each player's own right: Red's file 1 is file i, Black's file 1 is file a.
/// </summary>
/// <remarks>
/// Tandem pieces follow the WXF/AXF rules (wxf.org notation page): two on a file are + (front) and − (rear)
/// in place of the file digit; three pawns are +, the file digit, −; four or five pawns use ++ and −− for the
/// outermost; when two files hold tandem pawns the file digit replaces the piece letter (<c>3+.4</c>).
/// Chinese mirrors this with 前/中/后 and 二/三/四.
/// </remarks>
public static class Notation
{
    private const string RedNumerals = "一二三四五六七八九";
    private const string BlackDigits = "１２３４５６７８９";

    /// <summary>The WXF form of a legal move in this position, e.g. <c>C2.5</c> or <c>R+.3</c>.</summary>
    public static string ToWxf(Board board, Move move) => Describe(board, move, chinese: false);

    /// <summary>The Chinese form of a legal move in this position, e.g. 炮二平五 (Red) or 炮８平５ (Black).</summary>
    public static string ToChinese(Board board, Move move) => Describe(board, move, chinese: true);

    /// <summary>Finds the legal move written in WXF (<c>=</c> accepted for <c>.</c>, <c>N</c>/<c>B</c> for horse/elephant).</summary>
    public static bool TryParseWxf(Board board, string text, out Move move) => TryParse(board, text, chinese: false, out move);

    /// <summary>Finds the legal move written in Chinese notation (traditional characters and either digit style accepted).</summary>
    public static bool TryParseChinese(Board board, string text, out Move move) => TryParse(board, text, chinese: true, out move);

    private static bool TryParse(Board board, string text, bool chinese, out Move move)
    {
        ArgumentNullException.ThrowIfNull(board);
        move = Move.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string wanted = Normalize(text, chinese);
        foreach (Move m in board.LegalMoves())
        {
            if (Normalize(Describe(board, m, chinese), chinese) == wanted)
            {
                move = m;
                return true;
            }
        }

        return false;
    }

    private static string Normalize(string text, bool chinese)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c0 in text.Trim())
        {
            char c = c0;
            if (chinese)
            {
                int i = RedNumerals.IndexOf(c, StringComparison.Ordinal);
                if (i < 0)
                {
                    i = BlackDigits.IndexOf(c, StringComparison.Ordinal);
                }

                if (i >= 0)
                {
                    c = (char)('1' + i);
                }

                c = c switch
                {
                    '車' or '俥' or '伡' => '车',
                    '馬' or '傌' or '㐷' => '马',
                    '砲' or '炮' => '炮',
                    '帥' => '将',
                    '將' => '将',
                    '後' => '后',
                    '進' => '进',
                    '相' or '象' => '象',
                    '仕' or '士' => '士',
                    '兵' or '卒' => '卒',
                    '帅' or '将' => '将',
                    _ => c,
                };
            }
            else
            {
                c = char.ToUpperInvariant(c) switch
                {
                    '=' => '.',
                    'N' => 'H',
                    'B' => 'E',
                    var u => u,
                };
            }

            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static int FileNumber(int side, int square) => side == 0 ? 9 - Board.FileOf(square) : Board.FileOf(square) + 1;

    private static bool IsAhead(int side, int a, int b) => side == 0 ? Board.RankOf(a) > Board.RankOf(b) : Board.RankOf(a) < Board.RankOf(b);

    private static string Describe(Board board, Move move, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(board);
        int from = move.From, to = move.To;
        int piece = board.PieceAt(from);
        if (piece == 0)
        {
            throw new ArgumentException($"There is no piece on {Board.SquareName(from)} to describe.", nameof(move));
        }

        int side = (int)Pieces.SideOf(piece);
        var kind = Pieces.Kind(piece);

        // Same pieces on this file, ordered front (towards the enemy) first.
        Span<int> sameFile = stackalloc int[5];
        int n = 0, index = 0;
        for (int i = 0; i < board.PieceCount(side); i++)
        {
            int sq = board.PieceSquareAt(side, i);
            if (board.PieceAt(sq) == piece && Board.FileOf(sq) == Board.FileOf(from))
            {
                sameFile[n++] = sq;
            }
        }

        for (int i = 0; i < n; i++)
        {
            if (sameFile[i] != from && IsAhead(side, sameFile[i], from))
            {
                index++;
            }
        }

        int tandemFiles = 0;
        if (kind == PieceKind.Pawn)
        {
            Span<int> perFile = stackalloc int[9];
            perFile.Clear();
            for (int i = 0; i < board.PieceCount(side); i++)
            {
                int sq = board.PieceSquareAt(side, i);
                if (board.PieceAt(sq) == piece)
                {
                    perFile[Board.FileOf(sq)]++;
                }
            }

            foreach (int c in perFile)
            {
                if (c >= 2)
                {
                    tandemFiles++;
                }
            }
        }

        int fileNo = FileNumber(side, from);
        int df = Board.FileOf(to) - Board.FileOf(from);
        int dr = Board.RankOf(to) - Board.RankOf(from);
        bool forward = side == 0 ? dr > 0 : dr < 0;
        bool diagonalMover = kind is PieceKind.Advisor or PieceKind.Elephant or PieceKind.Horse;
        int number = dr == 0 || diagonalMover ? FileNumber(side, to) : Math.Abs(dr);
        return chinese
            ? ChineseText(side, kind, fileNo, n, index, tandemFiles, dr == 0 ? '平' : forward ? '进' : '退', number)
            : WxfText(kind, fileNo, n, index, tandemFiles, dr == 0 ? '.' : forward ? '+' : '-', number);
    }

    private static string WxfText(PieceKind kind, int fileNo, int n, int index, int tandemFiles, char op, int number)
    {
        char letter = kind switch
        {
            PieceKind.King => 'K',
            PieceKind.Advisor => 'A',
            PieceKind.Elephant => 'E',
            PieceKind.Horse => 'H',
            PieceKind.Rook => 'R',
            PieceKind.Cannon => 'C',
            _ => 'P',
        };
        char digit = (char)('0' + fileNo);
        string prefix;
        if (n < 2)
        {
            prefix = string.Concat(letter.ToString(), digit.ToString());
        }
        else
        {
            char mark = TandemMark(n, index, digit);
            bool outer = n >= 4 && (index == 0 || index == n - 1);
            prefix = tandemFiles >= 2 ? string.Concat(digit.ToString(), mark.ToString())
                : outer ? string.Concat(mark.ToString(), mark.ToString())
                : string.Concat(letter.ToString(), mark.ToString());
        }

        return string.Concat(prefix, op.ToString(), ((char)('0' + number)).ToString());
    }

    // Front '+', rear '-', the middle one of three or five keeps its file digit, and of four or five the second
    // from each end are '+'/'-' again (the outermost are doubled by the caller).
    private static char TandemMark(int n, int index, char digit) => n switch
    {
        2 => index == 0 ? '+' : '-',
        3 => index == 0 ? '+' : index == 1 ? digit : '-',
        4 => index <= 1 ? '+' : '-',
        _ => index <= 1 ? '+' : index == 2 ? digit : '-',
    };

    private static string ChineseText(int side, PieceKind kind, int fileNo, int n, int index, int tandemFiles, char action, int number)
    {
        string name = (side, kind) switch
        {
            (0, PieceKind.King) => "帅",
            (1, PieceKind.King) => "将",
            (0, PieceKind.Advisor) => "仕",
            (1, PieceKind.Advisor) => "士",
            (0, PieceKind.Elephant) => "相",
            (1, PieceKind.Elephant) => "象",
            (_, PieceKind.Horse) => "马",
            (_, PieceKind.Rook) => "车",
            (_, PieceKind.Cannon) => "炮",
            (0, _) => "兵",
            _ => "卒",
        };
        string numerals = side == 0 ? RedNumerals : BlackDigits;
        string file = numerals[fileNo - 1].ToString();
        string num = numerals[number - 1].ToString();
        string head;
        if (n < 2)
        {
            head = name + file;
        }
        else
        {
            string rank = n switch
            {
                2 => index == 0 ? "前" : "后",
                3 => index == 0 ? "前" : index == 1 ? "中" : "后",
                _ => index == 0 ? "前" : index == n - 1 ? "后" : "二三四"[index - 1].ToString(),
            };
            head = tandemFiles >= 2 ? rank + file : rank + name;
        }

        return string.Concat(head, action.ToString(), num);
    }
}
