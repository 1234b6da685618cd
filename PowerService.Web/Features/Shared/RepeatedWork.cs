namespace PowerService.Web.Features.Shared;

/// <summary>
/// The loop of a background job that does its work, waits, and does it again until the app stops. A
/// failure is logged (at once, then hourly with its count while it lasts: <see cref="RepeatedFailureLog"/>)
/// and the next round tries again; stopping ends the loop quietly.
/// </summary>
public static class RepeatedWork
{
    public static async Task RunAsync(string what, Func<CancellationToken, Task> work, Func<CancellationToken, Task> wait,
        ILogger log, TimeProvider time, CancellationToken stoppingToken)
    {
        var failures = new RepeatedFailureLog(log, time);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await work(stoppingToken);
                failures.Succeeded(what, what);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex) { failures.Failed(what, what, ex); }
            try { await wait(stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
