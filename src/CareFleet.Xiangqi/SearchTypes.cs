namespace CareFleet.Xiangqi;

/// <summary>What bounds a search. Unset limits do not apply; with none at all the search runs until stopped.</summary>
public sealed record SearchLimits
{
    /// <summary>Maximum iteration depth in plies.</summary>
    public int? Depth { get; init; }

    /// <summary>Maximum nodes.</summary>
    public long? Nodes { get; init; }

    /// <summary>Exact time for this move in milliseconds.</summary>
    public long? MoveTimeMs { get; init; }

    /// <summary>Clock time left for the side to move in milliseconds.</summary>
    public long? TimeLeftMs { get; init; }

    /// <summary>Increment per move for the side to move in milliseconds.</summary>
    public long IncrementMs { get; init; }

    /// <summary>Moves until the next time control, if the control is not sudden death.</summary>
    public int? MovesToGo { get; init; }

    /// <summary>Search until <see cref="Searcher.Stop"/> (also used while pondering).</summary>
    public bool Infinite { get; init; }

    /// <summary>Number of best lines to find (1 = normal play).</summary>
    public int MultiPv { get; init; } = 1;

    /// <summary>Moves the arbiter forbids here (UCCI <c>banmoves</c>).</summary>
    public IReadOnlyCollection<Move>? BannedMoves { get; init; }

    /// <summary>Only these root moves are searched, when given.</summary>
    public IReadOnlyCollection<Move>? SearchMoves { get; init; }

    /// <summary>Time kept in reserve per move for communication, in milliseconds.</summary>
    public long MoveOverheadMs { get; init; } = 30;
}

/// <summary>One principal variation found by the search.</summary>
/// <param name="Score">Centipawns from the side to move, or a mate score.</param>
/// <param name="MateIn">Moves to mate (negative when being mated), or null when not a mate score.</param>
/// <param name="Pv">The line, first move first.</param>
public sealed record PvLine(int Score, int? MateIn, IReadOnlyList<Move> Pv);

/// <summary>Progress reported after each completed line of an iteration.</summary>
/// <param name="Depth">Iteration depth.</param>
/// <param name="SelDepth">Deepest ply reached.</param>
/// <param name="MultiPv">1-based line number.</param>
/// <param name="Line">The line and its score.</param>
/// <param name="Nodes">Nodes searched so far.</param>
/// <param name="TimeMs">Elapsed milliseconds.</param>
/// <param name="HashFullPermill">Not measured; always 0.</param>
public sealed record SearchInfo(int Depth, int SelDepth, int MultiPv, PvLine Line, long Nodes, long TimeMs, int HashFullPermill)
{
    /// <summary>Nodes per second.</summary>
    public long Nps => TimeMs <= 0 ? Nodes * 1000 : Nodes * 1000 / TimeMs;
}

/// <summary>The outcome of a search.</summary>
/// <param name="BestMove">The move to play, or <see cref="Move.None"/> when the side to move has none.</param>
/// <param name="PonderMove">The expected reply, or <see cref="Move.None"/>.</param>
/// <param name="Depth">Deepest completed iteration.</param>
/// <param name="Nodes">Nodes searched.</param>
/// <param name="TimeMs">Elapsed milliseconds.</param>
/// <param name="Lines">The best lines, best first (one unless MultiPV was asked for).</param>
public sealed record SearchResult(Move BestMove, Move PonderMove, int Depth, long Nodes, long TimeMs, IReadOnlyList<PvLine> Lines)
{
    /// <summary>The score of the best line (centipawns or mate score, side to move).</summary>
    public int Score => Lines.Count > 0 ? Lines[0].Score : -Searcher.Mate;

    /// <summary>Moves to mate for the best line, if it is a mate score.</summary>
    public int? MateIn => Lines.Count > 0 ? Lines[0].MateIn : 0;
}
