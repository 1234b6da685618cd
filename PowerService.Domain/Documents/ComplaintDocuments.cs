using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PowerService.Domain.Complaints;
using PowerService.Domain.Privacy;
using PowerService.Domain.Time;

namespace PowerService.Domain.Documents;

/// <summary>
/// Writes each document of a complaint from its own record. What the regulator's reply must contain
/// (docs/domain.md §7) is decided here, including what is masked: the complainant's name and phone
/// appear masked, as the policy says, because the reply leaves the company.
/// </summary>
public static class ComplaintDocuments
{
    public static string TitleOf(DocumentKind kind) => kind switch
    {
        DocumentKind.Reply12398 => "12398能源监管热线投诉处理情况回复",
        DocumentKind.InvestigationReport => "投诉调查报告",
        DocumentKind.CustomerAnswer => "客户投诉书面答复",
        DocumentKind.CaseFile => "投诉案卷",
        _ => kind.ToString(),
    };

    /// <summary>
    /// Why a document does not apply to this complaint, or null when it does. The regulator's reply is
    /// for 12398 complaints only; a complaint that left the loop early (merged, withdrawn, reclassified)
    /// before it was investigated has no investigation report, and before it was resolved no answer to
    /// the customer (the answer states a resolution). The case file applies to every complaint.
    /// </summary>
    public static string? NotApplicable(DocumentKind kind, Complaint c) => kind switch
    {
        DocumentKind.Reply12398 when c.Channel != Channel.Regulator12398 =>
            $"本投诉来自{Labels.Of(c.Channel)}，不是 12398 转办工单，没有《{TitleOf(kind)}》",
        DocumentKind.InvestigationReport when c.Stage.IsSideEnd() && c.Investigation is null =>
            $"本投诉{Labels.Of(c.Stage)}，未经调查，没有《{TitleOf(kind)}》",
        DocumentKind.CustomerAnswer when c.Stage.IsSideEnd() && c.Resolution is null =>
            $"本投诉{Labels.Of(c.Stage)}，未作处理，没有《{TitleOf(kind)}》",
        _ => null,
    };

    public static bool AppliesTo(DocumentKind kind, Complaint c) => NotApplicable(kind, c) is null;

    /// <summary>The documents this complaint has, in the order of <see cref="DocumentKind"/>.</summary>
    public static IReadOnlyList<DocumentKind> For(Complaint c) => Enum.GetValues<DocumentKind>().Where(k => AppliesTo(k, c)).ToList();

    /// <summary>The items a document that applies (<see cref="AppliesTo"/>) still lacks; empty when it can be issued.</summary>
    public static IReadOnlyList<MissingItem> Missing(DocumentKind kind, Complaint c)
    {
        var missing = new List<MissingItem>();
        if (kind is DocumentKind.Reply12398 && c.UpstreamReference is null)
            missing.Add(new("12398 工单编号", "受理登记"));
        if (kind is DocumentKind.Reply12398 or DocumentKind.InvestigationReport or DocumentKind.CustomerAnswer && c.Investigation is null)
            missing.Add(new("调查结论（事实、原因、责任认定）", "调查分析：提交调查结论"));
        if (kind is DocumentKind.Reply12398 or DocumentKind.CustomerAnswer && c.Resolution is null)
            missing.Add(new("处理结果与补偿", "解决处理：提交处理结果"));
        if (kind is DocumentKind.Reply12398 && !c.Revisits.Any(r => r.Record.Reached))
            missing.Add(new("与投诉人的沟通及其意见（回访结果）", "反馈回访：登记回访"));
        return missing;
    }

    /// <summary>
    /// The document as it reads when issued at <paramref name="issuedAt"/> as <paramref name="version"/>; a reissue
    /// (version 2 on) names its version on every page and its <see cref="VersionNote"/> under the title.
    /// </summary>
    public static DocumentSpec Compose(DocumentKind kind, Complaint c, DocumentSettings settings, DateTimeOffset issuedAt, int version = 1, string? reason = null) =>
        Write(kind, c, settings, issuedAt, forFingerprint: false) with { Version = version, VersionNote = VersionNote(version, reason) };

    /// <summary>What a reissued document says about itself: "第 2 版，重新签发原因：…"; nothing on the first version.</summary>
    public static string? VersionNote(int version, string? reason) =>
        version <= 1 ? null : $"第 {version} 版，重新签发原因：{reason?.Trim()}";

