using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PowerService.Domain.Complaints;
using PowerService.Web.Features.Complaints;

namespace PowerService.Tests.Components;

/// <summary>The 受理登记 form: every bad value gets its message at its own field, and nothing is stored.</summary>
public sealed class IntakeFormTests : ComponentTestBase
{
    [Fact]
    public async Task An_empty_submit_puts_a_message_at_every_required_field_and_stores_nothing()
    {
        await SignInAsAsync("agent");
        var cut = RenderWithProviders<IntakePage>();

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("请填写客户姓名", FieldMessage(cut, "CustomerName")));
        Assert.Equal("请选择投诉渠道", FieldMessage(cut, "Channel"));
        Assert.Equal("请填写联系电话", FieldMessage(cut, "Phone"));
        Assert.Equal("请填写用电地址", FieldMessage(cut, "Address"));
        Assert.Equal("请选择投诉类别", FieldMessage(cut, "Category"));
        Assert.Equal("请填写投诉内容", FieldMessage(cut, "Content"));
        Assert.Equal("请填写客户诉求", FieldMessage(cut, "Demands"));
        Assert.Equal("请填写客户期望结果", FieldMessage(cut, "ExpectedOutcome"));
        Assert.Equal("请选择投诉人类型", FieldMessage(cut, "Profile"));
        Assert.Contains("登记未保存", cut.Markup);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Garbage_typed_into_fields_is_refused_where_it_was_typed()
    {
        await SignInAsAsync("agent");
        var cut = RenderWithProviders<IntakePage>();

        cut.Find("[data-testid=CustomerName]").Change("<script>alert(1)</script>");
        cut.Find("[data-testid=Phone]").Input("1381234abcd");
        cut.Find("[data-testid=AccountNumber]").Input("123");
        cut.Find("[data-testid=Content]").Change(new string('停', 10_000));
        cut.Find("[data-testid=Demands]").Change("赔偿😡😡😡");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("客户姓名只能包含汉字、字母和间隔号，最多 30 字", FieldMessage(cut, "CustomerName")));
        Assert.Equal("联系电话格式不正确：手机为 11 位数字，座机如 0571-87654321", FieldMessage(cut, "Phone"));
        Assert.Equal("户号为 10–13 位数字", FieldMessage(cut, "AccountNumber"));
        Assert.Equal("投诉内容不能超过 2000 字", FieldMessage(cut, "Content"));
        Assert.Equal("客户诉求只能是纯文本，不能包含 HTML 标记、控制字符或表情符号", FieldMessage(cut, "Demands"));
        Assert.Empty(cut.FindAll("script")); // the typed markup stays an inert value, never an element
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Correcting_a_field_clears_its_message()
    {
        await SignInAsAsync("agent");
        var cut = RenderWithProviders<IntakePage>();
        cut.Find("[data-testid=Phone]").Input("12");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.StartsWith("联系电话格式不正确", FieldMessage(cut, "Phone")));

        cut.Find("[data-testid=Phone]").Input("13812348000");

        cut.WaitForAssertion(() => Assert.Equal("", FieldMessage(cut, "Phone")));
    }

    [Fact]
    public async Task The_upstream_reference_is_marked_required_exactly_for_the_channels_that_require_it()
    {
        await SignInAsAsync("agent");
        var cut = RenderWithProviders<IntakePage>();
        var channel = cut.FindComponent<MudSelect<Channel?>>();
        Assert.Equal("上级工单编号", FieldLabel(cut, "UpstreamReference"));

        foreach (var c in Enum.GetValues<Channel>())
        {
            await cut.InvokeAsync(() => channel.Instance.SelectOption(c));

            var expected = c is Channel.Hotline95598 or Channel.Regulator12398 or Channel.Government12345 ? "上级工单编号 *" : "上级工单编号";
            cut.WaitForAssertion(() => Assert.Equal(expected, FieldLabel(cut, "UpstreamReference")));
        }
    }

    [Fact]
    public async Task The_contact_time_has_its_one_name()
    {
        await SignInAsAsync("agent");
        var cut = RenderWithProviders<IntakePage>();

        Assert.Equal("来电/来访时间 *", FieldLabel(cut, "ReceivedDate"));
    }

    [Fact]
    public async Task Typing_a_known_phone_number_lists_the_customers_open_complaint_from_another_channel()
    {
        var earlier = await Db.RegisterAsync(await Db.StaffAsync("agent2"), PowerService.Tests.Domain.Complaints.ComplaintBuilder.ValidIntake() with
        {
            Channel = Channel.Government12345, UpstreamReference = "ZW2026112300077",
        });
        await SignInAsAsync("agent");
        var cut = RenderWithProviders<IntakePage>();
        Assert.Empty(cut.FindAll("[data-testid=duplicate-row]"));

        cut.Find("[data-testid=Phone]").Input("13812348000");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=duplicate-row]")), TimeSpan.FromSeconds(5));
        var row = cut.Find("[data-testid=duplicate-row]").TextContent;
        Assert.Contains(earlier, row);
        Assert.Contains("12345政务热线（ZW2026112300077）", row);
        Assert.Contains("联系电话", row);
        Assert.NotNull(cut.Find($"[data-testid=merge-into-{earlier}]"));
    }

    private static string FieldLabel<T>(IRenderedComponent<T> cut, string testId) where T : IComponent =>
        cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.QuerySelector("label")!.TextContent.Trim();

    private async Task AssertNothingStoredAsync()
    {
        await using var db = Db.NewContext();
        Assert.Equal(0, await db.Complaints.CountAsync());
    }
}
