using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Privacy;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;

namespace PowerService.Domain.Complaints;

/// <summary>
/// Retention (docs/domain.md §8): once a complaint has been over for the retention period, the
/// customer's personal data is removed from the whole record — structured fields, every free text,
/// the timeline's texts — while everything the statistics count stays: category, channel, urgency,
/// stages and their times, clocks, escalation, responsibility, compensation, satisfaction,
/// department, customer type and district. It is the system's act, recorded on the timeline as its
/// own entry that names the policy and what was removed, never the values.
/// </summary>
public sealed partial class Complaint
{
    /// <summary>When the customer's data was removed; null while the record still holds it.</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    public bool IsAnonymised => AnonymisedAt is not null;

    /// <summary>
    /// When the complaint left the loop for good: the entry that moved it into its end stage (closed,
    /// merged, withdrawn, reclassified). Null while it is open. An end stage is entered once, so the
    /// database finds the same entry (see the retention service's query).
    /// </summary>
    public DateTimeOffset? EndedAt =>
        Stage.IsOpen() ? null : _timeline.Where(e => e.ToStage == Stage && e.FromStage != Stage).Select(e => (DateTimeOffset?)e.At).Max();

    /// <summary>What anonymising would change, by field (the dry run's list); empty once anonymised.</summary>
    public IReadOnlyList<string> AnonymisationChanges()
    {
        if (IsAnonymised) return [];
        var scrub = new Anonymiser(Customer);
        var after = Anonymised(scrub);
        var changes = new List<string>();
        void Compare<T>(string label, T before, T now)
        {
            if (!EqualityComparer<T>.Default.Equals(before, now)) changes.Add(label);
        }
        Compare("客户姓名", Customer.Name, after.Customer.Name);
        Compare("联系电话", Customer.Phone, after.Customer.Phone);
        Compare("户号", Customer.AccountNumber, after.Customer.AccountNumber);
        Compare("用电地址", Customer.Address, after.Customer.Address);
        Compare("特殊群体说明", Customer.SpecialGroupNote, after.Customer.SpecialGroupNote);
        Compare("投诉内容", Content, after.Content);
        Compare("客户诉求", Demands, after.Demands);
        Compare("期望结果", ExpectedOutcome, after.ExpectedOutcome);
        Compare("调查结论", Investigation, after.Investigation);
        Compare("解决方案", Resolution, after.Resolution);
        if (!_revisits.SequenceEqual(after.Revisits)) changes.Add("回访记录");
        if (Improvement?.RootCause != after.Improvement?.RootCause || !(Improvement?.Actions ?? []).SequenceEqual(after.Improvement?.Actions ?? [])) changes.Add("整改措施");
        Compare("免于整改理由", ImprovementWaiverReason, after.WaiverReason);
        Compare("结束原因", EndReason, after.EndReason);
        var texts = _timeline.Count(e => e.Summary != scrub.Text(e.Summary) || e.Note != scrub.Text(e.Note));
        if (texts > 0) changes.Add($"处理记录 {texts} 条");
        if (_documents.Count > 0) changes.Add($"已签发文书 {_documents.Count} 份（原件销毁，保留 SHA-256）");
        return changes;
    }

