using PowerService.Domain.Complaints;
using PowerService.Domain.Privacy;
using PowerService.Tests.Domain.Complaints;

namespace PowerService.Tests.Domain.Privacy;

public class RetentionPolicyTests
{
    private static RetentionPolicy Years(int years) => RetentionPolicy.Of(years).Value!;

    [Theory]
    [InlineData(1, "保留期限不能少于 2 年（投诉记录至少保存 2 年），当前设置为 1 年")]
    [InlineData(0, "保留期限不能少于 2 年（投诉记录至少保存 2 年），当前设置为 0 年")]
    [InlineData(-3, "保留期限不能少于 2 年（投诉记录至少保存 2 年），当前设置为 -3 年")]
    [InlineData(31, "保留期限不能超过 30 年，当前设置为 31 年")]
    public void A_policy_below_the_two_years_the_rules_require_is_refused_with_the_reason(int years, string reason)
    {
        var result = RetentionPolicy.Of(years);

        Assert.Null(result.Value);
        Assert.Equal([reason], result.Outcome.Reasons);
    }

    [Fact]
    public void Counted_from_when_the_complaint_ended_not_from_when_it_came_in()
    {
        var closed = ComplaintBuilder.In(Stage.Closed);
        var ended = closed.EndedAt!.Value;
        Assert.Equal(closed.ClosedAt, ended);
        Assert.True(ended > closed.RegisteredAt.AddDays(7));

        Assert.False(Years(2).IsDue(closed, ended.AddYears(2).AddTicks(-1)));
        Assert.True(Years(2).IsDue(closed, ended.AddYears(2)));
        Assert.False(Years(3).IsDue(closed, ended.AddYears(2).AddDays(1)));
    }

    [Theory]
    [InlineData(Stage.Merged)]
    [InlineData(Stage.Withdrawn)]
    [InlineData(Stage.Reclassified)]
    public void A_complaint_that_left_the_loop_early_ended_when_it_left(Stage end)
    {
        var complaint = ComplaintBuilder.In(end);

        Assert.Equal(ComplaintBuilder.Start.AddHours(1), complaint.EndedAt);
        Assert.True(Years(2).IsDue(complaint, ComplaintBuilder.Start.AddYears(2).AddHours(1)));
    }

    [Theory]
    [InlineData(Stage.Intake)]
    [InlineData(Stage.Investigate)]
    [InlineData(Stage.Resolve)]
    [InlineData(Stage.Revisit)]
    [InlineData(Stage.Improve)]
    public void An_open_complaint_is_never_due_however_old(Stage stage)
    {
        var open = ComplaintBuilder.In(stage);

        Assert.Null(open.EndedAt);
        Assert.False(Years(2).IsDue(open, ComplaintBuilder.Start.AddYears(20)));
    }
}
