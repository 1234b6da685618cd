using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Sampling;

/// <summary>
/// Draws each level's sample once its period has ended (a week on Monday, a month on the 1st, a quarter on
/// its first day, China time), looking every hour on the app's clock. Restart-safe and safe with several
/// instances: a batch drawn before is found by its unique key and left as it is, and a draw that meets
/// another instance's is the same sample. After a downtime the latest ended period of each level is drawn;
/// an older one a manager draws by hand on the page.
/// </summary>
public sealed class SamplingJob(SamplingService sampling, TimeProvider time, ILogger<SamplingJob> log) : BackgroundService
{
    private const string Run = "Drawing the revisit samples";

    /// <summary>How often the job looks for a period that has ended.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RepeatedWork.RunAsync(Run, sampling.DrawDueAsync, ct => Task.Delay(Interval, time, ct), log, time, stoppingToken);
}
