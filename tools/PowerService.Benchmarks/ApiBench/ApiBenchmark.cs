using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Benchmarks.ScaleBench;
using PowerService.Domain.Complaints;
using PowerService.Web.Data;
using PowerService.Web.Features.Api;

namespace PowerService.Benchmarks.ApiBench;

/// <summary>
/// <c>bench.sh api</c> (issue 12): the app on Kestrel with its SQLite file (fresh, with the demo's 7,000
/// complaints, or a copy of a built one) and an upstream system calling the work-order API at a fixed
/// rate (open loop: a call is sent on schedule whether or not earlier ones have been answered, and its
/// time counts from when it was due). The mix: 60 % new work orders, 10 % resent ones, 30 % status reads.
/// Reports p50/p95/p99 per kind and checks that every call is on the call log. Goal: 200 calls/s, p95 under 100 ms.
/// </summary>
internal static class ApiBenchmark
{
    private sealed record Sample(string Kind, double Ms, int Status);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
        var rate = int.Parse(options.GetValueOrDefault("rate", "200"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(options.GetValueOrDefault("seconds", "60"), CultureInfo.InvariantCulture);
        var folder = Directory.CreateTempSubdirectory("ps-api-bench-").FullName;
        try
        {
            var database = Path.Combine(folder, "api.db");
            if (options.TryGetValue("db", out var source))
            {
                File.Copy(source, database);
                Console.WriteLine($"database: copy of {source} ({new FileInfo(database).Length / 1048576.0:F0} MB)");
            }
            else Console.WriteLine("database: fresh SQLite file with the demo accounts and 7,000 demo complaints");

            await using var app = new ShippedApp(database, demoComplaints: source is null);
            app.UseKestrel(0);
            app.StartServer();
            var baseUrl = app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
            var key = await CreateClientAsync(app.Services);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            {
                BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30),
            };
            http.DefaultRequestHeaders.Authorization = new("Bearer", key);

            var created = new ConcurrentQueue<(string Number, string Reference)>();
            var sent = 0;
            Console.WriteLine($"warm-up: 10 s at {rate}/s");
            sent += (await RunAsync(http, rate, 10, "W", created)).Count;
            Console.WriteLine($"measured: {seconds} s at {rate}/s; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            var samples = await RunAsync(http, rate, seconds, "M", created);
            sent += samples.Count;

            Report(samples, seconds);
            Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; server process working set {Process.GetCurrentProcess().WorkingSet64 / 1048576} MB");

            var journal = app.Services.GetRequiredService<ApiCallJournal>();
            await journal.FlushAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var logged = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ApiCalls.CountAsync();
            Console.WriteLine($"call log: {logged:N0} entries for {sent:N0} calls sent{(logged == sent ? "" : "  <-- MISMATCH")}");
            return logged == sent ? 0 : 1;
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    private static async Task<string> CreateClientAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var admin = await DemoStaff.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), "admin");
        var (result, key) = await scope.ServiceProvider.GetRequiredService<ApiClientAdmin>().CreateAsync(
            new ApiClientForm("12398 基准测试", [Channel.Regulator12398], ApiScopes.All, "客户服务中心", ApiClientForm.MaxRate), admin);
        return key?.Key ?? throw new InvalidOperationException(string.Join("；", result.Reasons));
    }

