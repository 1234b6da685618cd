using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Staff;
using PowerService.Domain.Text;
using Stateless;

namespace PowerService.Domain.Cases;

/// <summary>A version of a case as a manager approved it: never changes once published.</summary>
public sealed record CaseVersion(int Number, CaseContent Content, Actor Editor, Actor ApprovedBy, DateTimeOffset PublishedAt);

/// <summary>One step of a case's review history.</summary>
public sealed record CaseEvent(DateTimeOffset At, Actor By, CaseTrigger What, CaseStatus From, CaseStatus To, string? Reason = null);

/// <summary>
/// A training case made from a closed complaint (docs/domain.md §9). A trainer writes the working
/// copy (<see cref="Draft"/>) and submits it; a manager of the complaint's department, or a
/// company-level manager, approves it — that makes the next <see cref="Versions"/> entry, which
/// the library shows — or returns it with a reason. A published case is revised through a new
/// working copy while its published version stays in the library; a manager can withdraw it.
/// The review rules are a Stateless machine over <see cref="Status"/>.
/// </summary>
public sealed class TrainingCase
{
    private List<CaseVersion> _versions = [];
    private List<CaseEvent> _history = [];
    private List<RedactionCount> _replaced = [];
    private StateMachine<CaseStatus, CaseTrigger>? _machine;

    private TrainingCase() { } // for EF Core

    public int Id { get; private set; }

    /// <summary>Counts every change: the concurrency token that tells two reviewers apart.</summary>
    public int Revision { get; private set; }

    public int SourceComplaintId { get; private set; }

    /// <summary>The department the complaint was with: its manager reviews the case.</summary>
    public string Department { get; private set; } = "";

    public Category Category { get; private set; }
    public string SubCategory { get; private set; } = "";
    public Channel Channel { get; private set; }
    public CaseOutcome Outcome { get; private set; }

    /// <summary>The year the complaint was received (China time).</summary>
    public int Year { get; private set; }

    public CaseStatus Status { get; private set; }

    /// <summary>The trainer who holds the working copy: who created it, or who started the latest revision.</summary>
    public Actor Editor { get; private set; } = null!;

