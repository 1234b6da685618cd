using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Benchmarks.ScaleBuild;
using PowerService.Domain.Cases;
using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Web.Data;
using PowerService.Web.Features.Cases;

namespace PowerService.Benchmarks.ScaleBench;

/// <summary>
/// <c>bench.sh cases</c> (issue 11): the case library's search over <c>--count</c> published cases
/// (100,000 by default; made on the first run through the aggregate and the app's own save, so the
/// full-text indexes are filled as the app fills them), timed warm through <see cref="CaseService"/>
/// as a handler — the count and the best 50, as the library page asks — for words of one, two and more
/// characters, two words, and words with filters; and the de-identification of a closed complaint
/// (the whole first draft) and of a 2,000-character text. Goals: search &lt; 100 ms, de-identifying &lt; 5 ms.
/// </summary>
internal static class CasesBenchmark
{
    private static readonly string[] Vocabulary =
    [
        "停电", "电费", "电表", "抄表", "计量", "电压", "跳闸", "故障抢修", "业扩报装", "光伏并网", "充电桩", "营业厅", "服务态度", "阶梯电价", "预付费",
        "欠费停电", "复电", "线路检修", "变压器", "台区", "低电压", "频繁停电", "计划停电", "临时停电", "通知", "短信", "客户经理", "上门", "致歉", "减免",
        "赔偿", "冰箱", "空调", "夏季高峰", "台风", "暴雨", "树障", "电缆", "表计轮换", "校验", "误差", "退补", "工单", "回访", "满意", "投诉", "12398",
        "95598", "监管", "书面答复", "整改", "培训", "首问负责", "推诿", "态度冷淡", "排队", "网上国网", "电子发票", "增值税", "峰谷电价", "分布式电源",
    ];

    private static readonly string[] Glue = ["，", "。", "；", "后", "时", "因", "导致", "要求", "经核实", "已", "并", "客户反映", "处理人员", "按规定"];

