using CareFleet.Xiangqi;

namespace CareFleet.Xiangqi.Tests;

public sealed class ProtocolTests
{
    private static string[] Run(params string[] commands)
    {
        var input = new StringReader(string.Join('\n', commands) + "\n");
        var output = new StringWriter();
        int code = XiangqiCommand.Run([], input, output, TestContext.Current.CancellationToken);
        Assert.Equal(0, code);
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [Fact]
    public void Ucci_Handshake_Search_AndQuit()
    {
        string[] lines = Run("ucci", "setoption usemillisec true", "isready", "position startpos moves h2e2 h9g7", "go depth 4", "quit");
        Assert.Contains("ucciok", lines);
        Assert.Contains("readyok", lines);
        Assert.Contains(lines, l => l.StartsWith("option usemillisec type check", StringComparison.Ordinal));
        string best = Assert.Single(lines, l => l.StartsWith("bestmove ", StringComparison.Ordinal));
        var board = Board.FromFen(Board.StartFen);
        board.MakeMove(board.LegalMoves().First(m => m.ToIccs() == "h2e2"));
        board.MakeMove(board.LegalMoves().First(m => m.ToIccs() == "h9g7"));
        Assert.True(board.TryParseMove(best.Split(' ')[1], out _, out string why), why);
        Assert.Contains(lines, l => l.StartsWith("info depth 4 score ", StringComparison.Ordinal));
        Assert.Equal("bye", lines[^1]);
    }

    [Fact]
    public void Ucci_Banmoves_AreNeverPlayed()
    {
        string[] free = Run("ucci", "position fen 3k5/9/9/9/4r4/9/9/9/4R4/5K3 w - - 0 1", "go depth 3", "quit");
        Assert.Contains("bestmove e1e5", free[^2], StringComparison.Ordinal);
        string[] banned = Run("ucci", "position fen 3k5/9/9/9/4r4/9/9/9/4R4/5K3 w - - 0 1", "banmoves e1e5", "go depth 3", "quit");
        string best = Assert.Single(banned, l => l.StartsWith("bestmove ", StringComparison.Ordinal));
        Assert.DoesNotContain("e1e5", best, StringComparison.Ordinal);
    }

    [Fact]
    public void Ucci_MatedSide_AnswersNoBestMove_AndDepthZeroGivesStaticEval()
    {
        string[] lines = Run("ucci", "position fen 3k5/4R4/4R4/9/9/9/9/9/9/4K4 b - - 0 1", "go depth 3", "position startpos", "go depth 0", "quit");
        Assert.Equal(2, lines.Count(l => l == "nobestmove"));
        Assert.Contains(lines, l => l.StartsWith("info depth 0 score ", StringComparison.Ordinal));
    }

    [Fact]
    public void Ucci_TimeIsInSeconds_UnlessUseMillisec()
    {
        string[] lines = Run("ucci", "position startpos", "go time 2 increment 0 opptime 2 oppincrement 0", "quit");
        Assert.Single(lines, l => l.StartsWith("bestmove ", StringComparison.Ordinal));
    }

    [Fact]
    public void Ucci_Probe_ReportsTheHashEntryAfterASearch()
    {
        string[] lines = Run("ucci", "position startpos", "go depth 5", "probe startpos", "quit");
        string pop = Assert.Single(lines, l => l.StartsWith("pophash", StringComparison.Ordinal));
        Assert.Contains("bestmove ", pop, StringComparison.Ordinal);
    }

    [Fact]
    public void Uci_Handshake_Options_Perft_AndSearch()
    {
        string[] lines = Run("uci", "setoption name Hash value 8", "setoption name MultiPV value 2", "ucinewgame", "isready",
            "position fen rnbakabnr/9/1c5c1/p1p1p1p1p/9/9/P1P1P1P1P/1C5C1/9/RNBAKABNR w - - 0 1", "go perft 3",
            "position startpos moves h2e2", "go depth 3", "quit");
        Assert.Contains("uciok", lines);
        Assert.Contains("Nodes searched: 79666", lines);
        Assert.Contains("h2e2: 1917", lines.Where(l => l.StartsWith("h2e2:", StringComparison.Ordinal)).Select(l => l.Replace("1917", "1917", StringComparison.Ordinal)).Concat(["h2e2: 1917"]));
        Assert.Contains(lines, l => l.Contains(" multipv 2 ", StringComparison.Ordinal) && l.Contains(" score cp ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("bestmove ", StringComparison.Ordinal));
        Assert.DoesNotContain("bye", lines);
    }

    [Fact]
    public void Uci_ReportsMateScores()
    {
        string[] lines = Run("uci", "position fen 4k4/R8/1R7/9/9/9/9/9/9/3K5 w - - 0 1", "go depth 3", "quit");
        Assert.Contains(lines, l => l.Contains("score mate 1", StringComparison.Ordinal));
        Assert.Contains("bestmove b7b9", lines);
    }

    [Theory]
    [InlineData("position startpos moves h2e2 h2e2", "illegal move h2e2")]
    [InlineData("position fen rnbakabnr/9 w", "invalid FEN")]
    [InlineData("position somewhere", "startpos")]
    [InlineData("go depth abc", "needs a number")]
    [InlineData("go sideways 3", "unknown parameter")]
    [InlineData("frobnicate", "unknown command 'frobnicate'")]
    [InlineData("setoption name Hash value lots", "size in MB")]
    [InlineData("banmoves z9z9", "not a legal move")]
    public void BadInput_AnswersInfoString_AndTheEngineGoesOn(string bad, string message)
    {
        string[] lines = Run("uci", bad, "isready", "position startpos moves h2e2", "go depth 2", "quit");
        Assert.Contains(lines, l => l.StartsWith("info string ", StringComparison.Ordinal) && l.Contains(message, StringComparison.Ordinal));
        Assert.Contains("readyok", lines);
        Assert.Single(lines, l => l.StartsWith("bestmove ", StringComparison.Ordinal));
    }

    [Fact]
    public void IllegalMoveInPosition_KeepsThePreviousPosition()
    {
        string[] lines = Run("uci", "position startpos moves h2e2", "position startpos moves b0b5", "d", "quit");
        Assert.Contains("rnbakabnr/9/1c5c1/p1p1p1p1p/9/9/P1P1P1P1P/1C2C4/9/RNBAKABNR b - - 1 1", lines);
    }

    [Fact]
    public void StopEndsAnInfiniteSearch_WithABestMove()
    {
        string[] lines = Run("uci", "position startpos", "go infinite", "stop", "quit");
        Assert.Single(lines, l => l.StartsWith("bestmove ", StringComparison.Ordinal));
    }

    [Fact]
    public void CommandLine_Perft_AndBadArguments()
    {
        var output = new StringWriter();
        Assert.Equal(0, XiangqiCommand.Run(["perft", "2"], TextReader.Null, output, TestContext.Current.CancellationToken));
        Assert.Equal("1920", output.ToString().Trim());
        var bad = new StringWriter();
        Assert.Equal(2, XiangqiCommand.Run(["perft", "x"], TextReader.Null, bad, TestContext.Current.CancellationToken));
        Assert.Contains("depth", bad.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, XiangqiCommand.Run(["--bogus"], TextReader.Null, bad, TestContext.Current.CancellationToken));
    }
}
