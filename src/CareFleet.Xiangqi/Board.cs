using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace CareFleet.Xiangqi;

/// <summary>
/// A xiangqi position with its move history: mailbox board, piece lists, Zobrist key, legal move generation
/// and make/unmake. Not thread-safe; give each search thread its own copy (<see cref="Clone"/>).
/// </summary>
/// <remarks>
/// Layout: a 16×16 mailbox, square = (rank + 3) * 16 + (file + 3), file 0–8 = a–i, rank 0–9 from Red's back rank.
/// The three-square margin lets a horse or elephant jump off the board without bounds checks; margin squares hold
/// <see cref="OffBoard"/>, whose side bits (0x20 &gt;&gt; 3 = 4) match neither side, so one shift tells empty, own,
/// enemy and edge apart.
/// </remarks>
public sealed partial class Board
{
    /// <summary>The standard starting position.</summary>
    public const string StartFen = "rnbakabnr/9/1c5c1/p1p1p1p1p/9/9/P1P1P1P1P/1C5C1/9/RNBAKABNR w - - 0 1";

    /// <summary>A buffer of this many moves always holds every move of a position.</summary>
    public const int MaxMoves = 160;

    internal const byte OffBoard = 0x20;
    private const int Up = 16;

    // Per-square tables: 1 inside the board, palace membership, which half (0 Red, 1 Black, 2 off board).
    internal static readonly bool[] InBoard = new bool[256];
    internal static readonly bool[] InPalace = new bool[256];
    internal static readonly byte[] Half = new byte[256];
    internal static readonly int[] Orth = [Up, -Up, 1, -1];
    internal static readonly int[] Diag = [Up + 1, Up - 1, -Up + 1, -Up - 1];
    internal static readonly int[] HorseDelta = [2 * Up + 1, 2 * Up - 1, -2 * Up + 1, -2 * Up - 1, Up + 2, -Up + 2, Up - 2, -Up - 2];
    internal static readonly int[] HorseLeg = [Up, Up, -Up, -Up, 1, 1, -1, -1];

    // Reverse horse: a horse checks the general through the general's diagonal neighbour (its leg).
    private static readonly int[] HorseCheckA = [2 * Up + 1, 2 * Up - 1, -2 * Up + 1, -2 * Up - 1];
    private static readonly int[] HorseCheckB = [Up + 2, Up - 2, -Up + 2, -Up - 2];

    internal static readonly ulong[] ZobristPiece = new ulong[16 * 256];
    internal static readonly ulong ZobristSide;

    private readonly byte[] _board = new byte[256];
    private readonly byte[] _list = new byte[32];
    private readonly byte[] _slot = new byte[256];
    private readonly int[] _count = new int[2];
    private readonly int[] _kingSq = new int[2];
    private int _side;
    private int _fullMove = 1;
    private int _startSide;
    private StateInfo[] _states = new StateInfo[512];
    private int _sp;

    internal struct StateInfo
    {
        public ulong Hash;
        public int Move;
        public short Rule;
        public byte Captured;
        public byte CapSlot;
        public sbyte Check;
    }

    static Board()
    {
        for (int sq = 0; sq < 256; sq++)
        {
            int f = (sq & 15) - 3, r = (sq >> 4) - 3;
            bool inside = f is >= 0 and <= 8 && r is >= 0 and <= 9;
            InBoard[sq] = inside;
            Half[sq] = (byte)(!inside ? 2 : r <= 4 ? 0 : 1);
            InPalace[sq] = inside && f is >= 3 and <= 5 && (r <= 2 || r >= 7);
        }

        // Fixed seed so keys (and thus TT behaviour and tests) are identical in every run.
        ulong s = 0x9E3779B97F4A7C15UL;
        for (int i = 0; i < ZobristPiece.Length; i++)
        {
            ZobristPiece[i] = NextRandom(ref s);
        }

        ZobristSide = NextRandom(ref s);
    }

