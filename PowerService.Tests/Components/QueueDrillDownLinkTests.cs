using PowerService.Domain.Complaints;
using PowerService.Domain.Reports;
using PowerService.Domain.Sla;
using PowerService.Web.Features.Complaints;
using PowerService.Web.Features.Reports;

namespace PowerService.Tests.Components;

/// <summary>Reading a drill-down link: every name a report writes is understood, a link reads back whole, and nothing given is silently dropped.</summary>
public sealed class QueueDrillDownLinkTests
{
    private static readonly ReportFilter Everything = new(ReportPeriod.Quarter(2026, 4), DateTimeOffset.FromUnixTimeMilliseconds(1_795_000_000_123))
    {
        Department = "城区供电所", HandlerId = "u-1", Category = Category.Billing, SubCategory = "电费突增", Channel = Channel.Regulator12398,
        Urgency = Urgency.Urgent, Escalation = EscalationLevel.Company, BreachedClock = ClockKind.Handling, Fact = KpiFact.Overdue,
        Regulator = RegulatorCategory.Complaint, RootCause = "计划停电未提前公告", AllRegulatorItems = true,
    };

    private static QueueDrillDown? Read(string address) => QueueDrillDown.Read(new Uri(new Uri("http://localhost/"), address));

    [Fact]
    public void Every_name_a_report_link_carries_is_known_to_the_queue()
    {
        Assert.Equal(Everything.ToQuery().Keys.Order(StringComparer.Ordinal), QueueDrillDown.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_link_reads_back_as_the_filter_it_was_written_from()
    {
        var read = Read(Everything.QueueUrl)!;

        Assert.Null(read.Error);
        Assert.Equal(Everything, read.Filter);
        Assert.Equal(
            ["2026年第4季度", "城区供电所", "李强", "电费电价/计量", "电费突增", "12398能源监管热线", "紧急", "公司级督办", "12398 全部诉求", "12398 投诉", "处理答复超时", "超时", "根本原因：计划停电未提前公告"],
            read.Conditions("李强").Select(c => c.Label));
        Assert.All(read.Conditions("李强").Skip(1), c => Assert.DoesNotContain($"{c.Key}=", c.Without!.QueueUrl));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?search=abc")]
    public void An_address_without_a_report_condition_is_no_drill_down(string address) => Assert.Null(Read(address));

    [Theory]
    [InlineData("nea12398=0", "「12398 全部诉求」的值“0”无效")] // read as "no", which would widen the list
    [InlineData("urgency=Critical", null)]
    [InlineData("channel=Fax", "「渠道」的值“Fax”无效")]
    public void A_value_that_is_not_understood_is_named_not_dropped(string extra, string? message)
    {
        var read = Read($"/?period=2026-11&asof=1795000000000&{extra}")!;

        Assert.Equal(message, read.Error is { } e ? e[(e.IndexOf('「'))..(e.IndexOf("无效", StringComparison.Ordinal) + 2)] : null);
        Assert.Equal(message is null, read.Filter is not null);
    }

    [Fact]
    public void A_department_longer_than_a_link_may_carry_is_refused_rather_than_ignored()
    {
        var read = Read($"/?period=2026-11&asof=1795000000000&dept={new string('部', 201)}")!;

        Assert.Null(read.Filter);
        Assert.Contains("「部门」的值", read.Error);
    }
}
