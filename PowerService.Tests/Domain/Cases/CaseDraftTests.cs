using PowerService.Domain.Cases;
using PowerService.Domain.Complaints;
using PowerService.Tests.Domain.Complaints;

namespace PowerService.Tests.Domain.Cases;

/// <summary>The first draft of a case: the standard format filled from the record, with nothing of the customer or the staff in it.</summary>
public sealed class CaseDraftTests
{
    private static readonly Dictionary<string, string> Staff = new()
    {
        [ComplaintBuilder.Agent.DisplayName] = "受理人员", [ComplaintBuilder.Handler.DisplayName] = "处理人员", [ComplaintBuilder.Manager.DisplayName] = "管理人员",
    };

    [Fact]
    public void The_draft_tells_the_complaint_in_the_standard_format_without_the_customer_or_staff()
    {
        var complaint = ComplaintBuilder.In(Stage.Closed);

        var draft = CaseDraft.From(complaint, Staff);

        var text = string.Join("\n", CaseContent.Sections(draft.Content));
        foreach (var value in new[] { "张建国", "13812348000", "3300123456", "文三路 100 号", "李强", "王芳" })
            Assert.DoesNotContain(value, text);
        Assert.Contains("杭州市西湖区", text); // the district stays
        Assert.StartsWith("2026年11月，杭州市西湖区的张客户通过95598热线反映", draft.Content.Background);
        Assert.Contains("处理人员", draft.Content.Process);
        Assert.Contains("调查分析：经核实", draft.Content.Process);
        Assert.Contains("首次回访（24小时内）：满意", draft.Content.Process);
        Assert.Contains("减免当月电费", draft.Content.Solution);
        Assert.Contains("根本原因：客户联系方式变更未同步到停电通知系统", draft.Content.LessonsFailed);
        Assert.Equal("", draft.Content.LessonsWorked); // the trainer's to write
        Assert.Contains(draft.Replaced, r => r.Kind == RedactionKind.StaffName);
    }

    [Theory]
    [InlineData("张先生要求上门", "先生")]
    [InlineData("张阿姨说家里老人怕热", "女士")]
    [InlineData("客户要求上门", null)]
    public void The_form_of_address_comes_from_how_the_record_calls_the_customer(string content, string? expected)
    {
        var complaint = ComplaintBuilder.In(Stage.Closed);
        var result = Complaint.Register(ComplaintBuilder.ValidIntake() with { Content = content + "，反映的停电问题已持续三天。" }, "TS202611230009", Guid.NewGuid(), "客户服务中心",
            ComplaintBuilder.At(ComplaintBuilder.Start, ComplaintBuilder.Agent));
        var registered = result.Value ?? throw new InvalidOperationException(string.Join("；", result.Outcome.Reasons));

        Assert.Equal(expected, CaseDraft.FormOfAddress(registered));
        Assert.Null(CaseDraft.FormOfAddress(complaint));
    }
}
