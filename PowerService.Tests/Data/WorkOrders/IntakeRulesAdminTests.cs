using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Domain.WorkOrders;
using PowerService.Tests.Support;
using PowerService.Web.Features.WorkOrders;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Data.WorkOrders;

/// <summary>The admin's dispatch rules, opinion words and skills, as the intake uses them.</summary>
public abstract class IntakeRulesAdminTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private IntakeRulesAdmin Admin => _db.Services.GetRequiredService<IntakeRulesAdmin>();

    [Fact]
    public async Task A_rule_an_admin_saves_dispatches_typed_intakes_to_the_skilled_handler_and_is_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await _db.StaffAsync("admin");
        var refused = await Admin.SaveRuleAsync(0, 0, new DispatchRule(0, "", Category.Supply, null, null, "不存在", null, true), admin, ct);
        Assert.Equal(["Name", "Department"], refused.Errors.Select(e => e.Field));
        Assert.False((await Admin.SaveRuleAsync(0, 0, new DispatchRule(0, "停电", Category.Supply, null, null, "城区供电所", null, true), await _db.StaffAsync("manager"), ct)).Succeeded);

        Assert.True((await Admin.SaveRuleAsync(0, 0, new DispatchRule(0, "城区停电", Category.Supply, null, "西湖区", "城区供电所", "停电", true), admin, ct)).Succeeded);
        var handler = (await Admin.HandlersAsync(ct)).Single(h => h.DisplayName == "李强");
        Assert.True((await Admin.SetSkillsAsync(handler.UserId, "停电、抢修", admin, ct)).Succeeded);

        var number = await _db.RegisterAsync(await _db.StaffAsync("agent"));
        var c = await _db.LoadAsync(number);
        Assert.Equal((Stage.Investigate, "李强"), (c.Stage, c.Owner.DisplayName));
        Assert.Contains("按派单规则“城区停电”自动派单", c.Timeline.Single(e => e.Trigger == LoopTrigger.Dispatch).Summary);
        await using var db = _db.NewContext();
        Assert.Equal([IntakeRulesAdmin.RuleAction, IntakeRulesAdmin.SkillAction], await db.AdminAuditEvents.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(ct));
    }

    [Fact]
    public async Task A_rule_changed_by_another_admin_since_it_was_shown_is_not_overwritten()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await _db.StaffAsync("admin");
        await Admin.SaveRuleAsync(0, 0, new DispatchRule(0, "电费", Category.Billing, null, null, "营销部（计量）", null, false), admin, ct);
        var shown = (await Admin.RulesAsync(ct)).Single();
        Assert.True((await Admin.SetRuleEnabledAsync(shown.Id, shown.Revision, false, admin, ct)).Succeeded);

        var stale = await Admin.SaveRuleAsync(shown.Id, shown.Revision, new DispatchRule(shown.Id, "电费改", Category.Billing, null, null, "营销部（计量）", null, false), admin, ct);

        Assert.StartsWith("该规则已被", Assert.Single(stale.Reasons));
        Assert.Equal(("电费", false), ((await Admin.RulesAsync(ct)).Single().Name, (await Admin.RulesAsync(ct)).Single().Enabled));
    }

    [Fact]
    public async Task The_opinion_list_starts_with_the_defaults_and_an_added_word_flags_the_next_complaint()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await _db.StaffAsync("admin");
        Assert.Equal(PublicOpinionWatch.DefaultTerms, await Admin.TermsAsync(ct));
        Assert.Equal("“记者”已在列表中", Assert.Single((await Admin.AddTermAsync("记者", admin, ct)).Reasons));
        Assert.Equal("词语至少 2 个字，单字会误报过多", Assert.Single((await Admin.AddTermAsync("网", admin, ct)).Reasons));
        Assert.True((await Admin.AddTermAsync("市长热线", admin, ct)).Succeeded);
        Assert.True((await Admin.RemoveTermAsync("记者", admin, ct)).Succeeded);

        var flagged = await _db.LoadAsync(await _db.RegisterAsync(await _db.StaffAsync("agent"), ValidIntake() with { Content = "再不解决我就打市长热线，还要找记者。" }));
        Assert.Equal("内容提及“市长热线”", flagged.PublicOpinion);
    }
}

public sealed class IntakeRulesAdminTestsOnSqlite() : IntakeRulesAdminTests(DatabaseProvider.Sqlite);

public sealed class IntakeRulesAdminTestsOnPostgres() : IntakeRulesAdminTests(DatabaseProvider.Postgres);
