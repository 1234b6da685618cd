using PowerService.Domain.Time;

namespace PowerService.Tests.Domain.Time;

/// <summary>Instants shown as China wall-clock time, whatever the server's zone.</summary>
public sealed class ChinaTimeTests
{
    // 16:00 UTC is China midnight; the fraction is dropped, not rounded up into the next second.
    private static readonly DateTimeOffset JustAfterChinaMidnight = new DateTimeOffset(2026, 12, 6, 16, 0, 5, TimeSpan.Zero).AddTicks(9_999_999);

    [Fact]
    public void An_instant_reads_in_China_time_to_the_minute_or_to_the_second()
    {
        Assert.Equal("2026-12-07 00:00", ChinaTime.Format(JustAfterChinaMidnight));
        Assert.Equal("2026-12-07 00:00:05", ChinaTime.FormatToSecond(JustAfterChinaMidnight));
        Assert.Equal("2026-12-07 00:00:05", ChinaTime.FormatToSecond(JustAfterChinaMidnight.ToOffset(TimeSpan.FromHours(-5))));
    }
}
