using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Reports;
using PowerService.Domain.Staff;
using PowerService.Domain.Text;
using PowerService.Tests.Support;
using PowerService.Web.Data;
using PowerService.Web.Features.Reports;
using PowerService.Web.Features.Shared;

namespace PowerService.Tests.Data.Reports;

/// <summary>
/// KPI policy versions as admins save them, on both databases: the default stored as version 1 on the
/// first save, never backdated, checked field by field, and two instances saving at once get one
/// version and one clear refusal. Department customer counts are set and cleared.
/// </summary>
public abstract class KpiPolicyServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>The clock starts on Monday 2026-11-23, 09:30 in China.</summary>
    private static readonly DateOnly Today = new(2026, 11, 23), December = new(2026, 12, 1);

    private static readonly KpiPolicy Proposal = KpiPolicy.Default with { EffectiveFrom = December, TimelinessWeight = 25, SatisfactionWeight = 45, SatisfactionFailBelow = 0.88m };

    private TestDatabase _db = null!;
    private StaffUser _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        _admin = await _db.StaffAsync("admin");
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private KpiPolicyService Policies => _db.Services.GetRequiredService<KpiPolicyService>();

    private async Task<List<KpiPolicyRecord>> StoredAsync()
    {
        await using var db = _db.NewContext();
        return await db.KpiPolicies.AsNoTracking().OrderBy(p => p.Version).ToListAsync(Ct);
    }

    private async Task<List<AdminAuditEvent>> AuditAsync(string action)
    {
        await using var db = _db.NewContext();
        return await db.AdminAuditEvents.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task With_none_stored_the_default_is_listed_as_version_1()
    {
        var version = Assert.Single(await Policies.VersionsAsync(Ct));

        Assert.Equal(KpiPolicy.Default, version.Policy);
        Assert.Equal(("系统", (DateTimeOffset?)null, "系统默认（投诉处理与绩效挂钩方案）"), (version.CreatedBy, version.CreatedAt, version.Reason));
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task The_first_save_stores_the_default_as_version_1_and_the_new_one_as_2_then_each_save_is_the_next()
    {
        var saved = await Policies.SaveNewVersionAsync(_admin, Proposal with { Version = 99 }, "  满意度考核从严，报公司绩效办批准  ", Ct);

        Assert.True(saved.Succeeded, string.Join("；", saved.Errors.Select(e => e.Message)));
        Assert.Equal(Proposal with { Version = 2 }, saved.Value);
        var stored = await StoredAsync();
        Assert.Equal([1, 2], stored.Select(p => p.Version));
        Assert.Equal(KpiPolicy.Default, stored[0].ToPolicy());
        Assert.Equal(("系统", "系统默认"), (stored[0].CreatedBy, stored[0].Reason));
        Assert.Equal(Proposal with { Version = 2 }, stored[1].ToPolicy()); // decimals come back as saved
        var wholeMilliseconds = DateTimeOffset.FromUnixTimeMilliseconds(_db.Time.GetUtcNow().ToUnixTimeMilliseconds());
        Assert.Equal(("系统管理员", "满意度考核从严，报公司绩效办批准", wholeMilliseconds), (stored[1].CreatedBy, stored[1].Reason, stored[1].CreatedAt));

        var third = await Policies.SaveNewVersionAsync(_admin, Proposal with { EffectiveFrom = new DateOnly(2027, 1, 1), RevisitWeight = 5, FirstTimeWeight = 25 }, "一次解决率权重上调", Ct);

        Assert.Equal(3, third.Value!.Version);
        Assert.Equal([3, 2, 1], (await Policies.VersionsAsync(Ct)).Select(v => v.Policy.Version)); // newest first
        var audit = await AuditAsync(KpiPolicyService.SaveAction);
        Assert.Equal(["第 2 版", "第 3 版"], audit.Select(e => e.TargetUserName));
        Assert.Equal("系统管理员", audit[0].ActorName);
        Assert.StartsWith("施行日期 2026-12-01；权重 25/45/20/10；超时每件扣 2 分；满意度低于 88% 不合格", audit[0].Detail);
        Assert.EndsWith("原因：满意度考核从严，报公司绩效办批准", audit[0].Detail);
    }

    [Fact]
    public async Task An_effective_date_before_today_in_China_is_refused_so_the_past_is_never_rescored()
    {
        // 17:00 UTC on the 23rd is 01:00 on the 24th in China: the 23rd is already the past there.
        _db.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero));

        var backdated = await Policies.SaveNewVersionAsync(_admin, Proposal with { EffectiveFrom = Today }, "追溯调整上月考核", Ct);

        Assert.Equal(new FieldError("EffectiveFrom", "施行日期不能早于今天（2026-11-24）：已过去的统计期不能重新计分"), Assert.Single(backdated.Errors));
        Assert.Empty(await StoredAsync());
        Assert.True((await Policies.SaveNewVersionAsync(_admin, Proposal with { EffectiveFrom = Today.AddDays(1) }, "自今日起施行", Ct)).Succeeded);
    }

    [Fact]
    public async Task Only_admins_change_the_policy_or_customer_counts()
    {
        var manager = await _db.StaffAsync("manager");

        Assert.Equal("只有系统管理员可以修改考核指标", Assert.Single((await Policies.SaveNewVersionAsync(manager, Proposal, "经理自行调整权重", Ct)).Errors).Message);
        Assert.Equal("只有系统管理员可以修改考核指标", Assert.Single((await Policies.SetCustomersAsync(manager, "城区供电所", 5000, Ct)).Reasons));

        Assert.Empty(await StoredAsync());
        Assert.Null((await Policies.DepartmentsAsync(Ct)).Single(d => d.Name == "城区供电所").Customers);
    }

    public static TheoryData<KpiPolicy, string, FieldError> Refusals => new()
    {
        { Proposal with { RevisitWeight = 20 }, "权重调整说明", new("TimelinessWeight", "四项权重之和须为 100（现为 110）") },
        { Proposal with { SatisfactionRewardFrom = 0.8m }, "奖励线调整说明", new("SatisfactionRewardFrom", "奖励线不能低于不合格线") },
        { Proposal with { FirstTimeTarget = 0.80125m }, "目标精度说明", new("FirstTimeTarget", "百分比最多保留两位小数") },
        { Proposal, "太短", new("Reason", "请写明修改原因（5–500 字的纯文本）") },
        { Proposal, "<b>加粗的原因</b>", new("Reason", "请写明修改原因（5–500 字的纯文本）") },
        { KpiPolicy.Default with { EffectiveFrom = December }, "与默认相同的提交", new("", "2026-12-01 适用的是第 1 版，提交的内容与它完全相同，无需保存新版本") },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_proposal_is_refused_at_its_field_in_Chinese_and_nothing_is_stored(KpiPolicy proposal, string reason, FieldError error)
    {
        var result = await Policies.SaveNewVersionAsync(_admin, proposal, reason, Ct);

        Assert.Equal(error, Assert.Single(result.Errors));
        Assert.Empty(await StoredAsync());
        Assert.Empty(await AuditAsync(KpiPolicyService.SaveAction));
    }

    [Fact]
    public async Task Two_instances_saving_at_once_give_one_new_version_and_tell_the_other_admin_to_refresh()
    {
        // Each instance is held after reading the stored versions until the other has read them too:
        // both aim at the same numbers (the default as 1, theirs as 2) and the key decides.
        var bothRead = new BothReadTheVersions();
        void Hold(IServiceCollection services)
        {
            if (provider == DatabaseProvider.Sqlite) services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(bothRead));
            else services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(bothRead));
        }
        await using var one = _db.OpenAnotherInstance(Hold);
        await using var two = _db.OpenAnotherInstance(Hold);
        var colleague = new StaffUser(new Actor("admin-2", "另一位管理员"), [StaffRole.Admin], "信息中心");

        var outcomes = await Task.WhenAll(
            Task.Run(() => one.GetRequiredService<KpiPolicyService>().SaveNewVersionAsync(_admin, Proposal, "甲：满意度从严", Ct), Ct),
            Task.Run(() => two.GetRequiredService<KpiPolicyService>().SaveNewVersionAsync(colleague, Proposal with { RevisitWeight = 5, FirstTimeWeight = 25 }, "乙：一次解决率上调", Ct), Ct));

        Assert.Equal(2, bothRead.Arrived);
        var winner = Assert.Single(outcomes, o => o.Succeeded);
        var loser = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.Equal(new FieldError("", "已有他人保存了新版本，请刷新后重试"), Assert.Single(loser.Errors));
        var stored = await StoredAsync();
        Assert.Equal([1, 2], stored.Select(p => p.Version));
        Assert.Equal(winner.Value, stored[1].ToPolicy());
        Assert.Single(await AuditAsync(KpiPolicyService.SaveAction)); // the loser's entry went with its versions
        Assert.Empty(_db.Log.Problems); // a lost race is no error

        var retried = await Policies.SaveNewVersionAsync(_admin, Proposal with { RevisitWeight = 0, FirstTimeWeight = 30 }, "刷新后重新提交", Ct);
        Assert.Equal(3, retried.Value?.Version);
    }

    [Fact]
    public async Task The_stored_versions_decide_which_rules_each_period_is_scored_by()
    {
        await Policies.SaveNewVersionAsync(_admin, Proposal, "十二月起满意度从严", Ct);
        await Policies.SaveNewVersionAsync(_admin, Proposal with { EffectiveFrom = new DateOnly(2027, 1, 1), OverduePenalty = 3m }, "明年起超时扣分加重", Ct);
        var versions = (await Policies.VersionsAsync(Ct)).Select(v => v.Policy).ToList();

        Assert.Equal(1, KpiPolicy.InForce(versions, new DateOnly(2026, 11, 30)).Version);
        Assert.Equal(2, KpiPolicy.InForce(versions, December).Version);
        Assert.Equal(2, KpiPolicy.InForce(versions, new DateOnly(2026, 12, 31)).Version);
        Assert.Equal(3, KpiPolicy.InForce(versions, new DateOnly(2027, 3, 1)).Version);
        Assert.Equal(1, KpiPolicy.InForce(versions, new DateOnly(2024, 1, 1)).Version); // the stored default covers the past

        var reports = _db.Services.GetRequiredService<ReportService>();
        var manager = await _db.StaffAsync("manager");
        Assert.Equal(KpiPolicy.Default, (await reports.ScorecardAsync(manager, ReportPeriod.Month(2026, 11), null, Ct)).Value!.Policy);
        Assert.Equal(Proposal with { Version = 2 }, (await reports.ScorecardAsync(manager, ReportPeriod.Month(2026, 12), null, Ct)).Value!.Policy);
    }

    [Fact]
    public async Task A_department_s_customers_are_set_refused_out_of_range_and_cleared_each_on_the_admin_log()
    {
        Assert.True((await Policies.SetCustomersAsync(_admin, "城区供电所", 120_000, Ct)).Succeeded);
        Assert.Equal(120_000, (await Policies.DepartmentsAsync(Ct)).Single(d => d.Name == "城区供电所").Customers);

        foreach (var bad in new int?[] { 0, -5, 100_000_001 })
            Assert.Equal(new FieldError("Customers", "客户数须为 1 至 100,000,000 之间的整数，不知道时留空"), Assert.Single((await Policies.SetCustomersAsync(_admin, "城区供电所", bad, Ct)).Errors));
        Assert.Equal("未找到该部门", Assert.Single((await Policies.SetCustomersAsync(_admin, "不存在的部门", 10, Ct)).Reasons));

        Assert.True((await Policies.SetCustomersAsync(_admin, "城区供电所", null, Ct)).Succeeded);
        Assert.Null((await Policies.DepartmentsAsync(Ct)).Single(d => d.Name == "城区供电所").Customers);
        Assert.True((await Policies.SetCustomersAsync(_admin, "城区供电所", null, Ct)).Succeeded); // unchanged: nothing to log

        var audit = await AuditAsync(KpiPolicyService.CustomersAction);
        Assert.Equal(["客户数 未填 → 120,000", "客户数 120,000 → 未填"], audit.Select(e => e.Detail));
        Assert.All(audit, e => Assert.Equal(("城区供电所", "系统管理员"), (e.TargetUserName, e.ActorName)));
    }

    /// <summary>Holds each reader of the versions table until two have read it; later reads pass.</summary>
    private sealed class BothReadTheVersions : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _both = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public int Arrived => Math.Min(Volatile.Read(ref _arrived), 2);

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.Ordinal) && command.CommandText.Contains("FROM \"KpiPolicies\"", StringComparison.Ordinal)
                && Interlocked.Increment(ref _arrived) is var n && n <= 2)
            {
                if (n == 2) _both.TrySetResult();
                await _both.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }
            return result;
        }
    }
}

public sealed class KpiPolicyServiceTestsOnSqlite() : KpiPolicyServiceTests(DatabaseProvider.Sqlite);

public sealed class KpiPolicyServiceTestsOnPostgres() : KpiPolicyServiceTests(DatabaseProvider.Postgres);
