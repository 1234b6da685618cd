using PowerService.Domain.Complaints;

namespace PowerService.Domain.Wording;

/// <summary>
/// The texts of a complaint that a customer or the regulator reads — in the customer answer, the 12398
/// reply, or said to the customer — by field. Comparing them before and after a step tells which
/// were just written, whose forbidden phrases count against the writer.
/// </summary>
public static class CustomerFacing
{
    public static IReadOnlyList<(string Field, string? Text)> Texts(Complaint c)
    {
        var texts = new List<(string, string?)>();
        if (c.Investigation is { } found)
            texts.AddRange([("调查核实的事实", found.Facts), ("原因分析", found.Cause), ("处理建议", found.Proposal)]);
        if (c.Resolution is { } plan)
            texts.AddRange([("解决方案", plan.Solution), ("与客户的沟通情况", plan.CustomerCommunication), ("补偿内容", plan.Compensation?.Detail)]);
        texts.AddRange(c.Revisits.Select((r, i) => ($"回访记录（第 {i + 1} 次）", r.Record.CustomerOpinion)));
        texts.AddRange(c.Timeline.Where(e => e.Trigger == LoopTrigger.AddNote).Select(e => ("进度说明", (string?)e.Summary)));
        return texts;
    }

    /// <summary>What <paramref name="after"/> holds that <paramref name="before"/> did not: the texts a step just wrote.</summary>
    public static IReadOnlyList<(string Field, string? Text)> Written(IReadOnlyList<(string Field, string? Text)> before, IReadOnlyList<(string Field, string? Text)> after) =>
        [.. after.Where(a => !string.IsNullOrWhiteSpace(a.Text) && !before.Contains(a))];
}
