using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Tests.Support;
using PowerService.Web.Features.Complaints;
using PowerService.Web.Features.Shared;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Data;

/// <summary>
/// 待二次回访: the queue finds, in SQL, the complaints waiting at revisit whose second revisit has
/// become possible — and none before the instant it opens.
/// </summary>
public abstract class SecondRevisitQueueTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset ResolvedAt = DateTimeOffset.Parse("2026-11-23T02:03:04.5678901Z");
    private TestDatabase _db = null!;
    private StaffUser _handler = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        _handler = await _db.StaffAsync("handler");
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Due_second_revisits_are_found_from_the_instant_they_open()
    {
        var ct = TestContext.Current.CancellationToken;
        var agent = await _db.StaffAsync("agent");
        var numbers = new List<string>();
        for (var i = 0; i < 5; i++) numbers.Add(await _db.RegisterAsync(agent, ValidIntake() with { Phone = $"1390000001{i}", AccountNumber = $"330000001{i}" }));
        var (waiting, revisitedTwice, firstPending, reopened, resolvedLater) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4]);

        _db.Time.SetUtcNow(ResolvedAt);
        foreach (var number in numbers.Take(4)) await ResolveAsync(number);
        _db.Time.Advance(TimeSpan.FromDays(1));
        await ResolveAsync(resolvedLater);
        _db.Time.Advance(TimeSpan.FromHours(20));
        foreach (var number in new[] { waiting, revisitedTwice, resolvedLater }) await ActAsync(number, (c, ctx) => c.Revisit(Satisfied, ctx));
        await ActAsync(reopened, (c, ctx) => c.Revisit(Dissatisfied, ctx));

        _db.Time.SetUtcNow(ResolvedAt.AddDays(7).AddMilliseconds(-1));
        Assert.Empty((await DueAsync(ct)).Rows);

        _db.Time.SetUtcNow(ResolvedAt.AddDays(7));
        Assert.Equal([waiting, revisitedTwice], (await DueAsync(ct)).Rows.Select(r => r.Number).Order());

        await ActAsync(revisitedTwice, (c, ctx) => c.Revisit(Satisfied, ctx));
        var due = await DueAsync(ct);
        Assert.Equal([waiting], due.Rows.Select(r => r.Number));
        Assert.Equal(1, due.Total);
        Assert.Equal(Stage.Improve, (await _db.LoadAsync(revisitedTwice)).Stage);
        Assert.Null((await _db.LoadAsync(firstPending)).SecondRevisitOpensAt);

        _db.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal([waiting, resolvedLater], (await DueAsync(ct)).Rows.Select(r => r.Number).Order());
    }

    private async Task<QueueResult> DueAsync(CancellationToken ct) =>
        await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, Due: DueFilter.SecondRevisitDue), await _db.StaffAsync("manager"), ct);

    private async Task ResolveAsync(string number)
    {
        await ActAsync(number, (c, ctx) => c.Dispatch(new DispatchOrder(_handler.Actor, "城区供电所"), ctx), await _db.StaffAsync("agent"));
        await ActAsync(number, (c, ctx) => c.Investigate(Findings, ctx));
        await ActAsync(number, (c, ctx) => c.Resolve(Resolution(ctx.At.AddDays(2)), ctx));
    }

    private async Task ActAsync(string number, Func<Complaint, StepContext, StepResult> step, StaffUser? by = null)
    {
        var current = await _db.LoadAsync(number);
        var outcome = await _db.Complaints.ActAsync(number, current.Revision, by ?? _handler, null, step, TestContext.Current.CancellationToken);
        Assert.True(outcome.Succeeded, string.Join("；", outcome.Result.Reasons));
    }
}

public sealed class SecondRevisitQueueTestsOnSqlite() : SecondRevisitQueueTests(DatabaseProvider.Sqlite);

public sealed class SecondRevisitQueueTestsOnPostgres() : SecondRevisitQueueTests(DatabaseProvider.Postgres);
