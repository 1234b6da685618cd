using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Sla;
using PowerService.Domain.Staff;

namespace PowerService.Domain;

/// <summary>
/// The one place where concepts get their Chinese display names. Code and storage use the
/// English enum names; everything a user reads comes from here.
/// </summary>
public static class Labels
{
    /// <summary>
    /// <c>Complaint.ReceivedAt</c>: when the customer called or came in. The response and handling
    /// clocks start here. Every page and document names this time so.
    /// </summary>
    public const string ReceivedAt = "来电/来访时间";

    /// <summary><c>Complaint.RegisteredAt</c>: when the complaint was entered into the workbench.</summary>
    public const string RegisteredAt = "登记时间";

    public static string Of(Stage stage) => stage switch
    {
        Stage.Intake => "受理登记",
        Stage.Investigate => "调查分析",
        Stage.Resolve => "解决处理",
        Stage.Revisit => "反馈回访",
        Stage.Improve => "总结改进",
        Stage.Closed => "已办结",
        Stage.Merged => "已合并",
        Stage.Withdrawn => "已撤诉",
        Stage.Reclassified => "已转非投诉",
        _ => stage.ToString(),
    };

    public static string Of(LoopTrigger trigger) => trigger switch
    {
        LoopTrigger.Dispatch => "受理派单",
        LoopTrigger.Investigate => "提交调查结论",
        LoopTrigger.Resolve => "提交处理结果",
        LoopTrigger.Revisit => "登记回访",
        LoopTrigger.Improve => "提交整改措施",
        LoopTrigger.WaiveImprovement => "批准免于整改",
        LoopTrigger.Reassign => "转派",
        LoopTrigger.TakeOver => "接手办理",
        LoopTrigger.AddNote => "进度备注",
        LoopTrigger.Merge => "合并重复投诉",
        LoopTrigger.Withdraw => "客户撤诉",
        LoopTrigger.Reclassify => "转为非投诉",
        LoopTrigger.Escalate => "升级",
        LoopTrigger.ExtendDeadline => "延长时限",
        LoopTrigger.IssueDocument => "签发文书",
        LoopTrigger.AttachEvidence => "上传证据",
        LoopTrigger.RemoveEvidence => "移除证据",
        LoopTrigger.Anonymise => "按保留期限匿名化",
        _ => trigger.ToString(),
    };

    public static string Of(Evidence.EvidenceKind kind) => kind switch
    {
        Evidence.EvidenceKind.Image => "照片",
        Evidence.EvidenceKind.Audio => "录音",
        Evidence.EvidenceKind.Pdf => "PDF 文件",
        Evidence.EvidenceKind.Office => "Office 文档",
        _ => kind.ToString(),
    };

    public static string Of(Channel channel) => channel switch
    {
        Channel.Hotline95598 => "95598热线",
        Channel.Regulator12398 => "12398能源监管热线",
        Channel.Government12345 => "12345政务热线",
        Channel.ServiceHall => "营业厅",
        Channel.Phone => "电话",
        Channel.App => "网上国网APP",
        Channel.WeChat => "微信",
        Channel.Media => "媒体舆情",
        _ => channel.ToString(),
    };

    public static string Of(Category category) => category switch
    {
        Category.Billing => "电费电价/计量",
        Category.Supply => "停电/供电质量",
        Category.Repair => "抢修/技术故障",
        Category.Conduct => "服务态度/规范",
        Category.Other => "其他",
        _ => category.ToString(),
    };

    /// <summary>
    /// The category as the subject of a sentence ("反映…的问题"), for prose that cannot name a catch-all
    /// sub-category ("其他…") without reading oddly ("反映“其他”的问题").
    /// </summary>
    public static string TopicOf(Category category) => category switch
    {
        Category.Billing => "电费电价和计量方面",
        Category.Supply => "停电和供电质量方面",
        Category.Repair => "抢修和设备故障方面",
        Category.Conduct => "服务态度和服务规范方面",
        Category.Other => "供电设施方面",
        _ => category.ToString(),
    };

