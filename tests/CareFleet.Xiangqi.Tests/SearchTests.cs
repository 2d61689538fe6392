using CareFleet.Xiangqi;

namespace CareFleet.Xiangqi.Tests;

public sealed class SearchTests
{
    // Independent oracle: can the side to move force mate (or stalemate, which also wins) within `moves` moves?
    private static bool ForcesMate(Board board, int moves)
    {
        foreach (Move m in board.LegalMoves())
        {
            board.MakeMove(m);
            bool wins = true;
            Move[] replies = board.LegalMoves();
            if (replies.Length > 0)
            {
                if (moves == 1)
                {
                    wins = false;
                }
                else
                {
                    foreach (Move r in replies)
                    {
                        board.MakeMove(r);
                        bool ok = ForcesMate(board, moves - 1);
                        board.UnmakeMove();
                        if (!ok)
                        {
                            wins = false;
                            break;
                        }
                    }
                }
            }

            board.UnmakeMove();
            if (wins)
            {
                return true;
            }
        }

        return false;
    }

    [Theory]
    [InlineData("4k4/R8/1R7/9/9/9/9/9/9/3K5 w - - 0 1")]
    [InlineData("3k5/9/9/9/9/9/9/9/R8/1R2K4 w - - 0 1")]
    [InlineData("4k4/9/4P4/9/9/9/9/9/4A4/2R1K4 w - - 0 1")]
    [InlineData("3ak4/4a4/9/9/9/9/9/2N6/9/4K1R2 w - - 0 1")]
    [InlineData("3k5/9/9/9/9/9/9/9/4A4/2R1K1C2 w - - 0 1")]
    [InlineData("4ka3/9/9/9/9/9/9/9/9/3K1R1R1 w - - 0 1")]
    [InlineData("3k5/4a4/9/9/9/9/9/9/9/R3K1R2 w - - 0 1")]
    [InlineData("4k4/4a4/9/9/9/9/9/9/4A4/2R1K1R2 w - - 0 1")]
    public void Search_FindsTheShortestForcedMate(string fen)
    {
        var board = Board.FromFen(fen);
        int shortest = Enumerable.Range(1, 3).First(n => ForcesMate(board.Clone(), n));
        var searcher = new Searcher(8);
        SearchResult result = searcher.Search(board, new SearchLimits { Depth = (2 * shortest) + 2 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(shortest, result.MateIn);
        Assert.True(board.IsLegal(result.BestMove));
        board.MakeMove(result.BestMove);
        Assert.True(shortest > 1 || !board.HasLegalMove(), $"{result.BestMove} should end the game at once");
    }

    [Fact]
    public void Search_AvoidsRepeatingAPerpetualCheck_BecauseItLoses()
    {
        var board = Board.FromFen("4k4/7R1/9/9/9/9/9/9/9/3K5 w - - 0 1");
        foreach (string m in new[] { "h8h9", "e9e8", "h9h8", "e8e9" })
        {
            Assert.True(board.TryParseMove(m, out Move mv, out _));
            board.MakeMove(mv);
        }

        Assert.True(board.TryParseMove("h8h9", out Move repeatCheck, out _));
        var searcher = new Searcher(8);
        SearchResult r = searcher.Search(board, new SearchLimits { Depth = 6, MultiPv = 40 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotEqual(repeatCheck, r.BestMove);
        PvLine repeated = Assert.Single(r.Lines, l => l.Pv[0] == repeatCheck);
        Assert.True(repeated.Score <= -Searcher.MateBound, $"repeating the check scored {repeated.Score}");
        Assert.True(r.Score > 0);
    }

    [Fact]
    public void Search_ReportsNoMove_WhenStalemated()
    {
        var board = Board.FromFen("3k5/4R4/4R4/9/9/9/9/9/9/4K4 b - - 0 1");
        SearchResult result = new Searcher(1).Search(board, new SearchLimits { Depth = 3 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.BestMove.IsNone);
        Assert.Equal(-Searcher.Mate, result.Score);
    }

    [Fact]
    public void Search_WinsAHangingChariot()
    {
        // The black chariot on e5 is unprotected and the red chariot on e1 sees it along the open file.
        var board = Board.FromFen("3k5/9/9/9/4r4/9/9/9/4R4/5K3 w - - 0 1");
        SearchResult result = new Searcher(1).Search(board, new SearchLimits { Depth = 4 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("e1e5", result.BestMove.ToIccs());
    }

    [Fact]
    public void Search_RespectsNodeLimit_AndIsDeterministic()
    {
        var board = new Board();
        SearchResult a = new Searcher(4).Search(board, new SearchLimits { Nodes = 20000 }, cancellationToken: TestContext.Current.CancellationToken);
        SearchResult b = new Searcher(4).Search(board, new SearchLimits { Nodes = 20000 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.InRange(a.Nodes, 1, 20000);
        Assert.Equal(a.BestMove, b.BestMove);
        Assert.Equal(a.Nodes, b.Nodes);
        Assert.Equal(Board.StartFen, board.ToFen());
    }

    [Fact]
    public void Search_MultiPv_ReturnsDistinctLinesBestFirst()
    {
        var board = new Board();
        SearchResult r = new Searcher(4).Search(board, new SearchLimits { Depth = 4, MultiPv = 3 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(3, r.Lines.Count);
        Assert.Equal(3, r.Lines.Select(l => l.Pv[0]).Distinct().Count());
        Assert.True(r.Lines[0].Score >= r.Lines[1].Score && r.Lines[1].Score >= r.Lines[2].Score);
    }

    [Fact]
    public void Search_NeverPlaysABannedMove()
    {
        var board = new Board();
        SearchResult free = new Searcher(4).Search(board, new SearchLimits { Depth = 3 }, cancellationToken: TestContext.Current.CancellationToken);
        SearchResult banned = new Searcher(4).Search(board, new SearchLimits { Depth = 3, BannedMoves = [free.BestMove] }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotEqual(free.BestMove, banned.BestMove);
        Assert.True(board.IsLegal(banned.BestMove));
    }

    [Fact]
    public void Search_StopsAtTheMoveTime_OnTheInjectedClock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var searcher = new Searcher(4, clock);
        // Every time check advances the fake clock, so the search must stop on time, not on depth.
        int infos = 0;
        SearchResult r = searcher.Search(new Board(), new SearchLimits { MoveTimeMs = 50 }, _ =>
        {
            infos++;
            clock.Advance(TimeSpan.FromMilliseconds(30));
        }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(r.Depth < 10, $"depth {r.Depth}");
        Assert.False(r.BestMove.IsNone);
    }
}
