using Microsoft.EntityFrameworkCore;
using PowerService.Domain;
using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Api;

/// <summary>An API client as the admin page lists it, with how it has been used in the last day.</summary>
public sealed record ApiClientRow(ApiClientRecord Client, int CallsToday, int RefusedToday, DateTimeOffset? LastCallAt);

/// <summary>A client as the call log's filter names it.</summary>
public sealed record ApiClientName(int Id, string Name, bool Revoked);

/// <summary>A key just issued: shown to the admin once, never stored.</summary>
public sealed record IssuedKey(int ClientId, string Key);

/// <summary>
/// The admin's side of the API: clients created, changed, given a new key or revoked — each on the admin
/// audit log, each effective on this instance at once — and the call log read back.
/// </summary>
public sealed class ApiClientAdmin(IDbContextFactory<AppDbContext> dbFactory, ApiClientDirectory directory, ApiCallJournal journal, TimeProvider time)
{
    public const string Action = "接口客户端";
    private const string AdminsOnly = "只有系统管理员可以管理接口客户端";

    public async Task<IReadOnlyList<ApiClientRow>> ClientsAsync(CancellationToken ct = default)
    {
        await journal.FlushAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = time.GetUtcNow().AddDays(-1);
        var clients = await db.ApiClients.AsNoTracking().OrderBy(c => c.RevokedAt != null).ThenBy(c => c.Name).ToListAsync(ct);
        var usage = (await db.ApiCalls.AsNoTracking().Where(c => c.ClientId != null && c.At >= since)
                .GroupBy(c => c.ClientId!.Value)
                .Select(g => new { Id = g.Key, Calls = g.Count(), Refused = g.Count(c => c.Status >= 400) })
                .ToListAsync(ct))
            .ToDictionary(u => u.Id);
        var last = (await db.ApiCalls.AsNoTracking().Where(c => c.ClientId != null).GroupBy(c => c.ClientId!.Value)
                .Select(g => new { Id = g.Key, Last = g.Max(c => c.Id) }).ToListAsync(ct))
            .ToDictionary(l => l.Id, l => l.Last);
        var lastAt = await db.ApiCalls.AsNoTracking().Where(c => last.Values.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.At, ct);
        return [.. clients.Select(c => new ApiClientRow(c,
            usage.GetValueOrDefault(c.Id)?.Calls ?? 0, usage.GetValueOrDefault(c.Id)?.Refused ?? 0,
            last.TryGetValue(c.Id, out var lastId) ? lastAt[lastId] : null))];
    }