    /// <summary>Category and sub-category in a table cell: "停电/供电质量 / 计划停电未通知", and "其他" once, not "其他 / 其他".</summary>
    public static string Classification(Category category, string subCategory) =>
        subCategory == Of(category) ? subCategory : $"{Of(category)} / {subCategory}";

    public static string Of(Urgency urgency) => urgency switch
    {
        Urgency.Normal => "一般",
        Urgency.Urgent => "紧急",
        Urgency.Critical => "特急",
        _ => urgency.ToString(),
    };

    public static string Of(CustomerType type) => type switch
    {
        CustomerType.Residential => "居民",
        CustomerType.Commercial => "工商业",
        CustomerType.KeyAccount => "大客户",
        _ => type.ToString(),
    };

    public static string Of(ComplainantProfile profile) => profile switch
    {
        ComplainantProfile.Rational => "理智型",
        ComplainantProfile.Emotional => "情绪型",
        ComplainantProfile.HighAttention => "高关注度",
        _ => profile.ToString(),
    };

    /// <summary>The handling hint for each complainant profile (公司投诉处理办法, "投诉客户画像").</summary>
    public static string HintFor(ComplainantProfile profile) => profile switch
    {
        ComplainantProfile.Rational => "以事实和数据说话，讲清依据与处理时限。",
        ComplainantProfile.Emotional => "先处理情绪再处理事情：倾听、致歉、复述诉求，避免争辩。",
        ComplainantProfile.HighAttention => "提级关注，统一口径，主动告知进展，防范舆情。",
        _ => "",
    };

    public static string Of(Responsibility responsibility) => responsibility switch
    {
        Responsibility.Company => "供电企业责任",
        Responsibility.Customer => "客户责任",
        Responsibility.ThirdParty => "第三方责任",
        Responsibility.ForceMajeure => "不可抗力",
        _ => responsibility.ToString(),
    };

    public static string Of(CompensationKind kind) => kind switch
    {
        CompensationKind.None => "无需补偿",
        CompensationKind.BillReduction => "电费减免",
        CompensationKind.Refund => "退还多收电费",
        CompensationKind.Apology => "赔礼道歉",
        CompensationKind.ProtectiveDevice => "赠送保护装置",
        CompensationKind.Other => "其他补偿",
        _ => kind.ToString(),
    };

    public static string Of(RevisitRound round) => round switch
    {
        RevisitRound.First => "首次回访（24小时内）",
        RevisitRound.Second => "二次回访（7天后）",
        _ => round.ToString(),
    };

    public static string Of(RevisitMethod method) => method switch
    {
        RevisitMethod.Phone => "电话",
        RevisitMethod.Visit => "上门",
        RevisitMethod.Sms => "短信",
        _ => method.ToString(),
    };

    public static string Of(Satisfaction satisfaction) => satisfaction switch
    {
        Satisfaction.Satisfied => "满意",
        Satisfaction.FairlySatisfied => "基本满意",
        Satisfaction.Dissatisfied => "不满意",
        _ => satisfaction.ToString(),
    };

    public static string Of(ReclassifiedAs kind) => kind switch
    {
        ReclassifiedAs.Enquiry => "咨询",
        ReclassifiedAs.Suggestion => "意见建议",
        ReclassifiedAs.Praise => "表扬",
        ReclassifiedAs.HelpRequest => "求助",
        ReclassifiedAs.Report => "举报",
        _ => kind.ToString(),
    };

    public static string Of(ClockKind clock) => clock switch
    {
        ClockKind.FirstResponse => "首次响应",
        ClockKind.CustomerContact => "联系客户",
        ClockKind.Handling => "处理答复",
        ClockKind.FirstRevisit => "首次回访",
        ClockKind.SecondRevisit => "二次回访",
        ClockKind.Improvement => "总结改进",
        _ => clock.ToString(),
    };

