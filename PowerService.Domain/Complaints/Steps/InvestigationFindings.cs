using PowerService.Domain.Text;

namespace PowerService.Domain.Complaints.Steps;

/// <summary>调查分析 output: the investigation report's facts, evidence, cause, responsibility and proposal.</summary>
public sealed record InvestigationFindings(
    string? Facts,
    string? Evidence,
    string? Cause,
    Responsibility? Responsibility,
    string? Proposal) : IStepData<InvestigationFindings>
{
    public static IReadOnlyList<FieldRule<InvestigationFindings>> Rules { get; } =
    [
        .. CommonRules.RequiredText<InvestigationFindings>(nameof(Facts), "调查核实的事实", f => f.Facts),
        .. CommonRules.OptionalText<InvestigationFindings>(nameof(Evidence), "证据清单", f => f.Evidence),
        .. CommonRules.RequiredText<InvestigationFindings>(nameof(Cause), "原因分析", f => f.Cause),
        new(nameof(Responsibility), f => f.Responsibility is not null, "请认定责任归属"),
        .. CommonRules.RequiredText<InvestigationFindings>(nameof(Proposal), "处理建议", f => f.Proposal),
    ];
}
