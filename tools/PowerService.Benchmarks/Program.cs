using System.Diagnostics;
using PowerService.Domain.Sla;
using PowerService.Domain.Time;

// Benchmarks named by the issues. Usage: dotnet run -c Release --project tools/PowerService.Benchmarks -- sla [count]
// Run through ./bench.sh, which pins the timing benchmarks to one core (the database builder uses both).
var what = args.FirstOrDefault() ?? "sla";
return what switch
{
    "sla" => SlaBenchmark.Run(args.Length > 1 ? int.Parse(args[1]) : 1_000_000),
    "reply" => ReplyBenchmark.Run(args.Length > 1 ? int.Parse(args[1]) : 50),
    "build" => await PowerService.Benchmarks.ScaleBuild.ScaleBuilder.RunAsync(args[1..]),
    "workbench" => await PowerService.Benchmarks.ScaleBench.WorkbenchBenchmark.RunAsync(args[1..]),
    "reports" => await PowerService.Benchmarks.ScaleBench.ReportsBenchmark.RunAsync(args[1..]),
    "export" => await PowerService.Benchmarks.ScaleBench.ExportBenchmark.RunAsync(args[1..]),
    "cases" => await PowerService.Benchmarks.ScaleBench.CasesBenchmark.RunAsync(args[1..]),
    "load" => await PowerService.Benchmarks.ScaleBench.LoadBenchmark.RunAsync(args[1..]),
    "import" => await PowerService.Benchmarks.ImportBench.ImportBenchmark.RunAsync(args[1..]),
    "api" => await PowerService.Benchmarks.ApiBench.ApiBenchmark.RunAsync(args[1..]),
    "circuits" => await PowerService.Benchmarks.CircuitBench.CircuitBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: PowerService.Benchmarks sla [count] | reply [runs] | build --count N --provider sqlite|postgres (--path FILE | --connection CS) [--force]\n" +
        "       | workbench|load --provider sqlite|postgres (--path FILE | --connection CS) [--runs 30] [--users 200 --seconds 60 --think-ms 2000]\n" +
        "       | reports --provider sqlite|postgres (--path FILE | --connection CS) [--runs 10] [--as-of INSTANT] [--month 2026-10] [--year 2025] [--refill 1]\n" +
        "       | cases --provider sqlite|postgres (--path FILE | --connection CS) [--count 100000] [--runs 20]\n" +
        "       | circuits [--pages 1,20,50] [--db FILE] [--runs 3]\n" +
        "       | import [--rows 100000] [--format xlsx|csv|both]\n" +
        "       | api [--rate 200] [--seconds 60] [--db FILE]");
    return 2;
}

/// <summary>
/// Computes the deadline and the state of <c>count</c> open clocks — the work the queue and the
/// background watcher do for every open complaint — with the shipped calendars and the default
/// mix of limits. Reports the median of five timed runs after a warm-up.
/// </summary>
internal static class SlaBenchmark
{
    public static int Run(int count)
    {
        var calendar = new WorkingCalendar(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Calendars"), "*.json")
            .Select(f => CalendarFormats.FromJson(File.ReadAllText(f)).Year!));
        var limits = SlaPolicy.Default.Rules.Select(r => r.Limit).Distinct().ToArray();
        var random = new Random(12398);
        // Open clocks started in the 30 days before "now", which sits just after National Day 2026,
        // so the working-day walks cross the holiday week and its make-up days.
        var now = new DateTimeOffset(2026, 10, 12, 2, 0, 0, TimeSpan.Zero);
        var starts = new DateTimeOffset[count];
        var chosen = new TimeLimit[count];
        for (var i = 0; i < count; i++)
        {
            starts[i] = now.AddMinutes(-random.Next(0, 30 * 24 * 60));
            chosen[i] = limits[random.Next(limits.Length)];
        }

        Measure(calendar, starts, chosen, now, out _); // warm-up (JIT, tiering)
        var times = new List<double>();
        var tally = new int[Enum.GetValues<ClockState>().Length];
        for (var run = 0; run < 5; run++) times.Add(Measure(calendar, starts, chosen, now, out tally));
        times.Sort();

        Console.WriteLine($"clocks: {count:N0}; limits: {string.Join(", ", limits)}");
        Console.WriteLine($"states: {string.Join(", ", Enum.GetValues<ClockState>().Select(s => $"{s}={tally[(int)s]:N0}"))}");
        Console.WriteLine($"runs (ms): {string.Join(", ", times.Select(t => t.ToString("F0")))}");
        Console.WriteLine($"median: {times[2]:F0} ms for {count:N0} clocks ({times[2] * 1_000_000 / count:F0} ns per clock)");
        return 0;
    }

    private static double Measure(WorkingCalendar calendar, DateTimeOffset[] starts, TimeLimit[] limits, DateTimeOffset now, out int[] tally)
    {
        tally = new int[Enum.GetValues<ClockState>().Length];
        var hours = BusinessHours.Default;
        var thresholds = ClockThresholds.Default;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < starts.Length; i++)
        {
            var deadline = Deadlines.Compute(starts[i], limits[i], calendar, hours);
            var clock = new SlaClock(ClockKind.Handling, limits[i], starts[i], deadline.Due, null, deadline.UsedFallbackCalendar);
            tally[(int)clock.Read(now, thresholds).State]++;
        }
        return watch.Elapsed.TotalMilliseconds;
    }
}
