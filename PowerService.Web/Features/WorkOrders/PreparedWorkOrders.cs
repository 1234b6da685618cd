using PowerService.Domain.Complaints;

namespace PowerService.Web.Features.WorkOrders;

/// <summary>
/// A batch of work orders checked, numbered and registered in memory, not yet stored: what
/// <see cref="WorkOrderService.PrepareAsync"/> made of it, for <see cref="WorkOrderService.StoreAsync"/>.
/// </summary>
internal sealed class PreparedWorkOrders(IReadOnlyList<ComplaintIntake> orders, WorkOrderOutcome?[] outcomes, List<int> fresh, DateTimeOffset now)
{
    public IReadOnlyList<ComplaintIntake> Orders => orders;

    /// <summary>When the batch was registered: its receipts' time.</summary>
    public DateTimeOffset Now => now;

    /// <summary>The complaints registered, with their receipts, in order.</summary>
    public List<RegisteredWorkOrder> Created { get; } = [];

    /// <summary>The day's sequences the batch took (also for orders whose registration then failed), or null when it took none.</summary>
    public (DateOnly Day, int First, int Count)? Numbers { get; set; }

    /// <summary>The <see cref="WorkOrderPipeline"/>'s generation when the batch was prepared: stale once a batch before it was not stored as prepared.</summary>
    public int Generation { get; set; }

    /// <summary>Every order's outcome, once stored: a reference repeated within the batch is answered as its first order was.</summary>
    public IReadOnlyList<WorkOrderOutcome> Outcomes()
    {
        var first = fresh.Where(i => outcomes[i]!.Created).ToDictionary(i => WorkOrderService.KeyOf(orders[i])!.Value, i => outcomes[i]!.Number);
        return [.. outcomes.Select((outcome, i) => outcome ?? (first.TryGetValue(WorkOrderService.KeyOf(orders[i])!.Value, out var number)
            ? new WorkOrderOutcome(number, false, [])
            : new WorkOrderOutcome(null, false, [new(nameof(ComplaintIntake.UpstreamReference), "与前面同一上级工单编号的工单重复，而前一条未能登记")])))];
    }
}
