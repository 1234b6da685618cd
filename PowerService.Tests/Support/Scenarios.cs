using Microsoft.Extensions.Time.Testing;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Web.Features.Complaints;
using PowerService.Web.Features.Shared;
using PowerService.Tests.Domain.Complaints;

namespace PowerService.Tests.Support;

/// <summary>Complaints carried through the loop by the service the pages use, for tests that need them further along.</summary>
public static class Scenarios
{
    /// <summary>Registered by <paramref name="agent"/> (its first responder), who dispatches it to <paramref name="handler"/> in the handler's department.</summary>
    public static async Task<string> DispatchedAsync(ComplaintService complaints, StaffUser agent, StaffUser handler, ComplaintIntake? intake = null)
    {
        var number = (await complaints.RegisterAsync(intake ?? ComplaintBuilder.ValidIntake(), Guid.NewGuid(), agent)).Value!;
        var outcome = await complaints.ActAsync(number, (await complaints.FindAsync(number))!.Revision, agent, null,
            (c, ctx) => c.Dispatch(new DispatchOrder(handler.Actor, handler.Department), ctx));
        Assert.True(outcome.Succeeded, string.Join("；", outcome.Result.Reasons));
        return number;
    }

    /// <summary>A 12398 complaint at 总结改进: investigated, resolved, revisited twice (the clock is moved for the 7 days).</summary>
    public static async Task<string> Regulator12398AtImproveAsync(ComplaintService complaints, FakeTimeProvider time, StaffUser agent, StaffUser handler)
    {
        var number = (await complaints.RegisterAsync(ComplaintBuilder.ValidIntake() with { Channel = Channel.Regulator12398, UpstreamReference = "NEA20261123001" },
            Guid.NewGuid(), agent)).Value!;
        async Task Act(Func<Complaint, StepContext, StepResult> step, StaffUser? by = null)
        {
            var outcome = await complaints.ActAsync(number, (await complaints.FindAsync(number))!.Revision, by ?? handler, null, step);
            Assert.True(outcome.Succeeded, string.Join("；", outcome.Result.Reasons));
        }
        await Act((c, ctx) => c.Dispatch(new DispatchOrder(handler.Actor, handler.Department), ctx), agent); // the first responder dispatches
        await Act((c, ctx) => c.Investigate(ComplaintBuilder.Findings, ctx));
        await Act((c, ctx) => c.Resolve(ComplaintBuilder.Resolution(ComplaintBuilder.Start.AddHours(20)), ctx));
        time.Advance(TimeSpan.FromHours(20));
        await Act((c, ctx) => c.Revisit(ComplaintBuilder.Satisfied, ctx));
        time.Advance(TimeSpan.FromDays(7));
        await Act((c, ctx) => c.Revisit(ComplaintBuilder.Satisfied, ctx));
        return number;
    }

    /// <summary>A 95598 complaint carried to 已办结: investigated, resolved, revisited twice, improvement recorded.</summary>
    public static async Task<string> ClosedAsync(ComplaintService complaints, FakeTimeProvider time, StaffUser agent, StaffUser handler, ComplaintIntake? intake = null)
    {
        var registered = await complaints.RegisterAsync(intake ?? ComplaintBuilder.ValidIntake(), Guid.NewGuid(), agent);
        Assert.True(registered.Succeeded, string.Join("；", registered.Errors.Select(e => e.Message)));
        var number = registered.Value!;
        async Task Act(Func<Complaint, StepContext, StepResult> step, StaffUser? by = null)
        {
            var outcome = await complaints.ActAsync(number, (await complaints.FindAsync(number))!.Revision, by ?? handler, null, step);
            Assert.True(outcome.Succeeded, string.Join("；", outcome.Result.Reasons));
        }
        await Act((c, ctx) => c.Dispatch(new DispatchOrder(handler.Actor, handler.Department), ctx), agent);
        await Act((c, ctx) => c.Investigate(ComplaintBuilder.Findings, ctx));
        await Act((c, ctx) => c.Resolve(ComplaintBuilder.Resolution(time.GetUtcNow().AddHours(20)), ctx));
        time.Advance(TimeSpan.FromHours(20));
        await Act((c, ctx) => c.Revisit(ComplaintBuilder.Satisfied, ctx));
        time.Advance(TimeSpan.FromDays(7));
        await Act((c, ctx) => c.Revisit(ComplaintBuilder.Satisfied, ctx));
        await Act((c, ctx) => c.Improve(ComplaintBuilder.Plan, ctx));
        return number;
    }

    /// <summary>
    /// <paramref name="count"/> complaints registered by <paramref name="agent"/> and carried to 已办结 by <paramref name="handler"/> step by step
    /// together, so all close at the same instant (7 days and 20 hours after now).
    /// </summary>
    public static async Task<List<string>> ClosedTogetherAsync(ComplaintService complaints, FakeTimeProvider time, StaffUser agent, StaffUser handler, int count,
        Channel channel = Channel.Hotline95598)
    {
        var numbers = new List<string>();
        for (var i = 0; i < count; i++)
            numbers.Add(await DispatchedAsync(complaints, agent, handler,
                ComplaintBuilder.ValidIntake() with { Channel = channel, UpstreamReference = channel.NeedsUpstreamReference() ? $"REF2026{i:D6}" : null }));
        async Task All(Func<Complaint, StepContext, StepResult> step)
        {
            foreach (var number in numbers)
            {
                var outcome = await complaints.ActAsync(number, (await complaints.FindAsync(number))!.Revision, handler, null, step);
                Assert.True(outcome.Succeeded, string.Join("；", outcome.Result.Reasons));
            }
        }
        await All((c, ctx) => c.Investigate(ComplaintBuilder.Findings, ctx));
        await All((c, ctx) => c.Resolve(ComplaintBuilder.Resolution(time.GetUtcNow().AddHours(20)), ctx));
        time.Advance(TimeSpan.FromHours(20));
        await All((c, ctx) => c.Revisit(ComplaintBuilder.Satisfied, ctx));
        time.Advance(TimeSpan.FromDays(7));
        await All((c, ctx) => c.Revisit(ComplaintBuilder.Satisfied, ctx));
        await All((c, ctx) => c.Improve(ComplaintBuilder.Plan, ctx));
        return numbers;
    }
}
