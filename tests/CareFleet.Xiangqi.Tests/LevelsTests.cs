using CareFleet.Xiangqi;

namespace CareFleet.Xiangqi.Tests;

public sealed class LevelsTests
{
    [Fact]
    public void Ladder_HasTwelveLevels_WithGrowingNodeAndDepthCaps()
    {
        for (int level = 2; level <= Levels.Count; level++)
        {
            Assert.True(Levels.Get(level).Nodes > Levels.Get(level - 1).Nodes, $"level {level} nodes");
            Assert.True(Levels.Get(level).Depth >= Levels.Get(level - 1).Depth, $"level {level} depth");
            Assert.True(Levels.Get(level).TemperatureCp <= Levels.Get(level - 1).TemperatureCp, $"level {level} temperature");
        }

        Assert.Equal(12, Levels.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => Levels.Get(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Levels.Get(13));
    }

    [Theory]
    [InlineData(5, GameResult.RedWins, Side.Red, 6)]
    [InlineData(5, GameResult.RedWins, Side.Black, 4)]
    [InlineData(5, GameResult.Draw, Side.Red, 5)]
    [InlineData(12, GameResult.BlackWins, Side.Black, 12)]
    [InlineData(1, GameResult.BlackWins, Side.Red, 1)]
    public void Adaptive_MovesTheLevelTowardAnEvenScore(int level, GameResult result, Side resident, int expected)
    {
        Assert.Equal(expected, Levels.Adapt(level, result, resident));
    }

    private static bool HangsAChariot(Board board, Move move)
    {
        var b = board.Clone();
        var side = b.SideToMove;
        b.MakeMove(move);
        foreach (Move capture in b.LegalMoves())
        {
            int victim = b.PieceAt(capture.To);
            if (victim == 0 || Pieces.Kind(victim) != PieceKind.Rook || Pieces.SideOf(victim) != side)
            {
                continue;
            }

            b.MakeMove(capture);
            bool recapture = b.LegalMoves().Any(r => r.To == capture.To);
            b.UnmakeMove();
            int attacker = b.PieceAt(capture.From);
            if (!recapture || Pieces.Kind(attacker) != PieceKind.Rook)
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public void Beginner_PlaysVariedButPlausibleMoves_NeverHangingAChariot()
    {
        // After 1. C2.5 C8.5 2. H2+3 the chariots are exposed to many cheap blunders.
        var board = new Board();
        foreach (string m in new[] { "h2e2", "h7e7", "h0g2", "h9g7" })
        {
            Assert.True(board.TryParseMove(m, out Move mv, out _));
            board.MakeMove(mv);
        }

        var chosen = new HashSet<Move>();
        for (int seed = 0; seed < 24; seed++)
        {
            Move m = new LevelPlayer(1, seed).ChooseMove(board, cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(board.IsLegal(m));
            Assert.False(HangsAChariot(board, m), $"seed {seed} hung a chariot with {m}");
            chosen.Add(m);
        }

        Assert.True(chosen.Count >= 3, $"only {chosen.Count} distinct moves");
    }

    [Fact]
    public void StrongLevel_ClearlyBeatsTheBeginner_InAShortMatch()
    {
        string[] openings = [Board.StartFen, "rnbakabnr/9/1c5c1/p1p1p1p1p/9/9/P1P1P1P1P/1C2C4/9/RNBAKABNR b - - 1 1"];
        double strongScore = 0;
        int games = 0;
        foreach (string fen in openings)
        {
            foreach (bool strongIsRed in new[] { true, false })
            {
                var strong = new LevelPlayer(12, 1 + games, nodeCap: 6_000);
                var weak = new LevelPlayer(1, 100 + games);
                Func<Board, Move> s = b => strong.ChooseMove(b, cancellationToken: TestContext.Current.CancellationToken);
                Func<Board, Move> w = b => weak.ChooseMove(b, cancellationToken: TestContext.Current.CancellationToken);
                GameRecord g = SelfPlay.PlayGame(strongIsRed ? s : w, strongIsRed ? w : s, fen, 240, TestContext.Current.CancellationToken);
                strongScore += g.Ruling.Result switch
                {
                    GameResult.RedWins => strongIsRed ? 1 : 0,
                    GameResult.BlackWins => strongIsRed ? 0 : 1,
                    _ => 0.5,
                };
                games++;
            }
        }

        Assert.True(strongScore >= 3.5, $"level 12 scored {strongScore}/{games} against level 1");
    }

    [Fact]
    public void Hint_NamesTheWinOfAChariot_InBothLanguages()
    {
        var board = Board.FromFen("3k5/9/9/9/4r4/9/9/9/4R4/5K3 w - - 0 1");
        Hint? hint = new Coach(depth: 4).Hint(board, TestContext.Current.CancellationToken);
        Assert.NotNull(hint);
        Assert.Equal("e1e5", hint.Move.ToIccs());
        Assert.Equal("吃掉对方的车", hint.ReasonChinese);
        Assert.Equal("wins the chariot.", hint.ReasonEnglish);
        Assert.Equal("车五进四", hint.Chinese);
    }

    [Fact]
    public void Hint_SaysCheckmate_WhenTheMoveMates()
    {
        var board = Board.FromFen("4k4/R8/1R7/9/9/9/9/9/9/3K5 w - - 0 1");
        Hint? hint = new Coach(depth: 3).Hint(board, TestContext.Current.CancellationToken);
        Assert.NotNull(hint);
        Assert.Equal("将死对方", hint.ReasonChinese);
        Assert.Equal(1, hint.MateIn);
    }

    [Fact]
    public void Hint_IsNull_WhenThereIsNoMove()
    {
        Assert.Null(new Coach(depth: 2).Hint(Board.FromFen("3k5/4R4/4R4/9/9/9/9/9/9/4K4 b - - 0 1"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Explain_RecognisesChecksThreatsAndRescues()
    {
        // Red chariot a1 attacked by the black horse on b3; moving it away saves it.
        var board = Board.FromFen("3k5/9/9/9/9/9/1n7/9/R8/5K3 w - - 0 1");
        Assert.True(board.TryParseMove("a1a8", out Move away, out _));
        Assert.Equal("moves the chariot out of danger.", Coach.Explain(board, away).English);
        Assert.True(board.TryParseMove("a1d1", out Move check, out _));
        Assert.Equal("threatens the general (check).", Coach.Explain(board, check).English);
    }

    [Fact]
    public void MistakeMeter_FlagsAHungChariot_AndPassesTheBestMove()
    {
        var board = Board.FromFen("3k5/9/9/9/4r4/9/9/9/R8/5K3 w - - 0 1");
        var coach = new Coach(depth: 4);
        Assert.True(board.TryParseMove("a1e1", out Move hang, out _));
        MoveAssessment bad = coach.Assess(board, hang, TestContext.Current.CancellationToken);
        Assert.Equal(MoveQuality.Blunder, bad.Quality);
        Assert.True(bad.DropCp >= 350, $"drop {bad.DropCp}");
        Assert.StartsWith("大漏着", bad.Chinese, StringComparison.Ordinal);

        MoveAssessment good = coach.Assess(board, bad.Best, TestContext.Current.CancellationToken);
        Assert.Equal(MoveQuality.Good, good.Quality);
        Assert.Equal(0, good.DropCp);
    }
}
