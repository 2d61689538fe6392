using CareFleet.Xiangqi;

namespace CareFleet.Xiangqi.Tests;

public sealed class PerftTests
{
    // The reference lines of the shared perft suite (legal-move perft, source in each comment).
    [Theory]
    [InlineData(Board.StartFen, 1, 44L)]
    [InlineData(Board.StartFen, 2, 1920L)]
    [InlineData(Board.StartFen, 3, 79666L)]
    [InlineData(Board.StartFen, 4, 3290240L)]
    [InlineData(Board.StartFen, 5, 133312995L)]
    [InlineData("r1ba1a3/4kn3/2n1b4/pNp1p1p1p/4c4/6P2/P1P2R2P/1CcC5/9/2BAKAB2 w - - 0 1", 5, 53112976L)]
    [InlineData("1cbak4/9/n2a5/2p1p3p/5cp2/2n2N3/6PCP/3AB4/2C6/3A1K1N1 w - - 0 1", 5, 10369923L)]
    [InlineData("5a3/3k5/3aR4/9/5r3/5n3/9/3A1A3/5K3/2BC2B2 w - - 0 1", 5, 4739553L)]
    [InlineData("CRN1k1b2/3ca4/4ba3/9/2nr5/9/9/4B4/4A4/4KA3 w - - 0 1", 5, 11842230L)]
    // Own positions; counts cross-checked against an independent reference implementation.
    [InlineData("4k4/9/9/9/9/9/9/9/9/3K5 w - - 0 1", 1, 1L)] // flying general: only d0d1
    [InlineData("4k4/9/9/9/9/9/9/9/9/3K5 w - - 0 1", 4, 11L)]
    [InlineData("3k5/4R4/4R4/9/9/9/9/9/9/4K4 b - - 0 1", 1, 0L)] // stalemated (and lost)
    [InlineData("3k5/4P4/9/9/9/9/9/9/9/5K3 b - - 0 1", 1, 0L)] // stalemated by a lone soldier
    [InlineData("3akab2/9/4b4/9/9/4C4/9/9/4R4/4K4 b - - 0 1", 4, 13945L)] // cannon screens on the centre file
    [InlineData("4k4/4a4/3P1P3/9/9/9/9/9/4C4/3K5 b - - 0 1", 4, 7927L)] // cannon pin through an advisor
    [InlineData("3k5/9/9/9/4c4/9/4R4/9/4A4/4K4 w - - 0 1", 4, 10812L)] // chariot pinned by a cannon
    [InlineData("2bak4/4a4/4b4/9/9/2c1C1r2/9/4N4/4A4/3AK4 w - - 0 1", 4, 226588L)] // pins on the general, horse legs
    [InlineData("r2ak4/4a4/4b4/2N6/9/9/9/4C4/4p4/3K5 b - - 0 1", 4, 90100L)]
    [InlineData("4k4/9/4c4/9/4C4/9/9/9/9/3K5 b - - 0 1", 4, 47973L)] // in check through a cannon screen
    [InlineData("2r1k4/9/4c4/9/4C4/9/9/9/4A4/3K5 b - - 0 1", 4, 94951L)]
    [InlineData("4kab2/4a4/4b4/9/2n6/9/9/9/4A4/4K4 w - - 0 1", 4, 4947L)]
    public void Perft_MatchesReferenceSuite(string fen, int depth, long expected)
    {
        var board = Board.FromFen(fen);
        long nodes = board.Perft(depth);
        Assert.Equal(expected, nodes);
        Assert.Equal(fen.Split(' ')[0], board.ToFen().Split(' ')[0]);
    }
}
