using CareFleet.Xiangqi;

namespace CareFleet.Xiangqi.Tests;

public sealed class MatchTests
{
    [Fact]
    public void Elo_IsZero_ForAnEvenMatch_AndPositiveWhenWinningPairs()
    {
        (double even, double evenErr) = MatchRunner.EloFromPentanomial([1, 2, 10, 2, 1]);
        Assert.Equal(0, even, 6);
        Assert.True(evenErr > 0);
        (double strong, _) = MatchRunner.EloFromPentanomial([0, 1, 2, 6, 11]);
        Assert.True(strong > 200, $"elo {strong}");
        (double weak, _) = MatchRunner.EloFromPentanomial([11, 6, 2, 1, 0]);
        Assert.Equal(-strong, weak, 6);
    }

    [Fact]
    public void MatchVerb_PlaysPairedGames_AndPrintsTotals()
    {
        var output = new StringWriter();
        int code = XiangqiCommand.Run(["match", "--first", "level:4", "--second", "level:1", "--rounds", "1", "--maxplies", "60"], TextReader.Null, output, TestContext.Current.CancellationToken);
        string text = output.ToString();
        Assert.Equal(0, code);
        Assert.Contains("game 1: level 4 (red) vs level 1 (black)", text, StringComparison.Ordinal);
        Assert.Contains("game 2: level 1 (red) vs level 4 (black)", text, StringComparison.Ordinal);
        Assert.Contains("level 4 vs level 1: +", text, StringComparison.Ordinal);
        Assert.Contains("pentanomial [", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "match", "--first", "level:4" }, "needs --first and --second")]
    [InlineData(new[] { "match", "--first", "level:99", "--second", "level:1" }, "level:1..12")]
    [InlineData(new[] { "match", "--first", "level:1", "--second", "level:1", "--rounds", "zero" }, "bad match option")]
    [InlineData(new[] { "match", "--first", "level:1", "--second", "level:1", "--openings", "no-such-file.fen" }, "not found")]
    public void MatchVerb_RejectsBadOptions(string[] args, string message)
    {
        var output = new StringWriter();
        Assert.Equal(2, XiangqiCommand.Run(args, TextReader.Null, output, TestContext.Current.CancellationToken));
        Assert.Contains(message, output.ToString(), StringComparison.Ordinal);
    }

    private sealed class SlowFirstMover(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, long thinkMs) : IMatchEngine
    {
        public string Name => $"thinks {thinkMs} ms";

        public List<MoveClock> Seen { get; } = [];

        public void NewGame()
        {
        }

        public Move ChooseMove(string startFen, IReadOnlyList<Move> moves, Board position, MoveClock moveClock)
        {
            Seen.Add(moveClock);
            clock.Advance(TimeSpan.FromMilliseconds(thinkMs));
            return position.LegalMoves()[0];
        }

        public void Dispose()
        {
        }
    }

    [Fact]
    public void Clock_LosesOnTime_AndAddsTheIncrement()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var slow = new SlowFirstMover(clock, 400);
        using var quick = new SlowFirstMover(clock, 10);
        // 1 s + 0.1 s: the slow side spends 400 ms and gains 100 ms a move, so it flags on its fourth move.
        MatchResult r = MatchRunner.Run(slow, quick, [Board.StartFen], 1, 0, 300, null, 1000, 100, clock, TestContext.Current.CancellationToken);
        Assert.Equal(0, r.Wins);
        Assert.Equal(2, r.Losses);
        Assert.Equal(new MoveClock(0, 1000, 1000, 100, true), slow.Seen[0]);
        Assert.Equal(new MoveClock(0, 700, 1000, 100, true), quick.Seen[0]);
        Assert.Equal(8, slow.Seen.Count);
    }
}
