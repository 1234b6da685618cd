using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Sampling;
using PowerService.Domain.Time;
using PowerService.Tests.Support;
using PowerService.Web.Features.Sampling;

namespace PowerService.Tests.Components;

/// <summary>The 抽样回访 page: queues per level, the result form with its messages at each field, the follow-up list, the contact masked until revealed (logged).</summary>
public sealed class SamplingPageTests : ComponentTestBase
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices() => Services.AddSingleton(Db.Services.GetRequiredService<SamplingService>());

    /// <summary>One complaint of 运维检修部 closed last week and that week's team sample drawn: one item to re-contact.</summary>
    private async Task<string> OneSampledAsync()
    {
        var numbers = await Scenarios.ClosedTogetherAsync(Db.Complaints, Db.Time, await Db.StaffAsync("agent"), await Db.StaffAsync("handler3"), 1);
        var week = SamplingPeriod.Containing(SamplingLevel.TeamWeekly, Db.Time.GetUtcNow().ChinaDate());
        Db.Time.SetUtcNow(week.To.AddHours(2));
        var drawn = await Db.Services.GetRequiredService<SamplingService>().DrawAsync(await Db.StaffAsync("manager2"), SamplingLevel.TeamWeekly, week.Slug, "运维检修部", Ct);
        Assert.True(drawn.Succeeded, drawn.Refusal);
        return numbers[0];
    }

    [Fact]
    public async Task A_manager_records_a_result_with_messages_at_each_field_and_sees_it_in_the_queue_and_the_problem_on_the_list()
    {
        var number = await OneSampledAsync();
        await SignInAsAsync("manager2");
        var cut = RenderWithProviders<SamplingPage>();

        cut.WaitForAssertion(() => Assert.Contains("待回访", cut.Find($"[data-testid=sample-{number}] [data-testid=sample-result]").TextContent));
        Assert.Equal("138****8000", cut.Find($"[data-testid=sample-{number}] [data-testid=contact-phone]").TextContent.Trim());
        Assert.Equal($"/complaints/{number}", cut.Find($"[data-testid=sample-{number}] [data-testid=sample-complaint-link]").GetAttribute("href"));
        cut.Find($"[data-testid=sample-{number}] [data-testid=record-result]").Click();
        cut.Find("[data-testid=result-form] form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("请选择是否联系到客户", cut.Find("[data-testid=error-Reached]").TextContent.Trim()));
        cut.Find("input[data-testid=reached-yes]").Click();
        cut.Find("[data-testid=result-form] form").Submit();
        cut.WaitForAssertion(() => Assert.Equal("已联系到客户时须记录满意度", cut.Find("[data-testid=error-Satisfaction]").TextContent.Trim()));
        Assert.Equal("请确认客户反映的问题是否确已解决", cut.Find("[data-testid=error-Resolved]").TextContent.Trim());

        cut.Find("input[data-testid=satisfaction-FairlySatisfied]").Click();
        cut.Find("input[data-testid=resolved-no]").Click();
        cut.Find("[data-testid=result-form] form").Submit();
        cut.WaitForAssertion(() => Assert.Equal("客户不满意或问题未解决时，须登记发现的问题并指定整改责任人", cut.Find("[data-testid=error-ProblemFound]").TextContent.Trim()));

        cut.Find("[data-testid=field-ProblemFound] input, input[data-testid=field-ProblemFound]").Change(true);
        cut.Find("[data-testid=result-form] form").Submit();
        cut.WaitForAssertion(() => Assert.Equal("请描述发现的问题（至少 4 个字）", FieldMessage(cut, "field-Problem")));
        Assert.Equal("请指定整改责任人", FieldMessage(cut, "field-Owner"));
        Assert.Equal("请填写整改期限", FieldMessage(cut, "field-DueDate"));

        cut.Find("[data-testid=field-Problem]").Change("抢修后线路仍有闪断");
        cut.Find("[data-testid=field-Owner]").Change("周杰");
        cut.Find("[data-testid=field-DueDate]").Change(Db.Time.GetUtcNow().ChinaDate().AddDays(10).ToString("yyyy-MM-dd"));
        cut.Find("[data-testid=result-form] form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("已保存", cut.Find("[data-testid=result-saved]").TextContent));
        Assert.Equal("基本满意 · 未解决 · 发现问题（待整改）（吴刚）", cut.Find($"[data-testid=sample-{number}] [data-testid=sample-result]").TextContent.Trim());
        Assert.Empty(cut.FindAll($"[data-testid=sample-{number}] [data-testid=record-result]"));
        cut.FindAll(".mud-tab").Single(t => t.TextContent.Contains("问题整改跟踪")).Click();
        cut.WaitForAssertion(() => Assert.Contains("抢修后线路仍有闪断", cut.Find($"[data-testid=followup-{number}]").TextContent));
        Assert.Contains("周杰", cut.Find($"[data-testid=followup-{number}]").TextContent);
    }

    [Fact]
    public async Task Revealing_the_contact_shows_the_full_phone_and_is_on_the_access_log()
    {
        var number = await OneSampledAsync();
        await SignInAsAsync("manager2");
        var cut = RenderWithProviders<SamplingPage>();

        cut.WaitForAssertion(() => cut.Find($"[data-testid=sample-{number}] [data-testid=reveal-contact]").Click());

        cut.WaitForAssertion(() => Assert.Equal("13812348000", cut.Find($"[data-testid=sample-{number}] [data-testid=contact-phone]").TextContent.Trim()));
        await using var db = Db.NewContext();
        var logged = await db.PiiAccessEvents.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((number, "抽样回访：显示客户的完整姓名和联系电话"), (logged.ComplaintNumber, logged.Detail));
    }

    [Fact]
    public async Task An_admin_sees_only_the_third_party_survey_masked_and_cannot_draw()
    {
        await OneSampledAsync();
        await SignInAsAsync("admin");
        var cut = RenderWithProviders<SamplingPage>();

        cut.WaitForAssertion(() => Assert.Contains("第三方季度调查", cut.Find("[data-testid=sampling-tabs]").TextContent));
        Assert.DoesNotContain("班组长周抽查", cut.Find("[data-testid=sampling-tabs]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=draw-panel]"));
        Assert.Empty(cut.FindAll("[data-testid=reveal-contact]"));
    }
}
