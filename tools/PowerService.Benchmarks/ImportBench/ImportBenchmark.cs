using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PowerService.Benchmarks.ScaleBuild;
using PowerService.Domain.Complaints;
using PowerService.Domain.WorkOrders;
using PowerService.Web.Data;
using PowerService.Web.Features.Reports.Export;
using PowerService.Web.Features.WorkOrders.Import;

namespace PowerService.Benchmarks.ImportBench;

/// <summary>
/// <c>bench.sh import</c> (issue 12): a 12398 export of N work orders (100,000) written as xlsx and as CSV,
/// each imported into a fresh SQLite database (or, with <c>--postgres CS</c>, a fresh PostgreSQL database) by the app's own code — the preview (every row read and
/// checked, the database asked which are registered) and the import (rows read again, registered in batches,
/// rejects written) — timed, with the process's peak working set. Goal: the import of 100,000 under 20 s.
/// </summary>
internal static class ImportBenchmark
{
    private static readonly string[] Headers = ["序号", "工单编号", "来电时间", "客户姓名", "联系电话", "户号", "地址", "诉求内容", "投诉类别", "紧急程度"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    private static readonly string[] Categories = ["电费电价/计量-电费突增", "停电/供电质量-计划停电未通知", "抢修/技术故障-抢修响应慢", "服务态度/规范-服务态度差", "电费", "频繁停电"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
        var rows = int.Parse(options.GetValueOrDefault("rows", "100000"), CultureInfo.InvariantCulture);
        var formats = options.GetValueOrDefault("format", "both") switch { "xlsx" => new[] { "xlsx" }, "csv" => ["csv"], _ => ["xlsx", "csv"] };
        var folder = Directory.CreateTempSubdirectory("ps-import-bench-").FullName;
        try
        {
            foreach (var format in formats) await RunOneAsync(rows, format, folder, options.GetValueOrDefault("batch"), options.GetValueOrDefault("postgres"), options.TryGetValue("agent", out var every) ? int.Parse(every, CultureInfo.InvariantCulture) : null);
        }
        finally
        {
            if (options.ContainsKey("keep")) Console.WriteLine($"kept: {folder}");
            else Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    private static async Task RunOneAsync(int rows, string format, string folder, string? batchSize, string? postgres, int? agentEveryMs)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:PowerService"] = $"Data Source={Path.Combine(folder, $"import-{format}.db")}",
            ["WorkOrderImport:Folder"] = Path.Combine(folder, "files"),
        };
        if (postgres is not null)
        {
            // A fresh PostgreSQL database of the connection string's name, as the SQLite file is fresh.
            await using var target = new PostgresTarget(postgres, new NpgsqlConnectionStringBuilder(postgres).Database ?? throw new ArgumentException("--postgres needs Database=…"));
            await target.DropAsync();
            await target.CreateIfMissingAsync();
            foreach (var (key, value) in target.Settings) settings[key] = value;
        }
        if (batchSize is not null) settings["WorkOrderImport:BatchSize"] = batchSize; // the app's own default otherwise
        var (services, configuration) = AppServices.Build(settings);
        await using var _ = services;
        await services.PrepareDatabaseAsync(configuration);
        // The app's host runs the WAL checkpointer on SQLite; this process has no host, so it starts it itself.
        var checkpointer = postgres is null ? ActivatorUtilities.CreateInstance<SqliteCheckpointer>(services) : null;
        if (checkpointer is not null) await checkpointer.StartAsync(CancellationToken.None);
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var agent = await DemoStaff.LoadAsync(factory, "agent");
        var mapping = (await services.GetRequiredService<SourceService>().ListAsync()).First().Mapping;

        var file = Path.Combine(folder, $"12398-{rows}.{format}");
        var watch = Stopwatch.StartNew();
        Write(file, format, rows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{format}: {rows:N0} rows, {new FileInfo(file).Length / 1048576.0:F1} MB written in {watch.Elapsed.TotalSeconds:F1} s; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));

        GC.Collect();
        var peak = new PeakSampler();
        var before = Process.GetCurrentProcess().WorkingSet64;
        watch.Restart();
        var sheet = ImportSheet.Open(file, ImportSheet.KindOf(file).Kind!.Value).Sheet!;
        ImportPreview preview;
        await using (var scope = services.CreateAsyncScope())
            preview = await scope.ServiceProvider.GetRequiredService<ImportAnalysis>().AnalyseAsync(sheet, mapping, "bench", _ => { }, CancellationToken.None);
        var previewSeconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  preview: {preview.Total:N0} rows, {preview.Valid:N0} valid, {preview.Invalid:N0} with errors, {preview.AlreadyImported:N0} registered already — {previewSeconds:F1} s"));

        watch.Restart();
        await using var probe = agentEveryMs is { } every ? AgentProbe.Start(services, agent, every) : null;
        ImportCounts counts;
        var lastShown = 0;
        await using (var scope = services.CreateAsyncScope())
        await using (var rejected = File.Create(Path.Combine(folder, "rejected.xlsx")))
        {
            counts = await scope.ServiceProvider.GetRequiredService<WorkOrderImporter>().RunAsync(sheet, mapping, agent, "导入基准", rejected, c =>
            {
                if (c.Processed - lastShown < 20_000) return;
                lastShown = c.Processed;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {c.Processed:N0} rows, {watch.Elapsed.TotalSeconds:F1} s"));
            }, CancellationToken.None);
        }
        var importSeconds = watch.Elapsed.TotalSeconds;
        peak.Stop();
        if (probe is not null) Console.WriteLine("  " + await probe.StopAsync());
        if (checkpointer is not null) await checkpointer.StopAsync(CancellationToken.None);
        await using var db = await factory.CreateDbContextAsync();
        var stored = await db.Complaints.CountAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  import: {counts.Created:N0} created, {counts.AlreadyThere:N0} already there, {counts.Rejected:N0} rejected — {importSeconds:F1} s ({counts.Processed / importSeconds:N0} rows/s); complaints in the database: {stored:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  preview + import: {previewSeconds + importSeconds:F1} s; working set {before / 1048576} → peak {peak.Max / 1048576} MB"));
        if (counts.Rejected > 0)
        {
            var reasons = XlsxRows.Read(Path.Combine(folder, "rejected.xlsx")).Skip(1).Select(r => r.Cells[^1]).GroupBy(r => r).Select(g => $"{g.Count():N0} × {g.Key}");
            Console.WriteLine("  rejected: " + string.Join("; ", reasons.Take(3)));
        }
    }

    /// <summary>Work orders received over the last 20 days, each with its own reference, a customer, a phone written as people write it, content and category.</summary>
    private static IEnumerable<string?[]> Rows(int count)
    {
        var random = new Random(12398);
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        for (var i = 1; i <= count; i++)
        {
            var received = now.AddMinutes(-random.Next(10, 20 * 24 * 60));
            var phone = $"1{random.Next(3, 10)}{random.Next(0, 10)}{random.Next(10_000_000, 100_000_000)}";
            yield return
            [
                i.ToString(CultureInfo.InvariantCulture), $"GD12398{i:D9}", received.ToString(i % 2 == 0 ? "yyyy-MM-dd HH:mm" : "yyyy/M/d H:mm:ss", CultureInfo.InvariantCulture),
                Surnames[i % Surnames.Length] + (i % 3 == 0 ? "建国" : "女士"), i % 4 == 0 ? $"{phone[..3]} {phone[3..7]} {phone[7..]}" : phone,
                $"33{random.NextInt64(10_000_000, 100_000_000)}", $"杭州市拱墅区湖墅南路 {i % 400 + 1} 号 {i % 12 + 1} 单元",
                $"客户反映近期{(i % 2 == 0 ? "电费明显偏高" : "频繁停电")}，已多次联系未解决，要求尽快核查处理并答复。工单 {i}。", Categories[i % Categories.Length], i % 10 == 0 ? "紧急" : "一般",
            ];
        }
    }

    private static void Write(string path, string format, int count)
    {
        if (format == "csv")
        {
            using var writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16);
            writer.Write(string.Join(",", Headers) + "\r\n");
            foreach (var row in Rows(count)) writer.Write(string.Join(",", row.Select(c => c!.Contains(',') ? $"\"{c}\"" : c)) + "\r\n");
            return;
        }
        using var file = File.Create(path);
        using var book = XlsxWriter.Create(file, "12398工单");
        book.WriteSheet(new SheetSpec("工单", [.. Headers.Select(h => new XlsxColumn(h, 16))]), Rows(count).Select(r => (IReadOnlyList<object?>)r));
        book.Complete();
    }

