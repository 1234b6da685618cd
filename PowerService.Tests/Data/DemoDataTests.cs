using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain;
using PowerService.Domain.Complaints;
using PowerService.Domain.Documents;
using PowerService.Domain.Reports;
using PowerService.Domain.Time;
using PowerService.Tests.Support;
using PowerService.Web.Data;

namespace PowerService.Tests.Data;

/// <summary>The demo's history, made once per database for the tests that read it.</summary>
public abstract class DemoHistory(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>The app's whole span with fewer complaints than its 7,000: every month filled and shares stable, and quick to make.</summary>
    public const int Count = 1500;

    public TestDatabase Db { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(provider);
        await using var scope = Db.Services.CreateAsyncScope();
        var demo = ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider);
        await demo.EnsureComplaintsAsync(Count);
        await demo.EnsureComplaintsAsync(Count); // first run only
        await using var db = Db.NewContext();
        await DemoTraining.EnsureAsync(db, Db.Time.GetUtcNow());
        await DemoTraining.EnsureAsync(db, Db.Time.GetUtcNow()); // first run only
        await DemoSampling.EnsureAsync(db, Db.Time.GetUtcNow());
        await DemoSampling.EnsureAsync(db, Db.Time.GetUtcNow()); // first run only
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

public sealed class DemoHistoryOnSqlite() : DemoHistory(DatabaseProvider.Sqlite);

public sealed class DemoHistoryOnPostgres() : DemoHistory(DatabaseProvider.Postgres);

/// <summary>The demo data goes through the real domain rules; a rule change that breaks it must fail here, not at start-up.</summary>
public abstract class DemoDataTests(DemoHistory history)
{
    private TestDatabase Db => history.Db;

    private DateTimeOffset Now => Db.Time.GetUtcNow();

    [Fact]
    public async Task Two_years_of_complaints_are_created_once_and_every_record_proves_itself()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Db.NewContext();
        var complaints = await db.Complaints.AsNoTracking().Include(c => c.Timeline).ToListAsync(ct);
        Assert.Equal(DemoHistory.Count, complaints.Count);
        Assert.All(complaints, c => Assert.True(c.FirstTamperedEvent is null, $"{c.Number}: timeline entry {c.FirstTamperedEvent} fails its seal"));
        Assert.Equal(complaints.Count, complaints.Select(c => c.Number).Distinct().Count());

        // Every month from the first day the calendars cover to this one.
        var months = complaints.Select(c => ComplaintMeasure.MonthOf(c.ReceivedAt)).ToHashSet();
        for (var month = new DateOnly(2025, 1, 1); month <= Now.ChinaDate(); month = month.AddMonths(1))
            Assert.Contains(month.Year * 100 + month.Month, months);
        Assert.True(complaints.Min(c => c.ReceivedAt).ChinaDate() >= new DateOnly(2025, 1, 1));

        // Every closed 12398 complaint was answered in writing, and its reply's bytes are stored with it.
        var closed12398 = complaints.Where(c => c.Channel == Channel.Regulator12398 && c.Stage == Stage.Closed).ToList();
        Assert.NotEmpty(closed12398);
        Assert.All(closed12398, c => Assert.Contains(c.IssuedDocuments, d => d.Kind == DocumentKind.Reply12398));
        var files = await db.IssuedDocumentFiles.AsNoTracking().Select(f => new { f.ComplaintId, f.Number, f.Sha256 }).ToListAsync(ct);
        var issued = complaints.SelectMany(c => c.IssuedDocuments.Select(d => new { ComplaintId = c.Id, c.Number, d.Sha256 })).ToList();
        Assert.Equal(issued.OrderBy(i => i.Number), files.OrderBy(f => f.Number));

        // The stored measures are the complaints' own.
        var measures = await db.ComplaintMeasures.AsNoTracking().ToListAsync(ct);
        Assert.Equal(complaints.Count, measures.Count);
        Assert.All(complaints.Take(200), c => Assert.Equivalent(ComplaintMeasure.Of(c), measures.Single(m => m.ComplaintId == c.Id)));
    }

    [Fact]
    public async Task The_history_has_the_seasons_and_old_complaints_are_finished_as_a_utility_finishes_them()
    {
        await using var db = Db.NewContext();
        var measures = await db.ComplaintMeasures.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);

        // Summer: outages and repairs in July–August well above March–April, per day.
        double PerDay(Func<ComplaintMeasure, bool> which, params int[] months) =>
            measures.Count(m => which(m) && months.Contains(m.ReceivedAt.ChinaDate().Month)) / (double)months.Sum(m => DateTime.DaysInMonth(2025, m));
        bool SupplyOrRepair(ComplaintMeasure m) => m.Category is Category.Supply or Category.Repair;
        Assert.True(PerDay(SupplyOrRepair, 7, 8) > 2 * PerDay(SupplyOrRepair, 3, 4), $"{PerDay(SupplyOrRepair, 7, 8):F2} vs {PerDay(SupplyOrRepair, 3, 4):F2} a day");
        // Billing: the days after the monthly bills (3rd–7th) well above the rest of the month.
        var billing = measures.Where(m => m.Category == Category.Billing).GroupBy(m => m.ReceivedAt.ChinaDate().Day is >= 3 and <= 7).ToDictionary(g => g.Key, g => g.Count());
        var first = measures.Min(m => m.ReceivedAt).ChinaDate();
        var days = Enumerable.Range(0, Now.ChinaDate().DayNumber - first.DayNumber + 1).Select(d => first.AddDays(d)).ToList();
        var (afterBills, rest) = (billing[true] / (double)days.Count(d => d.Day is >= 3 and <= 7), billing[false] / (double)days.Count(d => d.Day is < 3 or > 7));
        Assert.True(afterBills > 1.8 * rest, $"billing {afterBills:F2} vs {rest:F2} a day");
        // On average the categories keep their shares (docs/domain.md §3).
        foreach (var (category, share) in new[] { (Category.Billing, 42), (Category.Supply, 28), (Category.Repair, 15), (Category.Conduct, 11), (Category.Other, 4) })
            Assert.InRange(100.0 * measures.Count(m => m.Category == category) / measures.Count, share - 3.5, share + 3.5);

        // A month old: finished — closed, or merged, withdrawn or not a complaint (about 2 % each).
        var old = measures.Where(m => m.ReceivedAt < Now.AddDays(-30)).ToList();
        Assert.True(old.Count(m => m.Stage.IsOpen()) <= old.Count / 100, $"{old.Count(m => m.Stage.IsOpen())} of {old.Count} older than 30 days still open");
        foreach (var end in new[] { Stage.Merged, Stage.Withdrawn, Stage.Reclassified })
            Assert.InRange(100.0 * old.Count(m => m.Stage == end) / old.Count, 0.8, 4);
        // Recent ones are where the work has got to.
        var recent = measures.Where(m => m.ReceivedAt >= Now.AddDays(-30)).ToList();
        Assert.Contains(recent, m => m.Stage is Stage.Investigate or Stage.Resolve);
        Assert.Contains(recent, m => m.Stage == Stage.Revisit);
        Assert.Contains(recent, m => m.Stage == Stage.Closed);

        // The rates a manager reads are those of a working utility: a few % late, about 15 % re-opened, every resolved case revisited.
        var counts = KpiCounts.Of(old, Now);
        Assert.InRange(counts.TimelinessRate!.Value, 0.92m, 0.99m);
        Assert.InRange(counts.FirstTimeRate!.Value, 0.78m, 0.92m);
        Assert.InRange(counts.SatisfactionRate!.Value, 0.85m, 1m);
        Assert.Equal(1m, counts.RevisitRate);
        // … and the departments differ: 营销部 works on records, 运维检修部 outdoors through the summer storms.
        var metering = KpiCounts.Of(old.Where(m => m.Department == "营销部（计量）"), Now);
        var field = KpiCounts.Of(old.Where(m => m.Department == "运维检修部"), Now);
        Assert.True(metering.FirstTimeRate > field.FirstTimeRate + 0.04m, $"first-time {metering.FirstTimeRate:P1} vs {field.FirstTimeRate:P1}");
        Assert.True(metering.TimelinessRate > field.TimelinessRate, $"timeliness {metering.TimelinessRate:P1} vs {field.TimelinessRate:P1}");
        Assert.All(new[] { "李强", "孙丽", "周杰" }, name => Assert.Contains(old, m => m.HandlerName == name && m.Stage == Stage.Closed));

        // Improvement plans name a handful of recurring root causes, with corrective actions due by a date.
        var causes = old.Where(m => m.RootCause is not null).GroupBy(m => m.RootCause).Select(g => g.Count()).OrderDescending().ToList();
        Assert.InRange(causes.Count, 6, 20);
        Assert.True(causes[0] >= 2 * causes[^1]);
        Assert.All(old.Where(m => m.RootCause is not null), m => Assert.True(m.ImprovementActions > 0 && m.ActionDueDates!.Split(';').All(d => d.Length == 10)));
    }

    [Fact]
    public async Task The_demo_has_published_cases_without_their_customers_a_card_and_a_quiz()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Db.NewContext();
        var cases = await db.TrainingCases.AsNoTracking().ToListAsync(ct);
        Assert.InRange(cases.Count, 5, 10);
        Assert.All(cases, c => Assert.True(c.Listed && c.Versions.Count == 1 && c.Published!.Content.LessonsWorked.Length > 0));
        Assert.Equal(Enum.GetValues<Category>().Length, cases.Select(c => c.Category).Distinct().Count());
        var ids = cases.Select(c => c.SourceComplaintId).ToList();
        var customers = await db.Complaints.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Customer }).ToListAsync(ct);
        foreach (var c in cases)
        {
            var customer = customers.Single(x => x.Id == c.SourceComplaintId).Customer;
            foreach (var value in new[] { customer.Name, customer.Phone, customer.AccountNumber ?? "-", customer.Address })
                Assert.DoesNotContain(value, c.SearchText);
        }
        Assert.Equal(2, await db.ScenarioCards.CountAsync(ct));
        Assert.True(Assert.Single(await db.Quizzes.AsNoTracking().ToListAsync(ct)).Published);
    }

    [Fact]
    public async Task Demo_complaints_read_like_real_cases()
    {
        await using var db = Db.NewContext();
        var complaints = await db.Complaints.ToListAsync(TestContext.Current.CancellationToken);

        // Responsibility follows from the cause: the company's own fault is never a third party's.
        string[] thirdParties = ["邻户", "第三方", "施工单位", "物业"], weather = ["雷暴", "台风"];
        var investigated = complaints.Where(c => c.Investigation is not null).ToList();
        Assert.Contains(investigated, c => c.Investigation!.Responsibility == Responsibility.ThirdParty);
        Assert.Contains(investigated, c => c.Investigation!.Responsibility == Responsibility.Company && c.Investigation.Cause!.Contains("抄表数据异常未复核"));
        Assert.All(investigated, c =>
        {
            var (cause, responsibility) = (c.Investigation!.Cause!, c.Investigation.Responsibility!.Value);
            var why = $"{c.Number}: {Labels.Of(responsibility)} / {cause}";
            Assert.True(responsibility switch
            {
                Responsibility.ThirdParty => thirdParties.Any(cause.Contains),
                Responsibility.ForceMajeure => weather.Any(cause.Contains),
                Responsibility.Customer => cause.Contains("客户") && cause.Contains("计算无误"),
                _ => !thirdParties.Concat(weather).Any(cause.Contains) && !cause.Contains("计算无误"),
            }, why);
            if (responsibility != Responsibility.Company && c.Resolution is { } resolution)
                Assert.True(resolution.Compensation!.Kind == CompensationKind.None, why + " is compensated");
        });

        // A catch-all sub-category ("其他", "其他供电问题"…) is never pasted into a sentence.
        Assert.Contains(complaints, c => SubCategories.IsCatchAll(c.SubCategory));
        var settings = new DocumentSettings("国网杭州供电公司", "国家能源局浙江监管办公室");
        string[] pasted = ["“其他", "其他情况", "变压器其他", "出现其他", "遇到其他", "（其他"];
        foreach (var c in complaints)
        {
            var texts = ComplaintDocuments.For(c).Select(kind => ComplaintDocuments.ContentText(ComplaintDocuments.Compose(kind, c, settings, Now)));
            foreach (var text in texts.Append(c.Content).Append(c.Investigation?.Facts ?? ""))
                Assert.False(pasted.FirstOrDefault(text.Contains) is { } phrase, $"{c.Number} ({c.SubCategory}) writes “{pasted.FirstOrDefault(text.Contains)}”: {text}");
        }
    }

    [Fact]
    public async Task The_demo_has_sampled_revisits_of_each_level_drawn_by_the_rule_most_recorded_and_some_problems_followed_up()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Db.NewContext();
        var batches = await db.SampleBatches.AsNoTracking().Include(b => b.Items).ToListAsync(ct);
        var levels = batches.GroupBy(b => b.Level).ToDictionary(g => g.Key, g => g.Select(b => b.Period).Distinct().Count());
        Assert.Equal(new Dictionary<PowerService.Domain.Sampling.SamplingLevel, int>
        {
            [PowerService.Domain.Sampling.SamplingLevel.TeamWeekly] = 3, [PowerService.Domain.Sampling.SamplingLevel.DepartmentMonthly] = 2,
            [PowerService.Domain.Sampling.SamplingLevel.ThirdPartyQuarterly] = 1,
        }, levels);
        // Each batch is what the app's own rule draws from the period's closed complaints: the job finds nothing to redo.
        foreach (var batch in batches.Where(b => b.Population > 0).Take(8))
        {
            var population = await PowerService.Web.Features.Sampling.SamplingService.PopulationAsync(db, batch.SamplingPeriod, batch.Department, ct);
            Assert.Equal(PowerService.Domain.Sampling.SampleDraw.Draw(batch.SamplingPeriod, batch.Department, population).Select(d => d.Case.Number).Order(),
                batch.Items.Select(i => i.ComplaintNumber).Order());
        }
        var items = batches.SelectMany(b => b.Items).ToList();
        var latestWeek = PowerService.Domain.Sampling.SamplingPeriod.LastEnded(PowerService.Domain.Sampling.SamplingLevel.TeamWeekly, Now).Slug;
        Assert.All(items.Where(i => i.Period == latestWeek), i => Assert.Null(i.Result)); // the latest week is still to do
        var counts = PowerService.Domain.Sampling.SamplingCounts.Of(items.Where(i => i.Period != latestWeek), Now.ChinaDate());
        Assert.True(counts.Sampled >= 20, $"{counts.Sampled} sampled");
        Assert.InRange(counts.ReachRate!.Value, 0.8m, 1m);
        Assert.InRange(counts.SatisfactionRate!.Value, 0.8m, 1m);
        Assert.True(counts.ProblemsFound > 0 && counts.ProblemsFixed > 0, $"{counts.ProblemsFound} found, {counts.ProblemsFixed} fixed");
        Assert.All(items.Where(i => i.Result is not null), i => Assert.True(i.Result!.At < Now && i.Result.At > batches.Single(b => b.Id == i.BatchId).SamplingPeriod.To));
    }
}

public sealed class DemoDataTestsOnSqlite(DemoHistoryOnSqlite history) : DemoDataTests(history), IClassFixture<DemoHistoryOnSqlite>;

public sealed class DemoDataTestsOnPostgres(DemoHistoryOnPostgres history) : DemoDataTests(history), IClassFixture<DemoHistoryOnPostgres>;
