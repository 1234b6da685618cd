using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Benchmarks.ScaleBuild;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Web.Data;
using PowerService.Web.Features.Complaints;
using PowerService.Web.Features.Shared;
using PowerService.Web.Features.Sla;

namespace PowerService.Benchmarks.ScaleBench;

/// <summary>
/// <c>bench.sh load</c>: N simulated people at once, each pausing a few seconds between actions as a
/// person does, mixing queue views and paging, searches, complaint pages, the bell and steps (a
/// progress note on a complaint they own, through the write gate) — the server's time per action,
/// p50/p95 by kind and overall, and the throughput reached. With <c>--think-ms 0</c> it shows where
/// the machine saturates.
/// </summary>
internal static class LoadBenchmark
{
    private sealed record Sample(string Op, double Ms, bool Refused);

    public static async Task<int> RunAsync(string[] args)
    {
        var (target, error) = BenchTarget.Parse(args);
        if (target is null)
        {
            Console.Error.WriteLine($"{error}\nusage: PowerService.Benchmarks load --provider sqlite --path FILE | --provider postgres --connection CS [--users 200] [--seconds 60] [--think-ms 2000]");
            return 2;
        }
        var (users, seconds, think) = (target.Int("users", 200), target.Int("seconds", 60), target.Options.TryGetValue("think-ms", out var t) ? int.Parse(t, CultureInfo.InvariantCulture) : 2000);
        var (services, configuration) = AppServices.Build(target.Settings);
        await using var _ = services;
        await services.PrepareDatabaseAsync(configuration);

        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var people = new List<StaffUser>();
        foreach (var name in new[] { "manager", "manager2", "handler", "handler2", "handler3", "agent" }) people.Add(await DemoStaff.LoadAsync(factory, name));
        var owned = await OwnedOpenAsync(factory, people);
        var numbers = await NumbersAsync(factory);
        var complaints = services.GetRequiredService<ComplaintService>();
        var notifications = services.GetRequiredService<NotificationService>();
        Console.WriteLine($"{target.Name}: {users} simulated people for {seconds} s, {think} ms between actions on average");

        var samples = new ConcurrentBag<Sample>();
        var stopAt = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        var tasks = Enumerable.Range(0, users).Select(u => Task.Run(async () =>
        {
            var random = new Random(u);
            var me = people[u % people.Count];
            string? after = null;
            while (stopAt.Elapsed < until)
            {
                if (think > 0) await Task.Delay(random.Next(think / 2, think * 3 / 2));
                var roll = random.Next(100);
                var watch = Stopwatch.StartNew();
                var (op, refused) = roll switch
                {
                    < 30 => await QueueAsync(complaints, me, random),
                    < 45 => ("queue next page", await NextAsync(complaints, me, random, after is null ? null : after, a => after = a)),
                    < 65 => ("search", await SearchAsync(complaints, me, numbers[random.Next(numbers.Count)])),
                    // Out of the person's scope is a refusal, as the page would show it.
                    < 85 => ("complaint page", (await complaints.ShowAsync(numbers[random.Next(numbers.Count)].Number, me)).Shown is null),
                    < 93 => ("bell count", await notifications.UnreadCountAsync(me) < 0),
                    _ => ("step (progress note)", await NoteAsync(complaints, owned, random)),
                };
                samples.Add(new Sample(op, watch.Elapsed.TotalMilliseconds, refused));
            }
        })).ToList();
        await Task.WhenAll(tasks);

        var all = samples.ToList();
        Console.WriteLine($"\n{all.Count:N0} actions in {stopAt.Elapsed.TotalSeconds:F0} s: {all.Count / stopAt.Elapsed.TotalSeconds:F0} per second");
        Console.WriteLine("| action | count | p50 ms | p95 ms | max ms | refused |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var group in all.GroupBy(s => s.Op).OrderBy(g => g.Key, StringComparer.Ordinal).Append(all.GroupBy(_ => "all actions").Single()))
        {
            var ms = group.Select(s => s.Ms).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key} | {ms.Count:N0} | {Timing.Percentile(ms, 50):F1} | {Timing.Percentile(ms, 95):F1} | {ms.Max():F1} | {group.Count(s => s.Refused)} |"));
        }
        return 0;
    }

