using Bunit;
using PowerService.Domain.Sla;
using PowerService.Web.Features.Sla;

namespace PowerService.Tests.Components;

/// <summary>The countdown chip in each state: words, colour, and the state it reports.</summary>
public sealed class ClockBadgeTests : ComponentTestBase
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
    private static readonly SlaClock TenHours = new(ClockKind.Handling, TimeLimit.Hours(10), Start, Start.AddHours(10));

    [Theory]
    [InlineData(1, "OnTrack", "处理答复 · 剩余 9小时0分", "mud-chip-color-success")]
    [InlineData(8, "Warning", "处理答复 · 剩余 2小时0分", "mud-chip-color-warning")]
    [InlineData(9.5, "Critical", "处理答复 · 剩余 30分钟", "mud-chip-color-error")]
    [InlineData(34, "Breached", "处理答复 · 已超时 1天0小时", "mud-chip-color-error")]
    public void A_running_clock_shows_time_left_or_overdue_in_its_colour(double hoursIn, string state, string text, string colourClass)
    {
        var cut = RenderWithProviders<ClockBadge>(("Clock", TenHours), ("Now", Start.AddHours(hoursIn)));

        var chip = cut.Find("[data-testid=clock-badge]");
        Assert.Equal(state, chip.GetAttribute("data-state"));
        Assert.Equal(text, chip.TextContent.Trim());
        Assert.Contains(colourClass, chip.ClassName);
    }

    [Fact]
    public void A_breached_clock_is_filled_so_it_reads_at_a_glance()
    {
        var cut = RenderWithProviders<ClockBadge>(("Clock", TenHours), ("Now", Start.AddHours(11)));

        Assert.Contains("mud-chip-filled", cut.Find("[data-testid=clock-badge]").ClassName);
    }

    [Theory]
    [InlineData(4, "Met", "按时完成")]
    [InlineData(12, "MetLate", "超时 2小时0分 完成")]
    public void A_stopped_clock_says_whether_it_was_met(double stoppedAfter, string state, string text)
    {
        var cut = RenderWithProviders<ClockBadge>(("Clock", TenHours.Stop(Start.AddHours(stoppedAfter))), ("Now", Start.AddDays(2)), ("ShowKind", false));

        var chip = cut.Find("[data-testid=clock-badge]");
        Assert.Equal((state, text), (chip.GetAttribute("data-state"), chip.TextContent.Trim()));
    }

    [Fact]
    public void Custom_thresholds_change_when_the_warning_starts()
    {
        var cut = RenderWithProviders<ClockBadge>(("Clock", TenHours), ("Now", Start.AddHours(5)), ("Thresholds", new ClockThresholds(0.5, 0.8)));

        Assert.Equal("Warning", cut.Find("[data-testid=clock-badge]").GetAttribute("data-state"));
    }
}