    /// <summary>Sends <paramref name="rate"/> calls a second for <paramref name="seconds"/>, each when due, and waits for every answer.</summary>
    private static async Task<List<Sample>> RunAsync(HttpClient http, int rate, int seconds, string prefix, ConcurrentQueue<(string, string)> created)
    {
        var samples = new ConcurrentBag<Sample>();
        var inFlight = new List<Task>(rate * seconds);
        var random = new Random(12398);
        var clock = Stopwatch.StartNew();
        var total = rate * seconds;
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            var roll = random.Next(100);
            var recent = created.ToArray(); // the last 500 created (older ones are dropped as new ones come)
            var known = recent.Length > 0 ? recent[random.Next(recent.Length)] : default;
            inFlight.Add(roll switch
            {
                < 60 => CallAsync("新工单", http, due, clock, samples, () => http.PostAsJsonAsync("/api/v1/workorders", Order($"BENCH-{prefix}-{i:D7}", i)), created),
                < 70 when known.Item2 is not null => CallAsync("重复发送", http, due, clock, samples, () => http.PostAsJsonAsync("/api/v1/workorders", Order(known.Item2, 0)), null),
                < 85 when known.Item1 is not null => CallAsync("按编号查询", http, due, clock, samples, () => http.GetAsync($"/api/v1/workorders/{known.Item1}"), null),
                _ when known.Item2 is not null => CallAsync("按上级编号查询", http, due, clock, samples, () => http.GetAsync($"/api/v1/workorders/by-reference/{known.Item2}"), null),
                _ => CallAsync("新工单", http, due, clock, samples, () => http.PostAsJsonAsync("/api/v1/workorders", Order($"BENCH-{prefix}-{i:D7}", i)), created),
            });
        }
        await Task.WhenAll(inFlight);
        return [.. samples];
    }

    private static async Task CallAsync(string kind, HttpClient http, TimeSpan due, Stopwatch clock, ConcurrentBag<Sample> samples,
        Func<Task<HttpResponseMessage>> call, ConcurrentQueue<(string, string)>? created)
    {
        try
        {
            using var response = await call();
            var body = await response.Content.ReadAsStringAsync();
            samples.Add(new(kind, (clock.Elapsed - due).TotalMilliseconds, (int)response.StatusCode));
            if (created is not null && response.IsSuccessStatusCode)
            {
                var status = JsonDocument.Parse(body).RootElement;
                created.Enqueue((status.GetProperty("number").GetString()!, status.GetProperty("upstreamReference").GetString()!));
                while (created.Count > 500) created.TryDequeue(out _);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            samples.Add(new(kind, (clock.Elapsed - due).TotalMilliseconds, 0));
        }
    }

    private static void Report(List<Sample> samples, int seconds)
    {
        Console.WriteLine($"{"kind",-10} {"calls",7} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}  statuses");
        foreach (var group in samples.GroupBy(s => s.Kind).OrderBy(g => g.Key).Append(samples.GroupBy(_ => "all").Single()))
        {
            var ms = group.Select(s => s.Ms).ToList();
            var statuses = string.Join(" ", group.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{group.Key,-10} {group.Count(),7} {Timing.Percentile(ms, 50),8:F1} {Timing.Percentile(ms, 95),8:F1} {Timing.Percentile(ms, 99),8:F1} {ms.Max(),8:F1}  {statuses}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput: {samples.Count / (double)seconds:F0} calls/s answered"));
    }

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];

    /// <summary>A work order of the <paramref name="n"/>th customer: each its own name and phone, as a day's orders are.</summary>
    private static Dictionary<string, object?> Order(string reference, int n) => new()
    {
        ["channel"] = "Regulator12398",
        ["upstreamReference"] = reference,
        ["receivedAt"] = DateTimeOffset.UtcNow.AddMinutes(-15).ToString("O"),
        ["customerName"] = Surnames[n % Surnames.Length] + "建国",
        ["phone"] = $"139{(n * 7919) % 100_000_000:D8}",
        ["address"] = "杭州市西湖区文三路 100 号 2 单元 301 室",
        ["customerType"] = "Residential",
        ["category"] = "Supply",
        ["subCategory"] = "计划停电未通知",
        ["urgency"] = "Normal",
        ["content"] = "11月20日全天停电，事先没有收到任何停电通知，家中冰箱食物变质。",
        ["demands"] = "说明停电原因，赔偿损失",
        ["expectedOutcome"] = "书面道歉并减免电费",
    };
}
