using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Cases;
using PowerService.Domain.Complaints;
using PowerService.Tests.Domain.Cases;
using PowerService.Tests.Domain.Complaints;
using PowerService.Tests.Support;
using PowerService.Web.Features.Cases;
using PowerService.Web.Features.Shared;

namespace PowerService.Tests.Data.Cases;

/// <summary>
/// Cases through the service the pages use, on both databases: made from closed complaints only,
/// de-identified on the server, reviewed by role and relation, and every action that another person
/// can make impossible refused as a conflict when it comes second.
/// </summary>
public abstract class CaseServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private StaffUser _agent = null!, _handler = null!, _handler3 = null!, _manager = null!, _manager2 = null!, _trainer = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        (_agent, _handler, _handler3) = (await _db.StaffAsync("agent"), await _db.StaffAsync("handler"), await _db.StaffAsync("handler3"));
        (_manager, _manager2, _trainer) = (await _db.StaffAsync("manager"), await _db.StaffAsync("manager2"), await _db.StaffAsync("trainer"));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CaseService Cases => _db.Services.GetRequiredService<CaseService>();

    private async Task<Complaint> ClosedAsync(StaffUser? handler = null) =>
        await _db.LoadAsync(await Scenarios.ClosedAsync(_db.Complaints, _db.Time, _agent, handler ?? _handler));

    private async Task<int> StartedAsync(StaffUser? handler = null)
    {
        var complaint = await ClosedAsync(handler);
        var started = await Cases.StartAsync(complaint.Id, _trainer, Ct);
        Assert.True(started.Succeeded, string.Join("；", started.Result.Reasons));
        return started.CaseId!.Value;
    }

    private async Task<TrainingCase> StoredAsync(int id)
    {
        await using var db = _db.NewContext();
        return await db.TrainingCases.AsNoTracking().SingleAsync(c => c.Id == id, TestContext.Current.CancellationToken);
    }

    private async Task<int> SubmittedAsync(StaffUser? handler = null)
    {
        var id = await StartedAsync(handler);
        var outcome = await Cases.SubmitAsync(id, (await StoredAsync(id)).Revision, TrainingCaseTests.Complete, _trainer);
        Assert.True(outcome.Succeeded, string.Join("；", outcome.Result.Reasons));
        return id;
    }

    private async Task<int> PublishedAsync()
    {
        var id = await SubmittedAsync();
        Assert.True((await Cases.ApproveAsync(id, (await StoredAsync(id)).Revision, _manager)).Succeeded);
        return id;
    }

    [Fact]
    public async Task A_case_starts_from_a_closed_complaint_with_no_customer_value_and_no_staff_name_in_it()
    {
        var complaint = await ClosedAsync();
        var candidate = Assert.Single(await Cases.CandidatesAsync(_trainer, null, ct: TestContext.Current.CancellationToken));
        Assert.Equal(complaint.Number, candidate.Number);

        var started = await Cases.StartAsync(complaint.Id, _trainer, Ct);
        var stored = await StoredAsync(started.CaseId!.Value);

        var text = string.Join("\n", CaseContent.Sections(stored.Draft)) + candidate.Excerpt;
        foreach (var value in new[] { "张建国", "张先生", "13812348000", "3300123456", "文三路 100 号", _handler.Actor.DisplayName, _agent.Actor.DisplayName })
            Assert.DoesNotContain(value, text);
        Assert.Contains("号码变更未送达", stored.Draft.Process);
        Assert.Contains("减免当月电费", stored.Draft.Solution);
        Assert.Equal((CaseStatus.Draft, _trainer.Actor.UserId, complaint.Department), (stored.Status, stored.Editor.UserId, stored.Department));
        Assert.Empty(await Cases.CandidatesAsync(_trainer, null, ct: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_open_complaint_is_not_a_case_and_a_complaint_is_written_up_once()
    {
        var open = await _db.LoadAsync(await Scenarios.DispatchedAsync(_db.Complaints, _agent, _handler));
        Assert.Equal("只有已办结的投诉可以编写为案例", Assert.Single((await Cases.StartAsync(open.Id, _trainer, Ct)).Result.Reasons));

        var id = await StartedAsync();
        var stored = await StoredAsync(id);
        var again = await Cases.StartAsync(stored.SourceComplaintId, _trainer, Ct);
        Assert.Equal((false, id), (again.Succeeded, again.CaseId));
        Assert.Equal($"该投诉已编写为案例 #{id}", Assert.Single(again.Result.Reasons));
    }

    [Fact]
    public async Task Only_trainers_see_the_candidates_and_start_cases()
    {
        var complaint = await ClosedAsync();

        Assert.Empty(await Cases.CandidatesAsync(_manager, null, ct: TestContext.Current.CancellationToken));
        Assert.Equal("只有培训师可以编写案例", Assert.Single((await Cases.StartAsync(complaint.Id, _manager, Ct)).Result.Reasons));
        await using var db = _db.NewContext();
        Assert.Equal(0, await db.TrainingCases.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_published_case_is_in_the_library_for_everyone_and_a_draft_only_for_trainers_and_managers()
    {
        var draft = await StartedAsync();
        var published = await PublishedAsync();

        var found = await Cases.LibraryAsync(new CaseQuery("号码变更后无人核实"), _handler, ct: TestContext.Current.CancellationToken);
        Assert.Equal([published], found.Cases.Select(c => c.Id));
        Assert.Equal("该案例尚未发布或已撤回", (await Cases.GetAsync(draft, _handler, ct: TestContext.Current.CancellationToken)).Refusal);
        Assert.True((await Cases.GetAsync(draft, _manager, ct: TestContext.Current.CancellationToken)).View!.ShowsWorkingCopy);

        var (view, _) = await Cases.GetAsync(published, _handler, ct: TestContext.Current.CancellationToken);
        Assert.Equal((1, false, 0), (view!.ShownVersion, view.ShowsWorkingCopy, view.Actions.Count));
    }

    [Fact]
    public async Task A_department_manager_reviews_their_departments_cases_and_not_others()
    {
        var ours = await SubmittedAsync(_handler3);   // 运维检修部
        var theirs = await SubmittedAsync(_handler);  // 城区供电所

        Assert.Equal([ours], (await Cases.ReviewQueueAsync(_manager2, TestContext.Current.CancellationToken)).Select(c => c.Id));
        Assert.Equal([ours, theirs], (await Cases.ReviewQueueAsync(_manager, TestContext.Current.CancellationToken)).Select(c => c.Id).Order());
        Assert.Equal(TrainingCase.DepartmentOnly, Assert.Single((await Cases.ApproveAsync(theirs, (await StoredAsync(theirs)).Revision, _manager2, Ct)).Result.Reasons));
        Assert.True((await Cases.ApproveAsync(ours, (await StoredAsync(ours)).Revision, _manager2, Ct)).Succeeded);
    }

    [Fact]
    public async Task The_pdf_of_a_published_version_is_the_case_in_the_standard_format()
    {
        var id = await PublishedAsync();

        var (pdf, name) = await Cases.PdfAsync(id, _handler, 1, TestContext.Current.CancellationToken);

        Assert.Equal($"case-{id}-v1.pdf", name);
        var text = PowerService.Tests.Documents.PdfText.Extract(pdf!);
        foreach (var part in new[] { "投诉处理培训案例", "一、案例背景", "二、处理过程", "三、解决方案", "四、经验教训", "号码变更后无人核实" })
            Assert.Contains(part, text);
        Assert.Contains("第1页共1页", PowerService.Tests.Documents.PdfText.Squeeze(text));
        Assert.DoesNotContain("张建国", text);
    }

    // Every action a second person can make impossible: each pair below reads the same revision,
    // one acts first, the other is refused as a conflict that names who changed it, and nothing of theirs is stored.
    public static TheoryData<string, string> Races => new()
    {
        { "approve", "return" },
        { "return", "approve" },
        { "approve", "approve" },
        { "withdraw", "revise" },
        { "revise", "withdraw" },
        { "withdraw", "withdraw" },
    };

    [Theory]
    [MemberData(nameof(Races))]
    public async Task The_second_of_two_people_acting_on_the_same_version_is_told_and_changes_nothing(string first, string second)
    {
        var id = first is "approve" or "return" ? await SubmittedAsync() : await PublishedAsync();
        var seen = (await StoredAsync(id)).Revision;
        var other = _db.OpenAnotherInstance();
        var otherCases = other.GetRequiredService<CaseService>();

        Assert.True((await Act(Cases, first, id, seen)).Succeeded);
        var after = await StoredAsync(id);
        var refused = await Act(otherCases, second, id, seen);

        Assert.True(refused.Conflict);
        Assert.StartsWith("该案例已被", Assert.Single(refused.Result.Reasons));
        Assert.Contains("您的操作未保存", refused.Result.Reasons.Single());
        var final = await StoredAsync(id);
        Assert.Equal((after.Revision, after.Status, after.Versions.Count), (final.Revision, final.Status, final.Versions.Count));
        await other.DisposeAsync();
    }

    [Fact]
    public async Task Two_reviewers_approving_at_the_same_moment_publish_one_version()
    {
        var id = await SubmittedAsync();
        var seen = (await StoredAsync(id)).Revision;
        var other = _db.OpenAnotherInstance();

        var outcomes = await Task.WhenAll(
            Cases.ApproveAsync(id, seen, _manager, Ct),
            other.GetRequiredService<CaseService>().ApproveAsync(id, seen, _manager, Ct));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Single(outcomes, o => o.Conflict);
        Assert.Single((await StoredAsync(id)).Versions);
        await other.DisposeAsync();
    }

    [Fact]
    public async Task An_editor_saving_after_a_manager_withdrew_the_revision_is_told_and_their_text_is_not_stored()
    {
        var id = await PublishedAsync();
        Assert.True((await Cases.ReviseAsync(id, (await StoredAsync(id)).Revision, _trainer, Ct)).Succeeded);
        var seen = (await StoredAsync(id)).Revision;
        Assert.True((await Cases.WithdrawAsync(id, seen, "政策已调整，暂停使用", _manager, Ct)).Succeeded);

        var refused = await Cases.SaveAsync(id, seen, TrainingCaseTests.Complete with { Title = "修订后的标题" }, _trainer, Ct);

        Assert.True(refused.Conflict);
        Assert.Contains("撤回", refused.Result.Reasons.Single());
        Assert.NotEqual("修订后的标题", (await StoredAsync(id)).Draft.Title);
    }

    private Task<CaseOutcomeResult> Act(CaseService cases, string action, int id, int seen) => action switch
    {
        "approve" => cases.ApproveAsync(id, seen, _manager, Ct),
        "return" => cases.ReturnAsync(id, seen, "请补充失败教训", _manager, Ct),
        "withdraw" => cases.WithdrawAsync(id, seen, "案例已过时，撤回", _manager, Ct),
        "revise" => cases.ReviseAsync(id, seen, _trainer, Ct),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}

public sealed class CaseServiceTestsOnSqlite() : CaseServiceTests(DatabaseProvider.Sqlite);

public sealed class CaseServiceTestsOnPostgres() : CaseServiceTests(DatabaseProvider.Postgres);