    /// <summary>Samples the process's working set every 50 ms.</summary>
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

/// <summary>
/// An agent registering a typed complaint every so many milliseconds while the import runs (<c>--agent 500</c>):
/// how long a person's save waits behind the import's batches, which hold SQLite's single writer.
/// </summary>
internal sealed class AgentProbe : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<double> _waits = [];
    private Task _loop = Task.CompletedTask;
    private int _failed;
    private string? _firstRefusal;

    public static AgentProbe Start(IServiceProvider services, PowerService.Web.Features.Shared.StaffUser agent, int everyMs)
    {
        var probe = new AgentProbe();
        probe._loop = Task.Run(() => probe.RunAsync(services, agent, everyMs));
        return probe;
    }

    private async Task RunAsync(IServiceProvider services, PowerService.Web.Features.Shared.StaffUser agent, int everyMs)
    {
        for (var n = 1; !_stop.IsCancellationRequested; n++)
        {
            var intake = new ComplaintIntake
            {
                Channel = Channel.ServiceHall, ReceivedAt = DateTimeOffset.UtcNow.AddMinutes(-5), CustomerName = "李女士", Phone = $"1350000{n:D4}",
                Address = "杭州市上城区解放路 18 号", CustomerType = CustomerType.Residential, Category = Category.Supply, SubCategory = "频繁停电",
                Urgency = Urgency.Normal, Content = "本周已停电三次，影响正常生活，要求查明原因。", Demands = "查明原因并答复",
                ExpectedOutcome = "书面答复停电原因", Profile = ComplainantProfile.Rational,
            };
            var watch = Stopwatch.StartNew();
            await using (var scope = services.CreateAsyncScope())
            {
                var result = await scope.ServiceProvider.GetRequiredService<PowerService.Web.Features.Complaints.ComplaintService>().RegisterAsync(intake, Guid.NewGuid(), agent);
                if (result.Value is null && _failed++ == 0) _firstRefusal = string.Join("；", result.Errors.Select(e => e.Message));
            }
            _waits.Add(watch.Elapsed.TotalMilliseconds);
            try { await Task.Delay(everyMs, _stop.Token); } catch (OperationCanceledException) { }
        }
    }

    public async Task<string> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        var sorted = _waits.Order().ToList();
        return sorted.Count == 0 ? "agent: no save completed" : string.Create(CultureInfo.InvariantCulture,
            $"agent's saves meanwhile: {sorted.Count} ({_failed} refused), p50 {sorted[sorted.Count / 2]:F0} ms, p95 {sorted[(int)(sorted.Count * 0.95)]:F0} ms, max {sorted[^1]:F0} ms{(_firstRefusal is null ? "" : "; first refusal: " + _firstRefusal)}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _stop.Dispose();
    }
}
