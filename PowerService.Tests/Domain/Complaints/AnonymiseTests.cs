using System.Text.Json;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Privacy;
using PowerService.Domain.Staff;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Domain.Complaints;

public class AnonymiseTests
{
    private static readonly RetentionPolicy TwoYears = RetentionPolicy.Of(2).Value!;

    /// <summary>The customer's values and what staff typed about them, as seeded below.</summary>
    public static readonly string[] Seeded = ["张建国", "13812348000", "3300123456", "文三路 100 号", "13912345678", "33010619800101123X", "独居高龄老人", "张先生"];

    /// <summary>A closed complaint whose free texts name the customer, their numbers and a relative's phone, everywhere a person types.</summary>
    public static Complaint ClosedWithPersonalData()
    {
        var intake = ValidIntake() with
        {
            Content = "张建国（身份证 33010619800101123X）反映文三路 100 号停电未通知，家中冰箱食物变质。",
            Demands = "回电 13812348000 或其子 13912345678 说明原因",
            IsSpecialGroup = true,
            SpecialGroupNote = "独居高龄老人",
        };
        var c = Complaint.Register(intake, "TS202611230001", Guid.NewGuid(), "客户服务中心", At(Start, Agent)).Value!;
        Ok(c, c.AddNote(new ProgressNote("已致电张先生（13812348000）说明情况", ContactedCustomer: true), At(Start.AddMinutes(30), Agent) with { Note = "户号 3300123456 核实无误" }));
        Ok(c, c.Dispatch(Dispatch, Ctx(c, 1)));
        Ok(c, c.Investigate(Findings with { Facts = "核实张建国户号 3300123456 于11月20日停电" }, Ctx(c, 5)));
        Ok(c, c.Resolve(Resolution(Start.AddHours(20)) with { CustomerCommunication = "11月24日电话 13812348000 告知张先生，客户同意" }, Ctx(c, 24)));
        Ok(c, c.Revisit(Satisfied with { CustomerOpinion = "张建国表示满意" }, Ctx(c, 30)));
        Ok(c, c.Revisit(Satisfied, Ctx(c, 24 + 7 * 24 + 1)));
        Ok(c, c.Improve(Plan, Ctx(c, 24 + 8 * 24)));
        return c;
    }

    private static StepContext System(DateTimeOffset at) => new(StaffRoles.SystemActor, [StaffRole.System], at);

