using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using PowerService.Web.Data;

namespace PowerService.Web.Features.Api;

/// <summary>
/// The API call log. A call is recorded when it ends and written in batches within a second, so the
/// log costs a call no database round trip (at 200 calls a second, one write per call would be the
/// API's largest cost). What is queued is written on shutdown too; <see cref="FlushAsync"/> writes it
/// now, for pages and tests that read the log.
/// </summary>
public sealed class ApiCallJournal(IDbContextFactory<AppDbContext> dbFactory, ILogger<ApiCallJournal> log) : BackgroundService
{
    private const int BatchSize = 500;
    private readonly Channel<ApiCallRecord> _queue = Channel.CreateUnbounded<ApiCallRecord>(new() { SingleReader = false });
    private readonly SemaphoreSlim _writing = new(1, 1);

    public void Record(ApiCallRecord call) => _queue.Writer.TryWrite(call);

    /// <summary>Writes everything recorded so far.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        await _writing.WaitAsync(ct);
        try { while (await WriteBatchAsync(ct) > 0) { } }
        finally { _writing.Release(); }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), stoppingToken); // gather a batch
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(CancellationToken.None);
    }

    private async Task<int> WriteBatchAsync(CancellationToken ct)
    {
        var batch = new List<ApiCallRecord>(BatchSize);
        while (batch.Count < BatchSize && _queue.Reader.TryRead(out var call)) batch.Add(call);
        if (batch.Count == 0) return 0;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.ApiCalls.AddRange(batch);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The calls themselves have been answered; losing their log lines is logged, not hidden.
            log.LogError(ex, "Could not write {Count} API call log entries ({First:O} to {Last:O})", batch.Count, batch[0].At, batch[^1].At);
        }
        return batch.Count;
    }
}
