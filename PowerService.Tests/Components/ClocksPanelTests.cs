using Bunit;
using PowerService.Domain.Complaints;
using PowerService.Domain.Sla;
using PowerService.Web.Features.Sla;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Components;

/// <summary>The 时限 panel after a re-opened resolution: each clock once for the current round, the earlier round apart and honest.</summary>
public sealed class ClocksPanelTests : ComponentTestBase
{
    private static Complaint Reopened()
    {
        var c = In(Stage.Revisit);
        Ok(c, c.Revisit(Dissatisfied, At(Start.AddHours(30))));
        Ok(c, c.Resolve(Resolution(Start.AddHours(40)), Ctx(c, 48)));
        return c;
    }

    private IRenderedComponent<ClocksPanel> Render(Complaint c) =>
        RenderWithProviders<ClocksPanel>(("Current", c.CurrentClocks), ("Earlier", c.EarlierClocks), ("Escalation", c.Escalation));

    [Fact]
    public void The_current_round_shows_each_clock_once_and_none_as_met_that_did_not_happen()
    {
        Db.Time.SetUtcNow(Start.AddHours(50));
        var cut = Render(Reopened());

        var current = cut.FindAll(".clocks-table")[0].QuerySelectorAll("[data-testid=clock-row]").Select(r => r.GetAttribute("data-clock")).ToList();
        Assert.Equal(current.Distinct().Count(), current.Count);
        Assert.Equal(5, current.Count); // first response, contact, handling, and this round's two revisits
        var secondRevisits = cut.FindAll("[data-testid=clock-row][data-clock=SecondRevisit]");
        Assert.Equal(["OnTrack", "Superseded"], secondRevisits.Select(r => r.GetAttribute("data-state")));
        Assert.DoesNotContain(secondRevisits, r => r.TextContent.Contains("按时完成"));
        Assert.Contains("已作废（重新处理）", secondRevisits[1].TextContent);
        Assert.Contains("前几轮的时限（3）", cut.Find("[data-testid=earlier-clocks]").TextContent);
    }

    [Fact]
    public void A_complaint_never_reopened_has_no_earlier_round()
    {
        Db.Time.SetUtcNow(Start.AddHours(30));
        var cut = Render(In(Stage.Revisit));

        Assert.Empty(cut.FindAll("[data-testid=earlier-clocks]"));
        Assert.Equal(5, cut.FindAll("[data-testid=clock-row]").Count);
    }
}
