using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Cases;
using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Tests.Domain.Cases;
using PowerService.Tests.Domain.Complaints;
using PowerService.Tests.Support;
using PowerService.Web.Features.Cases;
using PowerService.Web.Features.Shared;

namespace PowerService.Tests.Data.Cases;

/// <summary>
/// The library's search on both databases: words of any length (trigrams for three characters and
/// more, single characters below that), every word required, filters, relevance, quoting, and only
/// what is listed — a re-published case by its new words, a withdrawn one not at all.
/// </summary>
public abstract class CaseSearchTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private StaffUser _handler = null!;
    private Complaint _source = null!;
    private static readonly Actor Trainer = new("u-trainer", "培训师");
    private static readonly Actor Manager = new("u-manager", "审核人");
    private static readonly Workplace CompanyLevel = new("客户服务中心", CompanyLevel: true);

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        _handler = await _db.StaffAsync("handler");
        var agent = await _db.StaffAsync("agent");
        _source = await _db.LoadAsync(await Scenarios.ClosedAsync(_db.Complaints, _db.Time, agent, _handler));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CaseService Cases => _db.Services.GetRequiredService<CaseService>();

    /// <summary>Stores a listed case through the aggregate and the app's save path.</summary>
    private async Task<int> ListedAsync(string title, string background, string[] tags, int year = 2026, Action<TrainingCase>? then = null)
    {
        var content = TrainingCaseTests.Complete with { Title = title, Background = background, Tags = tags };
        var c = TrainingCase.Create(_source, content, Trainer, [StaffRole.Trainer], _db.Time.GetUtcNow(), year).Value!;
        Assert.True(c.Submit(Trainer, [StaffRole.Trainer], _db.Time.GetUtcNow()).Succeeded);
        Assert.True(c.Approve(Manager, [StaffRole.Manager], CompanyLevel, _db.Time.GetUtcNow()).Succeeded);
        then?.Invoke(c);
        await using var db = _db.NewContext();
        db.TrainingCases.Add(c);
        await db.SaveChangesAsync(Ct);
        return c.Id;
    }

    private async Task<IReadOnlyList<int>> FindAsync(string text, CaseQuery? filters = null) =>
        (await Cases.LibraryAsync((filters ?? new CaseQuery()) with { Text = text }, _handler, ct: Ct)).Cases.Select(c => c.Id).ToList();

    [Fact]
    public async Task Words_of_one_two_and_more_characters_are_found_and_every_word_must_match()
    {
        var outage = await ListedAsync("台风后线路跳闸停电", "台风过境后10kV城南线跳闸，小区停电六小时，客户冰箱食物变质。", ["停电"]);
        var bill = await ListedAsync("电费突增的解释", "客户反映电费比上月高出三倍，现场校验电表合格，为空调用电增加。", ["电费"]);

        Assert.Equal([outage], await FindAsync("跳闸"));          // two characters
        Assert.Equal([outage], await FindAsync("台"));            // one
        Assert.Equal([outage], await FindAsync("城南线"));        // three: trigrams
        Assert.Equal([bill], await FindAsync("校验电表"));
        Assert.Equal([bill], await FindAsync("电费 空调"));       // both words
        Assert.Empty(await FindAsync("空调 跳闸"));                // no case has both
        Assert.Equal([outage], await FindAsync("10kV 停电"));
        Assert.Equal([outage], await FindAsync("10KV"));          // letters in any case
        Assert.Empty(await FindAsync("地震"));
    }

    [Fact]
    public async Task The_case_with_more_of_the_word_comes_first()
    {
        var once = await ListedAsync("抢修到场慢", "夜间报修后抢修人员两小时才到达现场。", ["抢修"]);
        var often = await ListedAsync("抢修反复拖延", "抢修电话无人接听，抢修车辆迟到，抢修完成后未回访，客户再次投诉抢修质量。", ["抢修"]);

        Assert.Equal([often, once], await FindAsync("抢修"));
    }

    [Fact]
    public async Task Filters_narrow_the_words_and_a_tag_is_matched_whole()
    {
        var a = await ListedAsync("光伏并网电费结算", "分布式光伏并网后上网电费迟迟未结算。", ["光伏", "结算"], year: 2025);
        var b = await ListedAsync("光伏表计接线错误", "光伏表计接线错误导致发电量少计。", ["光伏"], year: 2026);

        Assert.Equal([a], await FindAsync("光伏", new CaseQuery(Year: 2025)));
        Assert.Equal([a], await FindAsync("", new CaseQuery(Tag: "结算")));
        Assert.Empty(await FindAsync("", new CaseQuery(Tag: "结")));
        Assert.Equal([b, a], await FindAsync("", new CaseQuery(Tag: "光伏")));   // no words: newest first
        Assert.Equal([a, b], (await FindAsync("光伏", new CaseQuery(Category: _source.Category))).Order());
        Assert.Empty(await FindAsync("光伏", new CaseQuery(Category: Category.Conduct)));
    }

    [Fact]
    public async Task Every_filter_applies_together_with_words_of_each_length()
    {
        var id = await ListedAsync("充电桩报装进度慢", "小区充电桩报装后三周未接电，客户多次催办。", ["充电桩", "报装"], year: 2026);
        var (sub, channel) = (_source.SubCategory, _source.Channel);
        CaseOutcome outcome;
        await using (var db = _db.NewContext()) outcome = (await db.TrainingCases.SingleAsync(c => c.Id == id, Ct)).Outcome;
        var otherChannel = Enum.GetValues<Channel>().First(c => c != channel);
        var otherOutcome = Enum.GetValues<CaseOutcome>().First(o => o != outcome);

        foreach (var words in (string[])["桩", "催办", "充电桩报装", "电 充电桩"])
        {
            Assert.Equal([id], await FindAsync(words, new CaseQuery(Category: _source.Category, SubCategory: sub, Channel: channel, Outcome: outcome, Tag: "报装", Year: 2026)));
            Assert.Empty(await FindAsync(words, new CaseQuery(SubCategory: sub + "X")));
            Assert.Empty(await FindAsync(words, new CaseQuery(Channel: otherChannel)));
            Assert.Empty(await FindAsync(words, new CaseQuery(Outcome: otherOutcome)));
            Assert.Empty(await FindAsync(words, new CaseQuery(Tag: "报")));     // a tag is matched whole
            Assert.Empty(await FindAsync(words, new CaseQuery(Year: 2025)));
        }
    }

    /// <summary>PostgreSQL's own path for searches matching more than it ranks: a fact of the PostgreSQL class only.</summary>
    protected async Task Newest_exact_matches_of_a_broad_search_come_from_pair_candidates()
    {
        var old = await ListedAsync("业扩报装超时（旧）", "业扩报装受理后超过时限未送电。", ["报装"]);
        var scattered = await ListedAsync("报装与业扩", "业扩工程与扩报流程分开，报装另行办理。", ["报装"]);   // every pair of 业扩报装, not the word
        var newer = await ListedAsync("业扩报装资料重复提交", "业扩报装要求客户重复提交资料，引发投诉。", ["报装"]);
        var otherYear = await ListedAsync("业扩报装（2025）", "业扩报装现场勘查延误。", ["报装"], year: 2025);
        await using var db = _db.NewContext();

        Assert.Equal([otherYear, newer, old], await CaseSearch.PostgresNewestAsync(db, ["业扩报装"], new CaseQuery(), 3, Ct));   // a page found among the candidates
        Assert.Equal([newer], await CaseSearch.PostgresNewestAsync(db, ["业扩报装", "资"], new CaseQuery(), 5, Ct));   // with a short word too
        Assert.Equal([newer], await CaseSearch.PostgresNewestAsync(db, ["业扩报装", "提交"], new CaseQuery(Year: 2026), 1, Ct));
        Assert.DoesNotContain(scattered, await CaseSearch.PostgresNewestAsync(db, ["业扩报装"], new CaseQuery(), 50, Ct));   // fewer than a page: the exact query
        Assert.DoesNotContain(scattered, await CaseSearch.PostgresNewestAsync(db, ["业扩报装"], new CaseQuery(), 1, Ct));
    }

    [Fact]
    public async Task Query_syntax_typed_by_a_person_is_searched_as_text()
    {
        var quoted = await ListedAsync("说明“先交电费再说”的错误", "工作人员说\"先交了电费再说\"，引发投诉；另有 100% 满意_回访 记录。", ["服务忌语"]);

        Assert.Equal([quoted], await FindAsync("\"先交了电费"));
        Assert.Equal([quoted], await FindAsync("100%"));
        Assert.Equal([quoted], await FindAsync("满意_回访"));
        Assert.Empty(await FindAsync("OR AND NOT"));
        Assert.Empty(await FindAsync("%%%")); // nothing to search for finds nothing, not everything
    }

    [Fact]
    public async Task Only_listed_cases_are_found_and_a_republished_case_by_its_new_words()
    {
        var revised = await ListedAsync("计量装置故障", "电表烧毁导致停电，更换电表后恢复。", ["计量"], then: c =>
        {
            Assert.True(c.Revise(Trainer, [StaffRole.Trainer], _db.Time.GetUtcNow()).Succeeded);
            Assert.True(c.Save(TrainingCaseTests.Complete with { Title = "计量装置故障", Background = "互感器老化引发计量偏差，更换互感器后恢复正常。" }, Trainer, [StaffRole.Trainer], _db.Time.GetUtcNow()).Succeeded);
            Assert.True(c.Submit(Trainer, [StaffRole.Trainer], _db.Time.GetUtcNow()).Succeeded);
            Assert.True(c.Approve(Manager, [StaffRole.Manager], CompanyLevel, _db.Time.GetUtcNow()).Succeeded);
        });
        var withdrawn = await ListedAsync("已撤回的案例", "该案例关于变压器噪音扰民。", ["噪音"], then: c =>
            Assert.True(c.Withdraw("内容过时，暂不使用", Manager, [StaffRole.Manager], CompanyLevel, _db.Time.GetUtcNow()).Succeeded));

        Assert.Equal([revised], await FindAsync("互感器"));
        Assert.Empty(await FindAsync("电表烧毁"));
        Assert.Empty(await FindAsync("噪音"));
        Assert.Empty(await FindAsync("变压器"));
        Assert.DoesNotContain(withdrawn, await FindAsync(""));
    }

    [Fact]
    public async Task Withdrawing_through_the_service_takes_the_case_out_of_the_index_in_the_same_save()
    {
        var id = await ListedAsync("线路改造通知不到位", "线路改造停电通知张贴位置不明显，客户未看到。", ["通知"]);
        Assert.Equal([id], await FindAsync("张贴"));
        var manager = await _db.StaffAsync("manager");
        await using (var db = _db.NewContext())
        {
            var revision = (await db.TrainingCases.SingleAsync(c => c.Id == id, Ct)).Revision;
            Assert.True((await Cases.WithdrawAsync(id, revision, "通知方式已改进", manager, Ct)).Succeeded);
        }

        Assert.Empty(await FindAsync("张贴"));
        Assert.Empty(await FindAsync("通知"));
    }

    [Fact]
    public async Task A_live_complaint_is_shown_the_published_cases_most_like_it_with_their_lessons()
    {
        var like = await ListedAsync("计划停电未通知致食物变质", "计划停电前客户没有收到停电通知，冰箱食物变质要求赔偿。", ["停电通知"]);
        await ListedAsync("停电检修公告", "检修公告张贴位置不明显。", ["公告"]);
        var withdrawn = await ListedAsync("停电未通知（旧）", "全天停电事先没有收到任何停电通知，冰箱食物变质。", ["停电通知"], then: c =>
            Assert.True(c.Withdraw("已被新案例替代", Manager, [StaffRole.Manager], CompanyLevel, _db.Time.GetUtcNow()).Succeeded));
        var live = await _db.LoadAsync(await Scenarios.DispatchedAsync(_db.Complaints, await _db.StaffAsync("agent"), _handler));

        var similar = await Cases.SimilarAsync(live, _handler, ct: Ct);

        Assert.Equal(like, similar[0].Id);
        Assert.DoesNotContain(similar, s => s.Id == withdrawn);
        Assert.Equal(TrainingCaseTests.Complete.LessonsWorked, similar[0].LessonsWorked);
        Assert.Empty(await Cases.SimilarAsync(_source, _handler, ct: Ct)); // a closed complaint is not shown any
    }

    [Fact]
    public async Task Results_carry_a_snippet_around_the_first_word_found()
    {
        await ListedAsync("营业厅排队", "客户在营业厅排队一小时未办理业务，工作人员态度冷淡。", ["营业厅"]);

        var result = await Cases.LibraryAsync(new CaseQuery("态度"), _handler, ct: Ct);

        Assert.Contains("工作人员态度冷淡", Assert.Single(result.Cases).Snippet);
        Assert.Equal(1, result.Total);
        Assert.Equal(["态度"], result.Terms);
    }
}

public sealed class CaseSearchTestsOnSqlite() : CaseSearchTests(DatabaseProvider.Sqlite);

public sealed class CaseSearchTestsOnPostgres() : CaseSearchTests(DatabaseProvider.Postgres)
{
    [Fact]
    public Task PostgreSQL_lists_the_newest_exact_matches_of_a_broad_search_from_pair_candidates() =>
        Newest_exact_matches_of_a_broad_search_come_from_pair_candidates();
}