    private static ulong NextRandom(ref ulong s)
    {
        s += 0x9E3779B97F4A7C15UL;
        ulong z = s;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Creates the starting position.</summary>
    public Board() => LoadFen(StartFen);

    private Board(bool empty)
    {
        _ = empty;
    }

    /// <summary>Parses a FEN; the side field accepts <c>w</c> or <c>r</c> for Red and <c>b</c> for Black.</summary>
    /// <exception cref="FormatException">The FEN is malformed or describes an impossible position; the message says why.</exception>
    public static Board FromFen(string fen)
    {
        ArgumentNullException.ThrowIfNull(fen);
        var b = new Board(true);
        b.LoadFen(fen);
        return b;
    }

    /// <summary>Parses a FEN without throwing.</summary>
    /// <returns>True and the board, or false and a reason.</returns>
    public static bool TryFromFen(string fen, out Board? board, out string error)
    {
        try
        {
            board = FromFen(fen);
            error = string.Empty;
            return true;
        }
        catch (FormatException e)
        {
            board = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>A deep copy (position and history).</summary>
    public Board Clone()
    {
        var b = new Board(true);
        Array.Copy(_board, b._board, 256);
        Array.Copy(_list, b._list, 32);
        Array.Copy(_slot, b._slot, 256);
        Array.Copy(_count, b._count, 2);
        Array.Copy(_kingSq, b._kingSq, 2);
        b._side = _side;
        b._fullMove = _fullMove;
        b._startSide = _startSide;
        b._states = (StateInfo[])_states.Clone();
        b._sp = _sp;
        return b;
    }

    /// <summary>The side to move.</summary>
    public Side SideToMove => (Side)_side;

    /// <summary>The Zobrist key of the position (pieces and side to move).</summary>
    public ulong Hash
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _states[_sp].Hash;
    }

    /// <summary>Plies since the last capture (the FEN half-move clock plus moves made).</summary>
    public int PliesSinceCapture => _states[_sp].Rule;

    /// <summary>Number of moves made on this board since it was set up.</summary>
    public int HistoryLength => _sp;

    /// <summary>The piece code on a mailbox square (0 when empty).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PieceAt(int square) => _board[square] == OffBoard ? 0 : _board[square];

    /// <summary>The piece code on a square given by file (0–8) and rank (0–9).</summary>
    public int PieceAt(int file, int rank) => PieceAt(Square(file, rank));

    /// <summary>The square of a side's general.</summary>
    public int KingSquare(Side side) => _kingSq[(int)side];

    /// <summary>The move that led to the current position, or <see cref="Move.None"/> at the root.</summary>
    public Move LastMove => _sp == 0 ? Move.None : Move.FromValue(_states[_sp].Move);

    internal int SideIndex => _side;

    internal byte[] Squares => _board;

    internal int PieceCount(int side) => _count[side];

    internal int PieceSquareAt(int side, int index) => _list[(side << 4) + index];

    internal int SlotOf(int square) => _slot[square];

    internal ref StateInfo StateAt(int index) => ref _states[index];

    internal int StackPointer => _sp;

    /// <summary>The mailbox square of a file (0–8) and rank (0–9).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Square(int file, int rank) => ((rank + 3) << 4) + file + 3;

    /// <summary>The file (0–8, a–i) of a mailbox square.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FileOf(int square) => (square & 15) - 3;

    /// <summary>The rank (0–9, Red's back rank is 0) of a mailbox square.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RankOf(int square) => (square >> 4) - 3;

    /// <summary>ICCS name of a square, e.g. <c>e0</c>.</summary>
    public static string SquareName(int square) =>
        InBoard[square & 255]
            ? string.Create(2, square, static (span, sq) =>
            {
                span[0] = (char)('a' + FileOf(sq));
                span[1] = (char)('0' + RankOf(sq));
            })
            : "??";

    private void Clear()
    {
        for (int i = 0; i < 256; i++)
        {
            _board[i] = InBoard[i] ? (byte)0 : OffBoard;
            _slot[i] = 0;
        }

        _count[0] = _count[1] = 0;
        _kingSq[0] = _kingSq[1] = 0;
        _sp = 0;
        _states[0] = default;
    }

    private void AddPiece(int sq, int piece)
    {
        int side = piece >> 3;
        int n = _count[side]++;
        _list[(side << 4) + n] = (byte)sq;
        _slot[sq] = (byte)n;
        _board[sq] = (byte)piece;
        if ((piece & 7) == (int)PieceKind.King)
        {
            _kingSq[side] = sq;
        }
    }

    private void LoadFen(string fen)
    {
        Clear();
        string[] parts = fen.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new FormatException("FEN is empty.");
        }

        string[] rows = parts[0].Split('/');
        if (rows.Length != 10)
        {
            throw new FormatException($"FEN must have 10 ranks separated by '/', found {rows.Length}.");
        }

        Span<int> counts = stackalloc int[16];
        counts.Clear();
        for (int row = 0; row < 10; row++)
        {
            int rank = 9 - row, file = 0;
            foreach (char c in rows[row])
            {
                if (c is >= '1' and <= '9')
                {
                    file += c - '0';
                    continue;
                }

                int piece = PieceFromChar(c);
                if (piece == 0)
                {
                    throw new FormatException($"FEN rank {rank} has an unknown piece letter '{c}'.");
                }

                if (file > 8)
                {
                    throw new FormatException($"FEN rank {rank} has more than 9 files.");
                }

                if (_count[piece >> 3] >= 16)
                {
                    throw new FormatException("FEN has more than 16 pieces for one side.");
                }

                if (++counts[piece] > MaxCount((PieceKind)(piece & 7)))
                {
                    throw new FormatException($"FEN has too many {(Side)(piece >> 3)} {(PieceKind)(piece & 7)} pieces.");
                }

                int sq = Square(file, rank);
                CheckPlacement(piece, sq);
                AddPiece(sq, piece);
                file++;
            }

            if (file != 9)
            {
                throw new FormatException($"FEN rank {rank} covers {file} files instead of 9.");
            }
        }

        if (counts[Pieces.Make(Side.Red, PieceKind.King)] != 1 || counts[Pieces.Make(Side.Black, PieceKind.King)] != 1)
        {
            throw new FormatException("FEN must have exactly one general per side.");
        }

        _side = 0;
        if (parts.Length > 1)
        {
            _side = parts[1] switch
            {
                "w" or "r" or "W" or "R" => 0,
                "b" or "B" => 1,
                _ => throw new FormatException($"FEN side to move must be 'w', 'r' or 'b', found '{parts[1]}'."),
            };
        }

        int rule = 0;
        if (parts.Length > 4 && (!int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out rule) || rule > 10000))
        {
            throw new FormatException($"FEN half-move clock must be a non-negative number, found '{parts[4]}'.");
        }

        _fullMove = 1;
        if (parts.Length > 5 && (!int.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out _fullMove) || _fullMove > 100000))
        {
            throw new FormatException($"FEN move number must be a positive number, found '{parts[5]}'.");
        }

