using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Complaints;
using PowerService.Domain.Sla;
using PowerService.Domain.Staff;
using PowerService.Tests.Support;
using PowerService.Web.Data;
using PowerService.Web.Features.Sla;
using PowerService.Web.Features.WorkOrders;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Data.WorkOrders;

/// <summary>Work orders from other systems registered as complaints, on a real database: idempotent, whole or nothing, dispatched and flagged.</summary>
public abstract class WorkOrderServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private static readonly WorkOrderSource Api = new("接口：12345 转办", new Actor("api:12345", "12345 平台接口"), [StaffRole.IntakeAgent], "客户服务中心");

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private WorkOrderService Service => _db.Services.GetRequiredService<WorkOrderService>();

    private static ComplaintIntake Order(string reference, string phone = "13812348000") => ValidIntake() with
    {
        Channel = Channel.Government12345, UpstreamReference = reference, Phone = phone, AccountNumber = null,
    };

    [Fact]
    public async Task A_batch_creates_each_valid_order_once_and_refuses_the_rest_with_their_fields()
    {
        var ct = TestContext.Current.CancellationToken;
        ComplaintIntake[] batch = [Order("ZW-0001", "13900000001"), Order("ZW-0001", "13900000001"), Order("ZW-0002", "138"), Order(" ", "13900000003"), Order("ZW-0003", "13900000004")];

        var first = await Service.RegisterManyAsync(batch, Api, ct);
        var again = await Service.RegisterManyAsync(batch, Api, ct);

        Assert.Equal([true, false, false, false, true], first.Select(o => o.Created));
        Assert.Equal(first[0].Number, first[1].Number); // the same reference twice in one batch
        Assert.Equal(["Phone"], first[2].Errors.Select(e => e.Field));
        Assert.Equal(["UpstreamReference"], first[3].Errors.Select(e => e.Field));
        Assert.Equal([first[0].Number, first[0].Number, null, null, first[4].Number], again.Select(o => o.Number));
        Assert.All(again, o => Assert.False(o.Created));
        await using var db = _db.NewContext();
        Assert.Equal(2, await db.Complaints.CountAsync(ct));
        Assert.Equal(["接口：12345 转办", "接口：12345 转办"], await db.WorkOrderReceipts.Select(r => r.Via).ToListAsync(ct));
    }

    [Fact]
    public async Task A_work_order_an_agent_already_typed_by_hand_is_answered_with_that_complaint()
    {
        var ct = TestContext.Current.CancellationToken;
        var typed = await _db.RegisterAsync(await _db.StaffAsync("agent"), Order("ZW-4242"));

        var sent = await Service.RegisterAsync(Order("ZW-4242"), Api, ct);
        var otherChannel = await Service.RegisterAsync(Order("ZW-4242") with { Channel = Channel.Regulator12398 }, Api, ct);

        Assert.Equal((typed, false), (sent.Number, sent.Created));
        Assert.True(otherChannel.Created);
        await using var db = _db.NewContext();
        Assert.Equal(2, await db.Complaints.CountAsync(c => c.UpstreamReference == "ZW-4242", ct));
    }

    [Fact]
    public async Task The_same_reference_from_another_channel_is_another_work_order()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await Service.RegisterAsync(Order("REF-77"), Api, ct);
        var b = await Service.RegisterAsync(Order("REF-77") with { Channel = Channel.Regulator12398 }, Api, ct);
        Assert.True(a.Created && b.Created);
        Assert.NotEqual(a.Number, b.Number);
    }

    [Fact]
    public async Task A_work_order_is_dispatched_by_the_rule_to_the_skilled_handler_with_the_fewest_open_complaints()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var db = _db.NewContext())
        {
            db.DispatchRules.Add(new DispatchRuleRecord { Name = "停电类", Category = Category.Supply, Department = "城区供电所", Skill = "停电", UpdatedBy = "管理员" });
            var handler = await db.Users.SingleAsync(u => u.UserName == "handler", ct);
            db.StaffSkills.Add(new StaffSkill { UserId = handler.Id, Skill = "停电" });
            await db.SaveChangesAsync(ct);
        }

        var outcome = await Service.RegisterAsync(Order("ZW-0100"), Api, ct);
        var typed = await _db.RegisterAsync(await _db.StaffAsync("agent")); // the rule does not say typed intakes

        var c = await _db.LoadAsync(outcome.Number!);
        Assert.Equal((Stage.Investigate, "李强", "城区供电所"), (c.Stage, c.Owner.DisplayName, c.Department));
        var dispatch = c.Timeline.Single(e => e.Trigger == LoopTrigger.Dispatch);
        Assert.Equal("系统", dispatch.ActorName);
        Assert.Equal("派至城区供电所，处理人：李强（按派单规则“停电类”自动派单，技能“停电”，在办 0 件最少）", dispatch.Summary);
        Assert.Equal(Stage.Intake, (await _db.LoadAsync(typed)).Stage);
    }

    [Fact]
    public async Task A_work_order_mentioning_the_press_is_urgent_at_company_level_and_managers_are_told_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var outcome = await Service.RegisterAsync(Order("ZW-0200") with { Content = "停电两天无人理睬，我已经联系了电视台记者准备曝光。" }, Api, ct);

        var c = await _db.LoadAsync(outcome.Number!);
        Assert.Equal((Urgency.Urgent, EscalationLevel.Company), (c.Urgency, c.Escalation));
        var manager = await _db.StaffAsync("manager");
        var told = await _db.Services.GetRequiredService<NotificationService>().RecentAsync(manager, ct: ct);
        var alert = Assert.Single(told);
        Assert.Equal((c.Number, "舆情风险：内容提及“电视台”“记者”“曝光”", EscalationLevel.Company), (alert.Number, alert.Reason, alert.EscalatedTo));
        Assert.Empty(await _db.Services.GetRequiredService<NotificationService>().RecentAsync(await _db.StaffAsync("handler3"), ct: ct));
    }

    [Fact]
    public async Task A_typed_intake_is_flagged_too()
    {
        var number = await _db.RegisterAsync(await _db.StaffAsync("agent"), ValidIntake() with { Content = "抢修人员态度恶劣，我要发到微博上让大家评评理。" });

        var c = await _db.LoadAsync(number);
        Assert.Equal("内容提及“微博”", c.PublicOpinion);
        Assert.Equal(EscalationLevel.Company, c.Escalation);
        await using var db = _db.NewContext();
        Assert.Equal(OpinionAlerts.NoClock, (await db.SlaAlerts.SingleAsync(TestContext.Current.CancellationToken)).ClockId);
    }

    [Fact]
    public async Task A_customer_with_an_earlier_complaint_makes_the_work_order_a_repeat_even_within_one_batch()
    {
        var ct = TestContext.Current.CancellationToken;
        var earlier = await _db.RegisterAsync(await _db.StaffAsync("agent"), ValidIntake() with { Phone = "13700000001", AccountNumber = null });
        var batch = await Service.RegisterManyAsync([Order("ZW-0300", "13700000001"), Order("ZW-0301", "13700000002"), Order("ZW-0302", "13700000002")], Api, ct);

        Assert.Contains($"前次 {earlier}", (await _db.LoadAsync(batch[0].Number!)).Timeline[1].Summary);
        Assert.DoesNotContain((await _db.LoadAsync(batch[1].Number!)).Timeline, e => e.Summary.Contains("重复投诉"));
        Assert.Contains($"前次 {batch[1].Number}", (await _db.LoadAsync(batch[2].Number!)).Timeline[1].Summary);
    }

    [Fact]
    public async Task A_batch_whose_save_fails_stores_nothing_and_each_order_is_tried_on_its_own()
    {
        var ct = TestContext.Current.CancellationToken;
        // The database refuses one receipt: the last rows a batch writes, after its complaints, timelines and measures.
        await using (var db = _db.NewContext())
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite
                ? """CREATE TRIGGER refuse_bad BEFORE INSERT ON "WorkOrderReceipts" WHEN NEW."UpstreamReference" = 'ZW-BAD' BEGIN SELECT RAISE(ABORT, 'refused'); END;"""
                : """
                  CREATE FUNCTION refuse_bad() RETURNS trigger AS $$ BEGIN IF NEW."UpstreamReference" = 'ZW-BAD' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
                  CREATE TRIGGER refuse_bad BEFORE INSERT ON "WorkOrderReceipts" FOR EACH ROW EXECUTE FUNCTION refuse_bad();
                  """, ct);

        var outcomes = await Service.RegisterManyAsync([Order("ZW-0501", "13900000051"), Order("ZW-BAD", "13900000052"), Order("ZW-0503", "13900000053")], Api, ct);

        Assert.Equal([true, false, true], outcomes.Select(o => o.Created));
        Assert.StartsWith("保存失败，数据未写入", Assert.Single(outcomes[1].Errors).Message);
        // The failed batch took no numbers and left no rows: the two stored orders have the day's first two numbers, one row each.
        Assert.Equal([1, 2], outcomes.Where(o => o.Created).Select(o => ComplaintNumber.SequenceOf(o.Number!)));
        await using var check = _db.NewContext();
        Assert.Equal(2, await check.Complaints.CountAsync(ct));
        Assert.Equal(2, await check.WorkOrderReceipts.CountAsync(ct));
        Assert.Equal(2, await check.ComplaintMeasures.CountAsync(ct));
        Assert.Equal(2, await check.TimelineEvents.Select(e => EF.Property<int>(e, "ComplaintId")).Distinct().CountAsync(ct));
        Assert.Equal(2, (await check.ComplaintNumberDays.SingleAsync(ct)).Last);
    }

    [Fact]
    public async Task A_stored_work_order_reads_back_as_registered_with_its_seals_queue_key_phone_tail_and_measures()
    {
        var ct = TestContext.Current.CancellationToken;
        var outcome = await Service.RegisterAsync(Order("ZW-0600", "13912345678") with { Content = "停电两天无人理睬，我已经联系了电视台记者准备曝光。" }, Api, ct);

        var c = await _db.LoadAsync(outcome.Number!);
        Assert.Null(TimelineSeal.FirstBroken(c.Timeline));
        Assert.Equal(QueueOrder.KeyOf(c.Stage, c.Urgency, c.NextDueAt, c.Number), c.QueueKey);
        Assert.NotEmpty(c.Clocks);
        await using var db = _db.NewContext();
        Assert.Equal("5678", await db.Complaints.Select(x => EF.Property<string>(x, ComplaintIndexes.PhoneTail)).SingleAsync(ct));
        var measure = await db.ComplaintMeasures.SingleAsync(ct);
        Assert.Equal((c.Id, c.Category, c.Channel), (measure.ComplaintId, measure.Category, measure.Channel));
        var receipt = await db.WorkOrderReceipts.SingleAsync(ct);
        Assert.Equal((c.Id, c.Number, "ZW-0600"), (receipt.ComplaintId, receipt.Number, receipt.UpstreamReference));
        Assert.Equal(c.Id, (await db.SlaAlerts.SingleAsync(ct)).ComplaintId);
    }

    [Fact]
    public async Task Two_instances_sent_the_same_work_order_at_once_create_one_complaint()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var other = _db.OpenAnotherInstance();
        var otherService = other.GetRequiredService<WorkOrderService>();

        var results = await Task.WhenAll(Service.RegisterAsync(Order("ZW-0400"), Api, ct), otherService.RegisterAsync(Order("ZW-0400"), Api, ct));

        Assert.Single(results, r => r.Created);
        Assert.Equal(results[0].Number, results[1].Number);
        await using var db = _db.NewContext();
        Assert.Equal(1, await db.Complaints.CountAsync(ct));
    }
}

public sealed class WorkOrderServiceTestsOnSqlite() : WorkOrderServiceTests(DatabaseProvider.Sqlite);

public sealed class WorkOrderServiceTestsOnPostgres() : WorkOrderServiceTests(DatabaseProvider.Postgres);
