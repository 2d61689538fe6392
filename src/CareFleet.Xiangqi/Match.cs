using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CareFleet.Xiangqi;

/// <summary>A player in a match: ours at a level, or an external engine.</summary>
public interface IMatchEngine : IDisposable
{
    /// <summary>A short name for the tables.</summary>
    string Name { get; }

    /// <summary>Called before each game.</summary>
    void NewGame();

    /// <summary>The move to play after <paramref name="moves"/> from <paramref name="startFen"/>; <see cref="Move.None"/> resigns.</summary>
    Move ChooseMove(string startFen, IReadOnlyList<Move> moves, Board position, MoveClock clock);
}

/// <summary>The time an engine has for a move: a fixed move time, or both clocks with an increment.</summary>
/// <param name="MoveTimeMs">Fixed time per move (used when <paramref name="UsesClock"/> is false).</param>
/// <param name="RedMs">Red's clock.</param>
/// <param name="BlackMs">Black's clock.</param>
/// <param name="IncrementMs">Increment per move for both sides.</param>
/// <param name="UsesClock">True for a clock with increment.</param>
public readonly record struct MoveClock(long MoveTimeMs, long RedMs, long BlackMs, long IncrementMs, bool UsesClock)
{
    /// <summary>The clock of the side to move.</summary>
    public long Mine(Side side) => side == Side.Red ? RedMs : BlackMs;

    /// <summary>The opponent's clock.</summary>
    public long Theirs(Side side) => side == Side.Red ? BlackMs : RedMs;
}

/// <summary>
/// Our engine at a level. Untimed, a level plays by its node and depth caps (what the ladder measures); timed, it
/// also stops at the match's move time (full strength on equal time against another engine).
/// </summary>
public sealed class LevelEngine(int level, int seed, long? nodeCap = null, bool timed = false) : IMatchEngine
{
    private LevelPlayer _player = new(level, seed, nodeCap);
    private int _games;

    /// <inheritdoc />
    public string Name { get; } = timed ? $"level {level} (timed)" : $"level {level}";

    /// <inheritdoc />
    public void NewGame() => _player = new LevelPlayer(level, seed + (++_games * 7919), nodeCap);

    /// <inheritdoc />
    public Move ChooseMove(string startFen, IReadOnlyList<Move> moves, Board position, MoveClock clock)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (!timed)
        {
            return _player.ChooseMove(position);
        }

        return clock.UsesClock
            ? _player.ChooseMove(position, timeLeftMs: clock.Mine(position.SideToMove), incrementMs: clock.IncrementMs)
            : _player.ChooseMove(position, clock.MoveTimeMs);
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}

/// <summary>The text dialect an external engine speaks.</summary>
public enum EngineDialect
{
    /// <summary>UCCI 3.0 (ranks 0–9).</summary>
    Ucci,
    /// <summary>UCI with ICCS moves, ranks 0–9.</summary>
    Uci,
    /// <summary>UCI of a multi-variant engine: sends <c>UCI_Variant xiangqi</c>, moves use ranks 1–10.</summary>
    UciVariant,
}

/// <summary>An external engine process driven over UCI or UCCI.</summary>
public sealed class ExternalEngine : IMatchEngine
{
    private readonly Process _process;
    private readonly EngineDialect _dialect;

