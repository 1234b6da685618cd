using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PowerService.Domain.Complaints;
using PowerService.Domain.WorkOrders;
using PowerService.Tests.Support;
using PowerService.Web.Data;
using PowerService.Web.Features.WorkOrders;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Data.WorkOrders;

/// <summary>
/// The bulk writer (prepared INSERTs, on SQLite bound by position below ADO.NET) stores exactly the rows
/// EF <c>SaveChanges</c> stores for the same work order: every column of every table it writes, and on
/// SQLite each value's storage class too — a Guid as BLOB or an instant as TEXT would still "load", and
/// then never match a query.
/// </summary>
public abstract class WorkOrderWriterTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly string[] Tables = ["Complaints", "TimelineEvents", "ComplaintMeasures", "WorkOrderReceipts", "SlaAlerts"];

    /// <summary>Keys the database hands out: PostgreSQL's sequences move on even when a transaction rolls back.</summary>
    private static readonly string[] Keys = ["Id", "ComplaintId"];

    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_work_order_is_stored_column_for_column_as_EF_stores_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var order = RichWorkOrder();

        List<string> bulk;
        await using (var db = _db.NewContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await WorkOrderWriter.StoreAsync(db, tx.GetDbTransaction(), [order], Start, ct);
            bulk = await RowsAsync(db, ct);
            await tx.RollbackAsync(ct);
        }
        List<string> ef;
        await using (var db = _db.NewContext())
        {
            db.Complaints.Add(order.Complaint);
            await db.SaveChangesAsync(ct);
            order.Receipt.ComplaintId = order.Complaint.Id;
            db.WorkOrderReceipts.Add(order.Receipt);
            db.SlaAlerts.Add(OpinionAlerts.For(order.Complaint, Start)!);
            await db.SaveChangesAsync(ct);
            ef = await RowsAsync(db, ct);
        }

        Assert.Equal(ef, bulk);
        Assert.Contains(bulk, r => r.StartsWith("Complaints.CustomerPhone = ", StringComparison.Ordinal) && r.Contains("13812348000", StringComparison.Ordinal));
        Assert.True(bulk.Count(r => r.StartsWith("TimelineEvents.", StringComparison.Ordinal)) > 10);
    }

    /// <summary>A work order that fills every kind of column: texts, numbers, instants, a flag, enums, JSON, a repeat and a public-opinion alert.</summary>
    private static RegisteredWorkOrder RichWorkOrder()
    {
        var intake = ValidIntake() with { Channel = Channel.Government12345, UpstreamReference = "ZW-WRITER-1", Content = "客户称已联系记者准备曝光。" + ValidIntake().Content };
        var registered = Complaint.Register(intake, "TS202611230042", Guid.NewGuid(), "客户服务中心", At(Start, Agent),
            repeatOf: "TS202611200007", opinion: new PublicOpinionFlag(false, ["记者", "曝光"]));
        var complaint = registered.Value ?? throw new InvalidOperationException(string.Join("；", registered.Outcome.Reasons));
        Assert.True(complaint.Dispatch(Dispatch, At(Start.AddMinutes(3))).Succeeded);
        var receipt = new WorkOrderReceipt { Channel = complaint.Channel, UpstreamReference = "ZW-WRITER-1", Number = complaint.Number, Via = "导入：12345 平台导出", ReceivedAt = Start };
        return new(complaint, receipt);
    }

    /// <summary>Every row of the writer's tables as "table.column = value", with SQLite's storage class of each value.</summary>
    private async Task<List<string>> RowsAsync(AppDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var rows = new List<string>();
        foreach (var table in Tables)
        {
            var columns = await ColumnsAsync(db, table, ct);
            var select = provider == DatabaseProvider.Sqlite
                ? string.Join(", ", columns.Select(c => $"typeof(\"{c}\") || ':' || coalesce(quote(\"{c}\"), 'NULL')"))
                : string.Join(", ", columns.Select(c => $"\"{c}\"::text"));
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT {select} FROM \"{table}\" ORDER BY 1";
            await using var reader = await command.ExecuteReaderAsync(ct);
            var count = 0;
            while (await reader.ReadAsync(ct))
            {
                count++;
                for (var i = 0; i < columns.Count; i++)
                    if (!Keys.Contains(columns[i])) rows.Add($"{table}.{columns[i]} = {(reader.IsDBNull(i) ? "NULL" : reader.GetString(i))}");
            }
            Assert.True(count > 0, $"{table} has no row");
        }
        return rows;
    }

    private async Task<List<string>> ColumnsAsync(AppDbContext db, string table, CancellationToken ct)
    {
        var sql = provider == DatabaseProvider.Sqlite
            ? $"SELECT name AS \"Value\" FROM pragma_table_info('{table}') ORDER BY cid"
            : $"SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position";
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync(ct);
    }
}

public sealed class WorkOrderWriterTestsOnSqlite() : WorkOrderWriterTests(DatabaseProvider.Sqlite);

public sealed class WorkOrderWriterTestsOnPostgres() : WorkOrderWriterTests(DatabaseProvider.Postgres);