    public static async Task<int> RunAsync(string[] args)
    {
        CreateSqliteFile(args);
        var (target, error) = BenchTarget.Parse(args);
        if (target is null)
        {
            Console.Error.WriteLine($"{error}\nusage: PowerService.Benchmarks cases --provider sqlite --path FILE | --provider postgres --connection CS [--count 100000] [--runs 20]");
            return 2;
        }
        var count = target.Int("count", 100_000);
        var runs = target.Int("runs", 20);
        var (services, configuration) = AppServices.Build(target.Settings);
        await using var _ = services;
        await services.PrepareDatabaseAsync(configuration);
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await FillAsync(services, factory, count);

        var handler = await DemoStaff.LoadAsync(factory, "handler");
        Console.WriteLine($"{target.Name}; load average {File.ReadAllText("/proc/loadavg").Trim()}; {runs} runs each after 2 warm-ups");
        Console.WriteLine("| search | p50 ms | p95 ms | found |");
        Console.WriteLine("|---|---|---|---|");
        (string Label, CaseQuery Query)[] searches =
        [
            ("1 character: 停", new("停")),
            ("2 characters, common: 电费", new("电费")),
            ("2 characters, rarer: 光伏", new("光伏")),
            ("4 characters: 业扩报装", new("业扩报装")),
            ("two words: 电表 校验", new("电表 校验")),
            ("word + category + year: 抢修, 抢修类, 2025", new("抢修", Category.Repair, Year: 2025)),
            ("no words, category filter only", new(null, Category.Billing)),
        ];
        foreach (var (label, query) in searches)
        {
            var times = new List<double>();
            var found = 0;
            for (var run = -2; run < runs; run++)
            {
                await using var scope = services.CreateAsyncScope();
                var cases = scope.ServiceProvider.GetRequiredService<CaseService>();
                var watch = Stopwatch.StartNew();
                var result = await cases.LibraryAsync(query, handler);
                watch.Stop();
                found = result.Total;
                if (run >= 0) times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {times[times.Count / 2]:F1} | {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:F1} | {found:N0} |"));
        }
        await DeidentifyAsync(factory);
        return 0;
    }

    /// <summary>
    /// A new SQLite file for the cases, in WAL mode as the app's migrations leave a database: EF Core
    /// checks a file exists by opening it read-only, where switching an empty file to WAL would fail.
    /// </summary>
    private static void CreateSqliteFile(string[] args)
    {
        var at = Array.IndexOf(args, "--path");
        if (at < 0 || at + 1 >= args.Length || (File.Exists(args[at + 1]) && new FileInfo(args[at + 1]).Length > 0)) return;
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={args[at + 1]}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    /// <summary>Times the whole first draft of a closed complaint and one long text, 1,000 times each after a warm-up.</summary>
    private static async Task DeidentifyAsync(IDbContextFactory<AppDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var complaint = await db.Complaints.AsNoTracking().Include(c => c.Timeline).Where(c => c.Stage == Stage.Closed).OrderByDescending(c => c.Timeline.Count).FirstAsync();
        var staff = (await db.Users.Select(u => u.DisplayName).ToListAsync()).Where(n => n.Length >= 2).Distinct().ToDictionary(n => n, _ => "处理人员");
        var random = new Random(5);
        var text = string.Concat(Enumerable.Range(0, 900).Select(_ => Vocabulary[random.Next(Vocabulary.Length)] + Glue[random.Next(Glue.Length)]))[..2000]
                   + $"客户{complaint.Customer.Name}电话{complaint.Customer.Phone}，身份证330105198807154321，地址{complaint.Customer.Address}。";
        var deidentifier = new Deidentifier(complaint.Customer, staff);
        double Time(Action action)
        {
            for (var i = 0; i < 50; i++) action();
            var times = new List<double>();
            for (var i = 0; i < 1000; i++)
            {
                var watch = Stopwatch.StartNew();
                action();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            return times[500];
        }
        var draft = Time(() => CaseDraft.From(complaint, staff));
        var longText = Time(() => deidentifier.Apply(text));
        var chars = CaseContent.Sections(CaseDraft.From(complaint, staff).Content).Sum(s => s.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"de-identifying: a closed complaint's first draft ({complaint.Timeline.Count} timeline entries, {chars:N0} characters out) p50 {draft:F3} ms; a {text.Length:N0}-character text p50 {longText:F3} ms"));
    }

    /// <summary>Makes the published cases once: demo complaints for their sources, then cases in batches through the aggregate and the app's save.</summary>
    private static async Task FillAsync(ServiceProvider services, IDbContextFactory<AppDbContext> factory, int count)
    {
        await using (var db = await factory.CreateDbContextAsync())
        {
            var have = await db.TrainingCases.CountAsync(c => c.Listed);
            if (have >= count) { Console.WriteLine($"cases: {have:N0} published (kept from an earlier run)"); return; }
            count -= have; // only what is missing
            if (!await db.Complaints.AnyAsync(c => c.Stage == Stage.Closed))
            {
                await using var scope = services.CreateAsyncScope();
                await ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider).EnsureComplaintsAsync(300);
            }
        }
        List<Complaint> sources;
        await using (var db = await factory.CreateDbContextAsync())
            sources = await db.Complaints.AsNoTracking().Where(c => c.Stage == Stage.Closed).OrderBy(c => c.Id).Take(200).ToListAsync();
        var (trainer, manager) = (new Actor("bench-trainer", "培训师"), new Actor("bench-manager", "审核人"));
        var company = new Workplace("客户服务中心", CompanyLevel: true);
        var random = new Random(11);
        var watch = Stopwatch.StartNew();
        // Each case is about a few things, as real ones are: its words come from a topic of eight, so a
        // word is in roughly an eighth of the cases rather than in all of them.
        string[] topic = [];
        string Text(int length)
        {
            var parts = new System.Text.StringBuilder();
            while (parts.Length < length) parts.Append(topic[random.Next(topic.Length)]).Append(Glue[random.Next(Glue.Length)]);
            return parts.ToString();
        }
        for (var done = 0; done < count;)
        {
            await using var db = await factory.CreateDbContextAsync();
            var batch = Math.Min(2_000, count - done);
            for (var i = 0; i < batch; i++)
            {
                var source = sources[random.Next(sources.Count)];
                topic = [.. Enumerable.Range(0, 8).Select(_ => Vocabulary[random.Next(Vocabulary.Length)])];
                var at = DateTimeOffset.UtcNow.AddDays(-random.Next(0, 1000));
                var content = new CaseContent($"{topic[0]}·{topic[1]}案例{done + i + 1}",
                    Text(random.Next(200, 500)), Text(random.Next(200, 500)), Text(random.Next(100, 300)), Text(random.Next(40, 120)), Text(random.Next(40, 120)),
                    [topic[0], topic[2]]);
                var c = TrainingCase.Create(source, content, trainer, [StaffRole.Trainer], at, 2024 + random.Next(3)).Value!;
                c.Submit(trainer, [StaffRole.Trainer], at);
                c.Approve(manager, [StaffRole.Manager], company, at);
                db.TrainingCases.Add(c);
            }
            await db.SaveChangesAsync();
            done += batch;
            if (done % 20_000 == 0 || done == count) Console.WriteLine($"[{watch.Elapsed:mm\\:ss}] cases: {done:N0} published");
        }
    }
}
