namespace CareFleet.Xiangqi;

/// <summary>The arbiter's answer to a proposed move.</summary>
/// <param name="Accepted">True when the move was legal and has been played.</param>
/// <param name="Error">Why the move was refused (Chinese and English), or empty.</param>
/// <param name="Ruling">The position's ruling after the move (ongoing, or how the game ended).</param>
/// <param name="Wxf">The move in WXF notation when accepted.</param>
/// <param name="Chinese">The move in Chinese notation when accepted.</param>
public sealed record MoveOutcome(bool Accepted, string Error, Ruling Ruling, string Wxf, string Chinese);

/// <summary>
/// Referees one game: refuses illegal moves with the reason, records the moves and rules on the end of the game
/// (mate, stalemate, perpetual check or chase, repetition, 60-move rule) through <see cref="GameRules"/>.
/// </summary>
public sealed class Arbiter
{
    private readonly Board _board;
    private readonly List<Move> _moves = [];

    /// <summary>Starts a game from the standard position.</summary>
    public Arbiter()
        : this(Board.StartFen)
    {
    }

    /// <summary>Starts a game from a FEN.</summary>
    /// <exception cref="FormatException">The FEN is invalid.</exception>
    public Arbiter(string fen)
    {
        _board = Board.FromFen(fen);
        StartFen = _board.ToFen();
        Ruling = GameRules.Judge(_board);
    }

    /// <summary>The position the game started from.</summary>
    public string StartFen { get; }

    /// <summary>The current ruling; <see cref="Ruling.Ongoing"/> while the game goes on.</summary>
    public Ruling Ruling { get; private set; }

    /// <summary>The moves played so far.</summary>
    public IReadOnlyList<Move> Moves => _moves;

    /// <summary>The side to move.</summary>
    public Side SideToMove => _board.SideToMove;

    /// <summary>The current position as FEN.</summary>
    public string Fen => _board.ToFen();

    /// <summary>A copy of the current position with its history (for the engine or hints).</summary>
    public Board Position => _board.Clone();

    /// <summary>Plays a move given in ICCS (<c>h2e2</c>), WXF (<c>C2.5</c>) or Chinese (炮二平五) notation.</summary>
    public MoveOutcome Play(string move)
    {
        ArgumentNullException.ThrowIfNull(move);
        if (Ruling.Result != GameResult.Ongoing)
        {
            return new MoveOutcome(false, $"对局已结束 — the game is over: {Ruling.English}", Ruling, string.Empty, string.Empty);
        }

        if (!_board.TryParseMove(move, out Move m, out string error)
            && !Notation.TryParseWxf(_board, move, out m)
            && !Notation.TryParseChinese(_board, move, out m))
        {
            return new MoveOutcome(false, error, Ruling, string.Empty, string.Empty);
        }

        string wxf = Notation.ToWxf(_board, m);
        string chinese = Notation.ToChinese(_board, m);
        _board.MakeMove(m);
        _moves.Add(m);
        Ruling = GameRules.Judge(_board);
        return new MoveOutcome(true, string.Empty, Ruling, wxf, chinese);
    }

    /// <summary>Takes back the last move (allowed at levels that permit it); false when there is none.</summary>
    public bool TakeBack()
    {
        if (_moves.Count == 0)
        {
            return false;
        }

        _board.UnmakeMove();
        _moves.RemoveAt(_moves.Count - 1);
        Ruling = GameRules.Judge(_board);
        return true;
    }
}
