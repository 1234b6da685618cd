using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Cases;
using PowerService.Domain.Complaints;
using PowerService.Domain.Drills;
using PowerService.Domain.Staff;

namespace PowerService.Web.Data;

/// <summary>
/// The demo's training material, made the way a trainer and a manager would: a few published cases
/// from the demo's closed complaints (through the de-identifier, with lessons written for each kind of
/// problem), a scenario card from two of them, and a quiz on the service rules. Runs once.
/// </summary>
public static class DemoTraining
{
    private static readonly Dictionary<Category, (string Worked, string Failed, string Tag)> Lessons = new()
    {
        [Category.Supply] = ("第一时间致歉并说明停电原因和预计复电时间，上门核实损失后按规定补偿。", "停电通知只靠短信，号码变更后无人核实；首次答复没有给出复电时间。", "停电通知"),
        [Category.Billing] = ("调出近一年用电明细逐月解释，主动提出免费校验电表，客户当场认可。", "首次答复只说“电表没问题”，没有给出依据，客户情绪升级后投诉到监管热线。", "电费解释"),
        [Category.Repair] = ("抢修到场前每半小时电话告知进度，修复后当晚回访确认。", "报修后两小时无人联系，客户多次来电才得知抢修车辆另有任务。", "抢修进度"),
        [Category.Conduct] = ("当面道歉并复述客户诉求，给出明确的处理时限和联系人。", "工作人员使用“这不是我负责的”等忌语，推诿导致客户升级投诉。", "服务用语"),
        [Category.Other] = ("联合物业现场测量噪音，给出整改时间表并按期回访。", "第一次答复称“设备正常无需处理”，没有现场测量。", "现场核实"),
    };

    public static async Task EnsureAsync(AppDbContext db, DateTimeOffset now)
    {
        if (await db.TrainingCases.AnyAsync() || await db.ScenarioCards.AnyAsync()) return;
        var closed = await db.Complaints.AsNoTracking().Include(c => c.Timeline).Where(c => c.Stage == Stage.Closed && c.AnonymisedAt == null)
            .OrderByDescending(c => c.ClosedAt).Take(400).ToListAsync();
        var sources = closed.GroupBy(c => c.Category).SelectMany(g => g.Take(2)).ToList();
        if (sources.Count == 0) return;
        var staff = DemoData.Accounts.ToDictionary(a => a.DisplayName, a => Features.Cases.CaseDrafts.RoleWord([a.Role]));
        var trainer = await ActorAsync(db, "trainer");
        var manager = await ActorAsync(db, "manager");
        var company = new Workplace(DemoData.CompanyLevelDepartment, CompanyLevel: true);
        var cases = new List<TrainingCase>();
        foreach (var source in sources)
        {
            var draft = CaseDraft.From(source, staff);
            var (worked, failed, tag) = Lessons[source.Category];
            var content = draft.Content with
            {
                Title = $"{source.SubCategory}：{(source.ReopenCount > 0 ? "回访不满意后的二次处理" : "一次解决的处理要点")}",
                LessonsWorked = worked,
                LessonsFailed = failed + (draft.Content.LessonsFailed.Length > 0 ? "\n" + draft.Content.LessonsFailed : ""),
                Tags = [.. draft.Content.Tags, tag],
            };
            var created = TrainingCase.Create(source, content, trainer, [StaffRole.Trainer], now, PowerService.Domain.Time.ChinaTime.ChinaDate(source.ReceivedAt).Year, draft.Replaced).Value!;
            created.Submit(trainer, [StaffRole.Trainer], now);
            created.Approve(manager, [StaffRole.Manager], company, now);
            cases.Add(created);
        }
        db.TrainingCases.AddRange(cases);
        await db.SaveChangesAsync();

        foreach (var (c, words) in cases.Where(c => c.Category is Category.Supply or Category.Billing).GroupBy(c => c.Category).Select(g => g.First())
                     .Select(c => (c, c.Category == Category.Supply ? "你们停电也不通知一声，我家冰箱里的东西全坏了，谁来赔？" : "我家这个月电费比上个月翻了三倍，你们电表肯定有问题！")))
        {
            var published = c.Published!.Content;
            db.ScenarioCards.Add(ScenarioCard.Create(new CardContent(published.Title, published.Background, words, Features.Drills.DrillService.DefaultChecklist),
                c.Id, trainer, [StaffRole.Trainer], now).Value!);
        }
        db.Quizzes.Add(Quiz.Create("投诉处理服务规范测验",
        [
            new("以下哪些属于服务忌语？", ["规定就是这样", "请您稍候，我们马上为您办理", "你自己看合同", "这不是我负责的"], [0, 2, 3], "三句都是课程点名的最差忌语，应改为解释依据、解读条款、帮客户联系负责部门。"),
            new("投诉回访率的考核要求是多少？", ["80%", "95%", "100%"], [2], "回访率必须达到 100%，否则不合格。"),
            new("客户满意度低于多少为不合格？", ["75%", "85%", "90%"], [1], "满意度低于 85% 不合格，达到 95% 给予奖励。"),
            new("首问负责制是指？", ["第一个接待客户的人负责跟踪到底", "由部门负责人统一负责", "谁处理谁负责"], [0], "首问责任人可以派单，但不能甩手。"),
            new("客户来电报修，正确的说法是？", ["等着吧", "您好，请您稍候，我们将立即派人前去修复", "我们管不着"], [1], "见服务用语表第 25 条。"),
        ], publish: true, trainer, [StaffRole.Trainer], now).Value!);
        await db.SaveChangesAsync();
    }

    private static async Task<Actor> ActorAsync(AppDbContext db, string userName)
    {
        var account = DemoData.Accounts.Single(a => a.UserName == userName);
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return new Actor(id, account.DisplayName);
    }
}
