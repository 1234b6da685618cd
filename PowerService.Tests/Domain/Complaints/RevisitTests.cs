using PowerService.Domain.Complaints;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Domain.Complaints;

public class RevisitTests
{
    [Fact]
    public void Unsatisfied_first_revisit_reopens_resolution_and_counts_against_first_time_resolution()
    {
        var c = In(Stage.Revisit);

        var result = c.Revisit(Dissatisfied, At(Start.AddHours(30)));

        Assert.True(result.Succeeded);
        Assert.Equal(Stage.Resolve, c.Stage);
        Assert.Equal(1, c.ReopenCount);
        Assert.False(c.IsFirstTimeResolved);
        Assert.Contains("重新进入解决处理", c.Timeline[^1].Summary);
    }

    [Fact]
    public void After_a_reopen_the_next_revisit_is_a_first_revisit_again()
    {
        var c = In(Stage.Revisit);
        Ok(c, c.Revisit(Dissatisfied, At(Start.AddHours(30))));
        Ok(c, c.Resolve(Resolution(Start.AddHours(40)), At(Start.AddHours(40))));

        Assert.Equal(RevisitRound.First, c.DueRevisitRound);
        Ok(c, c.Revisit(Satisfied, At(Start.AddHours(48))));
        Assert.Equal(RevisitRound.Second, c.DueRevisitRound);
        Assert.Equal(Start.AddHours(40 + 7 * 24), c.SecondRevisitEarliest);
    }

    [Fact]
    public void Satisfied_first_revisit_waits_for_the_second_before_improvement()
    {
        var c = In(Stage.Revisit);

        Ok(c, c.Revisit(Satisfied, At(Start.AddHours(30))));

        Assert.Equal(Stage.Revisit, c.Stage);
        Assert.Equal(RevisitRound.Second, c.DueRevisitRound);
        Assert.Equal([RevisitRound.First], c.Revisits.Select(r => r.Round));
    }

    [Fact]
    public void Second_revisit_before_seven_days_after_resolution_is_refused()
    {
        var c = In(Stage.Revisit); // resolved at Start + 24 h
        Ok(c, c.Revisit(Satisfied, At(Start.AddHours(30))));

        var early = c.Revisit(Satisfied, At(Start.AddHours(24 + 6 * 24)));

        Assert.False(early.Succeeded);
        Assert.Equal("二次回访须在 2026-12-01 09:30 之后进行（解决后满 7 天）", Assert.Single(early.Reasons));
        Assert.Equal(Stage.Revisit, c.Stage);
    }

    [Fact]
    public void Satisfied_second_revisit_moves_on_to_improvement()
    {
        var c = In(Stage.Revisit);
        Ok(c, c.Revisit(Satisfied, At(Start.AddHours(30))));

        Ok(c, c.Revisit(Satisfied, At(Start.AddHours(24 + 7 * 24))));

        Assert.Equal(Stage.Improve, c.Stage);
        Assert.True(c.IsFirstTimeResolved);
        Assert.Equal([RevisitRound.First, RevisitRound.Second], c.Revisits.Select(r => r.Round));
    }

    [Fact]
    public void Unsatisfied_second_revisit_also_reopens_resolution()
    {
        var c = In(Stage.Revisit);
        Ok(c, c.Revisit(Satisfied, At(Start.AddHours(30))));

        Ok(c, c.Revisit(Dissatisfied, At(Start.AddDays(9))));

        Assert.Equal(Stage.Resolve, c.Stage);
        Assert.Equal(1, c.ReopenCount);
    }

    [Fact]
    public void A_call_that_does_not_reach_the_customer_is_recorded_without_advancing_the_round()
    {
        var c = In(Stage.Revisit);

        Ok(c, c.Revisit(NotReached, At(Start.AddHours(26))));

        Assert.Equal(Stage.Revisit, c.Stage);
        Assert.Equal(RevisitRound.First, c.DueRevisitRound);
        Assert.Contains("未联系到客户", c.Timeline[^1].Summary);
    }
}