    private static string Everything(Complaint c) => JsonSerializer.Serialize(c, new JsonSerializerOptions { Encoder = global::System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
        + string.Join("|", c.Timeline.Select(e => e.Summary + e.Note)) + string.Join("|", c.Revisits.Select(r => r.Record.CustomerOpinion));

    [Fact]
    public void Removes_every_seeded_value_from_the_fields_the_texts_and_the_timeline()
    {
        var c = ClosedWithPersonalData();
        Assert.All(Seeded, v => Assert.Contains(v, Everything(c)));

        var result = c.Anonymise(TwoYears, System(c.EndedAt!.Value.AddYears(2)));

        Assert.True(result.Succeeded, string.Join("；", result.Reasons));
        Assert.All(Seeded, v => Assert.DoesNotContain(v, Everything(c)));
        Assert.Equal(new Customer("已匿名", "已匿名", "已匿名", "杭州市西湖区（已匿名）", CustomerType.Residential, true, "已匿名"), c.Customer);
        Assert.Equal("【姓名已匿名】（身份证 【证件号已匿名】）反映文三路【门牌号已匿名】停电未通知，家中冰箱食物变质。", c.Content);
    }

    [Fact]
    public void Keeps_everything_the_statistics_count()
    {
        var c = ClosedWithPersonalData();
        var before = Statistics(c);

        Assert.True(c.Anonymise(TwoYears, System(c.EndedAt!.Value.AddYears(2))).Succeeded);

        Assert.Equal(before, Statistics(c));
        Assert.Equal(35.60m, c.Resolution!.Compensation!.Amount);
        Assert.Equal(Responsibility.Company, c.Investigation!.Responsibility);
        Assert.Equal([Satisfaction.Satisfied, Satisfaction.Satisfied], c.Revisits.Select(r => r.Record.Satisfaction));
    }

    private static string Statistics(Complaint c) => string.Join("|",
        c.Number, c.Stage, c.Channel, c.Category, c.SubCategory, c.Urgency, c.Profile, c.Customer.Type, c.Customer.IsSpecialGroup, c.Department,
        c.Owner, c.FirstResponder, c.ReceivedAt.UtcTicks, c.RegisteredAt.UtcTicks, c.ResolvedAt, c.ClosedAt, c.EndedAt, c.ReopenCount, c.Escalation,
        c.IsFirstTimeResolved, c.Investigation?.Responsibility, c.Resolution?.Compensation?.Kind, c.Resolution?.Compensation?.Amount, c.Resolution?.CommittedBy,
        string.Join(",", c.Revisits.Select(r => $"{r.Round}/{r.Record.Method}/{r.Record.Reached}/{r.Record.Satisfaction}/{r.At.UtcTicks}")),
        string.Join(",", c.Clocks.Select(k => $"{k.Id}/{k.Kind}/{k.StartedAt.UtcTicks}/{k.DueAt.UtcTicks}/{k.StoppedAt?.UtcTicks}/{k.EndedAs}")),
        string.Join(",", c.Timeline.Take(c.Timeline.Count).Where(e => e.Trigger != LoopTrigger.Anonymise).Select(e => $"{e.Sequence}/{e.Trigger}/{e.ActorName}/{e.At.UtcTicks}/{e.FromStage}/{e.ToStage}")),
        c.Improvement?.Actions.Count);

    [Fact]
    public void Is_recorded_as_the_systems_own_entry_naming_the_policy_and_the_fields_never_the_values()
    {
        var c = ClosedWithPersonalData();
        var at = c.EndedAt!.Value.AddYears(2).AddDays(3);
        var count = c.Timeline.Count;

        Assert.True(c.Anonymise(TwoYears, System(at)).Succeeded);

        var entry = c.Timeline.MaxBy(e => e.Sequence)!;
        Assert.Equal(count + 1, c.Timeline.Count);
        Assert.Equal((LoopTrigger.Anonymise, "系统", at, Stage.Closed, Stage.Closed, true), (entry.Trigger!.Value, entry.ActorName, entry.At, entry.FromStage!.Value, entry.ToStage, entry.Anonymised));
        Assert.StartsWith("按保留期限匿名化客户个人信息：保留期限 2 年，投诉结束于 2026-12-02 09:30；已处理：客户姓名、联系电话、户号、用电地址、特殊群体说明、投诉内容、客户诉求", entry.Summary);
        Assert.Equal("按保留期限匿名化", entry.ActionLabel);
        Assert.Equal(at, c.AnonymisedAt);
    }

    [Fact]
    public void Re_seals_the_whole_chain_so_the_record_still_proves_itself()
    {
        var c = ClosedWithPersonalData();
        var hashes = c.Timeline.Select(e => e.Hash).ToList();

        Assert.True(c.Anonymise(TwoYears, System(c.EndedAt!.Value.AddYears(2))).Succeeded);

        Assert.Null(c.FirstTamperedEvent);
        Assert.All(c.Timeline, e => Assert.True(e.Anonymised));
        Assert.NotEqual(hashes, c.Timeline.Take(hashes.Count).Select(e => e.Hash));
    }

    [Fact]
    public void Is_idempotent_a_second_time_changes_nothing()
    {
        var c = ClosedWithPersonalData();
        var at = c.EndedAt!.Value.AddYears(2);
        Assert.True(c.Anonymise(TwoYears, System(at)).Succeeded);
        var after = (Everything(c), c.Revision, c.Timeline.Count, string.Join(",", c.Timeline.Select(e => e.Hash)));

        Assert.Empty(c.AnonymisationChanges());
        Assert.True(c.Anonymise(TwoYears, System(at.AddDays(1))).Succeeded);

        Assert.Equal(after, (Everything(c), c.Revision, c.Timeline.Count, string.Join(",", c.Timeline.Select(e => e.Hash))));
        Assert.Equal(at, c.AnonymisedAt);
    }

    [Fact]
    public void The_dry_run_lists_what_would_change_and_changes_nothing()
    {
        var c = ClosedWithPersonalData();
        var before = (Everything(c), c.Revision, string.Join(",", c.Timeline.Select(e => e.Hash)));

        var changes = c.AnonymisationChanges();

        Assert.Equal(["客户姓名", "联系电话", "户号", "用电地址", "特殊群体说明", "投诉内容", "客户诉求", "调查结论", "解决方案", "回访记录", "处理记录 1 条"], changes);
        Assert.Equal(before, (Everything(c), c.Revision, string.Join(",", c.Timeline.Select(e => e.Hash))));
    }

    [Fact]
    public void Refuses_a_complaint_too_young_open_or_not_the_systems_and_leaves_it_untouched()
    {
        var closed = ClosedWithPersonalData();
        var ended = closed.EndedAt!.Value;
        var open = In(Stage.Revisit);

        Assert.Equal(["投诉结束于 2026-12-02 09:30，未满保留期限 2 年，不能匿名化"], closed.Anonymise(TwoYears, System(ended.AddYears(2).AddMinutes(-1))).Reasons);
        Assert.Equal(["投诉尚未结束，不能匿名化"], open.Anonymise(TwoYears, System(Start.AddYears(10))).Reasons);
        Assert.Equal(["只有系统可以按保留期限匿名化投诉记录"], closed.Anonymise(TwoYears, At(ended.AddYears(3), Manager, StaffRole.Manager, StaffRole.Admin)).Reasons);
        Assert.All(Seeded, v => Assert.Contains(v, Everything(closed)));
        Assert.False(closed.IsAnonymised || open.IsAnonymised);
    }

    [Fact]
    public void No_document_is_issued_for_an_anonymised_complaint()
    {
        var c = ClosedWithPersonalData();
        Assert.True(c.Anonymise(TwoYears, System(c.EndedAt!.Value.AddYears(2))).Succeeded);

        var result = c.IssueDocument(new DocumentIssueRequest(PowerService.Domain.Documents.DocumentKind.CaseFile, new string('a', 64), new string('b', 64)),
            At(c.AnonymisedAt!.Value.AddHours(1), Manager, StaffRole.Manager));

        Assert.Contains("本投诉已按保留期限匿名化，不能再签发文书", result.Reasons);
    }
}
