using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Documents;
using PowerService.Tests.Support;
using PowerService.Web.Features.Documents;
using PowerService.Web.Features.Wording;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Data.Wording;

/// <summary>
/// Service wording on both databases: the dictionary seeded from the seeds, a phrase saved in what the
/// customer reads recorded against its writer, and a 12398 reply holding one issued only with a manager's reason.
/// </summary>
public abstract class ServiceWordingTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<PowerService.Web.Data.WordingHitRecord>> HitsAsync()
    {
        await using var db = _db.NewContext();
        return await db.WordingHits.AsNoTracking().OrderBy(h => h.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task The_dictionary_starts_from_the_seeds_phrases()
    {
        var phrases = await _db.Services.GetRequiredService<WordingService>().PhrasesAsync(Ct);

        Assert.Equal(PowerService.Domain.Wording.PhraseBook.Defaults.Count, phrases.Count);
        Assert.Contains(phrases, p => p.Phrase == "规定就是这样" && p.Blocks);
    }

    [Fact]
    public async Task An_admin_adds_a_phrase_that_is_checked_at_once_and_a_variant_of_an_existing_one_is_refused_at_its_field()
    {
        var wording = _db.Services.GetRequiredService<WordingService>();
        var admin = await _db.StaffAsync("admin");
        Assert.Empty(await wording.CheckAsync("这事儿归物业管", Ct));

        Assert.True((await wording.SaveAsync(new PhraseForm { Phrase = "归物业管", Better = "这部分设施由物业负责，我帮您联系物业并跟进结果。", Situation = "产权分界" }, admin, Ct)).Succeeded);
        Assert.Single(await wording.CheckAsync("这事儿归物业管", Ct));

        var duplicate = await wording.SaveAsync(new PhraseForm { Phrase = "規定，就是 這樣", Better = "规范说法" }, admin, Ct);
        Assert.Equal((nameof(PhraseForm.Phrase), "词库中已有“规定就是这样”"), (Assert.Single(duplicate.Errors).Field, duplicate.Errors[0].Message));
        var empty = await wording.SaveAsync(new PhraseForm { Phrase = "！", Better = "" }, admin, Ct);
        Assert.Equal([nameof(PhraseForm.Phrase), nameof(PhraseForm.Better)], empty.Errors.Select(e => e.Field));
        Assert.Equal("只有系统管理员可以编辑服务忌语词库", Assert.Single((await wording.SaveAsync(new PhraseForm { Phrase = "随便", Better = "好的" }, await _db.StaffAsync("manager"), Ct)).Reasons));
    }

    [Fact]
    public async Task Two_admins_editing_one_phrase_the_second_is_told_and_a_disabled_phrase_is_no_longer_checked()
    {
        var wording = _db.Services.GetRequiredService<WordingService>();
        var admin = await _db.StaffAsync("admin");
        var row = (await wording.ListAsync(admin, Ct)).First(r => r.Record.Phrase == "急什么").Record;
        PhraseForm Edit(bool enabled) => new() { Id = row.Id, Revision = row.Revision, Phrase = row.Phrase, Better = row.Better, Situation = row.Situation, Blocks = row.Blocks, Enabled = enabled };

        Assert.True((await wording.SaveAsync(Edit(enabled: false), admin, Ct)).Succeeded);
        var second = await wording.SaveAsync(Edit(enabled: true), admin, Ct);

        Assert.Contains("已被系统管理员修改", Assert.Single(second.Reasons));
        Assert.Empty(await wording.CheckAsync("急什么！", Ct));
        await using var db = _db.NewContext();
        Assert.Contains(await db.AdminAuditEvents.AsNoTracking().Where(e => e.Action == WordingService.SaveAction).Select(e => e.Detail).ToListAsync(Ct), d => d.EndsWith("已停用"));
    }

    [Fact]
    public async Task A_phrase_saved_where_the_customer_reads_it_counts_against_its_writer_once()
    {
        var (agent, handler) = (await _db.StaffAsync("agent"), await _db.StaffAsync("handler"));
        var number = await Scenarios.DispatchedAsync(_db.Complaints, agent, handler);
        await _db.Complaints.ActAsync(number, (await _db.LoadAsync(number)).Revision, handler, "内部备注：规定就是这样", // an internal note is not read by the customer
            (c, ctx) => c.Investigate(Findings with { Cause = "規定，就是這樣，客户未及时更新联系方式。" }, ctx), Ct);
        await _db.Complaints.ActAsync(number, (await _db.LoadAsync(number)).Revision, handler, null,
            (c, ctx) => c.AddNote(new ProgressNote("已电话告知客户处理进度"), ctx), Ct);

        var hit = Assert.Single(await HitsAsync());
        Assert.Equal(("规定就是这样", "原因分析", handler.Actor.UserId, handler.Department, number), (hit.Phrase, hit.Field, hit.UserId, hit.Department, hit.ComplaintNumber));
    }

    [Fact]
    public async Task The_managers_breakdowns_count_the_hits_by_department_person_and_phrase_in_their_scope()
    {
        var (agent, handler, handler3) = (await _db.StaffAsync("agent"), await _db.StaffAsync("handler"), await _db.StaffAsync("handler3"));
        foreach (var (who, text) in new[] { (handler, "急什么！先交了电费再说"), (handler3, "等着吧，已派人") })
        {
            var number = await Scenarios.DispatchedAsync(_db.Complaints, agent, who);
            Assert.True((await _db.Complaints.ActAsync(number, (await _db.LoadAsync(number)).Revision, who, null,
                (c, ctx) => c.AddNote(new ProgressNote(text), ctx), Ct)).Succeeded);
        }
        var reports = _db.Services.GetRequiredService<PowerService.Web.Features.Reports.ReportService>();
        var month = PowerService.Domain.Reports.ReportPeriod.Month(2026, 11);

        var company = (await reports.BreakdownsAsync(await _db.StaffAsync("manager"), month, null, Ct)).Value!.Wording;
        var department = (await reports.BreakdownsAsync(await _db.StaffAsync("manager2"), month, null, Ct)).Value!.Wording;

        Assert.Equal(3, company.Total);
        Assert.Equal([("城区供电所", 2L), ("运维检修部", 1L)], company.ByDepartment.Select(c => (c.Label, c.Count)));
        Assert.Equal(("李强（城区供电所）", 2L), (company.ByPerson[0].Label, company.ByPerson[0].Count));
        Assert.Equal(["先交了电费再说", "急什么", "等着吧"], company.ByPhrase.Select(c => c.Label).Order());
        Assert.Equal((1L, "周杰（运维检修部）"), (department.Total, Assert.Single(department.ByPerson).Label));
    }

    [Fact]
    public async Task A_12398_reply_holding_a_forbidden_phrase_is_issued_only_with_a_managers_reason_on_the_timeline()
    {
        var (agent, handler, manager) = (await _db.StaffAsync("agent"), await _db.StaffAsync("handler"), await _db.StaffAsync("manager"));
        var number = await Scenarios.Regulator12398AtImproveAsync(_db.Complaints, _db.Time, agent, handler);
        var documents = _db.Services.GetRequiredService<DocumentService>();
        var withPhrase = await ReplyHoldingPhraseAsync(handler);

        var view = await documents.ViewAsync(withPhrase, DocumentKind.Reply12398, manager, Ct);
        Assert.Contains(view!.Wording, h => h.Phrase.Phrase == "先交了电费再说");

        var refused = await documents.IssueAsync(withPhrase, (await _db.LoadAsync(withPhrase)).Revision, DocumentKind.Reply12398, manager, ct: Ct);
        Assert.Equal(nameof(DocumentIssueRequest.WordingOverride), Assert.Single(refused.Result.Errors).Field);
        Assert.Contains("先交了电费再说", refused.Result.Reasons.Single());
        Assert.Empty((await _db.LoadAsync(withPhrase)).IssuedDocuments);

        var issued = await documents.IssueAsync(withPhrase, (await _db.LoadAsync(withPhrase)).Revision, DocumentKind.Reply12398, manager, ct: Ct,
            wordingOverride: "客户原话引用，需如实反映");
        Assert.True(issued.Succeeded, string.Join("；", issued.Result.Reasons));
        var last = (await _db.LoadAsync(withPhrase)).Timeline.Last(e => e.Trigger == LoopTrigger.IssueDocument);
        Assert.Contains("含服务忌语“先交了电费再说”，管理人员签发理由：客户原话引用，需如实反映", last.Summary);

        // The other 12398 complaint, without the phrase, issues as before.
        Assert.True((await documents.IssueAsync(number, (await _db.LoadAsync(number)).Revision, DocumentKind.Reply12398, manager, ct: Ct)).Succeeded);
    }

    /// <summary>A 12398 complaint at 改进 whose resolution tells the customer "先交了电费再说".</summary>
    private async Task<string> ReplyHoldingPhraseAsync(PowerService.Web.Features.Shared.StaffUser handler)
    {
        var agent = await _db.StaffAsync("agent");
        var number = (await _db.Complaints.RegisterAsync(ValidIntake() with { Channel = Channel.Regulator12398, UpstreamReference = "NEA20261123002" }, Guid.NewGuid(), agent, Ct)).Value!;
        async Task Act(Func<Complaint, StepContext, StepResult> step, PowerService.Web.Features.Shared.StaffUser by) =>
            Assert.True((await _db.Complaints.ActAsync(number, (await _db.LoadAsync(number)).Revision, by, null, step, Ct)).Succeeded);
        await Act((c, ctx) => c.Dispatch(new DispatchOrder(handler.Actor, handler.Department), ctx), agent);
        await Act((c, ctx) => c.Investigate(Findings, ctx), handler);
        await Act((c, ctx) => c.Resolve(Resolution(_db.Time.GetUtcNow().AddHours(20)) with { Solution = "告知客户先交了电费再说，电表异议另行受理。" }, ctx), handler);
        _db.Time.Advance(TimeSpan.FromHours(20));
        await Act((c, ctx) => c.Revisit(Satisfied, ctx), handler);
        _db.Time.Advance(TimeSpan.FromDays(7));
        await Act((c, ctx) => c.Revisit(Satisfied, ctx), handler);
        return number;
    }
}

public sealed class ServiceWordingTestsOnSqlite() : ServiceWordingTests(DatabaseProvider.Sqlite);

public sealed class ServiceWordingTestsOnPostgres() : ServiceWordingTests(DatabaseProvider.Postgres);