    private static readonly QueueQuery[] Views =
    [
        new(QueueScope.All), new(QueueScope.Mine), new(QueueScope.Team), new(QueueScope.All, Category: Category.Billing),
        new(QueueScope.All, Due: DueFilter.Overdue), new(QueueScope.All, Due: DueFilter.DueSoon), new(QueueScope.All, Category: Category.Supply, Channel: Channel.Hotline95598),
        new(QueueScope.All, Urgency: Urgency.Critical), new(QueueScope.All, Cursor: new QueueCursor(Last: true)),
    ];

    private static readonly string[] ViewNames = ["全部", "我的投诉", "本部门", "类别", "已超时", "即将超时", "类别+渠道", "特急", "末页"];

    private static async Task<(string, bool)> QueueAsync(ComplaintService complaints, StaffUser me, Random random)
    {
        var view = random.Next(Views.Length);
        await complaints.QueueAsync(Views[view], me);
        return ($"queue: {ViewNames[view]}", false);
    }

    private static async Task<bool> NextAsync(ComplaintService complaints, StaffUser me, Random random, string? after, Action<string?> remember)
    {
        var page = await complaints.QueueAsync(new QueueQuery(QueueScope.All, after is null || random.Next(5) == 0 ? QueueCursor.First : new QueueCursor(After: after)), me);
        remember(page.HasNext ? page.Rows[^1].Key : null);
        return false;
    }

    private static async Task<bool> SearchAsync(ComplaintService complaints, StaffUser me, (string Number, string Phone, string Name) sample)
    {
        var term = (sample.Phone[^1] % 3) switch { 0 => sample.Number, 1 => sample.Phone, _ => sample.Name };
        return (await complaints.QueueAsync(new QueueQuery(QueueScope.All, Search: term, IncludeEnded: true), me)).Rows.Count < 0;
    }

    /// <summary>A progress note by the complaint's owner on the version they just read: a write through the gate, refused only on a real conflict.</summary>
    private static async Task<bool> NoteAsync(ComplaintService complaints, List<(StaffUser Owner, string Number)> owned, Random random)
    {
        var (owner, number) = owned[random.Next(owned.Count)];
        var current = await complaints.FindAsync(number);
        if (current is null) return true;
        var outcome = await complaints.ActAsync(number, current.Revision, owner, null,
            (c, ctx) => c.AddNote(new ProgressNote("已电话联系客户，说明处理进度", ContactedCustomer: false), ctx));
        return !outcome.Succeeded;
    }

    private static async Task<List<(StaffUser, string)>> OwnedOpenAsync(IDbContextFactory<AppDbContext> factory, List<StaffUser> people)
    {
        await using var db = await factory.CreateDbContextAsync();
        var result = new List<(StaffUser, string)>();
        foreach (var person in people)
        {
            var id = person.Actor.UserId;
            var numbers = await db.Complaints.Where(c => c.Owner.UserId == id && string.Compare(c.QueueKey, QueueOrder.EndedFrom) < 0)
                .OrderBy(c => c.QueueKey).Select(c => c.Number).Take(200).ToListAsync();
            result.AddRange(numbers.Select(n => (person, n)));
        }
        return result;
    }

    private static async Task<List<(string Number, string Phone, string Name)>> NumbersAsync(IDbContextFactory<AppDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var max = await db.Complaints.MaxAsync(c => (int?)c.Id) ?? 0;
        var random = new Random(7);
        var ids = Enumerable.Range(0, 500).Select(_ => random.Next(1, max + 1)).ToList();
        return (await db.Complaints.Where(c => ids.Contains(c.Id)).Select(c => new { c.Number, c.Customer.Phone, c.Customer.Name }).ToListAsync())
            .Select(c => (c.Number, c.Phone, c.Name)).ToList();
    }
}
