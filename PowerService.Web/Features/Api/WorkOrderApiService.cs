using Microsoft.EntityFrameworkCore;
using PowerService.Domain;
using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Domain.Text;
using PowerService.Web.Data;
using PowerService.Web.Features.WorkOrders;

namespace PowerService.Web.Features.Api;

/// <summary>What a submitted work order came to: its status (created or already received), or field messages (nothing stored).</summary>
public sealed record WorkOrderSubmission(WorkOrderStatus? Status, IDictionary<string, string[]> Errors);

/// <summary>
/// The API's side of work orders: a client's order registered through <see cref="WorkOrderService"/>
/// (the same rules, automation and idempotency as an import; batched with the orders arriving at the
/// same time by <see cref="WorkOrderBatcher"/>), and the status of its channels' orders.
/// </summary>
public sealed class WorkOrderApiService(IDbContextFactory<AppDbContext> dbFactory, WorkOrderBatcher batcher)
{
    public static WorkOrderSource SourceOf(ApiClient client) =>
        new($"接口：{client.Name}", new Actor($"api:{client.Id}", $"接口：{client.Name}"), [StaffRole.IntakeAgent], client.Department);

    public async Task<WorkOrderSubmission> SubmitAsync(WorkOrderRequest request, ApiClient client, CancellationToken ct = default)
    {
        var (intake, errors) = request.ToIntake(client);
        if (intake is null) return new(null, errors);
        // A resent order is answered from its receipt, without waiting for a turn to write.
        if (await ReceivedAsync(intake, client, ct) is { } received) return new(received with { Created = false }, errors);
        var outcome = await batcher.RegisterAsync(intake, client, ct);
        if (outcome.Refused)
            return new(null, outcome.Errors.GroupBy(e => WorkOrderRequest.JsonName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        var status = await StatusAsync(outcome.Number!, client, ct)
            ?? throw new InvalidOperationException($"Work order {outcome.Number} was registered but cannot be read back");
        return new(status with { Created = outcome.Created }, errors);
    }

    private async Task<WorkOrderStatus?> ReceivedAsync(ComplaintIntake order, ApiClient client, CancellationToken ct)
    {
        if (order.Channel is not { } channel || TextRules.Clean(order.UpstreamReference) is not { } reference) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var number = await db.WorkOrderReceipts.AsNoTracking().Where(r => r.Channel == channel && r.UpstreamReference == reference).Select(r => r.Number).FirstOrDefaultAsync(ct);
        return number is null ? null : await StatusAsync(number, client, ct);
    }

    /// <summary>The status of a complaint of one of the client's channels, by its number; null for any other (it is not the client's to know of).</summary>
    public Task<WorkOrderStatus?> StatusAsync(string number, ApiClient client, CancellationToken ct = default) =>
        FindAsync(c => c.Number == number, client, ct);

    /// <summary>The status of the client's work order by the upstream reference it was sent with.</summary>
    public Task<WorkOrderStatus?> StatusByReferenceAsync(string reference, ApiClient client, CancellationToken ct = default)
    {
        var clean = TextRules.Clean(reference) ?? "";
        return FindAsync(c => c.UpstreamReference == clean, client, ct);
    }

    private async Task<WorkOrderStatus?> FindAsync(System.Linq.Expressions.Expression<Func<Complaint, bool>> which, ApiClient client, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var channels = client.Channels.ToList();
        var found = await db.Complaints.AsNoTracking().Where(which).Where(c => channels.Contains(c.Channel))
            .OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Number, c.Channel, c.UpstreamReference, c.Stage, c.Urgency, c.Department, c.ReceivedAt, c.RegisteredAt,
                c.NextDueAt, c.ResolvedAt, c.ClosedAt, c.MergedInto,
            })
            .FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var changes = await db.Set<TimelineEvent>().AsNoTracking()
            .Where(e => EF.Property<int>(e, "ComplaintId") == found.Id && (e.FromStage == null || e.FromStage != e.ToStage))
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.At, e.ToStage })
            .ToListAsync(ct);
        return new WorkOrderStatus
        {
            Number = found.Number, Channel = found.Channel.ToString(), UpstreamReference = found.UpstreamReference,
            Stage = found.Stage.ToString(), StageName = Labels.Of(found.Stage), Urgency = found.Urgency.ToString(), Department = found.Department,
            ReceivedAt = found.ReceivedAt, RegisteredAt = found.RegisteredAt, NextDueAt = found.Stage.IsOpen() ? found.NextDueAt : null,
            ResolvedAt = found.ResolvedAt, ClosedAt = found.ClosedAt, MergedInto = found.MergedInto,
            History = [.. changes.Select(e => new WorkOrderStageChange(e.At, e.ToStage.ToString(), Labels.Of(e.ToStage)))],
        };
    }
}
