using System.Diagnostics;

namespace PowerService.Benchmarks.ScaleBuild;

/// <summary>A line every few seconds: how far the build is and how fast it goes now and overall.</summary>
internal sealed class BuildProgress(int target)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan _last;
    private long _lastCount;

    public void Report(BatchWriter writer, bool force = false)
    {
        var elapsed = _watch.Elapsed;
        if (!force && elapsed - _last < Every) return;
        var recent = (writer.Complaints - _lastCount) / Math.Max((elapsed - _last).TotalSeconds, 0.001);
        var overall = writer.Complaints / Math.Max(elapsed.TotalSeconds, 0.001);
        var remaining = overall > 0 ? TimeSpan.FromSeconds((target - writer.Complaints) / overall) : TimeSpan.Zero;
        Console.WriteLine($"[{elapsed:hh\\:mm\\:ss}] {writer.Complaints,10:N0} / {target:N0} complaints ({recent:N0}/s now, {overall:N0}/s overall, ~{remaining:hh\\:mm\\:ss} left), " +
            $"{writer.TimelineEvents:N0} timeline events, {writer.Alerts:N0} alerts, {GC.GetTotalMemory(false) / 1024 / 1024:N0} MiB managed");
        (_last, _lastCount) = (elapsed, writer.Complaints);
    }
}
