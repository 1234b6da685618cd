using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
}

public sealed class DemoDataTestsOnSqlite() : DemoDataTests(DatabaseProvider.Sqlite);

public sealed class DemoDataTestsOnPostgres() : DemoDataTests(DatabaseProvider.Postgres);
