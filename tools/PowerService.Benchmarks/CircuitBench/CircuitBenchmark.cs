using System.Diagnostics;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace PowerService.Benchmarks.CircuitBench;

/// <summary>
/// <c>bench.sh circuits</c>: the server memory each signed-in person's open 工作台 (the queue page,
/// route "/") holds. The real app runs in this process on a loopback port; Debian's Chromium opens
/// N pages, each in its own browser context carrying the demo manager's sign-in cookie, and waits until each
/// queue is interactive (the search box is enabled). Then a full blocking compacting collection,
/// twice, and the managed heap (<see cref="GC.GetTotalMemory"/>) and the working set are read.
/// Per circuit = (heap with N pages − heap with none open) / N. Pages leave through about:blank,
/// so their circuits are ended (not kept as disconnected) before the next round's baseline.
/// The browser's client objects in this process are measured alone (N contexts on about:blank)
/// and reported beside, so they can be told apart from the app's share.
/// </summary>
internal static class CircuitBenchmark
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string QueueReady = "input[data-testid=queue-search]:not([disabled])";

    public static async Task<int> RunAsync(string[] args)
    {
        var pages = new List<int> { 1, 20, 50 };
        string? source = null;
        var repetitions = 3;
        var path = "/";
        string? screenshot = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--pages" when i + 1 < args.Length: pages = args[++i].Split(',').Select(int.Parse).ToList(); break;
                case "--db" when i + 1 < args.Length: source = args[++i]; break;
                case "--runs" when i + 1 < args.Length: repetitions = int.Parse(args[++i]); break;
                case "--path" when i + 1 < args.Length: path = args[++i]; break;
                case "--screenshot" when i + 1 < args.Length: screenshot = Path.GetFullPath(args[++i]); break;
                default:
                    Console.Error.WriteLine("usage: PowerService.Benchmarks circuits [--pages 1,20,50] [--db FILE] [--runs 3] [--path /] [--screenshot FILE.png]");
                    return 2;
            }
        }
        if (source is not null && !File.Exists(source))
        {
            Console.Error.WriteLine($"--db {source}: no such file");
            return 2;
        }
        if (!File.Exists(ChromiumPath))
        {
            Console.Error.WriteLine($"needs Debian Chromium at {ChromiumPath} (apt-get install -y chromium)");
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("ps-circuits-").FullName;
        try
        {
            var database = Path.Combine(folder, "circuits.db");
            if (source is not null)
            {
                // The app migrates the database at start-up: a copy, never the built file itself.
                var copy = Stopwatch.StartNew();
                File.Copy(source, database);
                Console.WriteLine($"database: copy of {source} ({new FileInfo(database).Length / 1048576.0:F0} MB, {copy.Elapsed.TotalSeconds:F1} s)");
            }
            else Console.WriteLine("database: fresh SQLite file with the demo accounts and complaints");

            var circuits = new CircuitCount();
            await using var app = new ScaleBench.ShippedApp(database, demoComplaints: source is null, services => services.AddSingleton<CircuitHandler>(circuits));
            app.UseKestrel(0);
            app.StartServer();
            var baseUrl = app.ClientOptions.BaseAddress.ToString().TrimEnd('/');

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });

            var cold = Measure();
            var signedIn = await SignInAsync(browser, baseUrl);
            await WaitForAsync(() => circuits.Live == 0, "the sign-in's first queue page to end");
            Console.WriteLine($"server started: heap {Mb(cold.Heap)}, working set {Mb(cold.WorkingSet)}");

            // The first page ever (with the sign-in before it): everything loaded once (JIT, MudBlazor,
            // Identity, the EF model, caches) plus one circuit.
            var first = await OpenAsync(browser, baseUrl, path, 1, signedIn, circuits);
            var withFirst = Measure();
            if (screenshot is not null)
            {
                await first[0].Page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
                Console.WriteLine($"screenshot: {screenshot}");
            }
            CircuitCensus.Print(circuits.Last!);
            await CloseAsync(first, circuits);
            Console.WriteLine($"first page (cold, with the sign-in): heap +{Kb(withFirst.Heap - cold.Heap)}, working set +{Kb(withFirst.WorkingSet - cold.WorkingSet)}");

            var client = new Dictionary<int, List<double>>();
            var results = new Dictionary<int, List<(double Heap, double WorkingSet)>>();
            for (var run = 1; run <= repetitions; run++)
            {
                foreach (var n in pages)
                {
                    var empty = Measure();
                    var open = await OpenAsync(browser, baseUrl, path, n, signedIn, circuits);
                    var full = Measure();
                    await CloseAsync(open, circuits);
                    var perHeap = (full.Heap - empty.Heap) / (double)n;
                    var perWs = (full.WorkingSet - empty.WorkingSet) / (double)n;
                    results.TryAdd(n, []);
                    results[n].Add((perHeap, perWs));

                    // The same number of contexts on about:blank: the Playwright client's own share of this process's heap.
                    var before = Measure();
                    var blank = await BlankAsync(browser, n);
                    var after = Measure();
                    foreach (var context in blank) await context.CloseAsync();
                    client.TryAdd(n, []);
                    client[n].Add((after.Heap - before.Heap) / (double)n);

                    Console.WriteLine($"run {run}, {n,3} pages: heap {Mb(empty.Heap)} → {Mb(full.Heap)}, per circuit {Kb(perHeap)} " +
                                      $"(working set {Kb(perWs)}; Playwright client {Kb(client[n][^1])} per page)");
                }
            }

            Console.WriteLine();
            Console.WriteLine($"median of {repetitions} run(s), per circuit on {path}:");
            Console.WriteLine("pages | heap per circuit | working set per circuit | Playwright client per page (included)");
            foreach (var n in pages)
            {
                Console.WriteLine($"{n,5} | {Kb(Median(results[n].Select(r => r.Heap))),16} | {Kb(Median(results[n].Select(r => r.WorkingSet))),23} | {Kb(Median(client[n])),8}");
            }
            return 0;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* the OS cleans temp */ }
        }
    }

    private sealed record Open(IBrowserContext Context, IPage Page);

    /// <summary>
    /// Signs in once, as a person would, and keeps the cookie: every page then opens in a fresh
    /// browser context carrying it (the sign-in form allows 20 posts a minute per address, fewer
    /// than the pages opened here).
    /// </summary>
    private static async Task<string> SignInAsync(IBrowser browser, string baseUrl)
    {
        await using var context = await browser.NewContextAsync(new() { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{baseUrl}/account/login");
        await page.FillAsync("#username", "manager");
        await page.FillAsync("#password", PowerService.Web.Data.DemoData.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=signed-in-user]");
        await page.GotoAsync("about:blank");
        return await context.StorageStateAsync();
    }

    private static async Task<List<Open>> OpenAsync(IBrowser browser, string baseUrl, string path, int count, string signedIn, CircuitCount circuits)
    {
        var before = circuits.Live;
        var open = new List<Open>();
        for (var i = 0; i < count; i++)
        {
            var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 }, Locale = "zh-CN", StorageState = signedIn });
            var page = await context.NewPageAsync();
            await page.GotoAsync(baseUrl + path);
            await page.WaitForSelectorAsync(path == "/" ? QueueReady : "[data-testid=signed-in-user]");
            open.Add(new Open(context, page));
        }
        await WaitForAsync(() => circuits.Live == before + count, $"{before + count} live circuits (now {circuits.Live})");
        return open;
    }

    /// <summary>Leaves through about:blank, so the page says goodbye and the server ends its circuit at once.</summary>
    private static async Task CloseAsync(List<Open> open, CircuitCount circuits)
    {
        foreach (var o in open)
        {
            await o.Page.GotoAsync("about:blank");
            await o.Context.CloseAsync();
        }
        await WaitForAsync(() => circuits.Live == 0, $"no live circuits (now {circuits.Live})");
    }

    private static async Task<List<IBrowserContext>> BlankAsync(IBrowser browser, int count)
    {
        var contexts = new List<IBrowserContext>();
        for (var i = 0; i < count; i++)
        {
            var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 }, Locale = "zh-CN" });
            await (await context.NewPageAsync()).GotoAsync("about:blank");
            contexts.Add(context);
        }
        return contexts;
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"waited 30 s for {what}");
            await Task.Delay(50);
        }
    }

    private readonly record struct Reading(long Heap, long WorkingSet);

    private static Reading Measure()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return new Reading(heap, process.WorkingSet64);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Kb(double bytes) => $"{bytes / 1024:N0} KB";
    private static string Mb(double bytes) => $"{bytes / 1048576:F1} MB";

    /// <summary>Counts the circuits the server holds open, so a round starts only when the last one's are gone.</summary>
    private sealed class CircuitCount : CircuitHandler
    {
        private int _live;
        public int Live => Volatile.Read(ref _live);
        public Circuit? Last { get; private set; }
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Last = circuit;
            Interlocked.Increment(ref _live);
            return Task.CompletedTask;
        }
        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref _live);
            return Task.CompletedTask;
        }
    }
}
