using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Sla;
using PowerService.Tests.Support;
using PowerService.Web.Features.Complaints;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Data.WorkOrders;

/// <summary>One customer through two channels: found while typing, merged in one action, on a real database.</summary>
public abstract class DuplicateTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static ComplaintIntake ViaApp(string phone = "13812348000") => ValidIntake() with { Channel = Channel.App, UpstreamReference = null, Phone = phone, AccountNumber = null };

    [Fact]
    public async Task Open_complaints_of_the_customer_are_found_by_phone_account_or_reference_whatever_the_channel()
    {
        var ct = TestContext.Current.CancellationToken;
        var agent = await _db.StaffAsync("agent");
        var hotline = await _db.RegisterAsync(agent, ValidIntake() with { Channel = Channel.Hotline95598, UpstreamReference = "GD-55501", Phone = "13600000001", AccountNumber = "3300999999" });
        var other = await _db.RegisterAsync(agent, ValidIntake() with { Phone = "13600000002", AccountNumber = null });
        var ended = await _db.RegisterAsync(agent, ValidIntake() with { Phone = "13600000001", AccountNumber = null });
        await _db.Complaints.ActAsync(ended, (await _db.LoadAsync(ended)).Revision, agent, null, (c, ctx) => c.Withdraw(new Withdrawal("客户表示已解决", "电话"), ctx), ct);

        var byPhone = await _db.Complaints.OpenDuplicatesAsync("13600000001", null, null, agent, ct: ct);
        var byAccount = await _db.Complaints.OpenDuplicatesAsync("13900000000", "3300999999", null, agent, ct: ct);
        var byReference = await _db.Complaints.OpenDuplicatesAsync(null, null, "GD-55501", agent, ct: ct);
        var all = await _db.Complaints.OpenDuplicatesAsync("13600000001", "3300999999", "GD-55501", agent, ct: ct);

        Assert.Equal([hotline], byPhone.Select(d => d.Number));
        Assert.Equal([hotline], byAccount.Select(d => d.Number));
        Assert.Equal([hotline], byReference.Select(d => d.Number));
        Assert.Equal("联系电话、户号、上级工单编号", Assert.Single(all).MatchedBy);
        Assert.Equal(Channel.Hotline95598, all[0].Channel);
        Assert.Empty(await _db.Complaints.OpenDuplicatesAsync("1360000", null, null, agent, ct: ct)); // too short to be anyone
        Assert.Empty(await _db.Complaints.OpenDuplicatesAsync("13600000001", null, null, await _db.StaffAsync("trainer"), ct: ct));
        Assert.Empty(await _db.Complaints.OpenDuplicatesAsync("13600000001", null, null, agent, except: hotline, ct: ct));
        _db.Time.Advance(TimeSpan.FromDays(31));
        Assert.Empty(await _db.Complaints.OpenDuplicatesAsync("13600000001", null, null, agent, ct: ct));
        Assert.NotEqual(other, hotline);
    }

    [Fact]
    public async Task Registering_and_merging_is_one_action_and_both_records_point_to_each_other()
    {
        var ct = TestContext.Current.CancellationToken;
        var agent = await _db.StaffAsync("agent");
        var main = await _db.RegisterAsync(agent, ViaApp());

        var (number, merge, registration) = await _db.Complaints.RegisterAndMergeAsync(
            ValidIntake() with { Channel = Channel.Regulator12398, UpstreamReference = "NEA2026112300001", Urgency = Urgency.Urgent }, Guid.NewGuid(), agent, main, ct);

        Assert.True(registration.Succeeded && merge!.Succeeded, string.Join("；", merge?.Result.Reasons ?? registration.Reasons));
        var (survivor, duplicate) = (await _db.LoadAsync(main), await _db.LoadAsync(number!));
        Assert.Equal((Stage.Merged, main), (duplicate.Stage, duplicate.MergedInto));
        Assert.Equal([number!], survivor.MergedFrom);
        Assert.Equal((Urgency.Urgent, EscalationLevel.Company), (survivor.Urgency, survivor.Escalation)); // 12398 + a repeat: company level
        Assert.Contains($"{number}（12398能源监管热线，上级工单 NEA2026112300001）并入本投诉", survivor.Timeline[^1].Summary);
    }

    [Fact]
    public async Task A_main_complaint_that_ended_meanwhile_leaves_the_new_one_registered_and_says_why()
    {
        var ct = TestContext.Current.CancellationToken;
        var agent = await _db.StaffAsync("agent");
        var main = await _db.RegisterAsync(agent, ViaApp());
        // The manager records the customer's withdrawal while this agent is typing.
        var withdrawn = await _db.Complaints.ActAsync(main, (await _db.LoadAsync(main)).Revision, await _db.StaffAsync("manager"), null,
            (c, ctx) => c.Withdraw(new Withdrawal("客户来电撤诉", "电话录音"), ctx), ct);
        Assert.True(withdrawn.Succeeded);

        var (number, merge, _) = await _db.Complaints.RegisterAndMergeAsync(ViaApp() with { Channel = Channel.WeChat }, Guid.NewGuid(), agent, main, ct);

        Assert.NotNull(number);
        Assert.Equal($"投诉 {main} 当前为“已撤诉”，不能并入", Assert.Single(merge!.Result.Errors).Message);
        Assert.Equal(Stage.Intake, (await _db.LoadAsync(number!)).Stage);
        Assert.Empty((await _db.LoadAsync(main)).MergedFrom);
    }

    [Fact]
    public async Task Two_people_merging_the_same_duplicate_at_once_merge_it_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var agent = await _db.StaffAsync("agent");
        var manager = await _db.StaffAsync("manager");
        var first = await _db.RegisterAsync(agent, ViaApp());
        var second = await _db.RegisterAsync(agent, ViaApp() with { Channel = Channel.WeChat });
        var duplicate = await _db.RegisterAsync(agent, ViaApp() with { Channel = Channel.Phone });
        var seen = (await _db.LoadAsync(duplicate)).Revision;
        await using var other = _db.OpenAnotherInstance();

        var outcomes = await Task.WhenAll(
            _db.Complaints.MergeAsync(duplicate, seen, agent, new MergeRequest(first, "同一客户重复"), null, ct),
            other.GetRequiredService<ComplaintService>().MergeAsync(duplicate, seen, manager, new MergeRequest(second, "同一客户重复"), null, ct));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.True(outcomes.Single(o => !o.Succeeded).Conflict);
        var into = (await _db.LoadAsync(duplicate)).MergedInto;
        Assert.Equal([duplicate], (await _db.LoadAsync(into!)).MergedFrom);
        Assert.Empty((await _db.LoadAsync(into == first ? second : first)).MergedFrom);
    }

    [Fact]
    public async Task A_merge_racing_a_step_on_the_main_complaint_stores_nothing_of_the_loser()
    {
        var ct = TestContext.Current.CancellationToken;
        var agent = await _db.StaffAsync("agent");
        var manager = await _db.StaffAsync("manager");
        var handler = await _db.StaffAsync("handler");
        var main = await _db.RegisterAsync(agent, ViaApp());
        var duplicate = await _db.RegisterAsync(agent, ViaApp() with { Channel = Channel.WeChat, Urgency = Urgency.Urgent });
        var (mainSeen, duplicateSeen) = ((await _db.LoadAsync(main)).Revision, (await _db.LoadAsync(duplicate)).Revision);
        await using var other = _db.OpenAnotherInstance();

        var outcomes = await Task.WhenAll(
            _db.Complaints.MergeAsync(duplicate, duplicateSeen, agent, new MergeRequest(main, "同一客户重复"), null, ct),
            other.GetRequiredService<ComplaintService>().ActAsync(main, mainSeen, manager, null, (c, ctx) => c.Dispatch(new DispatchOrder(handler.Actor, "城区供电所"), ctx), ct));

        var (m, d) = (await _db.LoadAsync(main), await _db.LoadAsync(duplicate));
        Assert.True(outcomes[1].Succeeded || outcomes[0].Succeeded);
        if (outcomes[0].Succeeded) Assert.Equal((duplicate, Stage.Merged, Urgency.Urgent), (string.Join(",", m.MergedFrom), d.Stage, m.Urgency));
        else Assert.Equal((0, Stage.Intake), (m.MergedFrom.Count, d.Stage));
        if (outcomes[1].Succeeded) Assert.Equal("李强", m.Owner.DisplayName);
        Assert.Equal(m.Timeline.Count, m.Timeline.Select(e => e.Sequence).Distinct().Count());
        Assert.Null(m.FirstTamperedEvent);
    }
}

public sealed class DuplicateTestsOnSqlite() : DuplicateTests(DatabaseProvider.Sqlite);

public sealed class DuplicateTestsOnPostgres() : DuplicateTests(DatabaseProvider.Postgres);