    public Actor Author { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The working copy, always de-identified text.</summary>
    public CaseContent Draft { get; private set; } = null!;

    /// <summary>The reason a manager gave when returning the working copy; cleared on submission.</summary>
    public string? ReturnReason { get; private set; }

    public string? WithdrawReason { get; private set; }

    /// <summary>What the de-identifier replaced in the first draft, by kind: the trainer checks the rest.</summary>
    public IReadOnlyList<RedactionCount> Replaced => _replaced;

    public IReadOnlyList<CaseVersion> Versions => _versions;
    public IReadOnlyList<CaseEvent> History => _history;

    public CaseVersion? Published => _versions.Count == 0 ? null : _versions[^1];

    /// <summary>In the library: some version was approved and the case is not withdrawn.</summary>
    public bool Listed { get; private set; }

    /// <summary>The latest published version as one text, searched by the library; empty when not listed.</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>The listed version's tags as "|停电|电费|", so the library filters by a whole tag; empty when not listed.</summary>
    public string TagList { get; private set; } = "";

    public const string DepartmentOnly = "只有该投诉所在部门的管理人员或公司级管理人员可以审核";

    /// <summary>Starts a case from a closed complaint; the content is what the de-identifier made of it.</summary>
    public static StepResult<TrainingCase> Create(Complaint source, CaseContent content, Actor by, IReadOnlyCollection<StaffRole> roles, DateTimeOffset at, int chinaYear,
        IReadOnlyList<RedactionCount>? replaced = null)
    {
        if (!roles.Contains(StaffRole.Trainer)) return new(null, StepResult.Refused("只有培训师可以编写案例"));
        if (source.Stage != Stage.Closed) return new(null, StepResult.Refused("只有已办结的投诉可以编写为案例"));
        if (source.IsAnonymised) return new(null, StepResult.Refused("该投诉已按保留期限匿名化，不能再编写为案例"));
        var normalised = content.Normalised();
        var errors = FieldRule<CaseContent>.Check(normalised, CaseContent.SaveRules);
        if (errors.Count > 0) return new(null, StepResult.Refused(errors));
        var created = new TrainingCase
        {
            SourceComplaintId = source.Id,
            Department = source.Department,
            Category = source.Category,
            SubCategory = source.SubCategory,
            Channel = source.Channel,
            Outcome = OutcomeOf(source),
            Year = chinaYear,
            Status = CaseStatus.Draft,
            Editor = by,
            Author = by,
            CreatedAt = at,
            UpdatedAt = at,
            Draft = normalised,
            _replaced = [.. replaced ?? []],
        };
        created._history.Add(new CaseEvent(at, by, CaseTrigger.Create, CaseStatus.Draft, CaseStatus.Draft));
        return new(created, StepResult.Success);
    }

    public static CaseOutcome OutcomeOf(Complaint complaint) =>
        complaint.Escalation > Complaint.StartingLevel(complaint.Channel) ? CaseOutcome.Escalated
        : complaint.ReopenCount > 0 ? CaseOutcome.Reopened
        : CaseOutcome.FirstTime;

    /// <summary>The editor saves the working copy; it may be unfinished.</summary>
    public StepResult Save(CaseContent content, Actor by, IReadOnlyCollection<StaffRole> roles, DateTimeOffset at)
    {
        if (EditorRefusal(by, roles) is { } refusal) return StepResult.Refused(refusal);
        if (Status != CaseStatus.Draft) return StepResult.Refused($"案例当前“{Labels.Of(Status)}”，不能修改；请先发起修订");
        var normalised = content.Normalised();
        var errors = FieldRule<CaseContent>.Check(normalised, CaseContent.SaveRules);
        if (errors.Count > 0) return StepResult.Refused(errors);
        if (normalised.SameAs(Draft)) return StepResult.Success;
        Draft = normalised;
        Touch(at);
        return StepResult.Success;
    }

    /// <summary>The editor submits the working copy for review: it must be complete.</summary>
    public StepResult Submit(Actor by, IReadOnlyCollection<StaffRole> roles, DateTimeOffset at)
    {
        if (EditorRefusal(by, roles) is { } refusal) return StepResult.Refused(refusal);
        var errors = FieldRule<CaseContent>.Check(Draft, CaseContent.ReviewRules);
        if (errors.Count > 0) return StepResult.Refused(errors);
        if (Published is { } last && last.Content.SameAs(Draft)) return StepResult.Refused("内容与已发布的版本相同，无需再次审核");
        if (PersonalDataLeft(Draft) is { } left) return StepResult.Refused(left);
        return Fire(CaseTrigger.Submit, by, at, null, () => ReturnReason = null);
    }

    /// <summary>A manager of the case's department (or company level) approves: the working copy becomes the next version.</summary>
    public StepResult Approve(Actor by, IReadOnlyCollection<StaffRole> roles, Workplace? workplace, DateTimeOffset at)
    {
        if (ReviewerRefusal(by, roles, workplace) is { } refusal) return StepResult.Refused(refusal);
        return Fire(CaseTrigger.Approve, by, at, null, () =>
        {
            _versions = [.. _versions, new CaseVersion(_versions.Count + 1, Draft, Editor, by, at)];
            WithdrawReason = null;
        });
    }

    /// <summary>A manager returns the working copy to its editor with what to change.</summary>
    public StepResult Return(string? reason, Actor by, IReadOnlyCollection<StaffRole> roles, Workplace? workplace, DateTimeOffset at)
    {
        if (ReviewerRefusal(by, roles, workplace) is { } refusal) return StepResult.Refused(refusal);
        if (ReasonRefusal(reason, "退回") is { } missing) return StepResult.Refused([new FieldError("Reason", missing)]);
        var clean = reason!.Trim();
        return Fire(CaseTrigger.Return, by, at, clean, () => ReturnReason = clean);
    }

    /// <summary>A trainer starts a revision of a published or withdrawn case and becomes its editor; the published version stays listed meanwhile.</summary>
    public StepResult Revise(Actor by, IReadOnlyCollection<StaffRole> roles, DateTimeOffset at)
    {
        if (!roles.Contains(StaffRole.Trainer)) return StepResult.Refused("只有培训师可以修订案例");
        return Fire(CaseTrigger.Revise, by, at, null, () => Editor = by);
    }

    /// <summary>A manager takes a published case out of the library, with the reason.</summary>
    public StepResult Withdraw(string? reason, Actor by, IReadOnlyCollection<StaffRole> roles, Workplace? workplace, DateTimeOffset at)
    {
        if (ReviewerRefusal(by, roles, workplace) is { } refusal) return StepResult.Refused(refusal);
        if (!Listed) return StepResult.Refused("案例尚未发布，无需撤回");
        if (ReasonRefusal(reason, "撤回") is { } missing) return StepResult.Refused([new FieldError("Reason", missing)]);
        var clean = reason!.Trim();
        return Fire(CaseTrigger.Withdraw, by, at, clean, () => WithdrawReason = clean);
    }

    public bool IsEditor(Actor person) => Editor.UserId == person.UserId;

    /// <summary>
    /// What still looks like personal data in a case about to be reviewed — a phone, an ID or card
    /// number, an e-mail, a house number, a plate typed in after the draft was made — said by kind, or
    /// null. A case is shared across the company: it is not submitted until masked.
    /// </summary>
    public static string? PersonalDataLeft(CaseContent content)
    {
        var scanner = new Deidentifier(new Customer("", "", null, "", CustomerType.Residential, false, null));
        var found = CaseContent.Sections(content).Append(string.Join(' ', content.Tags))
            .SelectMany(text => scanner.Apply(text).Redactions).GroupBy(r => r.Kind).ToList();
        return found.Count == 0 ? null
            : "案例中仍有疑似个人信息（" + string.Join("，", found.Select(g => $"{Labels.Of(g.Key)} {g.Count()} 处")) + "），请用“追加遮盖”遮盖后再提交";
    }

    /// <summary>The triggers this person could use now: what the page offers.</summary>
    public IReadOnlyList<CaseTrigger> AvailableTriggers(Actor person, IReadOnlyCollection<StaffRole> roles, Workplace? workplace)
    {
        var permitted = Enum.GetValues<CaseTrigger>().Where(t => Machine.CanFire(t)).ToHashSet();
        var offered = new List<CaseTrigger>();
        if (Status == CaseStatus.Draft && EditorRefusal(person, roles) is null) offered.AddRange([CaseTrigger.Save, CaseTrigger.Submit]);
        if (ReviewerRefusal(person, roles, workplace) is null)
            offered.AddRange(new[] { CaseTrigger.Approve, CaseTrigger.Return, CaseTrigger.Withdraw }.Where(t => permitted.Contains(t) && (t != CaseTrigger.Withdraw || Listed)));
        if (roles.Contains(StaffRole.Trainer) && permitted.Contains(CaseTrigger.Revise)) offered.Add(CaseTrigger.Revise);
        return offered;
    }

    /// <summary>Who may review this case: role and relation, never the one who wrote the working copy.</summary>
    public string? ReviewerRefusal(Actor by, IReadOnlyCollection<StaffRole> roles, Workplace? workplace)
    {
        if (!roles.Contains(StaffRole.Manager)) return "只有管理人员可以审核案例";
        if (workplace is null || !(workplace.CompanyLevel || workplace.Department == Department)) return DepartmentOnly;
        if (IsEditor(by)) return "不能审核自己编写的案例";
        return null;
    }

    private string? EditorRefusal(Actor by, IReadOnlyCollection<StaffRole> roles) =>
        !roles.Contains(StaffRole.Trainer) ? "只有培训师可以编写案例"
        : !IsEditor(by) ? $"本案例正由{Editor.DisplayName}编写，只有编写人可以修改或提交"
        : null;

    private static string? ReasonRefusal(string? reason, string action) =>
        !TextRules.AtLeast(reason, 4) ? $"请说明{action}原因（至少 4 个字）"
        : !TextRules.WithinLength(reason, 500) ? $"{action}原因不能超过 500 字"
        : !TextRules.IsPlainText(reason) ? $"{action}原因只能是纯文本"
        : null;

    private StateMachine<CaseStatus, CaseTrigger> Machine => _machine ??= BuildMachine();

    private StateMachine<CaseStatus, CaseTrigger> BuildMachine()
    {
        var machine = new StateMachine<CaseStatus, CaseTrigger>(() => Status, s => Status = s);
        // A revision in progress (draft or in review) of a listed case can be withdrawn too: Withdraw checks Listed first.
        machine.Configure(CaseStatus.Draft).Permit(CaseTrigger.Submit, CaseStatus.InReview).Permit(CaseTrigger.Withdraw, CaseStatus.Withdrawn);
        machine.Configure(CaseStatus.InReview).Permit(CaseTrigger.Approve, CaseStatus.Published).Permit(CaseTrigger.Return, CaseStatus.Draft)
            .Permit(CaseTrigger.Withdraw, CaseStatus.Withdrawn);
        machine.Configure(CaseStatus.Published).Permit(CaseTrigger.Revise, CaseStatus.Draft).Permit(CaseTrigger.Withdraw, CaseStatus.Withdrawn);
        machine.Configure(CaseStatus.Withdrawn).Permit(CaseTrigger.Revise, CaseStatus.Draft);
        return machine;
    }

    private StepResult Fire(CaseTrigger trigger, Actor by, DateTimeOffset at, string? reason, Action apply)
    {
        var from = Status;
        if (!Machine.CanFire(trigger)) return StepResult.Refused($"案例当前“{Labels.Of(Status)}”，不能{Labels.Of(trigger)}");
        Machine.Fire(trigger);
        apply();
        if (trigger == CaseTrigger.Withdraw) Listed = false;
        if (trigger == CaseTrigger.Approve) Listed = true;
        SearchText = Listed && Published is { } version ? version.Content.SearchText : "";
        TagList = Listed && Published is { } tagged && tagged.Content.Tags.Count > 0 ? $"|{string.Join('|', tagged.Content.Tags)}|" : "";
        _history.Add(new CaseEvent(at, by, trigger, from, Status, reason));
        Touch(at);
        return StepResult.Success;
    }

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        Revision++;
    }
}
