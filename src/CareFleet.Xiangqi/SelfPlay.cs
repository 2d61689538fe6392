namespace CareFleet.Xiangqi;

/// <summary>A finished game between two move sources.</summary>
/// <param name="StartFen">Where it started.</param>
/// <param name="Moves">The moves played.</param>
/// <param name="Ruling">How it ended (a draw by adjudication when the ply limit was reached).</param>
public sealed record GameRecord(string StartFen, IReadOnlyList<Move> Moves, Ruling Ruling);

/// <summary>Plays games between two move choosers under the arbiter's rules.</summary>
public static class SelfPlay
{
    /// <summary>Plays one game from <paramref name="fen"/>; a move source returning an illegal move loses.</summary>
    public static GameRecord PlayGame(Func<Board, Move> red, Func<Board, Move> black, string fen, int maxPlies = 300, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(red);
        ArgumentNullException.ThrowIfNull(black);
        var arbiter = new Arbiter(fen);
        while (arbiter.Ruling.Result == GameResult.Ongoing)
        {
            if (arbiter.Moves.Count >= maxPlies || cancellationToken.IsCancellationRequested)
            {
                return new GameRecord(arbiter.StartFen, [.. arbiter.Moves], new Ruling(GameResult.Draw, RulingReason.None, "对局过长，裁定和棋", "adjudicated a draw at the ply limit."));
            }

            Side toMove = arbiter.SideToMove;
            Move m = (toMove == Side.Red ? red : black)(arbiter.Position);
            MoveOutcome outcome = arbiter.Play(m.ToIccs());
            if (!outcome.Accepted)
            {
                var loss = toMove == Side.Red ? GameResult.BlackWins : GameResult.RedWins;
                return new GameRecord(arbiter.StartFen, [.. arbiter.Moves], new Ruling(loss, RulingReason.None, "走出违例着法判负", $"an illegal move ({m}) loses: {outcome.Error}"));
            }
        }

        return new GameRecord(arbiter.StartFen, [.. arbiter.Moves], arbiter.Ruling);
    }
}
