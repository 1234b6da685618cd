using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Tests.Support;
using PowerService.Web.Data;
using PowerService.Web.Features.WorkOrders;
using PowerService.Web.Features.WorkOrders.Import;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;
using static PowerService.Tests.Domain.WorkOrders.WorkOrderRows;

namespace PowerService.Tests.Data.WorkOrders;

/// <summary>
/// An import's batches are prepared while the previous one is stored (<see cref="WorkOrderPipeline"/>):
/// numbers follow the file across batches, a repeat is found in the batch still being stored, and a
/// number someone takes meanwhile sends the batch that counted on it — and the one after — through
/// again, with nothing lost or numbered twice.
/// </summary>
public abstract class WorkOrderPipelineTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly WorkOrderSource Import = new("导入：12398 平台导出", new Actor("u-agent", "王芳"), [StaffRole.IntakeAgent], "客户服务中心");

    protected TestDatabase Db { get; private set; } = null!;
    private string _folder = null!;

    public async ValueTask InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(provider, new Dictionary<string, string?> { ["WorkOrderImport:BatchSize"] = "3" });
        _folder = WorkOrderFiles.Folder();
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected async Task<ImportCounts> ImportAsync(IEnumerable<string[]> rows)
    {
        var path = Path.Combine(_folder, $"12398-{Guid.NewGuid():N}.csv");
        WorkOrderFiles.Csv(path, Headers12398, rows, System.Text.Encoding.UTF8, bom: true);
        var sheet = ImportSheet.Open(path, ImportSheet.KindOf(path).Kind!.Value).Sheet!;
        await using var scope = Db.Services.CreateAsyncScope();
        await using var rejected = File.Create(Path.Combine(_folder, $"rejected-{Guid.NewGuid():N}.xlsx"));
        return await scope.ServiceProvider.GetRequiredService<WorkOrderImporter>()
            .RunAsync(sheet, Mapping12398, await Db.StaffAsync("agent"), "导入测试", rejected, _ => { }, Ct);
    }

    private static string[] Row(int n, string phone, string account) => Valid(n).With("联系电话", phone).With("户号", account);

    [Fact]
    public async Task Eleven_rows_in_batches_of_three_are_numbered_in_file_order_and_a_repeat_is_found_in_the_batch_still_being_stored()
    {
        // Row 4 (second batch) repeats row 3 (first batch); row 7 (third) repeats row 6 (second, being stored
        // while the third is prepared); row 11 repeats row 1 (long stored). Row 5 is refused.
        var rows = Enumerable.Range(1, 11).Select(n => Row(n, $"1390000{n:D4}", $"33000{n:D5}")).ToList();
        rows[3] = Row(4, "13900000003", "3300099004");
        rows[6] = Row(7, "13700000007", "3300000006");
        rows[10] = Row(11, "13900000001", "3300099011");
        rows[4] = rows[4].With("来电时间", "2026-11-31 08:30");

        var counts = await ImportAsync(rows);

        Assert.Equal(new ImportCounts(11, 10, 0, 1), counts);
        await using var db = Db.NewContext();
        var stored = await db.Complaints.AsNoTracking().Include(c => c.Timeline).ToListAsync(Ct);
        var byRow = stored.ToDictionary(c => int.Parse(c.UpstreamReference!["GD12398".Length..]), c => c);
        var sequences = byRow.OrderBy(r => r.Key).Select(r => ComplaintNumber.SequenceOf(r.Value.Number)).ToList();
        // In file order: each batch's numbers in a row, after the spare numbers left for others before it.
        const int s = ImportCarry.Spare;
        Assert.Equal([1 + s, 2 + s, 3 + s, 4 + 2 * s, 5 + 2 * s, 6 + 2 * s, 7 + 3 * s, 8 + 3 * s, 9 + 3 * s, 10 + 4 * s], sequences);
        Assert.Equal(sequences[^1], (await db.ComplaintNumberDays.SingleAsync(Ct)).Last);
        Assert.Equal([(4, 3), (7, 6), (11, 1)], Repeats(byRow));
    }

    [Fact]
    public async Task An_import_of_one_batch_takes_the_next_numbers_leaving_none_free()
    {
        var typed = await Db.RegisterAsync(await Db.StaffAsync("agent"));

        Assert.Equal(new ImportCounts(2, 2, 0, 0), await ImportAsync([Valid(1), Valid(2)]));

        await using var db = Db.NewContext();
        var numbers = await db.Complaints.Where(c => c.Number != typed).Select(c => c.Number).ToListAsync(Ct);
        Assert.Equal([2, 3], numbers.Select(ComplaintNumber.SequenceOf).Order());
    }

    [Fact]
    public async Task An_import_stopped_midway_has_reported_every_complaint_it_stored()
    {
        var path = Path.Combine(_folder, "12398-stopped.csv");
        WorkOrderFiles.Csv(path, Headers12398, Enumerable.Range(1, 30).Select(n => Row(n, $"1390000{n:D4}", $"33000{n:D5}")), System.Text.Encoding.UTF8, bom: true);
        var sheet = ImportSheet.Open(path, ImportSheet.KindOf(path).Kind!.Value).Sheet!;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var reported = ImportCounts.None;
        await using var scope = Db.Services.CreateAsyncScope();
        await using var rejected = File.Create(Path.Combine(_folder, "rejected-stopped.xlsx"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scope.ServiceProvider.GetRequiredService<WorkOrderImporter>()
            .RunAsync(sheet, Mapping12398, Db.StaffAsync("agent").Result, "导入测试", rejected, counts =>
            {
                reported = counts;
                if (counts.Created > 0) stop.Cancel(); // after the first batch, while the second is being stored
            }, stop.Token));

        await using var db = Db.NewContext();
        Assert.InRange(reported.Created, 3, 27);
        Assert.Equal(reported.Created, await db.Complaints.CountAsync(Ct));
    }

    /// <summary>(row, the row it repeats) for every complaint registered as a repeat.</summary>
    private static List<(int Row, int Of)> Repeats(Dictionary<int, Complaint> byRow) =>
    [
        .. byRow.OrderBy(r => r.Key)
            .Select(r => (r.Key, Of: byRow.SingleOrDefault(o => r.Value.Timeline.Any(e => e.Summary.Contains($"重复投诉（前次 {o.Value.Number}）"))).Key))
            .Where(r => r.Of != 0),
    ];

    [Fact]
    public async Task A_batch_prepared_while_the_previous_one_waits_to_be_stored_numbers_after_it_and_finds_its_customers()
    {
        var service = Db.Services.GetRequiredService<WorkOrderService>();
        var gate = Db.Services.GetRequiredService<WriteGate>();
        ComplaintIntake Order(int n, string phone) => ValidIntake() with { Channel = Channel.Regulator12398, UpstreamReference = $"GD-W{n}", Phone = phone, AccountNumber = null };

        await using var pipeline = await service.OpenPipelineAsync(Import, Ct);
        var entered = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var held = gate.RunAsync(async () => { entered.SetResult(); await release.Task; return 0; }, Ct);
        await entered.Task;
        // The first batch cannot be stored while the gate is held: the second is prepared before it is.
        var first = pipeline.StoreAsync(await pipeline.PrepareAsync([Order(1, "13900000101"), Order(2, "13900000102")], Ct), Ct);
        var secondPrepared = await pipeline.PrepareAsync([Order(3, "13900000102")], Ct);
        Assert.False(first.IsCompleted);
        release.SetResult();
        await held;
        var firstOutcomes = await first;
        var second = await pipeline.StoreAsync(secondPrepared, Ct);

        const int s = ImportCarry.Spare;
        Assert.Equal([1 + s, 2 + s, 3 + 2 * s], firstOutcomes.Concat(second).Select(o => ComplaintNumber.SequenceOf(o.Number!)));
        Assert.Contains((await Db.LoadAsync(second[0].Number!)).Timeline, e => e.Summary.Contains($"重复投诉（前次 {firstOutcomes[1].Number}）"));
    }

    [Fact]
    public async Task Numbers_others_take_while_a_batch_waits_come_from_the_spare_ones_and_beyond_them_the_batch_registers_again()
    {
        var service = Db.Services.GetRequiredService<WorkOrderService>();
        const int s = ImportCarry.Spare;
        ComplaintIntake Order(string reference, int n) => ValidIntake() with { Channel = Channel.Regulator12398, UpstreamReference = reference, Phone = $"139{n:D8}", AccountNumber = null };
        static int[] Sequences(IEnumerable<WorkOrderOutcome> outcomes) => [.. outcomes.Select(o => ComplaintNumber.SequenceOf(o.Number!))];

        await using (var pipeline = await service.OpenPipelineAsync(Import, Ct))
        {
            var first = await pipeline.StoreAsync(await pipeline.PrepareAsync([Order("GD-P1", 1), Order("GD-P2", 2)], Ct), Ct);
            var second = await pipeline.PrepareAsync([Order("GD-P3", 3), Order("GD-P4", 4)], Ct);
            var typed = await Db.RegisterAsync(await Db.StaffAsync("agent")); // one of the spare numbers
            var secondOutcomes = await pipeline.StoreAsync(second, Ct);
            var third = await pipeline.PrepareAsync([Order("GD-P5", 5)], Ct);
            // More numbers than the spare ones, the third batch's among them: it registers again, after them.
            var api = await service.RegisterManyAsync([.. Enumerable.Range(100, s + 10).Select(n => Order($"GD-API{n}", n))], Import, Ct);
            var thirdOutcomes = await pipeline.StoreAsync(third, Ct);
            var fourth = await pipeline.StoreAsync(await pipeline.PrepareAsync([Order("GD-P6", 6)], Ct), Ct);

            Assert.Equal([1 + s, 2 + s], Sequences(first));
            Assert.Equal(3 + s, ComplaintNumber.SequenceOf(typed));
            Assert.Equal([3 + 2 * s, 4 + 2 * s], Sequences(secondOutcomes)); // stored as prepared
            Assert.Equal(Enumerable.Range(5 + 2 * s, s + 10), Sequences(api));
            Assert.Equal([5 + 3 * s + 10], Sequences(thirdOutcomes)); // it had counted on 5 + 3s, taken by then
            Assert.Equal([6 + 4 * s + 10], Sequences(fourth)); // prepared afresh from what was stored, spare numbers before it
            Assert.All(first.Concat(secondOutcomes).Concat(thirdOutcomes).Concat(fourth), o => Assert.True(o.Created));
        }

        await using var db = Db.NewContext();
        var numbers = await db.Complaints.Select(c => c.Number).ToListAsync(Ct);
        Assert.Equal(1 + 6 + s + 10, numbers.Count);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(6 + 4 * s + 10, (await db.ComplaintNumberDays.SingleAsync(Ct)).Last);
    }
}

