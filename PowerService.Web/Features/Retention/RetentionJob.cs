using Microsoft.Extensions.Options;
using PowerService.Domain.Staff;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Retention;

/// <summary>
/// Runs retention once a day at <see cref="RetentionOptions.RunAt"/> (China time), on the app's
/// clock. At start it runs at once if the day's run was missed while the app was down; a run cut
/// short is closed as interrupted by the next, which carries on with what is still due.
/// </summary>
public sealed class RetentionJob(RetentionService retention, TimeProvider time, ILogger<RetentionJob> log) : BackgroundService
{
    private const string Run = "The daily retention run";

    /// <summary>When this instance was busy with an admin's run at the scheduled time, it looks again after this.</summary>
    private static readonly TimeSpan RetryWhenBusy = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = new RepeatedFailureLog(log, time);
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                if (await retention.ScheduledRunDueAsync(stoppingToken))
                    busy = !(await retention.RunAsync(StaffRoles.SystemActor, scheduled: true, stoppingToken)).Succeeded;
                failures.Succeeded(Run, Run);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures.Failed(Run, Run, ex);
                busy = true; // the database may be back in a few minutes; a day is too long to wait
            }
            var now = time.GetUtcNow();
            var wait = busy ? RetryWhenBusy : retention.NextSlot(now) - now;
            try { await Task.Delay(wait, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
