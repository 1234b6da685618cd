using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Domain.Reports;
using PowerService.Domain.Staff;
using PowerService.Domain.Text;
using PowerService.Domain.Time;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Reports;

/// <summary>One version of the KPI policy as the history lists it: who saved it, when and why (the default: nobody yet).</summary>
public sealed record KpiPolicyVersion(KpiPolicy Policy, string CreatedBy, DateTimeOffset? CreatedAt, string Reason);

/// <summary>A department and the customers it serves, as the admin keeps them.</summary>
public sealed record DepartmentCustomers(int Id, string Name, int? Customers);

/// <summary>
/// What admins change about KPI scoring: a new version of the policy (never an edit: a version takes
/// effect from a date not in the past, so a past period's report is scored as it was), and each
/// department's customer count. Every change is one transaction with its entry on the admin log.
/// </summary>
public sealed class KpiPolicyService(IDbContextFactory<AppDbContext> dbFactory, WriteGate gate, TimeProvider time, ILogger<KpiPolicyService> log)
{
    public const string AdminOnly = "只有系统管理员可以修改考核指标";
    public const string Conflict = "已有他人保存了新版本，请刷新后重试";
    public const string DefaultReason = "系统默认";
    public const string DefaultShownReason = "系统默认（投诉处理与绩效挂钩方案）";
    public const string SystemName = "系统";
    public const string SaveAction = "新增考核指标版本";
    public const string CustomersAction = "设置部门客户数";
    public const int MinReason = 5, MaxReason = 500, MaxCustomers = 100_000_000;

    /// <summary>The first effective date an admin may choose: today in China.</summary>
    public DateOnly Today => time.GetUtcNow().ChinaDate();

