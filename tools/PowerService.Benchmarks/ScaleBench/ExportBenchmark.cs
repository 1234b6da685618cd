using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Benchmarks.ScaleBuild;
using PowerService.Domain.Reports;
using PowerService.Web.Data;
using PowerService.Web.Features.Reports;

namespace PowerService.Benchmarks.ScaleBench;

/// <summary>
/// <c>bench.sh export</c> (issue 10): the xlsx a manager downloads — every sheet plus the detail rows
/// of a period — written by the app's own <see cref="ReportFiles"/> to a file, as the export job does,
/// timed, with the process's peak memory. The goal: 100,000 detail rows in under 10 s and 200 MB.
/// The period is chosen to hold at least <c>--rows</c> complaints (whole months back from --month).
/// </summary>
internal static class ExportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (target, error) = BenchTarget.Parse(args);
        if (target is null)
        {
            Console.Error.WriteLine($"{error}\nusage: PowerService.Benchmarks export --provider sqlite --path FILE | --provider postgres --connection CS [--rows 100000] [--month 2026-10] [--format xlsx|csv] [--runs 3]");
            return 2;
        }
        var rows = target.Int("rows", 100_000);
        var runs = target.Int("runs", 3);
        var monthText = target.Options.GetValueOrDefault("month", "2026-10");
        var format = target.Options.GetValueOrDefault("format", "xlsx") == "csv" ? ExportFormat.Csv : ExportFormat.Xlsx;
        var (services, configuration) = AppServices.Build(target.Settings);
        await using var _ = services;
        await services.PrepareDatabaseAsync(configuration);
        var backfill = services.GetRequiredService<MeasureBackfill>();
        var watch = Stopwatch.StartNew();
        await backfill.RunAsync(CancellationToken.None);
        if (backfill.Filled > 0) Console.WriteLine($"backfill: {backfill.Filled:N0} measures in {watch.Elapsed.TotalSeconds:F0} s");

        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var manager = await DemoStaff.LoadAsync(factory, "manager");
        var last = DateOnly.ParseExact(monthText + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(1).AddDays(-1);
        var period = await PeriodWithAsync(factory, last, rows);
        Console.WriteLine($"{target.Name}; {format} of {period.Label}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

        var path = Path.Combine(Path.GetTempPath(), $"ps-export-bench.{format.ToString().ToLowerInvariant()}");
        for (var run = 0; run <= runs; run++)
        {
            GC.Collect();
            var before = Process.GetCurrentProcess().WorkingSet64;
            var allocated = GC.GetTotalAllocatedBytes();
            var peak = new PeakSampler();
            var written = 0;
            var timer = Stopwatch.StartNew();
            await using (var scope = services.CreateAsyncScope())
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                var files = scope.ServiceProvider.GetRequiredService<ReportFiles>();
                await files.WriteAsync(file, manager, new ExportRequest(format, period, null, false), _ => { }, new Count(n => written = n), CancellationToken.None);
            }
            timer.Stop();
            peak.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(run == 0 ? "warm-up" : $"run {run}")}: {written:N0} detail rows in {timer.Elapsed.TotalSeconds:F2} s; file {new FileInfo(path).Length / 1024.0 / 1024:F1} MB; " +
                $"working set {before / 1048576} → peak {peak.Max / 1048576} MB (+{(peak.Max - before) / 1048576} MB); allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1048576} MB"));
        }
        File.Delete(path);
        return 0;
    }

    /// <summary>Whole months back from <paramref name="last"/> until the period holds at least <paramref name="rows"/> complaints.</summary>
    private static async Task<ReportPeriod> PeriodWithAsync(IDbContextFactory<AppDbContext> factory, DateOnly last, int rows)
    {
        await using var db = await factory.CreateDbContextAsync();
        var first = new DateOnly(last.Year, last.Month, 1);
        while (true)
        {
            var period = ReportPeriod.Custom(first, last);
            var (from, to) = (period.From, period.To);
            if (await db.ComplaintMeasures.CountAsync(m => m.ReceivedAt >= from && m.ReceivedAt < to) >= rows || first.Year < 2025) return period;
            first = first.AddMonths(-1);
        }
    }

    private sealed class Count(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    /// <summary>Samples the process's working set every 50 ms: the peak an export reaches, not where it ends.</summary>
    private sealed class PeakSampler
    {
        private readonly Timer _timer;
        private long _max = Process.GetCurrentProcess().WorkingSet64;

        public PeakSampler() => _timer = new Timer(_ => Sample(), null, 0, 50);

        public long Max => Interlocked.Read(ref _max);

        private void Sample()
        {
            var now = Process.GetCurrentProcess().WorkingSet64;
            long seen;
            while (now > (seen = Interlocked.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen) { }
        }

        public void Stop()
        {
            _timer.Dispose();
            Sample();
        }
    }
}
