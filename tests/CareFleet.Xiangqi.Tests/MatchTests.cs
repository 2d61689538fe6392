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
}