    public static string Of(ClockState state) => state switch
    {
        ClockState.OnTrack => "正常",
        ClockState.Warning => "预警",
        ClockState.Critical => "即将超时",
        ClockState.Breached => "已超时",
        ClockState.Met => "按时完成",
        ClockState.MetLate => "超时完成",
        ClockState.Superseded => "已作废（重新处理）",
        ClockState.Cancelled => "已终止",
        _ => state.ToString(),
    };

    public static string Of(EscalationLevel level) => level switch
    {
        EscalationLevel.Team => "班组级",
        EscalationLevel.Department => "部门级",
        EscalationLevel.Company => "公司级",
        _ => level.ToString(),
    };

    public static string Of(StaffRole role) => role switch
    {
        StaffRole.IntakeAgent => "受理员",
        StaffRole.Handler => "处理员",
        StaffRole.Manager => "管理人员",
        StaffRole.Trainer => "培训师",
        StaffRole.Admin => "系统管理员",
        StaffRole.System => "系统",
        StaffRole.Auditor => "审计员",
        _ => role.ToString(),
    };

    public static string Of(Relation relation) => relation switch
    {
        Relation.Owner => "本投诉的处理人",
        Relation.FirstResponder => "首问责任人",
        Relation.Colleague => "投诉所在部门的人员",
        Relation.DepartmentManager => "投诉所在部门的管理人员",
        Relation.CompanyManager => "公司级管理人员",
        Relation.System => "系统",
        _ => relation.ToString(),
    };

    public static string Of(TakeOverReason reason) => reason switch
    {
        TakeOverReason.Absence => "原处理人休假/外出",
        TakeOverReason.Workload => "工作量调整",
        TakeOverReason.Other => "其他",
        _ => reason.ToString(),
    };

    /// <summary>The single flags of a combination, in declaration order.</summary>
    public static IEnumerable<Relation> Each(Relation relations) =>
        Enum.GetValues<Relation>().Where(r => r != Relation.None && relations.HasFlag(r));

    /// <summary>"甲、乙或丙": alternatives as a Chinese list.</summary>
    public static string JoinAlternatives(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join("、", list[..^1]) + "或" + list[^1];
    }

    public static string Of(Privacy.PiiAccessKind kind) => kind switch
    {
        Privacy.PiiAccessKind.CustomerCard => "查看完整客户信息",
        Privacy.PiiAccessKind.CustomerCall => "呼叫客户",
        Privacy.PiiAccessKind.DocumentPreview => "预览文书",
        Privacy.PiiAccessKind.DocumentDownload => "下载文书",
        Privacy.PiiAccessKind.ContactSearch => "按电话/户号检索",
        Privacy.PiiAccessKind.ReportExport => "导出未脱敏明细",
        Privacy.PiiAccessKind.EvidenceView => "查看证据图片",
        Privacy.PiiAccessKind.EvidenceDownload => "下载证据",
        _ => kind.ToString(),
    };

    public static string Of(Reports.Kpi kpi) => kpi switch
    {
        Reports.Kpi.Timeliness => "投诉处理及时率",
        Reports.Kpi.Satisfaction => "客户满意度",
        Reports.Kpi.FirstTime => "一次解决率",
        Reports.Kpi.Revisit => "投诉回访率",
        _ => kpi.ToString(),
    };

    public static string Of(Reports.KpiVerdict verdict) => verdict switch
    {
        Reports.KpiVerdict.NoData => "无应计件",
        Reports.KpiVerdict.Pass => "达标",
        Reports.KpiVerdict.Reward => "优秀（奖励）",
        Reports.KpiVerdict.Deducted => "扣分",
        Reports.KpiVerdict.BelowTarget => "未达目标",
        Reports.KpiVerdict.Fail => "不合格",
        _ => verdict.ToString(),
    };

