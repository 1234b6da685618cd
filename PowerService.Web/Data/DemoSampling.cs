using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Domain.Sampling;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;
using PowerService.Web.Features.Sampling;

namespace PowerService.Web.Data;

/// <summary>
/// The demo's sampled revisits, made as the managers would have: the last three weeks' team samples, the
/// last two months' department samples and the last quarter's third-party survey, drawn by the app's own
/// rule; every batch but the latest week's re-contacted (赵敏 for the company and the outside party, 吴刚 for
/// 运维检修部) a few working days after its period, with a few customers not reached, a few problems found
/// and most of the older ones confirmed fixed. Deterministic (a fixed seed); runs once.
/// </summary>
public static class DemoSampling
{
    private static readonly string[] Notes =
    [
        "客户表示问题已解决，对处理结果认可。", "客户称抢修人员到场及时，态度好。", "客户对电费解释表示理解，已无异议。",
        "客户反映处理过程中沟通及时。", "客户表示复电后供电正常。", "客户建议今后停电通知提前发送。",
    ];

    private static readonly (string Problem, string Owner)[] Problems =
    [
        ("客户反映同一线路本月又停电一次，需排查线路隐患", "周杰"),
        ("电表更换后客户未收到校验报告，需补送并解释", "孙丽"),
        ("回访时客户称答复的复电时间与实际不符，需核实告知流程", "李强"),
        ("客户称减免电费尚未到账，需跟进财务处理", "孙丽"),
    ];

    public static async Task EnsureAsync(AppDbContext db, DateTimeOffset now)
    {
        if (await db.SampleBatches.AnyAsync()) return;
        var random = new Random(2026);
        var (zhao, wu) = (await ActorAsync(db, "manager"), await ActorAsync(db, "manager2"));
        var company = new Workplace(DemoData.CompanyLevelDepartment, CompanyLevel: true);
        var departments = await db.Departments.OrderBy(d => d.Id).Select(d => d.Name).ToListAsync();
        var weeks = SamplingPeriod.RecentEnded(SamplingLevel.TeamWeekly, now, 3);
        SamplingPeriod[] periods = [.. weeks, .. SamplingPeriod.RecentEnded(SamplingLevel.DepartmentMonthly, now, 2), SamplingPeriod.LastEnded(SamplingLevel.ThirdPartyQuarterly, now)];

        var batches = new List<SampleBatch>();
        foreach (var period in periods)
            foreach (var unit in period.Level == SamplingLevel.ThirdPartyQuarterly ? [""] : departments)
            {
                var population = await SamplingService.PopulationAsync(db, period, unit, default);
                var drawnAt = period.To.AddHours(1); // the job, an hour after the period ended
                batches.Add(SampleBatch.Draw(period, unit, population, StaffRoles.SystemActor, [StaffRole.System], null, drawnAt).Value!);
            }

        foreach (var batch in batches.Where(b => b.Period != weeks[0].Slug || b.Level != SamplingLevel.TeamWeekly))
            foreach (var item in batch.Items)
            {
                var at = batch.SamplingPeriod.To.AddDays(2 + random.Next(4)).AddHours(9 + random.Next(8)); // 09:00–17:00 China time, a few days after
                if (at >= now) continue;
                var (by, workplace) = item.Department == "运维检修部" && item.Level != SamplingLevel.ThirdPartyQuarterly ? (wu, new Workplace("运维检修部")) : (zhao, company);
                if (!item.Record(Result(random, at), by, [StaffRole.Manager], workplace, at).Succeeded) throw new InvalidOperationException($"demo sampling of {item.ComplaintNumber} refused");
                var fixedAt = at.AddDays(5 + random.Next(10));
                if (item.FollowUp is not null && fixedAt < now && random.NextDouble() < 0.75)
                    item.ConfirmFixed("已现场核实并电话告知客户，整改完成。", by, [StaffRole.Manager], workplace, fixedAt);
            }
        db.SampleBatches.AddRange(batches);
        await db.SaveChangesAsync();
    }

    /// <summary>About 8 % not reached; of the reached, most satisfied and resolved, a few with a problem found.</summary>
    private static SampleResultInput Result(Random random, DateTimeOffset at)
    {
        var method = random.NextDouble() < 0.9 ? RevisitMethod.Phone : RevisitMethod.Visit;
        if (random.NextDouble() < 0.08) return new(method, false, null, null, "连续两次电话未接通，已发送短信。", false, null, null, null);
        var roll = random.NextDouble();
        var satisfaction = roll < 0.8 ? Satisfaction.Satisfied : roll < 0.94 ? Satisfaction.FairlySatisfied : Satisfaction.Dissatisfied;
        // A satisfied customer's problem is solved; a fairly satisfied one's now and then is not quite; a dissatisfied one's is not.
        var resolved = satisfaction switch { Satisfaction.Satisfied => true, Satisfaction.FairlySatisfied => random.NextDouble() < 0.8, _ => false };
        var problem = satisfaction == Satisfaction.Dissatisfied || !resolved || random.NextDouble() < 0.04;
        var (text, owner) = Problems[random.Next(Problems.Length)];
        return new(method, true, satisfaction, resolved, Notes[random.Next(Notes.Length)], problem,
            problem ? text : null, problem ? owner : null, problem ? at.ChinaDate().AddDays(14) : null);
    }

    private static async Task<Actor> ActorAsync(AppDbContext db, string userName)
    {
        var account = DemoData.Accounts.Single(a => a.UserName == userName);
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return new Actor(id, account.DisplayName);
    }
}
