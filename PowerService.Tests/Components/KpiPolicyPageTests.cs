using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Reports;
using PowerService.Web.Features.Admin;
using PowerService.Web.Features.Reports;

namespace PowerService.Tests.Components;

/// <summary>The admin's KPI policy page: the rules in force, the version history, the form for a new version and the customer counts.</summary>
public sealed class KpiPolicyPageTests : ComponentTestBase
{
    protected override void AddServices() => Services.AddScoped<KpiPolicyService>();

    private KpiPolicyService Policies => Db.Services.GetRequiredService<KpiPolicyService>();

    private async Task<IRenderedComponent<KpiPolicyPage>> RenderAsAdminAsync()
    {
        await SignInAsAsync("admin");
        var cut = RenderWithProviders<KpiPolicyPage>();
        cut.WaitForState(() => cut.FindAll("[data-testid=kpi-history] tbody tr").Count > 0);
        return cut;
    }

    private static string InputValue(IRenderedComponent<KpiPolicyPage> cut, string testId) => cut.Find($"[data-testid={testId}]").GetAttribute("value") ?? "";

    [Fact]
    public async Task An_admin_sees_the_rules_in_force_the_history_and_a_form_filled_from_them_for_next_month()
    {
        var cut = await RenderAsAdminAsync();

        Assert.Contains("现行版本：第 1 版（自 2000-01-01 施行）", cut.Find("[data-testid=kpi-current]").TextContent);
        Assert.Equal(4, cut.FindAll("[data-testid=kpi-rules] tbody tr").Count);
        Assert.Contains("每件超时扣 2 分", cut.Find("[data-testid=kpi-rules]").TextContent);
        var row = Assert.Single(cut.FindAll("[data-testid=kpi-history] tbody tr")).TextContent;
        Assert.Contains("第 1 版", row);
        Assert.Contains("30/40/20/10", row);
        Assert.Contains("系统默认（投诉处理与绩效挂钩方案）", row);
        Assert.Equal("30", InputValue(cut, "kpi-TimelinessWeight"));
        Assert.Equal("85", InputValue(cut, "kpi-SatisfactionFailBelow")); // percent, not 0.85
        Assert.Equal("2026-12-01", InputValue(cut, "kpi-EffectiveFrom")); // the first day of next month
        Assert.Contains("城区供电所", cut.Find("[data-testid=kpi-customers]").TextContent);
    }

    [Fact]
    public async Task Weights_that_do_not_add_up_to_100_are_refused_at_the_first_weight_and_nothing_is_stored()
    {
        var cut = await RenderAsAdminAsync();

        cut.Find("[data-testid=kpi-RevisitWeight]").Change("20");
        cut.Find("[data-testid=kpi-Reason]").Change("回访率权重上调");
        cut.Find("[data-testid=kpi-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("四项权重之和须为 100（现为 110）", FieldMessage(cut, "kpi-TimelinessWeight")));
        Assert.Equal("110", cut.Find("[data-testid=kpi-weight-total]").TextContent);
        Assert.Equal("", FieldMessage(cut, "kpi-Reason"));
        Assert.Single(await Policies.VersionsAsync(Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_short_reason_is_refused_under_the_reason()
    {
        var cut = await RenderAsAdminAsync();

        cut.Find("[data-testid=kpi-SatisfactionWeight]").Change("45");
        cut.Find("[data-testid=kpi-TimelinessWeight]").Change("25");
        cut.Find("[data-testid=kpi-Reason]").Change("调整");
        cut.Find("[data-testid=kpi-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("请写明修改原因（5–500 字的纯文本）", FieldMessage(cut, "kpi-Reason")));
        Assert.Equal("", FieldMessage(cut, "kpi-TimelinessWeight"));
    }

    [Fact]
    public async Task A_saved_version_is_listed_first_and_scores_from_its_date()
    {
        var cut = await RenderAsAdminAsync();

        cut.Find("[data-testid=kpi-SatisfactionWeight]").Change("45");
        cut.Find("[data-testid=kpi-TimelinessWeight]").Change("25");
        cut.Find("[data-testid=kpi-SatisfactionFailBelow]").Change("88");
        cut.Find("[data-testid=kpi-Reason]").Change("满意度考核从严，报公司绩效办批准");
        cut.Find("[data-testid=kpi-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("已保存第 2 版，自 2026-12-01 起施行。", cut.Find("[data-testid=kpi-saved]").TextContent));
        var rows = cut.FindAll("[data-testid=kpi-history] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("第 2 版", rows[0].TextContent);
        Assert.Contains("待施行", rows[0].TextContent);
        Assert.Contains("满意度低于 88% 不合格", rows[0].TextContent);
        Assert.Contains("系统管理员", rows[0].TextContent);
        Assert.Contains("现行", rows[1].TextContent);
        Assert.Contains("第 2 版将于 2026-12-01 起施行", cut.Find("[data-testid=kpi-pending]").TextContent);
        Assert.Equal("", InputValue(cut, "kpi-Reason")); // the form starts again from the new version
        Assert.Equal("25", InputValue(cut, "kpi-TimelinessWeight"));
        var saved = (await Policies.VersionsAsync(Xunit.TestContext.Current.CancellationToken))[0].Policy;
        Assert.Equal(KpiPolicy.Default with { Version = 2, EffectiveFrom = new DateOnly(2026, 12, 1), TimelinessWeight = 25, SatisfactionWeight = 45, SatisfactionFailBelow = 0.88m }, saved);
    }

    [Fact]
    public async Task A_department_s_customers_are_saved_from_its_row_and_a_bad_number_is_refused_there()
    {
        var cut = await RenderAsAdminAsync();

        cut.Find("[data-testid='customers-input-城区供电所']").Change("0");
        cut.Find("[data-testid='customers-城区供电所'] button").Click();
        cut.WaitForAssertion(() => Assert.Equal("客户数须为 1 至 100,000,000 之间的整数，不知道时留空", FieldMessage(cut, "'customers-input-城区供电所'")));

        cut.Find("[data-testid='customers-input-城区供电所']").Change("120000");
        cut.Find("[data-testid='customers-城区供电所'] button").Click();

        cut.WaitForAssertion(() => Assert.Contains("已保存", cut.Find("[data-testid='customers-城区供电所']").TextContent));
        Assert.Equal(120_000, (await Policies.DepartmentsAsync(Xunit.TestContext.Current.CancellationToken)).Single(d => d.Name == "城区供电所").Customers);
    }
}
