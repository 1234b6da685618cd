using PowerService.Domain.Complaints;

namespace PowerService.Tests.Domain.Complaints;

public class ComplaintNumberTests
{
    [Fact]
    public void Number_is_prefix_china_date_and_four_digit_sequence()
    {
        Assert.Equal("TS202611230001", ComplaintNumber.For(new DateOnly(2026, 11, 23), 1));
        Assert.Equal(42, ComplaintNumber.SequenceOf("TS202611230042"));
    }

    [Theory]
    [InlineData("ts202611230001", true)]
    [InlineData(" TS202611230001 ", true)]
    [InlineData("TS202613230001", false)]
    [InlineData("TS20261123000", false)]
    [InlineData("TS202611230000", false)]
    [InlineData("XX202611230001", false)]
    [InlineData("TS2026112310000", true)]
    [InlineData("TS2026112300001", false)]
    [InlineData("TS20261123100000", true)]
    [InlineData("TS20261123099999", false)]
    [InlineData("TS202611231000000", false)]
    [InlineData(null, false)]
    public void Parsing_accepts_only_well_formed_numbers(string? text, bool valid)
    {
        Assert.Equal(valid, ComplaintNumber.TryParse(text, out _));
    }

    [Fact]
    public void Past_9999_a_day_the_sequence_goes_on_with_five_digits_up_to_99999()
    {
        Assert.Equal("TS202611239999", ComplaintNumber.For(new DateOnly(2026, 11, 23), 9_999));
        Assert.Equal("TS2026112310000", ComplaintNumber.For(new DateOnly(2026, 11, 23), 10_000));
        Assert.Equal(10_000, ComplaintNumber.SequenceOf("TS2026112310000"));
        Assert.Equal("TS2026112399999", ComplaintNumber.For(new DateOnly(2026, 11, 23), 99_999));
    }

    [Fact]
    public void Past_99999_a_day_the_sequence_goes_on_with_six_digits_up_to_999999()
    {
        var day = new DateOnly(2026, 11, 23);
        Assert.Equal("TS20261123100000", ComplaintNumber.For(day, 100_000));
        Assert.Equal(100_000, ComplaintNumber.SequenceOf("TS20261123100000"));
        Assert.Equal(ComplaintNumber.MaxLength, ComplaintNumber.For(day, ComplaintNumber.MaxPerDay).Length);
        Assert.Equal(999_999, ComplaintNumber.MaxPerDay);
        Assert.Throws<ArgumentOutOfRangeException>(() => ComplaintNumber.For(day, 1_000_000));
    }
}