    public static string Of(Reports.PeriodKind kind) => kind switch
    {
        Reports.PeriodKind.Month => "月度",
        Reports.PeriodKind.Quarter => "季度",
        Reports.PeriodKind.Year => "年度",
        Reports.PeriodKind.Custom => "自定义",
        _ => kind.ToString(),
    };

    public static string Of(Reports.RegulatorCategory category) => category switch
    {
        Reports.RegulatorCategory.Complaint => "投诉",
        Reports.RegulatorCategory.Report => "举报",
        Reports.RegulatorCategory.Enquiry => "咨询",
        Reports.RegulatorCategory.Other => "其他（表扬、求助、建议）",
        _ => category.ToString(),
    };

    public static string Of(Reports.KpiFact fact) => fact switch
    {
        Reports.KpiFact.Received => "受理量",
        Reports.KpiFact.Counted => "计入考核",
        Reports.KpiFact.Withdrawn => "已撤诉",
        Reports.KpiFact.Merged => "已合并",
        Reports.KpiFact.Reclassified => "转为非投诉",
        Reports.KpiFact.Open => "在办",
        Reports.KpiFact.Timely => "按时办结",
        Reports.KpiFact.Overdue => "超时",
        Reports.KpiFact.Judged => "时效已定（按时或超时）",
        Reports.KpiFact.Rated => "已评价",
        Reports.KpiFact.Satisfied => "满意（含基本满意）",
        Reports.KpiFact.NotSatisfied => "不满意",
        Reports.KpiFact.FirstTime => "一次解决",
        Reports.KpiFact.NotFirstTime => "重复处理",
        Reports.KpiFact.RevisitOwed => "应回访",
        Reports.KpiFact.Revisited => "已回访",
        Reports.KpiFact.NotRevisited => "未回访",
        Reports.KpiFact.Resolved => "已解决",
        Reports.KpiFact.Reopened => "重新处理过",
        Reports.KpiFact.Handled => "已办结",
        Reports.KpiFact.HandledInTime => "按期办结",
        Reports.KpiFact.RepliedInWriting => "书面答复",
        _ => fact.ToString(),
    };

    public static string Of(Cases.CaseStatus status) => status switch
    {
        Cases.CaseStatus.Draft => "编写中",
        Cases.CaseStatus.InReview => "待审核",
        Cases.CaseStatus.Published => "已发布",
        Cases.CaseStatus.Withdrawn => "已撤回",
        _ => status.ToString(),
    };

    public static string Of(Cases.CaseTrigger trigger) => trigger switch
    {
        Cases.CaseTrigger.Create => "创建案例",
        Cases.CaseTrigger.Save => "保存草稿",
        Cases.CaseTrigger.Submit => "提交审核",
        Cases.CaseTrigger.Approve => "审核通过并发布",
        Cases.CaseTrigger.Return => "退回修改",
        Cases.CaseTrigger.Revise => "发起修订",
        Cases.CaseTrigger.Withdraw => "撤回",
        _ => trigger.ToString(),
    };

    public static string Of(Cases.CaseOutcome outcome) => outcome switch
    {
        Cases.CaseOutcome.FirstTime => "一次解决",
        Cases.CaseOutcome.Reopened => "回访不满意后重新处理",
        Cases.CaseOutcome.Escalated => "升级处理",
        _ => outcome.ToString(),
    };

    public static string Of(Cases.RedactionKind kind) => kind switch
    {
        Cases.RedactionKind.CustomerName => "客户姓名",
        Cases.RedactionKind.Phone => "电话号码",
        Cases.RedactionKind.AccountNumber => "户号",
        Cases.RedactionKind.IdNumber => "身份证号",
        Cases.RedactionKind.BankCard => "银行卡号",
        Cases.RedactionKind.Email => "电子邮箱",
        Cases.RedactionKind.Address => "详细地址",
        Cases.RedactionKind.Plate => "车牌号",
        Cases.RedactionKind.StaffName => "员工姓名（改为岗位）",
        Cases.RedactionKind.Manual => "手工遮盖",
        _ => kind.ToString(),
    };
}