public sealed class WorkOrderPipelineTestsOnSqlite() : WorkOrderPipelineTests(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task An_import_leaves_its_rows_in_the_database_file_and_its_connection_as_it_found_it()
    {
        // Held open throughout: SQLite copies the WAL into the file when its last connection closes.
        await using var holder = Db.NewContext();
        await holder.Database.OpenConnectionAsync(Ct);

        await ImportAsync(Enumerable.Range(1, 10).Select(n => Valid(n)));

        // The database file alone, without its WAL: the import's end copied everything into it.
        var copy = Path.Combine(Db.Folder, "copy.db");
        File.Copy(holder.Database.GetDbConnection().DataSource, copy);
        await using (var file = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            await file.OpenAsync(Ct);
            await using var count = file.CreateCommand();
            count.CommandText = "SELECT count(*) FROM Complaints";
            Assert.Equal(10L, await count.ExecuteScalarAsync(Ct));
        }

        // Every connection at once (the import's writer among them, were they pooled): the app's settings on each.
        var contexts = Enumerable.Range(0, 8).Select(_ => Db.NewContext()).ToList();
        try
        {
            foreach (var context in contexts) await context.Database.OpenConnectionAsync(Ct);
            foreach (var context in contexts)
                Assert.Equal(((long)SqlitePragmas.SqliteAutoCheckpoint, -2000L), (await PragmaAsync(context, "wal_autocheckpoint"), await PragmaAsync(context, "cache_size")));
        }
        finally
        {
            foreach (var context in contexts) await context.DisposeAsync();
        }
    }

    private static async Task<long> PragmaAsync(AppDbContext db, string pragma)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}

public sealed class WorkOrderPipelineTestsOnPostgres() : WorkOrderPipelineTests(DatabaseProvider.Postgres);
