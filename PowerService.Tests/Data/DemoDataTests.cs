using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain;
using PowerService.Domain.Complaints;
using PowerService.Domain.Documents;
using PowerService.Tests.Support;
using PowerService.Web.Data;

namespace PowerService.Tests.Data;

/// <summary>The demo data goes through the real domain rules; a rule change that breaks it must fail here, not at start-up.</summary>
public abstract class DemoDataTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Two_hundred_demo_complaints_are_created_in_every_stage_once()
    {
        await using (var scope = _db.Services.CreateAsyncScope())
        {
            var demo = ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider);
            await demo.EnsureComplaintsAsync();
            await demo.EnsureComplaintsAsync(); // first run only
        }

        await using var db = _db.NewContext();
        Assert.Equal(200, await db.Complaints.CountAsync(TestContext.Current.CancellationToken));
        var stages = await db.Complaints.Select(c => c.Stage).Distinct().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Enum.GetValues<Stage>().Order(), stages.Order());
        var closed12398 = (await db.Complaints.Where(c => c.Channel == Channel.Regulator12398 && c.Stage == Stage.Closed).ToListAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(closed12398);
        Assert.All(closed12398, c => Assert.Contains(c.IssuedDocuments, d => d.Kind == DocumentKind.Reply12398));
        Assert.Equal(closed12398.Count, await db.IssuedDocumentFiles.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Demo_complaints_read_like_real_cases()
    {
        await using (var scope = _db.Services.CreateAsyncScope())
            await ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider).EnsureComplaintsAsync();
        await using var db = _db.NewContext();
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
            var texts = ComplaintDocuments.For(c).Select(kind => ComplaintDocuments.ContentText(ComplaintDocuments.Compose(kind, c, settings, _db.Time.GetUtcNow())));
            foreach (var text in texts.Append(c.Content).Append(c.Investigation?.Facts ?? ""))
                Assert.False(pasted.FirstOrDefault(text.Contains) is { } phrase, $"{c.Number} ({c.SubCategory}) writes “{pasted.FirstOrDefault(text.Contains)}”: {text}");
        }
    }
}

public sealed class DemoDataTestsOnSqlite() : DemoDataTests(DatabaseProvider.Sqlite);

public sealed class DemoDataTestsOnPostgres() : DemoDataTests(DatabaseProvider.Postgres);