    /// <summary>
    /// The SHA-256 of what the document says, without what changes by issuing it again — the issue time
    /// and date, the version note, and (in the case file) the record of its own earlier issues. Two issues
    /// with the same fingerprint say the same thing, whatever their PDF bytes.
    /// </summary>
    public static string ContentSha256(DocumentKind kind, Complaint c, DocumentSettings settings)
    {
        var spec = Write(kind, c, settings, DateTimeOffset.UnixEpoch, forFingerprint: true);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ContentText(spec))));
    }

    /// <summary>Every text of a document, one item a line, in reading order.</summary>
    public static string ContentText(DocumentSpec spec) => string.Join("\n",
        new[] { spec.Title, spec.Header, spec.DocumentNumber ?? "", spec.VersionNote ?? "" }.Concat(spec.Blocks.SelectMany(b => b switch
        {
            Heading h => ["# " + h.Text],
            Paragraph p => [p.Text],
            KeyValueTable t => t.Rows.Select(r => $"{r.Key}：{r.Value}"),
            DataTable d => [string.Join(" | ", d.Headers), .. d.Rows.Select(r => string.Join(" | ", r))],
            BulletList l => l.Items.Select(i => "• " + i),
            SignatureBlock sig => [sig.Unit, sig.Date, sig.SealLabel],
            Chart ch => ChartText(ch),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), b.GetType().Name, "unknown block"),
        })));

    /// <summary>A chart's text is its numbers: two charts showing the same values the same way read the same.</summary>
    private static IEnumerable<string> ChartText(Chart ch)
    {
        static string Number(double? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "—";
        return [$"[图表 {ch.Kind} {ch.Format}] {ch.Title}", string.Join(" | ", ch.Categories),
            .. ch.Series.Select(s => $"{s.Name}：{string.Join(" | ", s.Values.Select(Number))}"),
            .. ch.ReferenceLines.Select(r => $"{r.Label}：{Number(r.Value)}")];
    }

    private static DocumentSpec Write(DocumentKind kind, Complaint c, DocumentSettings settings, DateTimeOffset issuedAt, bool forFingerprint) => kind switch
    {
        DocumentKind.Reply12398 => Reply12398(c, settings, issuedAt),
        DocumentKind.InvestigationReport => InvestigationReport(c, settings, issuedAt),
        DocumentKind.CustomerAnswer => CustomerAnswer(c, settings, issuedAt),
        DocumentKind.CaseFile => CaseFile(c, settings, issuedAt, forFingerprint),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static DocumentSpec Reply12398(Complaint c, DocumentSettings s, DateTimeOffset at)
    {
        var inv = c.Investigation;
        var res = c.Resolution;
        var lastReached = c.Revisits.LastOrDefault(r => r.Record.Reached);
        List<DocumentBlock> blocks =
        [
            new Paragraph($"{s.RegulatorOffice}：", Indent: false),
            new Paragraph($"贵办转来的 12398 能源监管热线投诉（工单编号 {c.UpstreamReference}）已收悉。我单位高度重视，立即组织调查处理，现将有关情况回复如下。"),
            new KeyValueTable(
            [
                new("工单编号", c.UpstreamReference ?? "—"),
                new(Labels.ReceivedAt, ChinaTime.Format(c.ReceivedAt)),
                new(Labels.RegisteredAt, ChinaTime.Format(c.RegisteredAt)),
                new("回复时间", ChinaTime.Format(at)),
                new("投诉人", Masking.Name(c.Customer.Name)),
                new("联系电话", Masking.Phone(c.Customer.Phone)),
                new("户号", Masking.AccountNumber(c.Customer.AccountNumber) ?? "—"),
                new("投诉类别", Labels.Classification(c.Category, c.SubCategory)),
                new("本单位编号", c.Number),
            ]),
            new Heading("一、投诉事项"),
            new Paragraph(c.Content),
            new Paragraph($"投诉人诉求：{c.Demands}"),
            new Heading("二、调查核实情况"),
            new Paragraph(inv?.Facts ?? "（尚未调查）"),
            new KeyValueTable(
            [
                new("原因分析", inv?.Cause ?? "—"),
                new("责任认定", inv?.Responsibility is { } r ? Labels.Of(r) : "—"),
            ]),
            new Heading("三、处理结果"),
            new Paragraph(res?.Solution ?? "（尚未处理）"),
            new KeyValueTable(
            [
                new("完成时间", res?.CommittedBy is { } by ? ChinaTime.Format(by) : "—"),
                new("补偿情况", CompensationText(res?.Compensation)),
            ]),
            new Heading("四、整改措施"),
            .. Corrective(c),
            new Heading("五、与投诉人沟通情况及投诉人意见"),
            new Paragraph(res?.CustomerCommunication ?? "—"),
            new Paragraph(lastReached is null ? "尚未回访。"
                : $"{ChinaTime.Format(lastReached.At)} 经{Labels.Of(lastReached.Record.Method)}回访，投诉人表示{Labels.Of(lastReached.Record.Satisfaction!.Value)}：{lastReached.Record.CustomerOpinion}。"),
            new Heading("附件"),
            new BulletList(Attachments(c)),
            new SignatureBlock(s.IssuingUnit, ChineseDate(at), "（盖章）"),
        ];
        return new DocumentSpec(TitleOf(DocumentKind.Reply12398), s.IssuingUnit, blocks, c.Number);
    }

    private static DocumentSpec InvestigationReport(Complaint c, DocumentSettings s, DateTimeOffset at)
    {
        var inv = c.Investigation;
        List<DocumentBlock> blocks =
        [
            new KeyValueTable(
            [
                new("投诉编号", c.Number),
                new("投诉渠道", Labels.Of(c.Channel) + (c.UpstreamReference is null ? "" : $"（{c.UpstreamReference}）")),
                new("投诉类别", Labels.Classification(c.Category, c.SubCategory)),
                new(Labels.ReceivedAt, ChinaTime.Format(c.ReceivedAt)),
                new("处理部门", $"{c.Department}（处理人：{c.Owner.DisplayName}）"),
            ]),
            new Heading("一、投诉内容"),
            new Paragraph(c.Content),
            new Heading("二、调查核实的事实"),
            new Paragraph(inv?.Facts ?? "—"),
            new Heading("三、证据清单"),
            new BulletList(Attachments(c)),
            new Heading("四、原因分析"),
            new Paragraph(inv?.Cause ?? "—"),
            new Heading("五、责任认定"),
            new Paragraph(inv?.Responsibility is { } r ? Labels.Of(r) : "—"),
            new Heading("六、处理建议"),
            new Paragraph(inv?.Proposal ?? "—"),
            new SignatureBlock($"{s.IssuingUnit} {c.Department}", ChineseDate(at), "调查人签字："),
        ];
        return new DocumentSpec(TitleOf(DocumentKind.InvestigationReport), s.IssuingUnit, blocks, c.Number);
    }

    private static DocumentSpec CustomerAnswer(Complaint c, DocumentSettings s, DateTimeOffset at)
    {
        var res = c.Resolution;
        List<DocumentBlock> blocks =
        [
            new Paragraph($"尊敬的{c.Customer.Name}：", Indent: false),
            new Paragraph($"您好！感谢您于 {ChinaTime.Format(c.ReceivedAt)} 向我们反映{SubCategories.Topic(c.Category, c.SubCategory)}（编号 {c.Number}）。给您带来不便，我们深表歉意。"),
            new Paragraph($"关于您反映的问题，{c.Investigation?.Facts ?? "我们正在核实。"}"),
            new Paragraph($"我们的处理结果是：{res?.Solution ?? "正在处理中。"}"),
            new Paragraph($"补偿方面：{CompensationText(res?.Compensation)}。"),
            new Paragraph("我们将以此为鉴，改进工作，避免类似问题再次发生。如您还有任何疑问，请拨打 95598 服务热线，并告知上述编号，我们会尽快为您办理。"),
            new Paragraph("再次感谢您对我们工作的理解和支持！"),
            new SignatureBlock(s.IssuingUnit, ChineseDate(at), "（盖章）"),
        ];
        return new DocumentSpec(TitleOf(DocumentKind.CustomerAnswer), s.IssuingUnit, blocks, c.Number);
    }

    private static DocumentSpec CaseFile(Complaint c, DocumentSettings s, DateTimeOffset at, bool forFingerprint)
    {
        // The case file's own earlier issues are not a change of its content: the fingerprint leaves them out.
        var ownIssues = forFingerprint ? c.IssuedDocuments.Where(d => d.Kind == DocumentKind.CaseFile).ToList() : [];
        // Matched by the issue's SHA-256, which its timeline entry names — never by time, which each store keeps at its own precision.
        var timeline = c.Timeline.Where(e => !(e.Trigger == LoopTrigger.IssueDocument && e.Summary.StartsWith($"签发《{TitleOf(DocumentKind.CaseFile)}》")
            && ownIssues.Any(d => e.Summary.EndsWith(d.Sha256, StringComparison.Ordinal))));
        var issued = c.IssuedDocuments.Except(ownIssues).ToList();
        List<DocumentBlock> blocks =
        [
            new KeyValueTable(
            [
                new("投诉编号", c.Number),
                new("当前阶段", Labels.Of(c.Stage)),
                new("投诉渠道", Labels.Of(c.Channel) + (c.UpstreamReference is null ? "" : $"（{c.UpstreamReference}）")),
                new("客户", $"{c.Customer.Name}，{c.Customer.Phone}，{c.Customer.Address}"),
                new("类别 / 紧急程度", $"{Labels.Classification(c.Category, c.SubCategory)} / {Labels.Of(c.Urgency)}"),
                new("首问责任人", c.FirstResponder.DisplayName),
                new("处理人 / 部门", $"{c.Owner.DisplayName} / {c.Department}"),
                new("升级层级", Labels.Of(c.Escalation)),
                new("重新处理次数", c.ReopenCount.ToString()),
            ]),
            new Heading("投诉内容与诉求"),
            new Paragraph(c.Content),
            new Paragraph($"诉求：{c.Demands}；期望：{c.ExpectedOutcome}"),
            new Heading("处理记录"),
            new DataTable(["序号", "时间", "操作人", "操作", "内容"], [0.8f, 2.3f, 1f, 1.9f, 4.3f],
                timeline.OrderBy(e => e.Sequence).Select(e => (IReadOnlyList<string>)
                [
                    e.Sequence.ToString(), ChinaTime.Format(e.At), e.ActorName, e.ActionLabel,
                    (e.ChangedStage && e.FromStage is { } f ? $"【{Labels.Of(f)}→{Labels.Of(e.ToStage)}】" : "")
                        + e.Summary + (e.Note is null ? "" : $"（备注：{e.Note}）"),
                ]).ToList()),
            new Heading("已签发文书"),
            new BulletList(issued.Count == 0 ? ["无"]
                : issued.Select(d => $"{TitleOf(d.Kind)} 第 {d.Version} 版，{ChinaTime.Format(d.At)} {d.By.DisplayName} 签发"
                    + (d.Reason is null ? "" : $"（重新签发原因：{d.Reason}）") + $"，SHA-256 {d.Sha256}").ToList()),
            new Heading("证据材料"),
            new BulletList(EvidenceList(c)),
            new SignatureBlock(s.IssuingUnit, ChineseDate(at), "（档案专用章）"),
        ];
        return new DocumentSpec(TitleOf(DocumentKind.CaseFile), s.IssuingUnit, blocks, c.Number);
    }

    /// <summary>Every attachment, removed ones included and marked (the file is kept): what it is, who brought it when, and its SHA-256.</summary>
    private static IReadOnlyList<string> EvidenceList(Complaint c) => c.Evidence.Count == 0 ? ["无"]
        : c.Evidence.OrderBy(e => e.Sequence).Select(e =>
            $"证据 #{e.Sequence}《{e.FileName}》，{e.Format.Label}，{Evidence.EvidenceLimits.Format(e.Size)}，{e.UploadedBy.DisplayName} {ChinaTime.Format(e.UploadedAt)} 上传，SHA-256 {e.Sha256}"
            + (e.IsRemoved ? $"【已移除：{e.RemovedByName} {ChinaTime.Format(e.RemovedAt!.Value)}，原因：{e.RemovalReason}；原件保留】" : "")).ToList();

    private static IEnumerable<DocumentBlock> Corrective(Complaint c)
    {
        if (c.Improvement is { } plan)
        {
            yield return new Paragraph($"根本原因：{plan.RootCause}");
            yield return new DataTable(["序号", "整改措施", "责任人", "完成期限"], [0.8f, 5f, 1.6f, 1.8f],
                plan.Actions.Select((a, i) => (IReadOnlyList<string>)[(i + 1).ToString(), a.Action ?? "", a.Owner ?? "", a.DueDate?.ToString("yyyy-MM-dd") ?? ""]).ToList());
        }
        else if (c.ImprovementWaiverReason is { } waiver) yield return new Paragraph($"经审核无需另行整改：{waiver}");
        else yield return new Paragraph($"拟采取的措施：{c.Investigation?.Proposal ?? "—"}");
    }

    private static IReadOnlyList<string> Attachments(Complaint c) =>
        c.Investigation?.Evidence is { Length: > 0 } evidence
            ? evidence.Split(['、', '，', ',', '；', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : ["无"];

    private static string CompensationText(Complaints.Steps.Compensation? compensation) => compensation is null ? "—"
        : compensation.Kind == CompensationKind.None ? Labels.Of(CompensationKind.None)
        : $"{Labels.Of(compensation.Kind)}：{compensation.Detail}"
          + (compensation.Amount is { } a && compensation.Detail?.Contains($"{a:0.00}") != true ? $"（{a:N2} 元）" : "");

    private static string ChineseDate(DateTimeOffset at)
    {
        var d = at.ChinaDate();
        return $"{d.Year} 年 {d.Month} 月 {d.Day} 日";
    }
}
