using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Benchmarks.ScaleBuild;
using PowerService.Domain.Complaints;
using PowerService.Domain.Reports;
using PowerService.Domain.Sla;
using PowerService.Domain.Time;
using PowerService.Web.Data;
using PowerService.Web.Features.Complaints;
using PowerService.Web.Features.Reports;
using PowerService.Web.Features.Shared;
using PowerService.Web.Features.Sla;

namespace PowerService.Benchmarks.ScaleBench;

/// <summary>
/// <c>bench.sh workbench</c>: what a signed-in person waits for on a built database — every queue
/// view and filter, paging to the next and the last page, search by each kind of term, the exact
/// count on request, the complaint page's read, the bell, and the deadline watcher's scan — each
/// timed over several runs in the app's own services (the server's share of a click), with the
/// time spent in SQL beside it. Migrations the database still needs are applied first, and timed.
/// </summary>
internal static class WorkbenchBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (target, error) = BenchTarget.Parse(args);
        if (target is null)
        {
            Console.Error.WriteLine($"{error}\nusage: PowerService.Benchmarks workbench --provider sqlite --path FILE | --provider postgres --connection CS [--runs 30]");
            return 2;
        }
        var runs = target.Int("runs", 30);
        var (services, configuration) = AppServices.Build(target.Settings);
        await using var _ = services;

        var watch = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            var pending = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetPendingMigrationsAsync()).ToList();
            await services.PrepareDatabaseAsync(configuration);
            Console.WriteLine(pending.Count == 0 ? "migrations: none pending" : $"migrations applied at start-up: {string.Join(", ", pending.Select(m => m[15..]))} in {watch.Elapsed.TotalSeconds:F1} s");
        }

        var db = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var staff = new Dictionary<string, StaffUser>();
        foreach (var name in new[] { "manager", "manager2", "handler", "agent" }) staff[name] = await DemoStaff.LoadAsync(db, name);
        var sample = await SampleAsync(db);
        var total = await CountAsync(db);
        Console.WriteLine($"{target.Name}: {total:N0} complaints; sample {sample.Number} ({sample.Name}, {sample.Phone}, {sample.Account ?? "no 户号"}); {runs} runs each after 2 warm-ups");

        var complaints = services.GetRequiredService<ComplaintService>();
        var notifications = services.GetRequiredService<NotificationService>();
        var monitor = services.GetRequiredService<SlaMonitor>();
        using var timing = new Timing();
        var results = new List<Timing.Result>();
        var manager = staff["manager"];

        // --only TEXT: just the operations whose name holds TEXT (e.g. 报表明细).
        var only = target.Options.GetValueOrDefault("only");
        async Task Queue(string name, QueueQuery query, StaffUser? who = null)
        {
            if (only is null || name.Contains(only, StringComparison.Ordinal))
                results.Add(await timing.MeasureAsync(name, runs, async () => Describe(await complaints.QueueAsync(query, who ?? manager))));
        }

        var all = new QueueQuery(QueueScope.All);
        await Queue("工作台 first page (manager, all open)", all);
        await Queue("类别 = 电费", all with { Category = Category.Billing });
        await Queue("类别 = 电费 + 渠道 = 95598", all with { Category = Category.Billing, Channel = Channel.Hotline95598 });
        await Queue("部门 = 运维检修部 + 阶段 = 调查分析", all with { Department = "运维检修部", Stage = Stage.Investigate });
        await Queue("紧急程度 = 特急", all with { Urgency = Urgency.Critical });
        await Queue("渠道 = 媒体 + 类别 = 其他 (rare)", all with { Channel = Channel.Media, Category = Category.Other });
        await Queue("已超时", all with { Due = DueFilter.Overdue });
        await Queue("即将超时", all with { Due = DueFilter.DueSoon });
        await Queue("待二次回访", all with { Due = DueFilter.SecondRevisitDue });
        await Queue("包含已办结", all with { IncludeEnded = true });
        var first = await complaints.QueueAsync(all, manager);
        await Queue("下一页", all with { Cursor = new QueueCursor(After: first.Rows[^1].Key) });
        var last = await complaints.QueueAsync(all with { Cursor = new QueueCursor(Last: true) }, manager);
        await Queue("末页", all with { Cursor = new QueueCursor(Last: true) });
        await Queue("末页 → 上一页", all with { Cursor = new QueueCursor(Before: last.Rows[0].Key) });
        await Queue("我的投诉 (handler 李强)", new QueueQuery(QueueScope.Mine), staff["handler"]);
        await Queue("本部门 (manager2 吴刚)", new QueueQuery(QueueScope.Team), staff["manager2"]);
        await Queue("我可见的全部 (handler 李强)", new QueueQuery(QueueScope.All), staff["handler"]);
        await Queue("我可见的全部 + 类别 = 电费 (handler 李强)", new QueueQuery(QueueScope.All, Category: Category.Billing), staff["handler"]);
        await Queue("我可见的全部 + 已超时 (handler 李强)", new QueueQuery(QueueScope.All, Due: DueFilter.Overdue), staff["handler"]);
        await Queue("我可见的全部 (agent 王芳)", new QueueQuery(QueueScope.All), staff["agent"]);
        await Queue("我可见的全部 + 类别 = 电费 (agent 王芳)", new QueueQuery(QueueScope.All, Category: Category.Billing), staff["agent"]);
        await Queue("我的投诉 (agent 王芳)", new QueueQuery(QueueScope.Mine), staff["agent"]);
        await Queue("搜索 投诉编号", all with { Search = sample.Number, IncludeEnded = true });
        await Queue("搜索 编号前缀 (a day)", all with { Search = sample.Number[2..10], IncludeEnded = true });
        await Queue("搜索 完整电话", all with { Search = sample.Phone, IncludeEnded = true });
        await Queue("搜索 电话尾号 (4 digits)", all with { Search = sample.Phone[^4..], IncludeEnded = true });
        await Queue("搜索 电话前 7 位", all with { Search = sample.Phone[..7], IncludeEnded = true });
        if (sample.Account is { } account) await Queue("搜索 户号", all with { Search = account, IncludeEnded = true });
        await Queue("搜索 客户姓名", all with { Search = sample.Name, IncludeEnded = true });
        await Queue("搜索 姓 (one character)", all with { Search = sample.Name[..1], IncludeEnded = true });
        await Queue("精确计数 (on request, all open)", all with { ExactCount = true });
        await DrillDownsAsync(Queue, complaints, staff);
        if (only is null)
        {
            results.Add(await timing.MeasureAsync("投诉详情 read (complaint page)", runs, async () =>
                (await complaints.ShowAsync(sample.Number, manager)).Shown is { } shown ? $"{shown.Complaint.Timeline.Count} timeline events" : "not shown"));
            foreach (var who in new[] { "handler", "manager" })
                results.Add(await timing.MeasureAsync($"铃铛 unread count ({who})", runs, async () => $"{await notifications.UnreadCountAsync(staff[who])} (99+ from 100)"));
            results.Add(await timing.MeasureAsync("铃铛 list opened (manager)", runs, async () => $"{(await notifications.RecentAsync(manager)).Count} alerts"));
            results.Add(await timing.MeasureAsync("deadline watcher scan", runs, async () => $"{await monitor.ScanAsync()} alerts, {monitor.LastExamined} complaints read"));
        }

        Console.WriteLine();
        Console.WriteLine("| operation | p50 ms | p95 ms | max ms | SQL p50 ms | result |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var r in results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.P50:F1} | {r.P95:F1} | {r.Max:F1} | {r.SqlP50:F1} | {r.Note} |"));
        Console.WriteLine($"\nprocess: {Process.GetCurrentProcess().WorkingSet64 / 1024 / 1024} MiB working set, {GC.GetTotalMemory(false) / 1024 / 1024} MiB managed");
        return 0;
    }

    /// <summary>
    /// 报表明细 (issue 10): the lists behind a report's numbers — this month, last month and the year,
    /// by fact, department, handler and breached clock — each counted exactly, and paged.
    /// </summary>
    private static async Task DrillDownsAsync(Func<string, QueueQuery, StaffUser?, Task> queue, ComplaintService complaints, IReadOnlyDictionary<string, StaffUser> staff)
    {
        var now = TimeProvider.System.GetUtcNow();
        var today = ChinaTime.ChinaDate(now);
        var month = new ReportFilter(ReportPeriod.Month(today.Year, today.Month), now);
        var year = new ReportFilter(ReportPeriod.Year(today.Year), now);
        var handler = staff["handler"];
        await queue("报表明细 本月 受理量", QueueQuery.DrillDown(month), null);
        await queue("报表明细 本月 超时", QueueQuery.DrillDown(month with { Fact = KpiFact.Overdue }), null);
        await queue("报表明细 本月 运维检修部 超时", QueueQuery.DrillDown(month with { Department = "运维检修部", Fact = KpiFact.Overdue }), null);
        await queue("报表明细 本月 处理人 李强", QueueQuery.DrillDown(month with { Department = handler.Department, HandlerId = handler.Actor.UserId }), null);
        await queue("报表明细 本月 处理答复超时", QueueQuery.DrillDown(month with { BreachedClock = ClockKind.Handling }), null);
        await queue("报表明细 本月 超时 + 类别 = 电费", QueueQuery.DrillDown(month with { Fact = KpiFact.Overdue }) with { Category = Category.Billing }, null);
        await queue("报表明细 本月 (manager2 吴刚, 本部门)", QueueQuery.DrillDown(month with { Department = "运维检修部" }), staff["manager2"]);
        await queue("报表明细 上月 满意", QueueQuery.DrillDown(new ReportFilter(month.Period.Previous(), now) { Fact = KpiFact.Satisfied }), null);
        await queue("报表明细 本年 未回访", QueueQuery.DrillDown(year with { Fact = KpiFact.NotRevisited }), null);
        var overdue = QueueQuery.DrillDown(year with { Fact = KpiFact.Overdue });
        await queue("报表明细 本年 超时", overdue, null);
        var first = await complaints.QueueAsync(overdue, staff["manager"]);
        if (first.Rows.Count > 0) await queue("报表明细 本年 超时 下一页", overdue with { Cursor = new QueueCursor(After: first.Rows[^1].Key) }, null);
        await queue("报表明细 本年 超时 末页", overdue with { Cursor = new QueueCursor(Last: true) }, null);
    }

    private static string Describe(QueueResult result) =>
        $"{result.Rows.Count} rows of {(result.TotalIsExact ? result.Total.ToString("N0", CultureInfo.InvariantCulture) : $"{result.Total:N0}+")}";

    private sealed record Sample(string Number, string Name, string Phone, string? Account);

    /// <summary>A complaint from the middle of the table with a 户号, for the searches.</summary>
    private static async Task<Sample> SampleAsync(IDbContextFactory<AppDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var middle = (await db.Complaints.MaxAsync(c => (int?)c.Id) ?? 0) / 2;
        return await db.Complaints.Where(c => c.Id >= middle && c.Customer.AccountNumber != null).OrderBy(c => c.Id)
            .Select(c => new Sample(c.Number, c.Customer.Name, c.Customer.Phone, c.Customer.AccountNumber)).FirstAsync();
    }

    private static async Task<int> CountAsync(IDbContextFactory<AppDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Complaints.CountAsync();
    }
}
