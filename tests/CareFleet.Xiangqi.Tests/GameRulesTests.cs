using CareFleet.Xiangqi;

namespace CareFleet.Xiangqi.Tests;

public sealed class GameRulesTests
{
    private static Arbiter PlayAll(string fen, params string[] moves)
    {
        var arbiter = new Arbiter(fen);
        foreach (string m in moves)
        {
            MoveOutcome outcome = arbiter.Play(m);
            Assert.True(outcome.Accepted, $"{m}: {outcome.Error}");
        }

        return arbiter;
    }

    [Fact]
    public void Checkmate_EndsTheGame_ForTheSideThatMated()
    {
        // Two chariots: Ra8-a9 mates the general on e9 (rank 8 covered by the other chariot).
        var arbiter = PlayAll("4k4/R8/1R7/9/9/9/9/9/9/3K5 w - - 0 1", "b7b8", "e9f9", "a8a9");
        Assert.Equal(GameResult.RedWins, arbiter.Ruling.Result);
        Assert.Equal(RulingReason.Checkmate, arbiter.Ruling.Reason);
        Assert.Contains("将死", arbiter.Ruling.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Stalemate_LosesForTheSideWithoutMoves()
    {
        var arbiter = new Arbiter("3k5/4R4/4R4/9/9/9/9/9/9/4K4 b - - 0 1");
        Assert.Equal(GameResult.RedWins, arbiter.Ruling.Result);
        Assert.Equal(RulingReason.Stalemate, arbiter.Ruling.Reason);
        Assert.Contains("困毙", arbiter.Ruling.Chinese, StringComparison.Ordinal);
    }

    private static readonly string[] PerpetualCheckLine = ["h8h9", "e9e8", "h9h8", "e8e9"];

    [Fact]
    public void PerpetualCheck_Loses_OnTheThirdOccurrence()
    {
        var arbiter = new Arbiter("4k4/7R1/9/9/9/9/9/9/9/3K5 w - - 0 1");
        foreach (string m in PerpetualCheckLine)
        {
            Assert.True(arbiter.Play(m).Accepted);
        }

        Assert.Equal(GameResult.Ongoing, arbiter.Ruling.Result); // second occurrence: play on
        foreach (string m in PerpetualCheckLine)
        {
            Assert.True(arbiter.Play(m).Accepted);
        }

        Assert.Equal(GameResult.BlackWins, arbiter.Ruling.Result);
        Assert.Equal(RulingReason.PerpetualCheck, arbiter.Ruling.Reason);
        Assert.Equal("长将作负，红方负 — perpetual check loses: Red checked on every move of the repetition and loses.", arbiter.Ruling.Text);
        Assert.False(arbiter.Play("h8h9").Accepted);
    }

    [Fact]
    public void PerpetualChase_OfAnUnprotectedCannon_Loses()
    {
        string[] line = ["b1a1", "a5b5", "a1b1", "b5a5"];
        var arbiter = PlayAll("4k4/9/9/9/c8/9/9/9/1R7/3K5 w - - 0 1", [.. line, .. line]);
        Assert.Equal(GameResult.BlackWins, arbiter.Ruling.Result);
        Assert.Equal(RulingReason.PerpetualChase, arbiter.Ruling.Reason);
        Assert.StartsWith("长捉作负", arbiter.Ruling.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void ChasingAProtectedCannonWithAChariot_IsNotAChase_SoTheRepetitionIsDrawn()
    {
        // The black chariot on i5 guards the cannon on a5 and on b5 along the fifth rank.
        string[] line = ["b1a1", "a5b5", "a1b1", "b5a5"];
        var arbiter = PlayAll("4k4/9/9/9/c7r/9/9/9/1R7/3K5 w - - 0 1", [.. line, .. line]);
        Assert.Equal(GameResult.Draw, arbiter.Ruling.Result);
        Assert.Equal(RulingReason.Repetition, arbiter.Ruling.Reason);
    }

    [Fact]
    public void CannonChasingAChariot_IsAChase_EvenWhenTheChariotIsProtected()
    {
        // The cannon shuttles b2<->a2 over the soldiers on a3/b3 and hits the chariot shuttling a6<->b6,
        // which the other chariot on i6 protects: a cannon attacking a chariot chases it all the same.
        string[] line = ["b2a2", "a6b6", "a2b2", "b6a6"];
        var arbiter = PlayAll("4k4/9/9/r7r/9/9/PP7/1C7/9/3K5 w - - 0 1", [.. line, .. line]);
        Assert.Equal(RulingReason.PerpetualChase, arbiter.Ruling.Reason);
        Assert.Equal(GameResult.BlackWins, arbiter.Ruling.Result);
    }

    [Fact]
    public void OneQuietMoveInTheCycle_BreaksThePerpetualChase()
    {
        string[] line = ["b1a1", "a5b5", "d0d1", "e9e8", "a1b1", "b5a5", "d1d0", "e8e9"];
        var arbiter = PlayAll("4k4/9/9/9/c8/9/9/9/1R7/3K5 w - - 0 1", [.. line, .. line]);
        Assert.Equal(GameResult.Draw, arbiter.Ruling.Result);
        Assert.Equal(RulingReason.Repetition, arbiter.Ruling.Reason);
    }

    [Fact]
    public void IdleRepetition_ByBothSides_IsADraw()
    {
        string[] line = ["d0d1", "f9f8", "d1d0", "f8f9"];
        var arbiter = PlayAll("5k3/9/9/8p/9/9/P8/9/9/3K5 w - - 0 1", [.. line, .. line]);
        Assert.Equal(GameResult.Draw, arbiter.Ruling.Result);
        Assert.Equal(RulingReason.Repetition, arbiter.Ruling.Reason);
        Assert.Contains("作和", arbiter.Ruling.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void MoveLimit_DrawsAfterSixtyMovesWithoutCapture()
    {
        var arbiter = new Arbiter("5k3/9/9/8p/9/9/P8/9/9/3K5 w - - 119 80");
        Assert.Equal(GameResult.Ongoing, arbiter.Ruling.Result);
        Assert.True(arbiter.Play("d0d1").Accepted);
        Assert.Equal(GameResult.Draw, arbiter.Ruling.Result);
        Assert.Equal(RulingReason.MoveLimit, arbiter.Ruling.Reason);
    }

    [Fact]
    public void MoveLimit_DiscountsChecksBeyondTheFirstTenPerSide()
    {
        // 24 plies of which 12 are Red checks: only 10 of them count, so 96 + 12 + 10 = 118 < 120.
        var board = Board.FromFen("4k4/7R1/9/9/9/9/9/9/9/3K5 w - - 96 1");
        for (int i = 0; i < 6; i++)
        {
            foreach (string m in PerpetualCheckLine)
            {
                Assert.True(board.TryParseMove(m, out Move move, out string error), error);
                board.MakeMove(move);
            }
        }

        Assert.Equal(120, board.PliesSinceCapture);
        Assert.Equal(118, GameRules.CountedPlies(board));
    }

    [Fact]
    public void InsufficientMaterial_IsADraw()
    {
        var arbiter = new Arbiter("3akab2/9/9/9/9/9/9/9/4A4/3AK1B2 w - - 0 1");
        Assert.Equal(RulingReason.InsufficientMaterial, arbiter.Ruling.Reason);
    }

    [Fact]
    public void IllegalMove_IsRefusedWithTheReason_AndNotPlayed()
    {
        var arbiter = new Arbiter();
        MoveOutcome outcome = arbiter.Play("b0d2");
        Assert.False(outcome.Accepted);
        Assert.Contains("horse", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(arbiter.Moves);
        MoveOutcome ok = arbiter.Play("炮二平五");
        Assert.True(ok.Accepted);
        Assert.Equal("C2.5", ok.Wxf);
        Assert.True(arbiter.TakeBack());
        Assert.Equal(Board.StartFen, arbiter.Fen);
    }
}
