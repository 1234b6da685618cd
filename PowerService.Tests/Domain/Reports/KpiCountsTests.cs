using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Reports;
using PowerService.Domain.Sla;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Domain.Reports;

/// <summary>
/// The KPI counts on a hand-computed fixture: one complaint for each case the formulas treat apart
/// (on time, re-opened, a revisit that did not reach the customer, overdue, still pending, withdrawn,
/// merged), read at one instant. 95598 normal: response and contact 24 h, handling 4 working days,
/// first revisit 24 h after resolution. Start is Monday 2026-11-23 09:30 China time.
/// </summary>
public sealed class KpiCountsTests
{
    private static readonly DateTimeOffset Now = Start.AddDays(20);

    private static Complaint Step(Complaint c, Func<Complaint, StepContext, StepResult> step, double hours) => Ok(c, step(c, At(Start.AddHours(hours))));

    private static Complaint Resolved(double at)
    {
        var c = Registered();
        Step(c, (x, ctx) => x.Dispatch(Dispatch, ctx), 0.1);
        Step(c, (x, ctx) => x.Investigate(Findings, ctx), 1);
        return Step(c, (x, ctx) => x.Resolve(Resolution(Start.AddHours(20)), ctx), at);
    }

    /// <summary>Every clock met, satisfied at both revisits, improved: closed.</summary>
    private static Complaint OnTime()
    {
        var c = Resolved(2);
        Step(c, (x, ctx) => x.Revisit(Satisfied, ctx), 3);
        Step(c, (x, ctx) => x.Revisit(Satisfied, ctx), 7 * 24 + 3);
        return Step(c, (x, ctx) => x.Improve(Plan, ctx), 8 * 24);
    }

    /// <summary>Dissatisfied at the first revisit, resolved again, then satisfied.</summary>
    private static Complaint Reopened()
    {
        var c = Resolved(2);
        Step(c, (x, ctx) => x.Revisit(Dissatisfied, ctx), 3);
        Step(c, (x, ctx) => x.Resolve(Resolution(Start.AddHours(20)), ctx), 5);
        return Step(c, (x, ctx) => x.Revisit(Satisfied, ctx), 6);
    }

    /// <summary>Resolved; the one revisit attempt did not reach the customer; its 24 h have long passed.</summary>
    private static Complaint Unreached() => Step(Resolved(2), (x, ctx) => x.Revisit(NotReached, ctx), 3);

    /// <summary>Dispatched and never resolved: 4 working days are long gone at <see cref="Now"/>.</summary>
    private static Complaint Overdue() => Step(Registered(), (x, ctx) => x.Dispatch(Dispatch, ctx), 0.1);

    /// <summary>Received an hour before <see cref="Now"/>: nothing due yet.</summary>
    private static Complaint Pending()
    {
        var result = Complaint.Register(ValidIntake() with { ReceivedAt = Now.AddHours(-1) }, "TS202612130001", Guid.NewGuid(), "客户服务中心", At(Now.AddHours(-1), Agent));
        return result.Value!;
    }

    private static Complaint Withdrawn() => Step(Registered(), (x, ctx) => x.Withdraw(new Withdrawal("客户表示问题已自行解决", "电话录音"), ctx), 1);

    private static Complaint Merged() => Step(Registered(), (x, ctx) => x.MergeInto(new MergeRequest("TS202611220007", "同一停电事件重复来电"), ctx), 1);

    private static KpiCounts CountsOf(params Complaint[] complaints) => KpiCounts.Of(complaints.Select(ComplaintMeasure.Of), Now);

    [Fact]
    public void The_fixture_counts_as_computed_by_hand()
    {
        var counts = CountsOf(OnTime(), Reopened(), Unreached(), Overdue(), Pending(), Withdrawn(), Merged());

        Assert.Equal(7, counts.Received);
        Assert.Equal(1, counts.Withdrawn);
        Assert.Equal(1, counts.Merged);
        Assert.Equal(5, counts.Counted);       // withdrawn and merged are not measured
        Assert.Equal(4, counts.Open);          // re-opened and unreached (at revisit), overdue (investigating), pending (intake)
        Assert.Equal(3, counts.Timely);        // on time, re-opened (both rounds in time), unreached
        Assert.Equal(1, counts.Overdue);       // never resolved
        Assert.Equal(2, counts.Rated);         // on time, re-opened; the unreached revisit rated nothing
        Assert.Equal(1, counts.Satisfied);     // the re-opened one was dissatisfied at its first revisit (its later 满意 closes it, not the KPI)
        Assert.Equal(1, counts.FirstTime);     // the re-opened one was not resolved the first time
        Assert.Equal(3, counts.RevisitOwed);   // every resolved one, 24 h after resolution
        Assert.Equal(2, counts.Revisited);     // the unreached attempt is not a revisit
        Assert.Equal(1, counts.Reopened);
        Assert.Equal(0.75m, counts.TimelinessRate);
        Assert.Equal(0.5m, counts.SatisfactionRate);
        Assert.Equal(0.5m, counts.FirstTimeRate);
        Assert.Equal(2m / 3, counts.RevisitRate);
    }

    [Fact]
    public void A_complaint_waiting_for_its_first_deadline_is_neither_on_time_nor_overdue()
    {
        var counts = CountsOf(Pending());

        Assert.Equal((1, 1, 0, 0), (counts.Counted, counts.Open, counts.Timely, counts.Overdue));
        Assert.Null(counts.TimelinessRate);
    }

    [Fact]
    public void A_running_clock_becomes_overdue_when_read_after_its_due_time_without_the_complaint_changing()
    {
        var measure = ComplaintMeasure.Of(Overdue());
        var due = measure.OverdueAt!.Value;

        Assert.Equal(0, KpiCounts.One(measure, due.AddTicks(-1)).Overdue);
        Assert.Equal(1, KpiCounts.One(measure, due).Overdue);
    }

    [Fact]
    public void A_revisit_is_owed_from_24_hours_after_resolution_and_a_revisit_that_reached_the_customer_settles_it()
    {
        var resolved = ComplaintMeasure.Of(Resolved(2));
        var owedAt = Start.AddHours(2 + 24);

        Assert.Equal(owedAt, resolved.RevisitOwedAt);
        Assert.Equal(0, KpiCounts.One(resolved, owedAt.AddTicks(-1)).RevisitOwed);
        Assert.Equal((1, 0), (KpiCounts.One(resolved, owedAt).RevisitOwed, KpiCounts.One(resolved, owedAt).Revisited));
    }

    [Fact]
    public void A_late_clock_stays_a_breach_after_the_complaint_is_resolved()
    {
        var c = Registered();
        Step(c, (x, ctx) => x.Dispatch(Dispatch, ctx), 30); // first response due 24 h after the call
        var measure = ComplaintMeasure.Of(c);

        Assert.NotNull(measure.FirstResponseBreachAt);
        Assert.Equal(1, KpiCounts.One(measure, Now).Overdue);
        Assert.True(measure.HandlingBreachAt > Start.AddHours(30)); // handling still runs, due later
        Assert.True(measure.TimelinessOpen);
    }

    [Fact]
    public void Handling_time_counts_working_hours_only()
    {
        // Received Monday 09:20, resolved Tuesday 10:30 (China): 08:10 on Monday (to 17:30) + 02:00 on Tuesday.
        var c = Resolved(25);
        Assert.Equal(8 * 60 + 10 + 2 * 60, c.HandlingWorkingMinutes);
        Assert.Equal(c.HandlingWorkingMinutes, ComplaintMeasure.Of(c).HandlingMinutes);
    }
}
