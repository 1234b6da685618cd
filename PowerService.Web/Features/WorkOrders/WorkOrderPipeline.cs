using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Web.Data;

namespace PowerService.Web.Features.WorkOrders;

/// <summary>
/// Registers an import's batches two at a time: the next batch is checked, numbered and registered in
/// memory (on the caller's thread, reading through its own connection) while the previous one is
/// stored (under the write gate, on another). The caller prepares a batch, collects the previous
/// batch's outcomes, then starts storing the new one — never two stores at once.
/// </summary>
/// <remarks>
/// Why: checking, numbering and registering are about a third of an import's time, and SQLite's
/// single writer leaves the second core idle meanwhile (docs/benchmarks.md, issue 12).
/// A prepared batch assumes the one before it is stored as prepared — its numbers follow that batch's
/// (after <see cref="ImportCarry.Spare"/> numbers left for whoever registers meanwhile, as before the
/// first batch of an import of several), its repeats
/// count that batch's customers. When a batch is not (its save failed, or others took more than the
/// spare numbers: it is then registered again as the API registers, one order at a time if need be),
/// the batch prepared after it is stale: it is registered again too, and the next one is prepared only
/// once that is stored, from what is stored.
/// On SQLite the import writes through its own connection, which does not checkpoint at commit: the
/// WAL is checkpointed from the reading connection before each batch is prepared and while the last is
/// stored (copying what earlier batches wrote while the writer goes on), and once more when the import
/// ends. The WAL grows meanwhile (about 1 GB for 100,000 rows: it cannot restart while the writer
/// appends) and is cut back when it next restarts; the connection's settings are put back at the end.
/// </remarks>
public sealed class WorkOrderPipeline : IAsyncDisposable
{
    private readonly WorkOrderService _service;
    private readonly WorkOrderSource _source;
    private readonly AppDbContext _reads;
    private readonly AppDbContext _writes;
    /// <summary>On SQLite, the statements that give the writing connection back its settings.</summary>
    private readonly string? _restore;
    private readonly ILogger _log;
    private ImportCarry _carry = new();
    private Task<IReadOnlyList<WorkOrderOutcome>>? _storing;
    private int _generation;
    private volatile bool _resync;

    internal WorkOrderPipeline(WorkOrderService service, WorkOrderSource source, AppDbContext reads, AppDbContext writes, string? restore, ILogger log) =>
        (_service, _source, _reads, _writes, _restore, _log) = (service, source, reads, writes, restore, log);

    /// <summary>Checks, numbers and registers a batch in memory; may run while the previous batch is stored.</summary>
    /// <param name="final">Whether the batch is the import's last (an import of one batch leaves no spare numbers).</param>
    internal async Task<PreparedWorkOrders> PrepareAsync(IReadOnlyList<ComplaintIntake> orders, CancellationToken ct, bool final = false)
    {
        if (_resync)
        {
            await StoredAsync();
            _carry = new();
            _resync = false;
        }
        await CheckpointAsync(ct);
        _carry.Final = final;
        var generation = Volatile.Read(ref _generation);
        var prepared = await _service.PrepareAsync(_reads, orders, _source, _carry, ct);
        prepared.Generation = generation;
        return prepared;
    }

    /// <summary>
    /// On SQLite, copies what the stored batches wrote from the WAL into the database, from the reading
    /// connection, while the writer goes on with the batch being stored: before each batch is prepared,
    /// and by the caller while the last one is stored, so the import's end copies only that one.
    /// </summary>
    internal async Task CheckpointAsync(CancellationToken ct)
    {
        if (_reads.Database.IsSqlite()) await _reads.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE)", ct);
    }

    /// <summary>Starts storing a prepared batch; its outcomes, in the batch's order, when stored.</summary>
    internal Task<IReadOnlyList<WorkOrderOutcome>> StoreAsync(PreparedWorkOrders prepared, CancellationToken ct)
    {
        if (_storing is { IsCompleted: false }) throw new InvalidOperationException("A pipeline stores one batch at a time: await the previous one first");
        var stale = prepared.Generation != Volatile.Read(ref _generation);
        if (stale) _resync = true;
        _storing = Task.Run(async () =>
        {
            if (!stale && await _service.StorePreparedAsync(_writes, prepared, ct) is { } stored) return stored;
            Interlocked.Increment(ref _generation);
            _resync = true;
            return await _service.RegisterManyAsync(prepared.Orders, _source, ct);
        }, ct);
        return _storing;
    }

    /// <summary>Waits for the batch being stored; its failure is its caller's to see, where it awaits the outcomes.</summary>
    private async Task StoredAsync()
    {
        if (_storing is null) return;
        try { await _storing; }
        catch (Exception) when (_storing.IsFaulted || _storing.IsCanceled) { }
    }

    public async ValueTask DisposeAsync()
    {
        await StoredAsync();
        try
        {
            // A passive checkpoint neither waits for readers nor holds up writers (a truncating one did both):
            // the WAL is cut back to the journal size limit (SqlitePragmas) when it next restarts.
            if (_restore is not null)
            {
                // Pragma values read from this connection (numbers), not input: a plain command.
                await using var command = _writes.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE); " + _restore;
                await command.ExecuteNonQueryAsync();
            }
        }
        catch (DbException ex)
        {
            // The import is stored; what is left uncopied the next checkpoint copies.
            _log.LogWarning(ex, "Ending an import: the WAL checkpoint or the connection's settings failed");
        }
        finally
        {
            await _writes.DisposeAsync();
            await _reads.DisposeAsync();
        }
    }
}
