using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Domain.Complaints;

/// <summary>Each guard refuses its step when its data is missing or wrong, at the right field, changing nothing.</summary>
public class ComplaintGuardTests
{
    public record GuardCase(string Name, Stage Stage, Func<Complaint, StepResult> Act, string Field, string Message)
    {
        public override string ToString() => Name;
    }

    private static StepContext Later => At(Start.AddHours(30));

    public static TheoryData<GuardCase> Cases() =>
    [
        new GuardCase("dispatch without handler", Stage.Intake, c => c.Dispatch(Dispatch with { Handler = null }, Later), "Handler", "请选择处理人"),
        new GuardCase("dispatch without department", Stage.Intake, c => c.Dispatch(Dispatch with { Department = " " }, Later), "Department", "请选择处理部门"),
        new GuardCase("investigation without facts", Stage.Investigate, c => c.Investigate(Findings with { Facts = "" }, Later), "Facts", "请填写调查核实的事实"),
        new GuardCase("investigation without cause", Stage.Investigate, c => c.Investigate(Findings with { Cause = null }, Later), "Cause", "请填写原因分析"),
        new GuardCase("investigation without responsibility", Stage.Investigate, c => c.Investigate(Findings with { Responsibility = null }, Later), "Responsibility", "请认定责任归属"),
        new GuardCase("investigation without proposal", Stage.Investigate, c => c.Investigate(Findings with { Proposal = "  " }, Later), "Proposal", "请填写处理建议"),
        new GuardCase("investigation facts of 10,000 characters", Stage.Investigate, c => c.Investigate(Findings with { Facts = new string('停', 10_000) }, Later), "Facts", "调查核实的事实不能超过 2000 字"),
        new GuardCase("investigation with a script tag", Stage.Investigate, c => c.Investigate(Findings with { Cause = "<script>alert(1)</script>" }, Later), "Cause", "原因分析只能是纯文本，不能包含 HTML 标记、控制字符或表情符号"),
        new GuardCase("resolution without solution", Stage.Resolve, c => c.Resolve(Resolution(Start.AddHours(28)) with { Solution = null }, Later), "Solution", "请填写与客户商定的解决方案"),
        new GuardCase("resolution without commitment time", Stage.Resolve, c => c.Resolve(Resolution(Start.AddHours(28)) with { CommittedBy = null }, Later), "CommittedBy", "请填写承诺完成时间"),
        new GuardCase("resolution committed before intake", Stage.Resolve, c => c.Resolve(Resolution(Start.AddDays(-2)), Later), "CommittedBy", "承诺完成时间须在受理之后、一年之内"),
        new GuardCase("resolution without customer communication", Stage.Resolve, c => c.Resolve(Resolution(Start.AddHours(28)) with { CustomerCommunication = "" }, Later), "CustomerCommunication", "请填写与客户的沟通情况"),
        new GuardCase("resolution without compensation decision", Stage.Resolve, c => c.Resolve(Resolution(Start.AddHours(28)) with { Compensation = null }, Later), "Compensation", "请确定补偿方式（无需补偿也须选择）"),
        new GuardCase("resolution with compensation but no detail", Stage.Resolve, c => c.Resolve(Resolution(Start.AddHours(28)) with { Compensation = new(CompensationKind.Refund, null, 10) }, Later), "Compensation", "请说明补偿内容"),
        new GuardCase("resolution with negative amount", Stage.Resolve, c => c.Resolve(Resolution(Start.AddHours(28)) with { Compensation = new(CompensationKind.Refund, "退费", -1) }, Later), "Compensation", "补偿金额须在 0 至 1,000,000 元之间"),
        new GuardCase("revisit reached without satisfaction", Stage.Revisit, c => c.Revisit(Satisfied with { Satisfaction = null }, Later), "Satisfaction", "已联系到客户时须记录满意度"),
        new GuardCase("revisit not reached with satisfaction", Stage.Revisit, c => c.Revisit(NotReached with { Satisfaction = Satisfaction.Satisfied }, Later), "Satisfaction", "未联系到客户时不能记录满意度"),
        new GuardCase("revisit reached without opinion", Stage.Revisit, c => c.Revisit(Satisfied with { CustomerOpinion = null }, Later), "CustomerOpinion", "请记录客户意见"),
        new GuardCase("improvement without root cause", Stage.Improve, c => c.Improve(Plan with { RootCause = "" }, Later), "RootCause", "请填写根本原因分析"),
        new GuardCase("improvement without actions", Stage.Improve, c => c.Improve(Plan with { Actions = [] }, Later), "Actions", "请至少填写一项整改措施"),
        new GuardCase("improvement action without owner", Stage.Improve, c => c.Improve(Plan with { Actions = [new("同步联系方式", null, new DateOnly(2026, 12, 31))] }, Later), "Actions", "每项整改措施须指定责任人"),
        new GuardCase("improvement action without due date", Stage.Improve, c => c.Improve(Plan with { Actions = [new("同步联系方式", "陈明", null)] }, Later), "Actions", "每项整改措施须有整改期限"),
        new GuardCase("improvement action without content", Stage.Improve, c => c.Improve(Plan with { Actions = [new("", "陈明", new DateOnly(2026, 12, 31))] }, Later), "Actions", "每项整改措施须写明内容"),
        new GuardCase("waiver with too short a reason", Stage.Improve, c => c.WaiveImprovement(new ImprovementWaiver("不需要"), Later), "Reason", "请写明无需整改的理由（至少 10 字）"),
        new GuardCase("reassign without reason", Stage.Investigate, c => c.Reassign(new Reassignment(Manager, "营销部", null), Later), "Reason", "请填写转派原因"),
        new GuardCase("note without text", Stage.Resolve, c => c.AddNote(new ProgressNote(""), Later), "Text", "请填写进度说明"),
        new GuardCase("merge into a malformed number", Stage.Intake, c => c.MergeInto(new MergeRequest("12345", "重复"), Later), "IntoNumber", "请填写有效的主投诉编号（如 TS202611230001）"),
        new GuardCase("merge into itself", Stage.Intake, c => c.MergeInto(new MergeRequest(c.Number, "重复"), Later), "IntoNumber", "不能合并到本投诉自身"),
        new GuardCase("withdrawal without confirmation", Stage.Revisit, c => c.Withdraw(new Withdrawal("客户撤回", ""), Later), "HowConfirmed", "请填写客户确认方式"),
        new GuardCase("reclassification without type", Stage.Investigate, c => c.Reclassify(new Reclassification(null, "仅为咨询"), Later), "As", "请选择转为的类型"),
        new GuardCase("step note with emoji", Stage.Investigate, c => c.Investigate(Findings, At(Start.AddHours(30)) with { Note = "已处理😀" }), "Note", "备注只能是纯文本，不能包含 HTML 标记、控制字符或表情符号"),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Guard_refuses_the_step_at_its_field_and_changes_nothing(GuardCase @case)
    {
        var complaint = In(@case.Stage);
        var (events, revision) = (complaint.Timeline.Count, complaint.Revision);

        var result = @case.Act(complaint);

        Assert.False(result.Succeeded);
        Assert.Contains(new PowerService.Domain.Text.FieldError(@case.Field, @case.Message), result.Errors);
        Assert.Equal(@case.Stage, complaint.Stage);
        Assert.Equal((events, revision), (complaint.Timeline.Count, complaint.Revision));
    }
}
