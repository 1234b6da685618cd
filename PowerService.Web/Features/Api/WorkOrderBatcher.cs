using PowerService.Domain.Complaints;
using PowerService.Web.Features.WorkOrders;

namespace PowerService.Web.Features.Api;

/// <summary>
/// Gathers the work orders that arrive while one batch is being stored into the next batch (group
/// commit). Registration runs one save at a time (the write gate); one order per save would cap the
/// API at about 90 orders a second on two cores, while a batch of many costs little more than a batch
/// of one: its lookups, numbering and transaction are shared. Each order still stands alone — one that
/// is refused refuses only itself, and a failed batch is retried order by order (<see cref="WorkOrderService"/>).
/// An order whose caller gave up is still registered: the upstream system resends it and is answered
/// with its number, as the API is idempotent.
/// </summary>
public sealed class WorkOrderBatcher(IServiceScopeFactory scopes, ILogger<WorkOrderBatcher> log)
{
    public const int MaxBatch = 500;

    private sealed record Pending(ComplaintIntake Order, ApiClient Client, TaskCompletionSource<WorkOrderOutcome> Done);

    private readonly System.Threading.Channels.Channel<Pending> _queue = System.Threading.Channels.Channel.CreateUnbounded<Pending>();
    private int _draining;

    public Task<WorkOrderOutcome> RegisterAsync(ComplaintIntake order, ApiClient client, CancellationToken ct)
    {
        var pending = new Pending(order, client, new(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Writer.TryWrite(pending);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0) _ = Task.Run(DrainAsync, CancellationToken.None);
        return pending.Done.Task.WaitAsync(ct);
    }

    /// <summary>Stores batches until the queue is empty; whoever enqueues next starts it again.</summary>
    private async Task DrainAsync()
    {
        while (true)
        {
            var batch = new List<Pending>();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
            foreach (var group in batch.GroupBy(p => p.Client.Id)) await StoreAsync([.. group]);
            if (batch.Count > 0) continue;
            Volatile.Write(ref _draining, 0);
            // An order queued after the last read but before the flag was cleared found it set: take it on.
            if (!_queue.Reader.TryPeek(out _) || Interlocked.CompareExchange(ref _draining, 1, 0) != 0) return;
        }
    }

    private async Task StoreAsync(IReadOnlyList<Pending> group)
    {
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await using var scope = scopes.CreateAsyncScope();
            var outcomes = await scope.ServiceProvider.GetRequiredService<WorkOrderService>()
                .RegisterManyAsync([.. group.Select(p => p.Order)], WorkOrderApiService.SourceOf(group[0].Client), CancellationToken.None);
            for (var i = 0; i < group.Count; i++) group[i].Done.TrySetResult(outcomes[i]);
            log.LogDebug("Stored a batch of {Count} API work orders in {Ms} ms", group.Count, watch.ElapsedMilliseconds);
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Registering a batch of {Count} API work orders failed", group.Count);
            foreach (var pending in group) pending.Done.TrySetException(ex);
        }
    }
}
