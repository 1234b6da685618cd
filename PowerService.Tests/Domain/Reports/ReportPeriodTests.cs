using PowerService.Domain.Reports;

namespace PowerService.Tests.Domain.Reports;

public sealed class ReportPeriodTests
{
    private static DateTimeOffset China(int y, int m, int d, int h = 0, int min = 0, int s = 0) => new(y, m, d, h, min, s, TimeSpan.FromHours(8));

    [Fact]
    public void A_month_starts_and_ends_at_china_midnight()
    {
        var october = ReportPeriod.Month(2026, 10);

        Assert.True(october.Contains(China(2026, 10, 31, 23, 59, 59).AddTicks(9_999_999)));
        Assert.False(october.Contains(China(2026, 11, 1)));
        Assert.True(ReportPeriod.Month(2026, 11).Contains(China(2026, 11, 1)));
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 16, 0, 0, TimeSpan.Zero), october.From); // 16:00 UTC the day before
    }

    [Fact]
    public void Previous_and_same_period_last_year_are_of_the_same_kind()
    {
        Assert.Equal(ReportPeriod.Month(2026, 2), ReportPeriod.Month(2026, 3).Previous());
        Assert.Equal(ReportPeriod.Month(2025, 12), ReportPeriod.Month(2026, 1).Previous());
        Assert.Equal(ReportPeriod.Quarter(2026, 2), ReportPeriod.Quarter(2026, 3).Previous());
        Assert.Equal(ReportPeriod.Quarter(2025, 3), ReportPeriod.Quarter(2026, 3).SameLastYear());
        Assert.Equal(ReportPeriod.Year(2025), ReportPeriod.Year(2026).Previous());
        var custom = ReportPeriod.Custom(new DateOnly(2026, 10, 11), new DateOnly(2026, 10, 20));
        Assert.Equal(ReportPeriod.Custom(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 10)), custom.Previous());
    }

    [Theory]
    [InlineData("2026-10", "2026年10月")]
    [InlineData("2026-Q3", "2026年第3季度")]
    [InlineData("2026", "2026年")]
    [InlineData("2026-10-01_2026-10-15", "2026-10-01 至 2026-10-15")]
    public void A_period_reads_back_from_its_slug(string slug, string label)
    {
        var period = ReportPeriod.Parse(slug)!;
        Assert.Equal((slug, label), (period.Slug, period.Label));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("2026-10-15_2026-10-01")]
    [InlineData("十月")]
    public void A_slug_that_is_not_a_period_reads_as_none(string slug) => Assert.Null(ReportPeriod.Parse(slug));

    [Fact]
    public void Twelve_months_of_a_year()
    {
        var months = ReportPeriod.Year(2026).Months().ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(ReportPeriod.Month(2026, 12), months[^1]);
    }
}
