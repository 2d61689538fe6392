using CareFleet.Xiangqi;

namespace CareFleet.Xiangqi.Tests;

public sealed class NotationTests
{
    [Theory]
    [InlineData(Board.StartFen, "h2e2", "C2.5", "炮二平五")]
    [InlineData(Board.StartFen, "b0c2", "H8+7", "马八进七")]
    [InlineData(Board.StartFen, "h0g2", "H2+3", "马二进三")]
    [InlineData(Board.StartFen, "a0a1", "R9+1", "车九进一")]
    [InlineData(Board.StartFen, "c0e2", "E7+5", "相七进五")]
    [InlineData(Board.StartFen, "f0e1", "A4+5", "仕四进五")]
    [InlineData(Board.StartFen, "g3g4", "P3+1", "兵三进一")]
    [InlineData("rnbakabnr/9/1c5c1/p1p1p1p1p/9/9/P1P1P1P1P/1C2C4/9/RNBAKABNR b - - 1 1", "h7e7", "C8.5", "炮８平５")]
    [InlineData("rnbakabnr/9/1c5c1/p1p1p1p1p/9/9/P1P1P1P1P/1C2C4/9/RNBAKABNR b - - 1 1", "b9c7", "H2+3", "马２进３")]
    [InlineData("rnbakabnr/9/1c5c1/p1p1p1p1p/9/9/P1P1P1P1P/1C2C4/9/RNBAKABNR b - - 1 1", "e9e8", "K5+1", "将５进１")]
    [InlineData("3k5/9/9/9/9/9/R8/9/R8/4K4 w - - 0 1", "a3c3", "R+.7", "前车平七")]
    [InlineData("3k5/9/9/9/9/9/R8/9/R8/4K4 w - - 0 1", "a1a2", "R-+1", "后车进一")]
    [InlineData("3k5/9/2P6/2P6/2P6/9/9/9/9/4K4 w - - 0 1", "c7d7", "P+.6", "前兵平六")]
    [InlineData("3k5/9/2P6/2P6/2P6/9/9/9/9/4K4 w - - 0 1", "c6d6", "P7.6", "中兵平六")]
    [InlineData("3k5/9/2P6/2P6/2P6/9/9/9/9/4K4 w - - 0 1", "c5b5", "P-.8", "后兵平八")]
    [InlineData("3k5/2P6/2P6/2P6/2P6/9/9/9/9/4K4 w - - 0 1", "c8d8", "++.6", "前兵平六")]
    [InlineData("3k5/2P6/2P6/2P6/2P6/9/9/9/9/4K4 w - - 0 1", "c7d7", "P+.6", "二兵平六")]
    [InlineData("3k5/2P6/2P6/2P6/2P6/9/9/9/9/4K4 w - - 0 1", "c5d5", "--.6", "后兵平六")]
    [InlineData("3k5/9/2P3P2/2P3P2/9/9/9/9/9/4K4 w - - 0 1", "g6f6", "3-.4", "后三平四")]
    public void Move_IsWrittenInWxfAndChinese_AndReadBack(string fen, string iccs, string wxf, string chinese)
    {
        var board = Board.FromFen(fen);
        Assert.True(board.TryParseMove(iccs, out Move move, out string error), error);
        Assert.Equal(wxf, Notation.ToWxf(board, move));
        Assert.Equal(chinese, Notation.ToChinese(board, move));
        Assert.True(Notation.TryParseWxf(board, wxf, out Move fromWxf));
        Assert.Equal(move, fromWxf);
        Assert.True(Notation.TryParseChinese(board, chinese, out Move fromChinese));
        Assert.Equal(move, fromChinese);
    }

    [Theory]
    [InlineData(Board.StartFen)]
    [InlineData("r1ba1a3/4kn3/2n1b4/pNp1p1p1p/4c4/6P2/P1P2R2P/1CcC5/9/2BAKAB2 w - - 0 1")]
    [InlineData("1cbak4/9/n2a5/2p1p3p/5cp2/2n2N3/6PCP/3AB4/2C6/3A1K1N1 w - - 0 1")]
    [InlineData("3k5/2P6/2P6/2P6/2P6/2P6/9/9/9/4K4 w - - 0 1")]
    [InlineData("4kab2/4a4/2n1b4/2n6/9/9/2N3N2/4B4/4A4/2BAK4 b - - 0 1")]
    public void EveryLegalMove_HasAUniqueNotation_ThatRoundTrips(string fen)
    {
        var board = Board.FromFen(fen);
        Move[] moves = board.LegalMoves();
        Assert.NotEmpty(moves);
        Assert.Equal(moves.Length, moves.Select(m => Notation.ToWxf(board, m)).Distinct().Count());
        Assert.Equal(moves.Length, moves.Select(m => Notation.ToChinese(board, m)).Distinct().Count());
        foreach (Move m in moves)
        {
            Assert.True(Notation.TryParseWxf(board, Notation.ToWxf(board, m), out Move w));
            Assert.Equal(m, w);
            Assert.True(Notation.TryParseChinese(board, Notation.ToChinese(board, m), out Move c));
            Assert.Equal(m, c);
        }
    }

    [Fact]
    public void Parsing_AcceptsCommonVariants_AndRejectsImpossibleMoves()
    {
        var board = new Board();
        Assert.True(Notation.TryParseWxf(board, "c2=5", out Move m));
        Assert.Equal("h2e2", m.ToIccs());
        Assert.True(Notation.TryParseWxf(board, "N8+7", out m));
        Assert.Equal("b0c2", m.ToIccs());
        Assert.True(Notation.TryParseChinese(board, "傌二進三", out m));
        Assert.Equal("h0g2", m.ToIccs());
        Assert.False(Notation.TryParseWxf(board, "C2.2", out _));
        Assert.False(Notation.TryParseChinese(board, "车一平二", out _));
        Assert.False(Notation.TryParseWxf(board, "", out _));
    }
}
