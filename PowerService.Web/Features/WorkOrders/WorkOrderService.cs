using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Staff;
using PowerService.Domain.Text;
using PowerService.Domain.Time;
using PowerService.Web.Data;
using PowerService.Web.Features.Sla;

namespace PowerService.Web.Features.WorkOrders;

/// <summary>Who sends work orders and where they are received: an API client, or the person importing a file.</summary>
/// <param name="Via">How the timeline and the receipt name the way in: "接口：12398 转办" or "导入：12345 平台导出".</param>
public sealed record WorkOrderSource(string Via, Actor By, IReadOnlyCollection<StaffRole> Roles, string Department);

/// <summary>
/// What became of one work order: created as <see cref="Number"/>; already received before (same
/// channel and upstream reference: <see cref="Created"/> false, the earlier number); or refused with
/// <see cref="Errors"/>, nothing stored.
/// </summary>
public sealed record WorkOrderOutcome(string? Number, bool Created, IReadOnlyList<FieldError> Errors)
{
    public bool Refused => Errors.Count > 0;
}

/// <summary>
/// Registers work orders from other systems (the API, imports) as complaints: idempotent on the
/// channel and upstream reference, each order stored whole or not at all, numbers taken for a batch
/// at once, and every order through the same automation as a typed intake — public-opinion flag and
/// alert, repeat detection — plus automatic dispatch by the admin's rules, always.
/// </summary>
public sealed class WorkOrderService(
    IDbContextFactory<AppDbContext> dbFactory,
    WriteGate gate,
    TimeProvider time,
    SlaSchedules schedules,
    AlertSignal signal,
    ILogger<WorkOrderService> log)
{
    private const string SaveFailed = "保存失败，数据未写入。请稍后重试；如仍失败请联系系统管理员。";

    public async Task<WorkOrderOutcome> RegisterAsync(ComplaintIntake order, WorkOrderSource source, CancellationToken ct = default) =>
        (await RegisterManyAsync([order], source, ct))[0];

    /// <summary>
    /// Registers a batch in one save. If that save fails — another instance took a reference, a number
    /// or the day's counter meanwhile — each order is tried once more on its own, against what is
    /// stored now: a reference another instance just took is then answered with its number, and one
    /// bad order refuses only itself.
    /// </summary>
    public async Task<IReadOnlyList<WorkOrderOutcome>> RegisterManyAsync(IReadOnlyList<ComplaintIntake> orders, WorkOrderSource source, CancellationToken ct = default)
    {
        var outcomes = await gate.RunAsync(() => TryBatchAsync(orders, source, ct), ct);
        if (outcomes is null)
        {
            var single = new List<WorkOrderOutcome>(orders.Count);
            foreach (var order in orders)
                single.Add((await gate.RunAsync(() => TryBatchAsync([order], source, ct), ct))?[0] ?? new(null, false, [new("", SaveFailed)]));
            outcomes = single;
        }
        if (outcomes.Any(o => o.Created)) signal.Raise();
        return outcomes;
    }

    /// <summary>The batch's outcomes, or null when its save failed (nothing of it stored).</summary>
    private async Task<IReadOnlyList<WorkOrderOutcome>?> TryBatchAsync(IReadOnlyList<ComplaintIntake> orders, WorkOrderSource source, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await StoreAsync(db, await PrepareAsync(db, orders, source, null, ct), ct);
    }

    /// <summary>
    /// Checks a batch, looks up which orders were received before, numbers the new ones and registers
    /// them in memory — nothing stored. With an import's <paramref name="carry"/>, the numbers follow the
    /// ones it has prepared but maybe not yet stored, the previous batch's customers count for repeats,
    /// and dispatch goes on counting the workloads it has handed out.
    /// </summary>
    internal async Task<PreparedWorkOrders> PrepareAsync(AppDbContext db, IReadOnlyList<ComplaintIntake> orders, WorkOrderSource source, ImportCarry? carry, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var previous = carry?.TakePrevious() ?? [];
        var outcomes = new WorkOrderOutcome?[orders.Count];
        var known = await ReceivedAsync(db, orders, ct);
        var fresh = new List<int>();
        var inBatch = new HashSet<(Channel, string)>();
        for (var i = 0; i < orders.Count; i++)
        {
            var key = KeyOf(orders[i]);
            if (key is null) outcomes[i] = new(null, false, [new(nameof(ComplaintIntake.UpstreamReference), "外部工单须有渠道和上级工单编号（用于识别重复发送）")]);
            else if (known.TryGetValue(key.Value, out var number)) outcomes[i] = new(number, false, []);
            else if (orders[i].Check(now) is { Count: > 0 } errors) outcomes[i] = new(null, false, errors);
            else if (inBatch.Add(key.Value)) fresh.Add(i);
            // else: a second order with this reference in the batch; answered below with the first one's number
        }
        var prepared = new PreparedWorkOrders(orders, outcomes, fresh, now);
        if (fresh.Count == 0) return prepared;

        var day = now.ChinaDate();
        var last = carry?.LastOf(day) ?? await StoredLastAsync(db, day, carry, ct);
        if (last + fresh.Count > ComplaintNumber.MaxPerDay)
        {
            Array.Fill(outcomes, new WorkOrderOutcome(null, false, [new("", "今日投诉编号已用完，请联系系统管理员")]));
            fresh.Clear();
            return prepared;
        }
        var numbers = ComplaintNumbering.For(day, last + 1, fresh.Count);
        prepared.Numbers = (day, last + 1, fresh.Count);
        var context = StepContext.Now(time, source.By, source.Roles, sla: await schedules.ForDepartmentAsync(source.Department, ct));
        var automation = carry?.Automation ?? await IntakeAutomation.LoadAsync(db, ct);
        var repeats = await RepeatFinder.LoadAsync(db, fresh.Select(i => orders[i]), now, ct);
        foreach (var (intake, number) in previous) repeats.Add(intake, number);
        var registeredNow = new List<(ComplaintIntake, string)>();
        for (var n = 0; n < fresh.Count; n++)
        {
            var order = orders[fresh[n]];
            var opinion = automation.OpinionOf(order);
            var registered = Complaint.Register(order, numbers[n], Guid.NewGuid(), source.Department, context, repeats.EarlierOf(order), opinion);
            if (!registered.Succeeded) { outcomes[fresh[n]] = new(null, false, registered.Outcome.Errors); continue; }
            var complaint = registered.Value!;
            await automation.DispatchAsync(complaint, typedIntake: false, context);
            repeats.Add(order, complaint.Number);
            registeredNow.Add((order, complaint.Number));
            prepared.Created.Add(new(complaint, new WorkOrderReceipt
            {
                Channel = complaint.Channel, UpstreamReference = complaint.UpstreamReference!,
                Number = complaint.Number, Via = source.Via, ReceivedAt = now,
            }));
            outcomes[fresh[n]] = new(complaint.Number, true, []);
        }
        carry?.Prepared(day, last + fresh.Count, automation, registeredNow);
        return prepared;
    }

    private static async Task<int> StoredLastAsync(AppDbContext db, DateOnly day, ImportCarry? carry, CancellationToken ct)
    {
        var stored = await ComplaintNumbering.LastAsync(db, day, ct);
        return carry?.SpareAfter(stored) ?? stored;
    }

    /// <summary>
    /// Stores a prepared batch in one transaction: its numbers claimed on the day's counter (through EF:
    /// its concurrency token refuses numbers another instance took meanwhile, and the claim refuses numbers
    /// anyone took since they were chosen), its rows by the bulk writer. Stored whole or not at all:
    /// null when nothing of it was stored.
    /// </summary>
    internal async Task<IReadOnlyList<WorkOrderOutcome>?> StoreAsync(AppDbContext db, PreparedWorkOrders prepared, CancellationToken ct, bool import = false)
    {
        if (prepared.Numbers is var (day, first, count))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                if (!await ComplaintNumbering.ClaimAsync(db, day, first, count, ct)) return null;
                await db.SaveChangesAsync(ct);
                await WorkOrderWriter.StoreAsync(db, transaction.GetDbTransaction(), prepared.Created, prepared.Now, ct, import);
                await transaction.CommitAsync(ct);
            }
            catch (Exception ex) when (ex is DbUpdateException or DbException)
            {
                log.LogWarning(ex, "Saving a batch of work orders failed; its orders are tried again");
                return null;
            }
        }
        return prepared.Outcomes();
    }

    /// <summary>Stores an import's prepared batch under the write gate, through the import's own context: its outcomes, or null when nothing of it was stored.</summary>
    internal async Task<IReadOnlyList<WorkOrderOutcome>?> StorePreparedAsync(AppDbContext writes, PreparedWorkOrders prepared, CancellationToken ct)
    {
        try
        {
            var stored = await gate.RunAsync(() => StoreAsync(writes, prepared, ct, import: true), ct);
            if (stored is not null && prepared.Created.Count > 0) signal.Raise();
            return stored;
        }
        finally
        {
            // The day's counter row is read afresh for every batch: a tracked one would keep the value it had.
            writes.ChangeTracker.Clear();
        }
    }

    /// <summary>Opens an import's pipeline: its batches are prepared while the previous one is stored.</summary>
    public async Task<WorkOrderPipeline> OpenPipelineAsync(WorkOrderSource source, CancellationToken ct)
    {
        var reads = await dbFactory.CreateDbContextAsync(ct);
        var writes = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            // Held open for the import: its SQLite settings are the connection's, given back when the pipeline closes.
            await writes.Database.OpenConnectionAsync(ct);
            var restore = writes.Database.IsSqlite() ? await WorkOrderWriter.SqliteSettingsAsync(writes.Database.GetDbConnection(), ct) : null;
            return new(this, source, reads, writes, restore, log);
        }
        catch
        {
            await writes.DisposeAsync();
            await reads.DisposeAsync();
            throw;
        }
    }

    internal static (Channel Channel, string Reference)? KeyOf(ComplaintIntake order) =>
        order.Channel is { } channel && TextRules.Clean(order.UpstreamReference) is { Length: > 0 } reference ? (channel, reference) : null;

    /// <summary>The receipts already stored for the batch's references, by (channel, reference).</summary>
    /// <remarks>
    /// A 转办单 an agent typed by hand before the platform sent it (same channel, same upstream reference)
    /// is the same work order: it is answered with that complaint's number, not registered again.
    /// </remarks>
    private static async Task<Dictionary<(Channel, string), string>> ReceivedAsync(AppDbContext db, IReadOnlyList<ComplaintIntake> orders, CancellationToken ct)
    {
        var references = orders.Select(KeyOf).Where(k => k is not null).Select(k => k!.Value.Reference).Distinct().ToList();
        var found = new Dictionary<(Channel, string), string>();
        foreach (var chunk in references.Chunk(500))
        {
            foreach (var r in await db.Complaints.AsNoTracking().Where(c => chunk.Contains(c.UpstreamReference!)).OrderByDescending(c => c.Id)
                         .Select(c => new { c.Channel, c.UpstreamReference, c.Number }).ToListAsync(ct))
                found[(r.Channel, r.UpstreamReference!)] = r.Number; // the earliest one last, so it wins
            foreach (var r in await db.WorkOrderReceipts.AsNoTracking().Where(r => chunk.Contains(r.UpstreamReference)).Select(r => new { r.Channel, r.UpstreamReference, r.Number }).ToListAsync(ct))
                found[(r.Channel, r.UpstreamReference)] = r.Number;
        }
        return found;
    }
}
