using CareFleet.Xiangqi;

namespace CareFleet.Xiangqi.Tests;

public sealed class BoardRulesTests
{
    private static string[] MovesFrom(string fen, string square)
    {
        var board = Board.FromFen(fen);
        Assert.True(Board.TryParseSquare(square, out int sq));
        return board.LegalMoves().Where(m => m.From == sq).Select(m => m.ToIccs()).Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public void Horse_IsBlocked_ByItsLeg()
    {
        // Red horse b0 with its upward leg b1 occupied: b0a2/b0c2 are gone, b0d1 stays.
        string[] moves = MovesFrom("4k4/9/9/9/9/9/9/9/1C7/1N1K5 w - - 0 1", "b0");
        Assert.Equal(["b0d1"], moves);
    }

    [Fact]
    public void Elephant_IsBlocked_ByItsEye_AndCannotCrossTheRiver()
    {
        // d3 blocks the eye towards e2; a6 and e6 lie across the river.
        Assert.Equal(["c4a2"], MovesFrom("4k4/9/9/9/9/2B6/3P5/9/9/3K5 w - - 0 1", "c4"));
    }

    [Fact]
    public void Advisor_AndGeneral_StayInThePalace()
    {
        Assert.Equal(["d0e1"], MovesFrom("3k5/9/9/9/9/9/9/9/9/3AK4 w - - 0 1", "d0"));
        Assert.Equal(["f2e2", "f2f1"], MovesFrom("3k5/9/9/9/9/9/9/5K3/9/9 w - - 0 1", "f2"));
    }

    [Fact]
    public void Soldier_MovesSideways_OnlyAfterTheRiver()
    {
        Assert.Equal(["c3c4"], MovesFrom("4k4/9/9/9/9/9/2P6/9/9/3K5 w - - 0 1", "c3"));
        Assert.Equal(["c5b5", "c5c6", "c5d5"], MovesFrom("4k4/9/9/9/2P6/9/9/9/9/3K5 w - - 0 1", "c5"));
        Assert.Equal(["c9b9", "c9d9"], MovesFrom("2P1k4/9/9/9/9/9/9/9/9/3K5 w - - 0 1", "c9"));
    }

    [Fact]
    public void Cannon_CapturesOnlyOverExactlyOneScreen()
    {
        // Cannon a0, screen a3, black chariot a5, black horse a7 behind it.
        string[] moves = MovesFrom("4k4/9/n8/9/r8/9/P8/9/9/C2K5 w - - 0 1", "a0");
        Assert.Contains("a0a5", moves);
        Assert.DoesNotContain("a0a7", moves);
        Assert.DoesNotContain("a0a4", moves);
        Assert.DoesNotContain("a0a3", moves);
        Assert.Contains("a0a1", moves);
    }

    [Fact]
    public void Generals_MayNotFaceEachOther()
    {
        var board = Board.FromFen("4k4/9/9/9/9/9/9/9/9/3K5 w - - 0 1");
        Assert.Equal(["d0d1"], board.LegalMoves().Select(m => m.ToIccs()).ToArray());
        Assert.False(board.TryParseMove("d0e0", out _, out string why));
        Assert.Contains("face each other", why, StringComparison.Ordinal);
    }

    [Fact]
    public void Fen_AcceptsRForRed_AndRoundTrips()
    {
        var board = Board.FromFen("rnbakabnr/9/1c5c1/p1p1p1p1p/9/9/P1P1P1P1P/1C5C1/9/RNBAKABNR r - - 0 1");
        Assert.Equal(Side.Red, board.SideToMove);
        Assert.Equal(Board.StartFen, board.ToFen());
        Assert.Equal(new Board().Hash, board.Hash);
        Assert.Equal(Side.Black, Board.FromFen("rnbakabnr/9/1c5c1/p1p1p1p1p/9/9/P1P1P1P1P/1C5C1/9/RNBAKABNR b - - 0 1").SideToMove);
    }

    [Theory]
    [InlineData("rnbakabnr/9/1c5c1/p1p1p1p1p/9/9/P1P1P1P1P/1C5C1/9 w", "10 ranks")]
    [InlineData("rnbakabnr/9/1c5c1/p1p1p1p1p/9/9/P1P1P1P1P/1C5C1/9/RNBAKABNR x", "side to move")]
    [InlineData("rnbakabnr/9/1c5c1/p1p1p1p1p/9/9/P1P1P1P1P/1C5C1/9/RNBAKABNRR w", "more than 9 files")]
    [InlineData("rnbakabnr/9/1c5c1/p1p1p1p1p/9/9/P1P1P1P1P/1C5C1/9/RNBAQABNR w", "unknown piece letter 'Q'")]
    [InlineData("rnba1abnr/9/1c5c1/p1p1p1p1p/9/9/P1P1P1P1P/1C5C1/9/RNBAKABNR w", "one general")]
    [InlineData("4k4/9/9/9/9/9/9/9/9/4K4 w", "facing each other")]
    [InlineData("4k4/9/9/9/4B4/9/9/9/9/3K5 w", "across the river")]
    [InlineData("", "empty")]
    public void Fen_IsRejected_WithAReason(string fen, string reason)
    {
        Assert.False(Board.TryFromFen(fen, out _, out string error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void MakeUnmake_RestoresPositionAndHash_AlongARandomGame()
    {
        var board = new Board();
        var rng = new Random(7);
        var fens = new Stack<string>();
        var hashes = new Stack<ulong>();
        for (int i = 0; i < 200; i++)
        {
            Move[] moves = board.LegalMoves();
            if (moves.Length == 0)
            {
                break;
            }

            fens.Push(board.ToFen());
            hashes.Push(board.Hash);
            board.MakeMove(moves[rng.Next(moves.Length)]);
            Assert.Equal(Board.FromFen(board.ToFen()).Hash, board.Hash);
        }

        while (fens.Count > 0)
        {
            board.UnmakeMove();
            Assert.Equal(fens.Pop(), board.ToFen());
            Assert.Equal(hashes.Pop(), board.Hash);
        }
    }

    [Theory]
    [InlineData("h2e2", true, "")]
    [InlineData("b0d2", false, "马走日字")]
    [InlineData("c3c5", false, "one point at a time")]
    [InlineData("c3b3", false, "sideways only after crossing")]
    [InlineData("e0e2", false, "one point straight")]
    [InlineData("a0a4", false, "cannot jump")]
    [InlineData("h2h7", false, "exactly one piece")]
    [InlineData("h7h0", false, "Black's")]
    [InlineData("zz99", false, "ICCS")]
    public void MoveParsing_ExplainsIllegalMoves(string text, bool legal, string reason)
    {
        var board = new Board();
        Assert.Equal(legal, board.TryParseMove(text, out _, out string error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
