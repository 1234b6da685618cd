using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Benchmarks.ScaleBuild;
using PowerService.Domain.Reports;
using PowerService.Web.Data;
using PowerService.Web.Features.Reports;
using PowerService.Web.Features.Shared;

namespace PowerService.Benchmarks.ScaleBench;

/// <summary>
/// <c>bench.sh reports</c> (issue 10): the managers' reports on a built database. First what the
/// first start after the upgrade does — the migrations, then the measure backfill to completion,
/// timed (rows a second) — then each report, warm, as a company-level manager and as a department
/// manager: the scorecard of a month, a quarter and a year, the breakdowns of a month and a year,
/// the 24-month trend and the 12398 statistics of a month, in the app's own <see cref="ReportService"/>.
/// Every run reads at one fixed instant, so the fingerprint of each report's figures compares
/// across runs and code changes.
/// </summary>
internal static class ReportsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (target, error) = BenchTarget.Parse(args);
        if (target is null)
        {
            Console.Error.WriteLine($"{error}\nusage: PowerService.Benchmarks reports --provider sqlite --path FILE | --provider postgres --connection CS " +
                                    "[--runs 10] [--as-of 2026-11-24T00:00:00Z] [--month 2026-10] [--quarter 3] [--year 2025] [--refill 1] [--sql 1] [--dump DIR]");
            return 2;
        }
        var runs = target.Int("runs", 10);
        var asOf = target.Options.TryGetValue("as-of", out var a) ? DateTimeOffset.Parse(a, CultureInfo.InvariantCulture) : DateTimeOffset.UtcNow;
        var monthText = target.Options.GetValueOrDefault("month", "2026-10");
        var (monthYear, monthNumber) = (int.Parse(monthText[..4], CultureInfo.InvariantCulture), int.Parse(monthText[5..], CultureInfo.InvariantCulture));
        var year = target.Int("year", 2025);
        // --dump DIR: each report's figures as JSON, to compare two runs line by line.
        var dump = target.Options.GetValueOrDefault("dump");
        if (dump is not null) Directory.CreateDirectory(dump);
        // The backfill's own messages (how long it took, the vacuum after it) beside the warnings and errors.
        var (services, configuration) = AppServices.Build(target.Settings, typeof(MeasureBackfill).FullName!);
        await using var _ = services;
        Console.WriteLine($"{target.Name}; load average {LoadAverage()}");

        var watch = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            var pending = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetPendingMigrationsAsync()).ToList();
            await services.PrepareDatabaseAsync(configuration);
            Console.WriteLine(pending.Count == 0 ? "migrations: none pending" : $"migrations applied at start-up: {string.Join(", ", pending.Select(m => m[15..]))} in {watch.Elapsed.TotalSeconds:F1} s");
        }

        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        if (target.Options.ContainsKey("refill")) await ForgetMeasuresAsync(factory);
        await BackfillAsync(services, factory);

        var staff = new Dictionary<string, StaffUser>();
        foreach (var name in new[] { "manager", "manager2" }) staff[name] = await DemoStaff.LoadAsync(factory, name);
        var reports = new ReportService(factory, new FixedTime(asOf), services.GetRequiredService<MeasureBackfill>());
        var month = ReportPeriod.Month(monthYear, monthNumber);
        var quarter = ReportPeriod.Quarter(monthYear, target.Int("quarter", 3));
        var wholeYear = ReportPeriod.Year(year);
        Console.WriteLine($"as of {asOf:O}; {runs} runs each after 1 warm-up; load average {LoadAverage()}");

        using var timing = new Timing();
        if (target.Options.ContainsKey("sql"))
        {
            // --sql 1: print the statements of a month's and a year's scorecard a year's breakdowns and the first row of a year's detail export, as sent, to EXPLAIN them by hand; no timing.
            timing.Statements = [];
            await reports.ScorecardAsync(staff["manager"], month, null);
            await reports.ScorecardAsync(staff["manager2"], wholeYear, null);
            await reports.BreakdownsAsync(staff["manager"], wholeYear, null);
            await using (var db = await factory.CreateDbContextAsync())
                await foreach (var row in ReportDetail.RowsAsync(db, new ReportFilter(wholeYear, asOf), masked: true, CancellationToken.None)) break;
            foreach (var statement in timing.Statements) Console.WriteLine($"\n{statement};");
            return 0;
        }
        var results = new List<(string Who, Timing.Result Result)>();
        foreach (var (who, user) in staff)
        {
            var label = $"{who} ({user.Department}{(user.CompanyLevel ? ", company level" : "")})";
            async Task Time<T>(string name, Func<Task<ReportResult<T>>> report, Func<T, string> describe) where T : class =>
                results.Add((label, await timing.MeasureAsync(name, runs, async () =>
                {
                    var result = await report();
                    if (dump is not null && result.Value is { } shown)
                        await File.WriteAllTextAsync(Path.Combine(dump, $"{who}-{name}.json".Replace(' ', '_')),
                            JsonSerializer.Serialize(shown, new JsonSerializerOptions { WriteIndented = true }));
                    return result.Value is { } value ? $"{describe(value)}; {Fingerprint(value)}" : $"refused: {result.Refusal}";
                }, warmUps: 1)));

            await Time($"scorecard month {month.Slug}", () => reports.ScorecardAsync(user, month, null), Describe);
            await Time($"scorecard quarter {quarter.Slug}", () => reports.ScorecardAsync(user, quarter, null), Describe);
            await Time($"scorecard year {wholeYear.Slug}", () => reports.ScorecardAsync(user, wholeYear, null), Describe);
            await Time($"breakdowns month {month.Slug}", () => reports.BreakdownsAsync(user, month, null), b => $"{b.ByCategory.Sum(r => r.Counts.Received):N0} received");
            await Time($"breakdowns year {wholeYear.Slug}", () => reports.BreakdownsAsync(user, wholeYear, null), b => $"{b.ByCategory.Sum(r => r.Counts.Received):N0} received");
            await Time($"trend {ReportService.TrendMonths} months to {month.Slug}", () => reports.TrendAsync(user, month, null), t => $"{t.Months.Sum(m => m.Counts.Received):N0} received");
            await Time($"12398 statistics month {month.Slug}", () => reports.RegulatorAsync(user, month, null), r => $"{r.Total.Received:N0} items");
        }

        Console.WriteLine($"\nload average after: {LoadAverage()}\n");
        Console.WriteLine("| who | report | p50 ms | p95 ms | max ms | SQL p50 ms | result |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (who, r) in results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {who} | {r.Name} | {r.P50:F1} | {r.P95:F1} | {r.Max:F1} | {r.SqlP50:F1} | {r.Note} |"));
        Console.WriteLine($"\nprocess: {Process.GetCurrentProcess().WorkingSet64 / 1024 / 1024} MiB working set, {GC.GetTotalMemory(false) / 1024 / 1024} MiB managed");
        return 0;
    }

    /// <summary>The backfill as the first start after the upgrade runs it (in the background there; here to completion), with its progress.</summary>
    private static async Task BackfillAsync(IServiceProvider services, IDbContextFactory<AppDbContext> factory)
    {
        int complaints, measures;
        await using (var db = await factory.CreateDbContextAsync())
        {
            complaints = await db.Complaints.CountAsync();
            measures = await db.ComplaintMeasures.CountAsync();
        }
        Console.WriteLine($"complaints: {complaints:N0}; measures stored: {measures:N0}");
        var backfill = services.GetRequiredService<MeasureBackfill>();
        var watch = Stopwatch.StartNew();
        using var progress = new Timer(_ => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{watch.Elapsed:hh\\:mm\\:ss}] backfill: {backfill.Filled:N0} measures ({backfill.Filled / Math.Max(1, watch.Elapsed.TotalSeconds):N0}/s), load average {LoadAverage()}")),
            null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
        await backfill.RunAsync(CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"backfill: {backfill.Filled:N0} complaints measured in {seconds:F1} s ({backfill.Filled / Math.Max(0.001, seconds):N0} rows/s); done: {backfill.Done}"));
    }

    /// <summary>--refill 1: back to the state right after the upgrade (no measures, no handling times), to time the backfill again.</summary>
    private static async Task ForgetMeasuresAsync(IDbContextFactory<AppDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        db.Database.SetCommandTimeout(DatabaseSetup.MigrationTimeout);
        var watch = Stopwatch.StartNew();
        var deleted = await db.ComplaintMeasures.ExecuteDeleteAsync();
        var reset = await db.Complaints.Where(c => c.HandlingWorkingMinutes != null).ExecuteUpdateAsync(s => s.SetProperty(c => c.HandlingWorkingMinutes, (int?)null));
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) \"ComplaintMeasures\"");
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) \"Complaints\"");
        Console.WriteLine($"--refill: {deleted:N0} measures deleted, {reset:N0} handling times cleared in {watch.Elapsed.TotalSeconds:F1} s");
    }

    private static string Describe(Scorecard s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Total.Counts.Received:N0} received, {s.Departments.Count} departments, {s.Handlers.Count} handlers");

    /// <summary>The first 8 hex digits of a SHA-256 over the report's figures (and the filters behind them), to see that a change kept every number.</summary>
    private static string Fingerprint<T>(T value) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value)))[..8];

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "?"; }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
