using Microsoft.Extensions.Options;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.WorkOrders.Import;

/// <summary>
/// Deletes what imports leave in <c>WorkOrderImport:Folder</c> once it is older than
/// <c>WorkOrderImport:KeepFilesFor</c> (7 days): uploads nobody imported — also those from before a
/// restart — and the rejected-row workbooks. Both hold customers' details in full; they are kept only
/// as long as the setting says. At start, then hourly, on the app's clock.
/// </summary>
public sealed class ImportFileSweeper(ImportJobs jobs, TimeProvider time, IOptions<ImportOptions> options, ILogger<ImportFileSweeper> log) : BackgroundService
{
    private const string Sweep = "Sweeping the import folder";

    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RepeatedWork.RunAsync(Sweep, _ =>
        {
            if (jobs.Sweep() is > 0 and var deleted)
                log.LogInformation("Deleted {Count} import files older than {Days} days", deleted, options.Value.KeepFilesFor.TotalDays);
            return Task.CompletedTask;
        }, ct => Task.Delay(Every, time, ct), log, time, stoppingToken);
}
