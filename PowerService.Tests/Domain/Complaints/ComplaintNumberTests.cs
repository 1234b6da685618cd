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
    [InlineData(null, false)]
    public void Parsing_accepts_only_well_formed_numbers(string? text, bool valid)
    {
        Assert.Equal(valid, ComplaintNumber.TryParse(text, out _));
    }

    [Fact]
    public void A_day_holds_at_most_9999_complaints()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ComplaintNumber.For(new DateOnly(2026, 11, 23), 10_000));
    }
}