    /// <summary>Starts <paramref name="command"/> (program then arguments, split on spaces) and does the handshake.</summary>
    public ExternalEngine(string command, EngineDialect dialect)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        string[] parts = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var psi = new ProcessStartInfo(parts[0]) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in parts.Skip(1))
        {
            psi.ArgumentList.Add(a);
        }

        _process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start '{command}'");
        _dialect = dialect;
        Name = Path.GetFileName(parts[0]);
        if (dialect == EngineDialect.Ucci)
        {
            Send("ucci");
            WaitFor("ucciok");
            Send("setoption usemillisec true");
        }
        else
        {
            Send("uci");
            WaitFor("uciok");
            if (dialect == EngineDialect.UciVariant)
            {
                Send("setoption name UCI_Variant value xiangqi");
            }
        }

        Send("isready");
        WaitFor("readyok");
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public void NewGame()
    {
        Send(_dialect == EngineDialect.Ucci ? "setoption newgame" : "ucinewgame");
        Send("isready");
        WaitFor("readyok");
    }

    /// <inheritdoc />
    public Move ChooseMove(string startFen, IReadOnlyList<Move> moves, Board position, MoveClock clock)
    {
        ArgumentNullException.ThrowIfNull(moves);
        ArgumentNullException.ThrowIfNull(position);
        var sb = new StringBuilder("position fen ").Append(startFen);
        if (moves.Count > 0)
        {
            sb.Append(" moves");
            foreach (Move m in moves)
            {
                sb.Append(' ').Append(ToEngine(m.ToIccs()));
            }
        }

        Send(sb.ToString());
        Side us = position.SideToMove;
        if (clock.UsesClock)
        {
            Send(_dialect == EngineDialect.Ucci
                ? $"go time {clock.Mine(us)} increment {clock.IncrementMs} opptime {clock.Theirs(us)} oppincrement {clock.IncrementMs}"
                : $"go wtime {clock.RedMs} btime {clock.BlackMs} winc {clock.IncrementMs} binc {clock.IncrementMs}");
        }
        else
        {
            // UCCI has no movetime: give a clock worth about thirty such moves.
            Send(_dialect == EngineDialect.Ucci
                ? $"go time {clock.MoveTimeMs * 30} increment 0"
                : $"go movetime {clock.MoveTimeMs}");
        }

        string line = WaitFor("bestmove", "nobestmove");
        string[] t = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (t[0] == "nobestmove" || t.Length < 2 || !Board.TryParseIccsSquares(FromEngine(t[1]), out int from, out int to))
        {
            return Move.None;
        }

        return new Move(from, to);
    }

    private string ToEngine(string iccs) => _dialect != EngineDialect.UciVariant ? iccs
        : string.Create(CultureInfo.InvariantCulture, $"{iccs[0]}{iccs[1] - '0' + 1}{iccs[2]}{iccs[3] - '0' + 1}");

    private string FromEngine(string move)
    {
        if (_dialect != EngineDialect.UciVariant)
        {
            return move;
        }

        // Ranks 1–10: split at the second letter.
        int second = 1;
        while (second < move.Length && char.IsDigit(move[second]))
        {
            second++;
        }

        if (second >= move.Length || !int.TryParse(move.AsSpan(1, second - 1), CultureInfo.InvariantCulture, out int r1)
            || !int.TryParse(move.AsSpan(second + 1), CultureInfo.InvariantCulture, out int r2))
        {
            return move;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{move[0]}{r1 - 1}{move[second]}{r2 - 1}");
    }

    private void Send(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    private string WaitFor(string prefix, string? other = null)
    {
        while (true)
        {
            string line = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"{Name} closed its output");
            if (line.StartsWith(prefix, StringComparison.Ordinal) || (other != null && line.StartsWith(other, StringComparison.Ordinal)))
            {
                return line;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Send("quit");
            if (!_process.WaitForExit(2000))
            {
                _process.Kill();
            }
        }
        catch (IOException)
        {
            // The engine is already gone.
        }
        finally
        {
            _process.Dispose();
        }
    }
}

/// <summary>Match totals from the first engine's point of view.</summary>
/// <param name="Wins">Games won by the first engine.</param>
/// <param name="Draws">Drawn games.</param>
/// <param name="Losses">Games lost by the first engine.</param>
/// <param name="Pentanomial">Counts of game pairs (same opening, colours swapped) scoring 0, ½, 1, 1½, 2.</param>
/// <param name="Elo">Elo difference (first minus second).</param>
/// <param name="EloError95">Half-width of the 95 % interval of <paramref name="Elo"/> (from the pentanomial variance).</param>
public sealed record MatchResult(int Wins, int Draws, int Losses, int[] Pentanomial, double Elo, double EloError95)
{
    /// <summary>The first engine's score fraction.</summary>
    public double Score => Wins + Draws + Losses == 0 ? 0.5 : (Wins + (0.5 * Draws)) / (Wins + Draws + Losses);
}

/// <summary>Plays engine pairs over openings with colours swapped, adjudicating with <see cref="GameRules"/>.</summary>
public static class MatchRunner
{
    /// <summary>
    /// Plays <paramref name="rounds"/> passes over <paramref name="openings"/>, each opening twice (colours swapped).
    /// With <paramref name="clockMs"/> &gt; 0 each side has that clock plus <paramref name="incrementMs"/> per move and
    /// loses on time when it runs out; otherwise every move gets <paramref name="moveTimeMs"/>.
    /// </summary>
    public static MatchResult Run(IMatchEngine first, IMatchEngine second, IReadOnlyList<string> openings, int rounds, long moveTimeMs, int maxPlies = 300, Action<string>? progress = null, long clockMs = 0, long incrementMs = 0, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        time ??= TimeProvider.System;
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(openings);
        int w = 0, d = 0, l = 0;
        int[] penta = new int[5];
        for (int round = 0; round < rounds && !cancellationToken.IsCancellationRequested; round++)
        {
            foreach (string fen in openings)
            {
                int pair = 0; // in half points for the first engine
                for (int leg = 0; leg < 2; leg++)
                {
                    bool firstIsRed = leg == 0;
                    IMatchEngine red = firstIsRed ? first : second, black = firstIsRed ? second : first;
                    red.NewGame();
                    black.NewGame();
                    GameRecord g = Play(red, black, fen, new MoveClock(moveTimeMs, clockMs, clockMs, incrementMs, clockMs > 0), maxPlies, time, cancellationToken);
                    int firstHalfPoints = g.Ruling.Result switch
                    {
                        GameResult.RedWins => firstIsRed ? 2 : 0,
                        GameResult.BlackWins => firstIsRed ? 0 : 2,
                        _ => 1,
                    };
                    pair += firstHalfPoints;
                    if (firstHalfPoints == 2)
                    {
                        w++;
                    }
                    else if (firstHalfPoints == 1)
                    {
                        d++;
                    }
                    else
                    {
                        l++;
                    }

                    progress?.Invoke($"game {w + d + l}: {red.Name} (red) vs {black.Name} (black): {g.Ruling.Result} after {g.Moves.Count} plies ({g.Ruling.English}) | {first.Name} +{w} ={d} -{l}");
                }

                penta[pair]++;
            }
        }

        (double elo, double err) = EloFromPentanomial(penta);
        return new MatchResult(w, d, l, penta, elo, err);
    }

    private static GameRecord Play(IMatchEngine red, IMatchEngine black, string fen, MoveClock clock, int maxPlies, TimeProvider time, CancellationToken ct)
    {
        var arbiter = new Arbiter(fen);
        while (arbiter.Ruling.Result == GameResult.Ongoing)
        {
            if (arbiter.Moves.Count >= maxPlies || ct.IsCancellationRequested)
            {
                return new GameRecord(arbiter.StartFen, [.. arbiter.Moves], new Ruling(GameResult.Draw, RulingReason.None, "对局过长，裁定和棋", "adjudicated a draw at the ply limit."));
            }

            Side toMove = arbiter.SideToMove;
            IMatchEngine engine = toMove == Side.Red ? red : black;
            Board position = arbiter.Position;
            long started = time.GetTimestamp();
            Move m = engine.ChooseMove(arbiter.StartFen, arbiter.Moves, position, clock);
            var loss = toMove == Side.Red ? GameResult.BlackWins : GameResult.RedWins;
            if (clock.UsesClock)
            {
                long left = clock.Mine(toMove) - (long)time.GetElapsedTime(started).TotalMilliseconds;
                if (left < 0)
                {
                    return new GameRecord(arbiter.StartFen, [.. arbiter.Moves], new Ruling(loss, RulingReason.None, "超时判负", $"{engine.Name} lost on time."));
                }

                left += clock.IncrementMs;
                clock = toMove == Side.Red ? clock with { RedMs = left } : clock with { BlackMs = left };
            }

            if (m.IsNone)
            {
                return new GameRecord(arbiter.StartFen, [.. arbiter.Moves], new Ruling(loss, RulingReason.None, "认输", $"{engine.Name} resigned."));
            }

            MoveOutcome o = arbiter.Play(m.ToIccs());
            if (!o.Accepted)
            {
                return new GameRecord(arbiter.StartFen, [.. arbiter.Moves], new Ruling(loss, RulingReason.None, "走出违例着法判负", $"{engine.Name} played an illegal move {m}: {o.Error}"));
            }
        }

        return new GameRecord(arbiter.StartFen, [.. arbiter.Moves], arbiter.Ruling);
    }

    /// <summary>Logistic Elo and its 95 % half-width from pentanomial pair counts.</summary>
    public static (double Elo, double Error95) EloFromPentanomial(IReadOnlyList<int> pentanomial)
    {
        ArgumentNullException.ThrowIfNull(pentanomial);
        double n = pentanomial.Sum();
        if (n == 0)
        {
            return (0, double.PositiveInfinity);
        }

        double mean = 0;
        for (int i = 0; i < 5; i++)
        {
            mean += pentanomial[i] * (i / 4.0);
        }

        mean /= n;
        double variance = 0;
        for (int i = 0; i < 5; i++)
        {
            variance += pentanomial[i] * Math.Pow((i / 4.0) - mean, 2);
        }

        variance /= n;
        double se = Math.Sqrt(variance / n);
        double lo = Math.Clamp(mean - (1.959964 * se), 1e-6, 1 - 1e-6);
        double hi = Math.Clamp(mean + (1.959964 * se), 1e-6, 1 - 1e-6);
        double m = Math.Clamp(mean, 1e-6, 1 - 1e-6);
        static double Elo(double s) => -400 * Math.Log10((1 / s) - 1);
        return (Elo(m), (Elo(hi) - Elo(lo)) / 2);
    }
}
