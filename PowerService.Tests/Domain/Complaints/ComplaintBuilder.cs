using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Sla;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;
using PowerService.Tests.Domain.Time;

namespace PowerService.Tests.Domain.Complaints;

/// <summary>Valid step data, and complaints driven to any stage through the aggregate's own methods.</summary>
public static class ComplaintBuilder
{
    /// <summary>09:30 in Beijing, at a sub-millisecond instant: stores keep less precision than .NET, and whole-second test clocks hid that.</summary>
    public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero).AddTicks(4_302_574);
    public static readonly Actor Agent = new("u-agent", "王芳");
    public static readonly Actor Handler = new("u-handler", "李强");
    public static readonly Actor Manager = new("u-manager", "赵敏");
    public static readonly StaffRole[] AllActingRoles = [StaffRole.IntakeAgent, StaffRole.Handler, StaffRole.Manager];

    public static ComplaintIntake ValidIntake() => new()
    {
        Channel = Channel.Hotline95598,
        UpstreamReference = "GD2026112300123",
        ReceivedAt = Start.AddMinutes(-10),
        CustomerName = "张建国",
        Phone = "13812348000",
        AccountNumber = "3300123456",
        Address = "杭州市西湖区文三路 100 号 2 单元 301 室",
        CustomerType = CustomerType.Residential,
        Category = Category.Supply,
        SubCategory = "计划停电未通知",
        Urgency = Urgency.Normal,
        Content = "11月20日全天停电，事先没有收到任何停电通知，家中冰箱食物变质。",
        Demands = "说明停电原因，赔偿损失",
        ExpectedOutcome = "书面道歉并减免电费",
        Profile = ComplainantProfile.Emotional,
    };

    /// <summary>The shipped calendars with the default policy and hours: clocks run as in production.</summary>
    public static readonly SlaSchedule Schedule = new(SlaPolicy.Default, ShippedCalendars.Calendar, BusinessHours.Default, ClockThresholds.Default);

    /// <summary>Where the builder's people work, as in the demo: the customer service centre is the company-level department.</summary>
    public static readonly Workplace ServiceCentre = new("客户服务中心", CompanyLevel: true);
    public static readonly Workplace CityStation = new("城区供电所");

    public static Workplace WorkplaceOf(Actor person) => person == Handler ? CityStation : ServiceCentre;

    /// <summary>A step by <paramref name="by"/> (default the handler) in <paramref name="roles"/> (default all acting roles, which with the builder's workplaces makes a company-level manager).</summary>
    public static StepContext At(DateTimeOffset at, Actor? by = null, params StaffRole[] roles) =>
        new(by ?? Handler, roles.Length == 0 ? AllActingRoles : roles, at, null, Schedule, roles.Length == 0 ? ServiceCentre : WorkplaceOf(by ?? Handler));

    public static StepContext Ctx(Complaint c, double hoursAfterStart = 1, params StaffRole[] roles) =>
        At(Start.AddHours(hoursAfterStart), Handler, roles);

    public static readonly DispatchOrder Dispatch = new(Handler, "城区供电所");

    public static readonly InvestigationFindings Findings = new(
        "经核实，11月20日 10kV 文三线计划检修停电，通知短信因号码变更未送达。",
        "停电计划单、短信发送日志",
        "客户联系电话未及时更新，通知未送达。",
        Responsibility.Company,
        "致歉、按停电时长减免电费、更新客户联系方式。");

    public static ResolutionPlan Resolution(DateTimeOffset committedBy) => new(
        "上门致歉，按停电 8 小时比例减免当月电费，更新联系电话。",
        committedBy,
        "11月24日电话告知客户处理方案，客户同意。",
        new Compensation(CompensationKind.BillReduction, "减免当月电费 35.60 元", 35.60m));

    public static readonly RevisitRecord Satisfied = new(RevisitMethod.Phone, true, Satisfaction.Satisfied, "对处理结果满意");
    public static readonly RevisitRecord Dissatisfied = new(RevisitMethod.Phone, true, Satisfaction.Dissatisfied, "减免金额不认可");
    public static readonly RevisitRecord NotReached = new(RevisitMethod.Phone, false, null, null);

    public static readonly ImprovementPlan Plan = new(
        "客户联系方式变更未同步到停电通知系统。",
        [new CorrectiveAction("营销系统与停电通知系统联系方式每日同步", "营销部 陈明", new DateOnly(2026, 12, 31))]);

    public static Complaint Registered()
    {
        var result = Complaint.Register(ValidIntake(), "TS202611230001", Guid.NewGuid(), "客户服务中心", At(Start, Agent));
        return result.Value ?? throw new InvalidOperationException(string.Join("；", result.Outcome.Reasons));
    }

    /// <summary>A complaint that has reached <paramref name="stage"/> through the normal loop (or a side end).</summary>
    public static Complaint In(Stage stage)
    {
        var c = Registered();
        if (stage == Stage.Intake) return c;
        if (stage is Stage.Merged) return Ok(c, c.MergeInto(new MergeRequest("TS202611220007", "同一停电事件重复来电"), Ctx(c)));
        if (stage is Stage.Withdrawn) return Ok(c, c.Withdraw(new Withdrawal("客户表示问题已自行解决", "电话录音"), Ctx(c)));
        if (stage is Stage.Reclassified) return Ok(c, c.Reclassify(new Reclassification(ReclassifiedAs.Enquiry, "客户仅咨询停电安排"), Ctx(c)));
        Ok(c, c.Dispatch(Dispatch, Ctx(c, 1)));
        if (stage == Stage.Investigate) return c;
        Ok(c, c.Investigate(Findings, Ctx(c, 5)));
        if (stage == Stage.Resolve) return c;
        Ok(c, c.Resolve(Resolution(Start.AddHours(20)), Ctx(c, 24)));
        if (stage == Stage.Revisit) return c;
        Ok(c, c.Revisit(Satisfied, Ctx(c, 30)));
        Ok(c, c.Revisit(Satisfied, Ctx(c, 24 + 7 * 24 + 1)));
        if (stage == Stage.Improve) return c;
        Ok(c, c.Improve(Plan, Ctx(c, 24 + 8 * 24)));
        return c;
    }

    public static Complaint Ok(Complaint c, StepResult result) =>
        result.Succeeded ? c : throw new InvalidOperationException(string.Join("；", result.Reasons));
}