        _fullMove = Math.Max(1, _fullMove);
        _startSide = _side;
        ulong h = _side == 1 ? ZobristSide : 0;
        for (int sq = 0; sq < 256; sq++)
        {
            int p = _board[sq];
            if (p != 0 && p != OffBoard)
            {
                h ^= ZobristPiece[(p << 8) + sq];
            }
        }

        _states[0] = new StateInfo { Hash = h, Rule = (short)rule, Check = -1 };
        if (IsAttackedKing(_side ^ 1))
        {
            throw new FormatException(KingsFace() ? "FEN has the two generals facing each other on an open file." : "FEN has the side not to move in check.");
        }
    }

    private bool KingsFace()
    {
        int r = _kingSq[0], b = _kingSq[1];
        if ((r & 15) != (b & 15))
        {
            return false;
        }

        for (int sq = r + Up; sq < b; sq += Up)
        {
            if (_board[sq] != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int MaxCount(PieceKind kind) => kind switch
    {
        PieceKind.King => 1,
        PieceKind.Pawn => 5,
        _ => 2,
    };

    private static void CheckPlacement(int piece, int sq)
    {
        int side = piece >> 3, rank = RankOf(sq);
        string? error = (PieceKind)(piece & 7) switch
        {
            PieceKind.King or PieceKind.Advisor when !InPalace[sq] || Half[sq] != side => "must stand in its own palace",
            PieceKind.Elephant when Half[sq] != side => "cannot stand across the river",
            PieceKind.Pawn when (side == 0 ? rank < 3 : rank > 6) => "cannot stand behind its starting rank",
            _ => null,
        };
        if (error != null)
        {
            throw new FormatException($"FEN places a {(Side)side} {(PieceKind)(piece & 7)} on {SquareName(sq)}, which {error}.");
        }
    }

    private static int PieceFromChar(char c)
    {
        var kind = char.ToLowerInvariant(c) switch
        {
            'k' => PieceKind.King,
            'a' => PieceKind.Advisor,
            'b' or 'e' => PieceKind.Elephant,
            'n' or 'h' => PieceKind.Horse,
            'r' => PieceKind.Rook,
            'c' => PieceKind.Cannon,
            'p' => PieceKind.Pawn,
            _ => PieceKind.None,
        };
        return kind == PieceKind.None ? 0 : Pieces.Make(char.IsUpper(c) ? Side.Red : Side.Black, kind);
    }

    /// <summary>The position as FEN (side letter <c>w</c> or <c>b</c>, half-move clock = plies since capture).</summary>
    public string ToFen()
    {
        var sb = new StringBuilder(96);
        for (int rank = 9; rank >= 0; rank--)
        {
            int empty = 0;
            for (int file = 0; file < 9; file++)
            {
                int p = _board[Square(file, rank)];
                if (p == 0)
                {
                    empty++;
                    continue;
                }

                if (empty > 0)
                {
                    sb.Append((char)('0' + empty));
                    empty = 0;
                }

                sb.Append(Pieces.FenChar(p));
            }

            if (empty > 0)
            {
                sb.Append((char)('0' + empty));
            }

            if (rank > 0)
            {
                sb.Append('/');
            }
        }

        sb.Append(_side == 0 ? " w - - " : " b - - ");
        sb.Append(PliesSinceCapture.ToString(CultureInfo.InvariantCulture)).Append(' ');
        sb.Append((_fullMove + ((_sp + _startSide) / 2)).ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>Makes a move (which must be legal or at least pseudo-legal). Undo with <see cref="UnmakeMove"/>.</summary>
    public void MakeMove(Move move)
    {
        if (++_sp == _states.Length)
        {
            Array.Resize(ref _states, _states.Length * 2);
        }

        ref StateInfo prev = ref _states[_sp - 1];
        ref StateInfo st = ref _states[_sp];
        int from = move.From, to = move.To;
        int us = _side;
        int p = _board[from];
        int cap = _board[to];
        ulong h = prev.Hash ^ ZobristSide ^ ZobristPiece[(p << 8) + from] ^ ZobristPiece[(p << 8) + to];
        st.Move = move.Value;
        st.Captured = (byte)cap;
        st.Check = -1;
        if (cap != 0)
        {
            h ^= ZobristPiece[(cap << 8) + to];
            int them = us ^ 1;
            int s = _slot[to];
            int last = --_count[them];
            int lastSq = _list[(them << 4) + last];
            _list[(them << 4) + s] = (byte)lastSq;
            _slot[lastSq] = (byte)s;
            st.CapSlot = (byte)s;
            st.Rule = 0;
        }
        else
        {
            st.Rule = (short)(prev.Rule + 1);
        }

        int slot = _slot[from];
        _list[(us << 4) + slot] = (byte)to;
        _slot[to] = (byte)slot;
        _board[to] = (byte)p;
        _board[from] = 0;
        if ((p & 7) == (int)PieceKind.King)
        {
            _kingSq[us] = to;
        }

        st.Hash = h;
        _side = us ^ 1;
    }

    /// <summary>Takes back the last move made with <see cref="MakeMove"/>.</summary>
    public void UnmakeMove()
    {
        ref StateInfo st = ref _states[_sp];
        int from = st.Move & 0xFF, to = (st.Move >> 8) & 0xFF;
        int us = _side ^ 1;
        _side = us;
        int p = _board[to];
        int slot = _slot[to];
        _list[(us << 4) + slot] = (byte)from;
        _slot[from] = (byte)slot;
        _board[from] = (byte)p;
        if ((p & 7) == (int)PieceKind.King)
        {
            _kingSq[us] = from;
        }

        int cap = st.Captured;
        _board[to] = (byte)cap;
        if (cap != 0)
        {
            int them = us ^ 1;
            int s = st.CapSlot;
            int c = _count[them]++;
            int moved = _list[(them << 4) + s];
            _list[(them << 4) + c] = (byte)moved;
            _slot[moved] = (byte)c;
            _list[(them << 4) + s] = (byte)to;
            _slot[to] = (byte)s;
        }

        _sp--;
    }

    /// <summary>Passes the move (search's null move). Never call it while in check.</summary>
    public void MakeNullMove()
    {
        if (++_sp == _states.Length)
        {
            Array.Resize(ref _states, _states.Length * 2);
        }

        ref StateInfo st = ref _states[_sp];
        st.Hash = _states[_sp - 1].Hash ^ ZobristSide;
        st.Move = 0;
        st.Captured = 0;
        st.Rule = 0;
        st.Check = 0;
        _side ^= 1;
    }

    /// <summary>Undoes <see cref="MakeNullMove"/>.</summary>
    public void UnmakeNullMove()
    {
        _side ^= 1;
        _sp--;
    }

    /// <summary>True when the side to move is in check (including a general exposed on an open file).</summary>
    public bool InCheck
    {
        get
        {
            ref StateInfo st = ref _states[_sp];
            if (st.Check < 0)
            {
                st.Check = IsAttackedKing(_side) ? (sbyte)1 : (sbyte)0;
            }

            return st.Check != 0;
        }
    }

    /// <summary>True when the move made at history index <paramref name="index"/> (1-based) gave check.</summary>
    internal bool GaveCheckAt(int index)
    {
        ref StateInfo st = ref _states[index];
        if (st.Check < 0)
        {
            // Only the current position can be evaluated directly; walk back and forth for older ones.
            int back = _sp - index;
            Span<int> moves = back <= 64 ? stackalloc int[back] : new int[back];
            for (int i = 0; i < back; i++)
            {
                moves[i] = _states[_sp].Move;
                UnmakeMove();
            }

            _ = InCheck;
            for (int i = back - 1; i >= 0; i--)
            {
                MakeMove(Move.FromValue(moves[i]));
            }
        }

        return st.Check != 0;
    }

    /// <summary>True if the general of <paramref name="side"/> is attacked (flying general included).</summary>
    internal bool IsAttackedKing(int side) => IsSquareAttackedAsKing(_kingSq[side], side);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsSquareAttackedAsKing(int k, int side)
    {
        byte[] b = _board;
        int them = side ^ 1;
        int enemyRook = (them << 3) | (int)PieceKind.Rook;
        int enemyKing = (them << 3) | (int)PieceKind.King;
        int enemyCannon = (them << 3) | (int)PieceKind.Cannon;
        int enemyHorse = (them << 3) | (int)PieceKind.Horse;
        int enemyPawn = (them << 3) | (int)PieceKind.Pawn;

        int fwd = side == 0 ? Up : -Up;
        if (b[k + fwd] == enemyPawn || b[k + 1] == enemyPawn || b[k - 1] == enemyPawn)
        {
            return true;
        }

        for (int i = 0; i < 4; i++)
        {
            if (b[k + Diag[i]] == 0)
            {
                if (b[k + HorseCheckA[i]] == enemyHorse || b[k + HorseCheckB[i]] == enemyHorse)
                {
                    return true;
                }
            }
        }

        for (int i = 0; i < 4; i++)
        {
            int d = Orth[i];
            int sq = k + d;
            int t;
            while ((t = b[sq]) == 0)
            {
                sq += d;
            }

            if (t == enemyRook || t == enemyKing)
            {
                return true;
            }

            if (t == OffBoard)
            {
                continue;
            }

            sq += d;
            while ((t = b[sq]) == 0)
            {
                sq += d;
            }

            if (t == enemyCannon)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True if a pseudo-legal move of the side to move leaves its own general safe.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsLegalPseudo(Move move)
    {
        int from = move.From, to = move.To;
        byte[] b = _board;
        byte p = b[from], t = b[to];
        b[to] = p;
        b[from] = 0;
        int us = _side;
        int k = (p & 7) == (int)PieceKind.King ? to : _kingSq[us];
        bool attacked = IsSquareAttackedAsKing(k, us);
        b[from] = p;
        b[to] = t;
        return !attacked;
    }

    /// <summary>
    /// Legality of a pseudo-legal move when the side to move is known not to be in check: only moves that touch the
    /// general's file or rank (opening a line, or adding a cannon screen), leave one of its diagonal neighbours (a
    /// horse leg), or move the general itself can expose it; all others are legal without a test.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool IsLegalWhenNotInCheck(Move move, int kingSq)
    {
        int from = move.From, to = move.To;
        int dk = from - kingSq;
        bool risky = from == kingSq
            || ((from ^ kingSq) & 15) == 0 || ((from ^ kingSq) >> 4) == 0
            || dk is 15 or 17 or -15 or -17
            || (_board[to] == 0 && (((to ^ kingSq) & 15) == 0 || ((to ^ kingSq) >> 4) == 0));
        return !risky || IsLegalPseudo(move);
    }

    /// <summary>Generates pseudo-legal moves (all, or captures only) into <paramref name="moves"/>.</summary>
    /// <returns>The number of moves written.</returns>
    public int GeneratePseudoMoves(Span<Move> moves, bool capturesOnly = false)
    {
        byte[] b = _board;
        int us = _side, them = us ^ 1;
        int n = 0;
        int cnt = _count[us];
        int baseIdx = us << 4;
        for (int i = 0; i < cnt; i++)
        {
            int sq = _list[baseIdx + i];
            switch ((PieceKind)(b[sq] & 7))
            {
                case PieceKind.King:
                    for (int j = 0; j < 4; j++)
                    {
                        int to = sq + Orth[j];
                        if (InPalace[to])
                        {
                            int t = b[to];
                            if (t == 0 ? !capturesOnly : (t >> 3) == them)
                            {
                                moves[n++] = new Move(sq, to);
                            }
                        }
                    }

                    break;
                case PieceKind.Advisor:
                    for (int j = 0; j < 4; j++)
                    {
                        int to = sq + Diag[j];
                        if (InPalace[to])
                        {
                            int t = b[to];
                            if (t == 0 ? !capturesOnly : (t >> 3) == them)
                            {
                                moves[n++] = new Move(sq, to);
                            }
                        }
                    }

                    break;
                case PieceKind.Elephant:
                    for (int j = 0; j < 4; j++)
                    {
                        int eye = sq + Diag[j];
                        if (b[eye] != 0)
                        {
                            continue;
                        }

                        int to = eye + Diag[j];
                        if (Half[to] == us)
                        {
                            int t = b[to];
                            if (t == 0 ? !capturesOnly : (t >> 3) == them)
                            {
                                moves[n++] = new Move(sq, to);
                            }
                        }
                    }

                    break;
                case PieceKind.Horse:
                    for (int j = 0; j < 8; j++)
                    {
                        if (b[sq + HorseLeg[j]] != 0)
                        {
                            j |= 1; // both jumps over this leg are blocked
                            continue;
                        }

                        int to = sq + HorseDelta[j];
                        int t = b[to];
                        if (t == 0 ? !capturesOnly : (t >> 3) == them)
                        {
                            moves[n++] = new Move(sq, to);
                        }
                    }

                    break;
                case PieceKind.Rook:
                    for (int j = 0; j < 4; j++)
                    {
                        int d = Orth[j];
                        int to = sq + d;
                        int t;
                        while ((t = b[to]) == 0)
                        {
                            if (!capturesOnly)
                            {
                                moves[n++] = new Move(sq, to);
                            }

                            to += d;
                        }

                        if ((t >> 3) == them)
                        {
                            moves[n++] = new Move(sq, to);
                        }
                    }

                    break;
                case PieceKind.Cannon:
                    for (int j = 0; j < 4; j++)
                    {
                        int d = Orth[j];
                        int to = sq + d;
                        int t;
                        while ((t = b[to]) == 0)
                        {
                            if (!capturesOnly)
                            {
                                moves[n++] = new Move(sq, to);
                            }

                            to += d;
                        }

                        if (t == OffBoard)
                        {
                            continue;
                        }

                        to += d;
                        while ((t = b[to]) == 0)
                        {
                            to += d;
                        }

                        if ((t >> 3) == them)
                        {
                            moves[n++] = new Move(sq, to);
                        }
                    }

                    break;
                case PieceKind.Pawn:
                    {
                        int to = sq + (us == 0 ? Up : -Up);
                        int t = b[to];
                        if (t == 0 ? !capturesOnly : (t >> 3) == them)
                        {
                            moves[n++] = new Move(sq, to);
                        }

                        if (Half[sq] != us)
                        {
                            to = sq + 1;
                            t = b[to];
                            if (t == 0 ? !capturesOnly : (t >> 3) == them)
                            {
                                moves[n++] = new Move(sq, to);
                            }

                            to = sq - 1;
                            t = b[to];
                            if (t == 0 ? !capturesOnly : (t >> 3) == them)
                            {
                                moves[n++] = new Move(sq, to);
                            }
                        }

                        break;
                    }
            }
        }

        return n;
    }

    /// <summary>Generates the legal moves (all, or captures only) into <paramref name="moves"/>.</summary>
    /// <returns>The number of moves written.</returns>
    public int GenerateLegalMoves(Span<Move> moves, bool capturesOnly = false)
    {
        int n = GeneratePseudoMoves(moves, capturesOnly);
        int legal = 0;
        bool inCheck = InCheck;
        int k = _kingSq[_side];
        for (int i = 0; i < n; i++)
        {
            if (inCheck ? IsLegalPseudo(moves[i]) : IsLegalWhenNotInCheck(moves[i], k))
            {
                moves[legal++] = moves[i];
            }
        }

        return legal;
    }

    /// <summary>The legal moves as a new array (convenience for callers outside hot paths).</summary>
    public Move[] LegalMoves()
    {
        Span<Move> buf = stackalloc Move[MaxMoves];
        int n = GenerateLegalMoves(buf);
        return buf[..n].ToArray();
    }

    /// <summary>True if <paramref name="move"/> is legal in this position.</summary>
    public bool IsLegal(Move move)
    {
        if (move.IsNone || !InBoard[move.From] || !InBoard[move.To])
        {
            return false;
        }

        int p = _board[move.From];
        if (p == 0 || (p >> 3) != _side)
        {
            return false;
        }

        Span<Move> buf = stackalloc Move[MaxMoves];
        int n = GeneratePseudoMoves(buf);
        for (int i = 0; i < n; i++)
        {
            if (buf[i] == move)
            {
                return IsLegalPseudo(move);
            }
        }

        return false;
    }

    /// <summary>True when the side to move has at least one legal move.</summary>
    public bool HasLegalMove()
    {
        Span<Move> buf = stackalloc Move[MaxMoves];
        int n = GeneratePseudoMoves(buf);
        for (int i = 0; i < n; i++)
        {
            if (IsLegalPseudo(buf[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Counts leaf nodes of the legal move tree to <paramref name="depth"/> (bulk-counted at the last ply).</summary>
    public long Perft(int depth)
    {
        if (depth <= 0)
        {
            return 1;
        }

        Span<Move> moves = stackalloc Move[MaxMoves];
        int n = GeneratePseudoMoves(moves);
        long total = 0;
        bool inCheck = IsAttackedKing(_side);
        int k = _kingSq[_side];
        if (depth == 1)
        {
            for (int i = 0; i < n; i++)
            {
                if (inCheck ? IsLegalPseudo(moves[i]) : IsLegalWhenNotInCheck(moves[i], k))
                {
                    total++;
                }
            }

            return total;
        }

        for (int i = 0; i < n; i++)
        {
            if (!(inCheck ? IsLegalPseudo(moves[i]) : IsLegalWhenNotInCheck(moves[i], k)))
            {
                continue;
            }

            MakeMove(moves[i]);
            total += Perft(depth - 1);
            UnmakeMove();
        }

        return total;
    }

    /// <summary>Parses an ICCS move (<c>h2e2</c>, case-insensitive; <c>h2-e2</c> accepted) and checks it is legal.</summary>
    /// <returns>True and the move; or false and a reason a person can read.</returns>
    public bool TryParseMove(string text, out Move move, out string error)
    {
        move = Move.None;
        if (!TryParseIccsSquares(text, out int from, out int to))
        {
            error = $"'{text}' is not a move in ICCS form such as h2e2.";
            return false;
        }

        var m = new Move(from, to);
        if (IsLegal(m))
        {
            move = m;
            error = string.Empty;
            return true;
        }

        error = MoveExplainer.WhyIllegal(this, from, to);
        return false;
    }

    /// <summary>Parses the squares of an ICCS move without checking legality.</summary>
    public static bool TryParseIccsSquares(string? text, out int from, out int to)
    {
        from = to = 0;
        if (text is null)
        {
            return false;
        }

        text = text.Trim();
        if (text.Length == 5 && text[2] == '-')
        {
            text = string.Concat(text.AsSpan(0, 2), text.AsSpan(3, 2));
        }

        if (text.Length != 4)
        {
            return false;
        }

        return TryParseSquare(text.AsSpan(0, 2), out from) && TryParseSquare(text.AsSpan(2, 2), out to);
    }

    /// <summary>Parses an ICCS square name such as <c>e0</c>.</summary>
    public static bool TryParseSquare(ReadOnlySpan<char> text, out int square)
    {
        square = 0;
        if (text.Length != 2)
        {
            return false;
        }

        int f = char.ToLowerInvariant(text[0]) - 'a', r = text[1] - '0';
        if (f is < 0 or > 8 || r is < 0 or > 9)
        {
            return false;
        }

        square = Square(f, r);
        return true;
    }
}
