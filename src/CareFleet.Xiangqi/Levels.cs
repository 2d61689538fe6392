namespace CareFleet.Xiangqi;

/// <summary>How one playing level searches and chooses its move.</summary>
/// <param name="Level">1 (beginner) to <see cref="Levels.Count"/> (full strength).</param>
/// <param name="Nodes">Node cap per move: the main strength knob.</param>
/// <param name="Depth">Depth cap per move.</param>
/// <param name="Candidates">How many best lines are searched to choose from (MultiPV).</param>
/// <param name="WindowCp">Only moves within this many centipawns of the best are ever chosen.</param>
/// <param name="TemperatureCp">Softmax temperature over the score loss: higher plays the second-best more often.</param>
/// <param name="Knowledge">Evaluation terms this level knows.</param>
/// <param name="EvalNoiseCp">Per-position evaluation noise (misjudging positions like a person).</param>
/// <param name="NullMove">Whether the search prunes with null moves.</param>
/// <param name="TakeBackAllowed">Whether the resident may take moves back at this level.</param>
public sealed record LevelSettings(
    int Level,
    long Nodes,
    int Depth,
    int Candidates,
    int WindowCp,
    int TemperatureCp,
    EvalKnowledge Knowledge,
    int EvalNoiseCp,
    bool NullMove,
    bool TakeBackAllowed);

/// <summary>
/// The ladder of playing levels (XIANGQI.md §5): node and depth caps as the main knob, a soft choice among
/// near-best moves, and knowledge switches. Weak levels miss deeper tactics and misjudge positions, but never
/// choose a move that loses material at the depth they do see (the window), so they blunder like a beginner
/// rather than play nonsense.
/// </summary>
public static class Levels
{
    /// <summary>Number of levels.</summary>
    public const int Count = 12;

    private static readonly LevelSettings[] Table =
    [
        new(1, 400, 1, 6, 220, 110, EvalKnowledge.Material, 60, false, true),
        new(2, 800, 1, 5, 180, 90, EvalKnowledge.PieceSquares, 50, false, true),
        new(3, 1_500, 2, 5, 150, 75, EvalKnowledge.PieceSquares, 40, false, true),
        new(4, 3_000, 2, 4, 120, 60, EvalKnowledge.PieceSquares | EvalKnowledge.Mobility, 30, false, true),
        new(5, 6_000, 3, 4, 100, 45, EvalKnowledge.Full, 25, true, true),
        new(6, 12_000, 3, 3, 80, 35, EvalKnowledge.Full, 20, true, true),
        new(7, 25_000, 4, 3, 60, 25, EvalKnowledge.Full, 15, true, false),
        new(8, 50_000, 5, 3, 45, 18, EvalKnowledge.Full, 10, true, false),
        new(9, 100_000, 6, 2, 30, 12, EvalKnowledge.Full, 5, true, false),
        new(10, 250_000, 8, 2, 20, 8, EvalKnowledge.Full, 0, true, false),
        new(11, 600_000, 12, 1, 0, 0, EvalKnowledge.Full, 0, true, false),
        new(12, 3_000_000, 64, 1, 0, 0, EvalKnowledge.Full, 0, true, false),
    ];

    /// <summary>The settings of a level.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The level is not 1–<see cref="Count"/>.</exception>
    public static LevelSettings Get(int level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, Count);
        return Table[level - 1];
    }

    /// <summary>
    /// The adaptive rule: after a game the level moves one step toward the resident scoring about half
    /// (win: up, loss: down, draw: stays).
    /// </summary>
    public static int Adapt(int level, GameResult result, Side residentSide)
    {
        bool residentWon = (result == GameResult.RedWins && residentSide == Side.Red) || (result == GameResult.BlackWins && residentSide == Side.Black);
        bool residentLost = (result == GameResult.RedWins && residentSide == Side.Black) || (result == GameResult.BlackWins && residentSide == Side.Red);
        return Math.Clamp(level + (residentWon ? 1 : residentLost ? -1 : 0), 1, Count);
    }
}

/// <summary>Plays moves at one level; deterministic for a given seed.</summary>
public sealed class LevelPlayer
{
    private readonly Searcher _searcher;
    private readonly Random _random;

    /// <summary>Creates a player at <paramref name="level"/>.</summary>
    /// <param name="level">1–12.</param>
    /// <param name="seed">Seed for the move choice and evaluation noise (vary it per game).</param>
    /// <param name="nodeCap">Optional lower node cap (fast tests and matches); the level's other traits stay.</param>
    /// <param name="time">Clock for time limits.</param>
    public LevelPlayer(int level, int seed, long? nodeCap = null, TimeProvider? time = null)
    {
        Settings = Levels.Get(level);
        if (nodeCap is long cap && cap < Settings.Nodes)
        {
            Settings = Settings with { Nodes = Math.Max(100, cap) };
        }

        _random = new Random(seed);
        _searcher = new Searcher(Settings.Level >= 10 ? 32 : 4, time)
        {
            Knowledge = Settings.Knowledge,
            EvalNoise = Settings.EvalNoiseCp,
            NoiseSeed = (ulong)seed * 0x9E3779B97F4A7C15UL,
            UseNullMove = Settings.NullMove,
        };
    }

    /// <summary>This player's settings.</summary>
    public LevelSettings Settings { get; }

    /// <summary>Starts a new game (forgets the hash table).</summary>
    public void NewGame() => _searcher.Clear();

    /// <summary>Chooses a move, or <see cref="Move.None"/> when there is none.</summary>
    /// <param name="board">The position.</param>
    /// <param name="moveTimeMs">Optional fixed time for this move.</param>
    /// <param name="timeLeftMs">Optional clock of the side to move (time management decides).</param>
    /// <param name="incrementMs">Increment per move with <paramref name="timeLeftMs"/>.</param>
    /// <param name="cancellationToken">Stops the search early.</param>
    public Move ChooseMove(Board board, long? moveTimeMs = null, long? timeLeftMs = null, long incrementMs = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(board);
        var limits = new SearchLimits
        {
            Nodes = Settings.Nodes,
            Depth = Settings.Depth,
            MultiPv = Settings.Candidates,
            MoveTimeMs = moveTimeMs,
            TimeLeftMs = timeLeftMs,
            IncrementMs = incrementMs,
        };
        SearchResult r = _searcher.Search(board, limits, cancellationToken: cancellationToken);
        if (r.BestMove.IsNone || r.Lines.Count <= 1 || Settings.TemperatureCp <= 0)
        {
            return r.BestMove;
        }

        // Softmax over the score loss, among moves within the window only (never a clear material blunder).
        int best = r.Lines[0].Score;
        Span<double> weights = stackalloc double[r.Lines.Count];
        double total = 0;
        for (int i = 0; i < r.Lines.Count; i++)
        {
            int loss = best - r.Lines[i].Score;
            bool mateMissed = r.Lines[0].MateIn is > 0 && r.Lines[i].MateIn is not > 0 && Settings.Level >= 4;
            weights[i] = loss > Settings.WindowCp || r.Lines[i].Pv.Count == 0 || mateMissed ? 0 : Math.Exp(-loss / (double)Settings.TemperatureCp);
            total += weights[i];
        }

        double pick = _random.NextDouble() * total;
        for (int i = 0; i < r.Lines.Count; i++)
        {
            pick -= weights[i];
            if (pick <= 0 && weights[i] > 0)
            {
                return r.Lines[i].Pv[0];
            }
        }

        return r.BestMove;
    }
}
