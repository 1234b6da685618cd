using System.ComponentModel;

namespace PowerService.Web.Features.Api;

/// <summary>
/// Where a work order stands, for the system that sent it. Never the customer: no name, phone,
/// account number, address or free text (notes and replies may name people), only codes, times and departments.
/// </summary>
[Description("工单办理状态（不含客户个人信息）。")]
public sealed record WorkOrderStatus
{
    [Description("本系统的投诉编号。")]
    public required string Number { get; init; }

    [Description("投诉渠道代码。")]
    public required string Channel { get; init; }

    [Description("上级工单编号。")]
    public string? UpstreamReference { get; init; }

    [Description("本次请求是否新登记了投诉；重复发送同一上级工单编号时为 false。仅提交工单时返回。")]
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public bool? Created { get; init; }

    [Description("办理阶段代码：Intake、Investigate、Resolve、Revisit、Improve、Closed、Merged、Withdrawn、Reclassified。")]
    public required string Stage { get; init; }

    [Description("办理阶段中文名，如 调查分析、已办结。")]
    public required string StageName { get; init; }

    [Description("紧急程度代码（舆情风险或重复投诉会自动提高）。")]
    public required string Urgency { get; init; }

    [Description("当前承办部门。")]
    public required string Department { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset RegisteredAt { get; init; }

    [Description("当前环节最近的办理时限；已办结或终止时为空。")]
    public DateTimeOffset? NextDueAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    [Description("作为重复投诉并入的主投诉编号。")]
    public string? MergedInto { get; init; }

    [Description("阶段变化记录（时间与阶段），不含处理意见原文。")]
    public IReadOnlyList<WorkOrderStageChange> History { get; init; } = [];
}

public sealed record WorkOrderStageChange(DateTimeOffset At, string Stage, string StageName);
