using PowerService.Domain.Complaints;
using PowerService.Domain.Time;

namespace PowerService.Domain.Cases;

/// <summary>
/// The first draft of a case from a closed complaint, in the standard format, every text through the
/// <see cref="Deidentifier"/>; with how many spans of each kind were replaced, for the trainer to see.
/// Built on the server only: the complaint's own text never leaves it.
/// </summary>
public sealed record CaseDraft(CaseContent Content, IReadOnlyList<RedactionCount> Replaced)
{
    /// <summary>Timeline steps worth telling in the handling process (the rest is in the other sections).</summary>
    private static readonly LoopTrigger[] ProcessSteps =
        [LoopTrigger.Dispatch, LoopTrigger.Reassign, LoopTrigger.TakeOver, LoopTrigger.AddNote, LoopTrigger.Escalate, LoopTrigger.ExtendDeadline];

    /// <param name="staffRoles">Staff display names and the role word each is replaced by.</param>
    public static CaseDraft From(Complaint complaint, IReadOnlyDictionary<string, string> staffRoles)
    {
        var deidentifier = new Deidentifier(complaint.Customer, staffRoles, FormOfAddress(complaint));
        var redactions = new List<Redaction>();
        string Clean(string? text)
        {
            var result = deidentifier.Apply(text);
            redactions.AddRange(result.Redactions);
            return result.Text;
        }

        var region = Privacy.Anonymiser.Region(complaint.Customer.Address);
        var background = $"{complaint.ReceivedAt.ChinaDate():yyyy年M月}，{(region is null ? "" : region + "的")}{deidentifier.CustomerCall}通过{Labels.Of(complaint.Channel)}反映{Labels.Of(complaint.Category)}"
                         + $"（{complaint.SubCategory}）问题：{Clean(complaint.Content)}"
                         + Line("客户诉求", Clean(complaint.Demands)) + Line("期望结果", Clean(complaint.ExpectedOutcome));
        var process = new List<string>();
        foreach (var e in complaint.Timeline.Where(e => e.Trigger is { } t && ProcessSteps.Contains(t)).OrderBy(e => e.Sequence))
            process.Add($"{e.At.ChinaDate():M月d日} {Clean(e.Summary)}" + (string.IsNullOrWhiteSpace(e.Note) ? "" : $"：{Clean(e.Note)}"));
        if (complaint.Investigation is { } found)
            process.Add($"调查分析：{Clean(found.Facts)}" + Part("原因", Clean(found.Cause)) + Part("证据", Clean(found.Evidence)));
        foreach (var revisit in complaint.Revisits)
            process.Add($"{Labels.Of(revisit.Round)}：" + (revisit.Record.Reached ? revisit.Record.Satisfaction is { } s ? Labels.Of(s) : "已联系" : "未联系上")
                        + Part("客户意见", Clean(revisit.Record.CustomerOpinion)));
        if (complaint.ReopenCount > 0) process.Add($"回访不满意，重新处理 {complaint.ReopenCount} 次。");

        var solution = complaint.Resolution is { } plan
            ? Clean(plan.Solution) + Line("与客户沟通", Clean(plan.CustomerCommunication))
              + (plan.Compensation is { } pay && pay.Kind != CompensationKind.None ? Line("补偿", $"{Labels.Of(pay.Kind)} {Clean(pay.Detail)}".Trim()) : "")
            : "";
        var failed = complaint.Improvement is { } improvement
            ? $"根本原因：{Clean(improvement.RootCause)}" + string.Concat(improvement.Actions.Select(a => Line("整改措施", Clean(a.Action))))
            : "";
        var content = new CaseContent(
            $"{Labels.Of(complaint.Category)}：{complaint.SubCategory}",
            background, string.Join('\n', process), solution, "", failed,
            [Labels.Of(complaint.Category), complaint.SubCategory, Labels.Of(complaint.Channel)]);
        var replaced = redactions.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g => new RedactionCount(g.Key, g.Count())).ToList();
        return new CaseDraft(content, replaced);
    }

    /// <summary>先生 or 女士 when the record calls the customer so (张先生, 王阿姨), otherwise null: the record has no gender.</summary>
    public static string? FormOfAddress(Complaint complaint)
    {
        var name = complaint.Customer.Name.Trim();
        if (name.Length < 2) return null;
        var texts = string.Join("\n", new[] { complaint.Content, complaint.Demands, complaint.ExpectedOutcome }
            .Concat(complaint.Timeline.Select(e => e.Note ?? "")));
        var surname = name[..1];
        var male = new[] { "先生", "师傅", "大爷", "爷爷" }.Sum(w => Count(texts, surname + w));
        var female = new[] { "女士", "小姐", "阿姨", "大妈", "奶奶", "大娘" }.Sum(w => Count(texts, surname + w));
        return male > female ? "先生" : female > male ? "女士" : null;
    }

    private static int Count(string text, string word)
    {
        var n = 0;
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    private static string Line(string label, string text) => string.IsNullOrWhiteSpace(text) ? "" : $"\n{label}：{text}";

    private static string Part(string label, string text) => string.IsNullOrWhiteSpace(text) ? "" : $"；{label}：{text}";
}
