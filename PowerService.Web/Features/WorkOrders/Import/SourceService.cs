using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Domain.WorkOrders;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.WorkOrders.Import;

/// <summary>A source as the import page offers it.</summary>
public sealed record ImportSource(int Id, string Name, ColumnMapping Mapping, int Revision, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>The sources of imported work orders and their saved mappings: listed for everyone who imports, changed by admins and managers (on the admin log).</summary>
public sealed class SourceService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public const string SaveAction = "编辑工单导入映射";

    public static bool MayEdit(StaffUser user) => user.Is(StaffRole.Admin) || user.Is(StaffRole.Manager);

    /// <summary>Every source by name; the shipped 12398 and 12345 sources are stored the first time.</summary>
    public async Task<IReadOnlyList<ImportSource>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.WorkOrderSources.AnyAsync(ct))
        {
            var at = time.GetUtcNow();
            db.WorkOrderSources.AddRange(SourceDefaults.All.Select(s => new WorkOrderSourceRecord
                { Name = s.Name, MappingJson = MappingJson.Write(s.Mapping), UpdatedAt = at, UpdatedBy = "系统" }));
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { /* another page stored them first */ }
        }
        await using var read = await dbFactory.CreateDbContextAsync(ct);
        var records = await read.WorkOrderSources.AsNoTracking().ToListAsync(ct);
        return [.. records.OrderBy(r => r.Id).Select(r => new ImportSource(r.Id, r.Name, MappingJson.Read(r.MappingJson), r.Revision, r.UpdatedBy, r.UpdatedAt))];
    }

    /// <summary>
    /// Saves a source's mapping (a new source when <paramref name="id"/> is 0). Refused with a reason for
    /// other roles, an empty or taken name, a mapping without a channel, or a change by someone else meanwhile.
    /// </summary>
    public async Task<StepResult> SaveAsync(int id, int revision, string name, ColumnMapping mapping, StaffUser user, CancellationToken ct = default)
    {
        if (!MayEdit(user)) return StepResult.Refused("只有管理人员和系统管理员可以保存导入映射");
        name = name.Trim();
        if (name.Length is 0 or > 50) return StepResult.Refused([new("Name", "请填写来源名称（最多 50 字）")]);
        if (mapping.Defaults.Channel is null && mapping.ColumnOf(ImportField.Channel) is null)
            return StepResult.Refused([new("Channel", "请选择该来源的投诉渠道")]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await StaffChecks.SessionEndedAsync(db, user, ct) is { } ended) return ended;
        if (await db.WorkOrderSources.AnyAsync(s => s.Name == name && s.Id != id, ct)) return StepResult.Refused([new("Name", $"已有名为“{name}”的来源")]);
        var record = id == 0 ? db.WorkOrderSources.Add(new WorkOrderSourceRecord()).Entity : await db.WorkOrderSources.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (record is null) return StepResult.Refused("该来源已不存在，请刷新页面");
        if (id != 0 && record.Revision != revision) return StepResult.Refused($"该来源的映射已被{record.UpdatedBy}修改，请刷新页面后重试");
        var at = time.GetUtcNow();
        (record.Name, record.MappingJson, record.UpdatedAt, record.UpdatedBy, record.Revision) = (name, MappingJson.Write(mapping), at, user.Actor.DisplayName, record.Revision + 1);
        db.AdminAuditEvents.Add(AdminAuditEvent.Of(user.Actor, SaveAction, name, Describe(mapping), at));
        try
        {
            await db.SaveChangesAsync(ct);
            return StepResult.Success;
        }
        catch (DbUpdateException)
        {
            return StepResult.Refused("保存失败：该来源已被他人修改，请刷新页面后重试");
        }
    }

    /// <summary>"工单编号←工单编号，来电时间←受理时间…；固定值：渠道 12398能源监管热线…", as the admin log says it.</summary>
    public static string Describe(ColumnMapping mapping)
    {
        var columns = string.Join("，", mapping.Columns.OrderBy(c => c.Value).Select(c => $"{ImportFields.Label(c.Value)}←{c.Key}"));
        var d = mapping.Defaults;
        var fixedValues = new[]
        {
            d.Channel is { } ch ? $"渠道 {PowerService.Domain.Labels.Of(ch)}" : null,
            d.Category is { } cat ? $"类别 {PowerService.Domain.Labels.Of(cat)}" : null,
            d.Urgency is { } u ? $"紧急程度 {PowerService.Domain.Labels.Of(u)}" : null,
            d.CustomerType is { } t ? $"客户类型 {PowerService.Domain.Labels.Of(t)}" : null,
            d.Profile is { } p ? $"投诉人类型 {PowerService.Domain.Labels.Of(p)}" : null,
        }.OfType<string>();
        return $"{columns}；固定值：{string.Join("，", fixedValues)}";
    }
}