    public async Task<(StepResult Result, IssuedKey? Key)> CreateAsync(ApiClientForm form, StaffUser admin, CancellationToken ct = default)
    {
        if (!admin.Roles.Contains(StaffRole.Admin)) return (StepResult.Refused(AdminsOnly), null);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await CheckAsync(db, form, null, ct) is { Succeeded: false } refused) return (refused, null);
        var (key, prefix, hash) = ApiKeys.Issue();
        var now = time.GetUtcNow();
        var record = new ApiClientRecord
        {
            Name = form.Name!.Trim(), KeyPrefix = prefix, KeyHash = hash, KeyIssuedAt = now, CreatedAt = now, CreatedBy = admin.Actor.DisplayName, Revision = 1,
        };
        Apply(record, form);
        db.ApiClients.Add(record);
        db.AdminAuditEvents.Add(AdminAuditEvent.Of(admin.Actor, Action, record.Name, $"新建，密钥 {prefix}…；{Describe(record)}", now));
        var saved = await SaveAsync(db, ct);
        return saved.Succeeded ? (saved, new IssuedKey(record.Id, key)) : (saved, null);
    }

    public async Task<StepResult> UpdateAsync(int id, int seenRevision, ApiClientForm form, StaffUser admin, CancellationToken ct = default)
    {
        if (!admin.Roles.Contains(StaffRole.Admin)) return StepResult.Refused(AdminsOnly);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ActiveAsync(db, id, seenRevision, ct) is not { } record) return Stale;
        if (await CheckAsync(db, form, id, ct) is { Succeeded: false } refused) return refused;
        record.Name = form.Name!.Trim();
        Apply(record, form);
        record.Revision++;
        db.AdminAuditEvents.Add(AdminAuditEvent.Of(admin.Actor, Action, record.Name, $"修改：{Describe(record)}", time.GetUtcNow()));
        return await SaveAsync(db, ct);
    }

    /// <summary>A new key for the client; the old one stops working at once.</summary>
    public async Task<(StepResult Result, IssuedKey? Key)> ReissueKeyAsync(int id, int seenRevision, StaffUser admin, CancellationToken ct = default)
    {
        if (!admin.Roles.Contains(StaffRole.Admin)) return (StepResult.Refused(AdminsOnly), null);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ActiveAsync(db, id, seenRevision, ct) is not { } record) return (Stale, null);
        var (key, prefix, hash) = ApiKeys.Issue();
        var old = record.KeyPrefix;
        (record.KeyPrefix, record.KeyHash, record.KeyIssuedAt) = (prefix, hash, time.GetUtcNow());
        record.Revision++;
        db.AdminAuditEvents.Add(AdminAuditEvent.Of(admin.Actor, Action, record.Name, $"重新签发密钥 {prefix}…，原密钥 {old}… 作废", record.KeyIssuedAt));
        var saved = await SaveAsync(db, ct);
        return saved.Succeeded ? (saved, new IssuedKey(record.Id, key)) : (saved, null);
    }

    public async Task<StepResult> RevokeAsync(int id, int seenRevision, StaffUser admin, CancellationToken ct = default)
    {
        if (!admin.Roles.Contains(StaffRole.Admin)) return StepResult.Refused(AdminsOnly);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ActiveAsync(db, id, seenRevision, ct) is not { } record) return Stale;
        (record.RevokedAt, record.RevokedBy) = (time.GetUtcNow(), admin.Actor.DisplayName);
        record.Revision++;
        db.AdminAuditEvents.Add(AdminAuditEvent.Of(admin.Actor, Action, record.Name, $"吊销，密钥 {record.KeyPrefix}… 作废", record.RevokedAt.Value));
        return await SaveAsync(db, ct);
    }

    /// <summary>
    /// The latest calls, newest first; with <paramref name="beforeId"/>, the ones before that call (paging
    /// back by key: the log grows by up to hundreds of rows a second, so it is neither counted nor skipped through).
    /// </summary>
    public async Task<IReadOnlyList<ApiCallRecord>> CallsAsync(int? clientId, int take = 200, bool refusedOnly = false, long? beforeId = null, CancellationToken ct = default)
    {
        await journal.FlushAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calls = db.ApiCalls.AsNoTracking();
        if (clientId is { } id) calls = calls.Where(c => c.ClientId == id);
        if (refusedOnly) calls = calls.Where(c => c.Status >= 400);
        if (beforeId is { } before) calls = calls.Where(c => c.Id < before);
        return await calls.OrderByDescending(c => c.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>Every client by name, revoked ones too (their calls stay in the log): what the call log can be filtered by.</summary>
    public async Task<IReadOnlyList<ApiClientName>> ClientNamesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiClients.AsNoTracking().OrderBy(c => c.RevokedAt != null).ThenBy(c => c.Name)
            .Select(c => new ApiClientName(c.Id, c.Name, c.RevokedAt != null)).ToListAsync(ct);
    }

    private static readonly StepResult Stale = StepResult.Refused("该客户端已被吊销或刚被其他管理员修改，您的操作未执行，请刷新后重试");

    private static async Task<ApiClientRecord?> ActiveAsync(AppDbContext db, int id, int seenRevision, CancellationToken ct) =>
        await db.ApiClients.SingleOrDefaultAsync(c => c.Id == id && c.RevokedAt == null && c.Revision == seenRevision, ct);

    private static async Task<StepResult> CheckAsync(AppDbContext db, ApiClientForm form, int? id, CancellationToken ct)
    {
        var departments = await db.Departments.Select(d => d.Name).ToListAsync(ct);
        var errors = form.Check(departments).ToList();
        var name = form.Name?.Trim();
        if (!errors.Any(e => e.Field == nameof(ApiClientForm.Name)) && await db.ApiClients.AnyAsync(c => c.Name == name && c.Id != id, ct))
            errors.Add(new(nameof(ApiClientForm.Name), $"已有名为“{name}”的客户端（含已吊销的）"));
        return errors.Count == 0 ? StepResult.Success : StepResult.Refused(errors);
    }

    private static void Apply(ApiClientRecord record, ApiClientForm form)
    {
        record.Channels = [.. form.Channels.Distinct().Order()];
        record.Scopes = [.. ApiScopes.All.Where(form.Scopes.Contains)];
        record.Department = form.Department!;
        record.RequestsPerMinute = form.RequestsPerMinute;
    }

    private static string Describe(ApiClientRecord r) =>
        $"渠道 {string.Join("、", r.Channels.Select(Labels.Of))}；权限 {string.Join("、", r.Scopes.Select(ApiScopes.Label))}；承办 {r.Department}；每分钟 {r.RequestsPerMinute} 次";

    private async Task<StepResult> SaveAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale;
        }
        catch (DbUpdateException)
        {
            // The unique name (or, once in 10^12, key prefix) taken by another admin meanwhile.
            return StepResult.Refused([new(nameof(ApiClientForm.Name), "该名称刚被其他管理员使用，请换一个名称")]);
        }
        directory.Invalidate();
        return StepResult.Success;
    }
}