    /// <summary>
    /// Removes the customer's personal data, if the complaint has been over for the policy's period.
    /// Idempotent: an anonymised complaint is left as it is. The timeline's texts are rewritten and
    /// the whole chain re-sealed — refused when the chain does not verify, so that a rewrite never
    /// launders an earlier tampering — then the anonymisation is appended as the system's entry.
    /// </summary>
    public StepResult Anonymise(RetentionPolicy policy, StepContext context)
    {
        if (IsAnonymised) return StepResult.Success;
        if (!LoopPermissions.May(context.Roles, LoopTrigger.Anonymise)) return StepResult.Refused("只有系统可以按保留期限匿名化投诉记录");
        if (EndedAt is not { } ended) return StepResult.Refused("投诉尚未结束，不能匿名化");
        if (!policy.IsDue(this, context.At)) return StepResult.Refused($"投诉结束于 {ChinaTime.Format(ended)}，未满保留期限 {policy.Years} 年，不能匿名化");
        if (FirstTamperedEvent is { } broken) return StepResult.Refused($"处理记录第 {broken} 条起与签章不符，须先核查，不能匿名化");

        var changes = AnonymisationChanges();
        var scrub = new Anonymiser(Customer);
        var after = Anonymised(scrub);
        Customer = after.Customer;
        Content = after.Content;
        Demands = after.Demands;
        ExpectedOutcome = after.ExpectedOutcome;
        Investigation = after.Investigation;
        Resolution = after.Resolution;
        _revisits = [.. after.Revisits];
        Improvement = after.Improvement;
        ImprovementWaiverReason = after.WaiverReason;
        EndReason = after.EndReason;
        // The digest of a document's text is a fingerprint of the customer's data; it served only to
        // refuse a reissue with unchanged content, and nothing is issued for an anonymised complaint.
        _documents = [.. _documents.Select(d => d with { Reason = scrub.Text(d.Reason), ContentSha256 = null })];

        string? previous = null;
        foreach (var e in _timeline.OrderBy(e => e.Sequence))
        {
            e.Anonymise(scrub.Text, previous);
            previous = e.Hash;
        }
        AnonymisedAt = context.At.ToUniversalTime();
        Append(LoopTrigger.Anonymise, context with { Note = null }, Stage,
            $"按保留期限匿名化客户个人信息：保留期限 {policy.Years} 年，投诉结束于 {ChinaTime.Format(ended)}；已处理：{string.Join("、", changes)}");
        _timeline.MaxBy(e => e.Sequence)!.MarkAnonymised();
        return StepResult.Success;
    }

    /// <summary>Nothing may be issued for an anonymised complaint: the document would be a new one nobody can check against the original.</summary>
    private const string AnonymisedNoDocuments = "本投诉已按保留期限匿名化，不能再签发文书";

    private AnonymisedValues Anonymised(Anonymiser scrub) => new(
        Customer with
        {
            Name = Anonymiser.Placeholder,
            Phone = Anonymiser.Placeholder,
            AccountNumber = Customer.AccountNumber is null ? null : Anonymiser.Placeholder,
            Address = Anonymiser.AnonymisedAddress(Customer.Address),
            SpecialGroupNote = Customer.SpecialGroupNote is null ? null : Anonymiser.Placeholder,
        },
        scrub.Text(Content)!,
        scrub.Text(Demands)!,
        scrub.Text(ExpectedOutcome)!,
        Investigation is { } f ? f with { Facts = scrub.Text(f.Facts), Evidence = scrub.Text(f.Evidence), Cause = scrub.Text(f.Cause), Proposal = scrub.Text(f.Proposal) } : null,
        Resolution is { } r
            ? r with
            {
                Solution = scrub.Text(r.Solution),
                CustomerCommunication = scrub.Text(r.CustomerCommunication),
                Compensation = r.Compensation is { } c ? c with { Detail = scrub.Text(c.Detail) } : null,
            }
            : null,
        [.. _revisits.Select(v => v with { Record = v.Record with { CustomerOpinion = scrub.Text(v.Record.CustomerOpinion) } })],
        Improvement is { } p
            ? p with { RootCause = scrub.Text(p.RootCause), Actions = [.. p.Actions.Select(a => a with { Action = scrub.Text(a.Action), Owner = scrub.Text(a.Owner) })] }
            : null,
        scrub.Text(ImprovementWaiverReason),
        scrub.Text(EndReason));

    /// <summary>The complaint's values as anonymising would leave them: computed once, compared for the dry run, applied by <see cref="Anonymise"/>.</summary>
    private sealed record AnonymisedValues(
        Customer Customer, string Content, string Demands, string ExpectedOutcome, InvestigationFindings? Investigation,
        ResolutionPlan? Resolution, IReadOnlyList<RevisitEntry> Revisits, ImprovementPlan? Improvement, string? WaiverReason, string? EndReason);
}
