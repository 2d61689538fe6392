using CareFleet.Xiangqi;

namespace CareFleet.Xiangqi.Tests;

public sealed class EvaluationTests
{
    // Swap colours: ranks reversed, letter case swapped, the other side to move.
    private static string Flip(string fen)
    {
        string[] parts = fen.Split(' ');
        string[] ranks = parts[0].Split('/');
        Array.Reverse(ranks);
        string placement = string.Join('/', ranks.Select(r => new string(r.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray())));
        return $"{placement} {(parts[1] == "w" ? "b" : "w")} - - 0 1";
    }

    [Theory]
    [InlineData(Board.StartFen)]
    [InlineData("r1ba1a3/4kn3/2n1b4/pNp1p1p1p/4c4/6P2/P1P2R2P/1CcC5/9/2BAKAB2 w - - 0 1")]
    [InlineData("1cbak4/9/n2a5/2p1p3p/5cp2/2n2N3/6PCP/3AB4/2C6/3A1K1N1 w - - 0 1")]
    [InlineData("CRN1k1b2/3ca4/4ba3/9/2nr5/9/9/4B4/4A4/4KA3 w - - 0 1")]
    public void Evaluation_IsTheSame_ForTheColourFlippedPosition(string fen)
    {
        var board = Board.FromFen(fen);
        var flipped = Board.FromFen(Flip(fen));
        Assert.Equal(Evaluation.Evaluate(board), Evaluation.Evaluate(flipped));
    }

    [Fact]
    public void Evaluation_PrefersTheSideWithAnExtraChariot()
    {
        var board = Board.FromFen("rnbakabn1/9/1c5c1/p1p1p1p1p/9/9/P1P1P1P1P/1C5C1/9/RNBAKABNR w - - 0 1");
        Assert.True(Evaluation.Evaluate(board) > 600);
        Assert.True(Evaluation.Evaluate(Board.FromFen(Flip(board.ToFen()))) > 600);
    }
}
