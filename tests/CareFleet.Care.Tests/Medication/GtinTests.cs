using CareFleet.Care.Medication;

namespace CareFleet.Care.Tests.Medication;

public sealed class GtinTests
{
    [Theory]
    [InlineData("9506000134352", "09506000134352")]
    [InlineData("036000291452", "00036000291452")]
    [InlineData("12345670", "00000012345670")]
    [InlineData("09506000134352", "09506000134352")]
    public void Gtin_IsNormalisedToFourteenDigits(string input, string digits)
    {
        Assert.Equal(digits, Gtin.Parse(input).Digits);
    }

    [Fact]
    public void Gtin13AndItsGtin14Form_AreTheSameProduct()
    {
        Assert.Equal(Gtin.Parse("9506000134352"), Gtin.Parse("09506000134352"));
    }

    [Theory]
    [InlineData("9506000134353", "check digit")]
    [InlineData("95060001343", "11 characters")]
    [InlineData("95060001343a2", "digits only")]
    [InlineData("", "required")]
    public void Gtin_Parse_SaysWhatIsWrong(string input, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => Gtin.Parse(input));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(01)09506000134352(17)270101(10)LOT42")]
    [InlineData("]d20109506000134352172701011OLOT42")]
    [InlineData("0109506000134352")]
    [InlineData("9506000134352")]
    [InlineData("  09506000134352 ")]
    public void Scan_FindsTheGtinInGs1ElementStrings(string scan)
    {
        Assert.True(Gtin.TryFromScan(scan, out var gtin));
        Assert.Equal("09506000134352", gtin.Digits);
    }

    [Theory]
    [InlineData("")]
    [InlineData("(17)270101")]
    [InlineData("(01)09506000134353")]
    [InlineData("hello")]
    public void Scan_RejectsCodesWithoutAValidGtin(string scan)
    {
        Assert.False(Gtin.TryFromScan(scan, out _));
    }
}