    /// <summary>Every version, newest first; the default as version 1 while none is stored.</summary>
    public async Task<IReadOnlyList<KpiPolicyVersion>> VersionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.KpiPolicies.AsNoTracking().OrderByDescending(p => p.Version).ToListAsync(ct);
        return stored.Count == 0
            ? [new(KpiPolicy.Default, SystemName, null, DefaultShownReason)]
            : stored.Select(p => new KpiPolicyVersion(p.ToPolicy(), p.CreatedBy, p.CreatedAt, p.Reason)).ToList();
    }

    /// <summary>
    /// Stores <paramref name="proposed"/> as the next version (its own Version is ignored). The first
    /// save also stores the default as version 1, so every report's version is in the table. Two
    /// instances saving at once both aim at the same number: the key refuses the second.
    /// </summary>
    public async Task<StepResult<KpiPolicy>> SaveNewVersionAsync(StaffUser admin, KpiPolicy proposed, string? reason, CancellationToken ct = default)
    {
        if (!admin.Is(StaffRole.Admin)) return Refused(AdminOnly);
        var today = Today;
        var errors = proposed.Check().Concat(PrecisionErrors(proposed)).ToList();
        if (proposed.EffectiveFrom < today)
            errors.Add(new(nameof(KpiPolicy.EffectiveFrom), $"施行日期不能早于今天（{today:yyyy-MM-dd}）：已过去的统计期不能重新计分"));
        if (!TextRules.AtLeast(reason, MinReason) || !TextRules.WithinLength(reason, MaxReason) || !TextRules.IsPlainText(reason))
            errors.Add(new(nameof(KpiPolicyRecord.Reason), $"请写明修改原因（{MinReason}–{MaxReason} 字的纯文本）"));
        if (errors.Count > 0) return new(null, StepResult.Refused(errors));

        return await gate.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var stored = (await db.KpiPolicies.AsNoTracking().ToListAsync(ct)).Select(p => p.ToPolicy()).ToList();
            var inForce = KpiPolicy.InForce(stored, proposed.EffectiveFrom);
            if (SameRules(inForce, proposed))
                return Refused($"{proposed.EffectiveFrom:yyyy-MM-dd} 适用的是第 {inForce.Version} 版，提交的内容与它完全相同，无需保存新版本");

            var now = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds()); // what every store keeps
            if (stored.Count == 0) db.KpiPolicies.Add(KpiPolicyRecord.From(KpiPolicy.Default, now, SystemName, DefaultReason));
            var saved = proposed with { Version = stored.Count == 0 ? 2 : stored.Max(p => p.Version) + 1 };
            db.KpiPolicies.Add(KpiPolicyRecord.From(saved, now, admin.Actor.DisplayName, reason!.Trim()));
            db.AdminAuditEvents.Add(AdminAuditEvent.Of(admin.Actor, SaveAction, $"第 {saved.Version} 版", Shorten(
                $"施行日期 {saved.EffectiveFrom:yyyy-MM-dd}；权重 {Weights(saved)}；{Thresholds(saved)}；原因：{reason.Trim()}", 500), now));
            try
            {
                await db.SaveChangesAsync(ct);
                return new StepResult<KpiPolicy>(saved, StepResult.Success);
            }
            catch (DbUpdateException ex)
            {
                if (await LatestAsync(ct) >= saved.Version) return Refused(Conflict); // another instance took this number first
                log.LogError(ex, "Saving KPI policy version {Version} failed", saved.Version);
                return Refused("保存失败，请稍后重试");
            }
        }, ct);
    }

    public async Task<IReadOnlyList<DepartmentCustomers>> DepartmentsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Departments.AsNoTracking().OrderBy(d => d.Id).Select(d => new DepartmentCustomers(d.Id, d.Name, d.Customers)).ToListAsync(ct);
    }

    /// <summary>Sets (or clears, with null) the customers a department serves, for complaints per 10,000 customers.</summary>
    public async Task<StepResult> SetCustomersAsync(StaffUser admin, string department, int? customers, CancellationToken ct = default)
    {
        if (!admin.Is(StaffRole.Admin)) return StepResult.Refused(AdminOnly);
        if (customers is <= 0 or > MaxCustomers)
            return StepResult.Refused([new FieldError(nameof(Department.Customers), $"客户数须为 1 至 {Count(MaxCustomers)} 之间的整数，不知道时留空")]);
        return await gate.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await db.Departments.SingleOrDefaultAsync(d => d.Name == department, ct) is not { } row) return StepResult.Refused("未找到该部门");
            if (row.Customers == customers) return StepResult.Success;
            var before = row.Customers;
            row.Customers = customers;
            db.AdminAuditEvents.Add(AdminAuditEvent.Of(admin.Actor, CustomersAction, Shorten(row.Name, 50),
                $"客户数 {Count(before)} → {Count(customers)}", time.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return StepResult.Success;
        }, ct);
    }

    public static string Weights(KpiPolicy p) => $"{p.TimelinessWeight}/{p.SatisfactionWeight}/{p.FirstTimeWeight}/{p.RevisitWeight}";

    public static string Thresholds(KpiPolicy p) =>
        $"超时每件扣 {p.OverduePenalty:0.##} 分；满意度低于 {KpiRules.Percent(p.SatisfactionFailBelow)} 不合格、达 {KpiRules.Percent(p.SatisfactionRewardFrom)} 奖励；"
        + $"一次解决率目标 {KpiRules.Percent(p.FirstTimeTarget)}、每低 {KpiRules.Percent(p.FirstTimeStep)} 扣 {p.FirstTimeStepPenalty:0.##} 分；回访率须达 {KpiRules.Percent(p.RevisitRequired)}";

    /// <summary>The same weights and thresholds, whatever the version and date.</summary>
    public static bool SameRules(KpiPolicy a, KpiPolicy b) => a == b with { Version = a.Version, EffectiveFrom = a.EffectiveFrom };

    /// <summary>The table keeps four decimals: a finer value would be stored as another number than the one saved.</summary>
    private static IEnumerable<FieldError> PrecisionErrors(KpiPolicy p)
    {
        (string Field, decimal Value, bool Percent)[] values =
        [
            (nameof(p.OverduePenalty), p.OverduePenalty, false), (nameof(p.SatisfactionFailBelow), p.SatisfactionFailBelow, true),
            (nameof(p.SatisfactionRewardFrom), p.SatisfactionRewardFrom, true), (nameof(p.FirstTimeTarget), p.FirstTimeTarget, true),
            (nameof(p.FirstTimeStep), p.FirstTimeStep, true), (nameof(p.FirstTimeStepPenalty), p.FirstTimeStepPenalty, false),
            (nameof(p.RevisitRequired), p.RevisitRequired, true),
        ];
        return values.Where(v => decimal.Round(v.Value, 4) != v.Value)
            .Select(v => new FieldError(v.Field, v.Percent ? "百分比最多保留两位小数" : "分值最多保留四位小数"));
    }

    private async Task<int> LatestAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.KpiPolicies.MaxAsync(p => (int?)p.Version, ct) ?? 0;
    }

    private static StepResult<KpiPolicy> Refused(string reason) => new(null, StepResult.Refused(reason));

    private static string Count(int? customers) => customers is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "未填";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
