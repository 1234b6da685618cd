using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PowerService.Domain.Documents;
using PowerService.Web.Features.Documents;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Sla;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;

namespace PowerService.Web.Data;

/// <summary>The demo accounts listed in README; all share <see cref="DemoData.Password"/>.</summary>
public sealed record DemoAccount(string UserName, string DisplayName, StaffRole Role, string Department);

/// <summary>
/// Fills an empty database with departments, roles, demo accounts and about 200 realistic
/// complaints. Complaints are carried through the loop by the aggregate's own methods, so every
/// demo timeline is one the product could have written. Runs on first start only.
/// </summary>
public sealed class DemoData(AppDbContext db, UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, TimeProvider time,
    DocumentRenderer renderer, IOptions<DocumentOptions> documentOptions)
{
    public const string Password = "Demo@2026";

    /// <summary>The customer service centre runs complaint management for the whole company: its managers are company-level.</summary>
    public const string CompanyLevelDepartment = "客户服务中心";

    public static readonly string[] Departments = ["客户服务中心", "城区供电所", "郊区供电所", "营销部（计量）", "运维检修部"];

    public static readonly DemoAccount[] Accounts =
    [
        new("agent", "王芳", StaffRole.IntakeAgent, "客户服务中心"),
        new("agent2", "刘洋", StaffRole.IntakeAgent, "客户服务中心"),
        new("handler", "李强", StaffRole.Handler, "城区供电所"),
        new("handler2", "孙丽", StaffRole.Handler, "营销部（计量）"),
        new("handler3", "周杰", StaffRole.Handler, "运维检修部"),
        new("manager", "赵敏", StaffRole.Manager, "客户服务中心"),
        new("manager2", "吴刚", StaffRole.Manager, "运维检修部"),
        new("trainer", "陈静", StaffRole.Trainer, "培训中心"),
        new("admin", "系统管理员", StaffRole.Admin, "信息中心"),
        new("auditor", "郑凯", StaffRole.Auditor, "法律合规部"),
    ];

    /// <summary>Departments, roles, the shipped calendar years and the default SLA policy: what every installation needs.</summary>
    public async Task EnsureReferenceDataAsync()
    {
        await EnsureCalendarsAndPolicyAsync();
        foreach (var name in Departments.Where(n => !db.Departments.Any(d => d.Name == n)))
            db.Departments.Add(new Department { Name = name, IsCompanyLevel = name == CompanyLevelDepartment });
        await db.SaveChangesAsync();
        foreach (var role in StaffRoles.People.Select(r => r.ToString()))
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }

    /// <summary>The calendars shipped in Data/Calendars (2025, 2026) and the default policy, when none are stored yet.</summary>
    private async Task EnsureCalendarsAndPolicyAsync()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Data", "Calendars");
        var stored = await db.CalendarYears.Select(y => y.Year).ToListAsync();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json") : [])
        {
            var (year, errors) = CalendarFormats.FromJson(await File.ReadAllTextAsync(file));
            if (year is null) throw new InvalidOperationException($"Shipped calendar {file} is invalid: {string.Join("; ", errors.Select(e => e.Message))}");
            if (!stored.Contains(year.Year))
                db.CalendarYears.Add(new CalendarYearRecord { Year = year.Year, Days = [.. year.Days], UpdatedAt = time.GetUtcNow(), UpdatedBy = "系统（内置）" });
        }
        if (!await db.SlaRules.AnyAsync()) db.SlaRules.AddRange(SlaPolicy.Default.Rules.Select(SlaRuleRecord.From));
        await db.SaveChangesAsync();
    }

    public async Task EnsureAccountsAsync()
    {
        foreach (var account in Accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not null) continue;
            var user = new ApplicationUser { UserName = account.UserName, DisplayName = account.DisplayName, Department = account.Department, EmailConfirmed = true };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, account.Role.ToString()));
        }
    }

    /// <summary>
    /// A database that once ran with demo data may still hold accounts with the published password:
    /// in Production they are disabled at start-up (they stay, as names on timelines), and logged.
    /// </summary>
    public async Task DisablePublishedAccountsAsync()
    {
        foreach (var account in Accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not { IsDisabled: false } user || !await users.CheckPasswordAsync(user, Password)) continue;
            user.IsDisabled = true;
            Check(await users.UpdateAsync(user));
            Check(await users.UpdateSecurityStampAsync(user));
        }
    }

    public async Task EnsureComplaintsAsync(int count = 200)
    {
        if (await db.Complaints.AnyAsync()) return;
        var staff = await db.Users.ToDictionaryAsync(u => u.UserName!, u => new Actor(u.Id, u.DisplayName));
        var calendar = new WorkingCalendar((await db.CalendarYears.AsNoTracking().ToListAsync()).Select(y => y.ToYear()));
        var schedule = new SlaSchedule(SlaPolicy.Default, calendar, BusinessHours.Default, ClockThresholds.Default);
        var settings = new DocumentSettings(documentOptions.Value.IssuingUnit, documentOptions.Value.RegulatorOffice);
        var generator = new DemoComplaints(new Random(2026), time.GetUtcNow(), staff, schedule, renderer.Problem is null ? renderer : null, settings);
        var complaints = generator.Create(count).ToList();
        db.Complaints.AddRange(complaints);
        await db.SaveChangesAsync();
        // The issued replies' bytes, now that the complaints have ids.
        db.IssuedDocumentFiles.AddRange(generator.IssuedFiles.Select(f => { f.File.ComplaintId = f.Complaint.Id; return f.File; }));
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}

/// <summary>Generates the demo complaints: shares by category and channel follow domain.md §3.</summary>
internal sealed class DemoComplaints(Random random, DateTimeOffset now, IReadOnlyDictionary<string, Actor> staff, SlaSchedule schedule,
    DocumentRenderer? renderer, DocumentSettings settings)
{
    /// <summary>
    /// The moment the complaints are generated at: each is registered some time before it and carried
    /// through the steps that would have happened by then. Settable so that one generator, with one set
    /// of daily number sequences, can fill day after day (the scale database builder of issue 9).
    /// </summary>
    public DateTimeOffset Now { get; set; } = now;

    /// <summary>Replies issued while generating, to be stored once the complaints have their ids.</summary>
    public List<(Complaint Complaint, IssuedDocumentFile File)> IssuedFiles { get; } = [];

    /// <summary>A step by a demo account, in its own role and department, as the app would take it.</summary>
    private StepContext As(Actor who, DateTimeOffset at, string? note = null)
    {
        var account = DemoData.Accounts.Single(a => staff[a.UserName] == who);
        return new(who, [account.Role], at, note, schedule, new Workplace(account.Department, account.Department == DemoData.CompanyLevelDepartment));
    }

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    private static readonly string[] GivenNames = ["建国", "秀英", "伟", "芳", "敏", "静", "丽娟", "强", "磊", "军", "洋", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "桂英", "志强", "海燕", "红梅"];
    private static readonly string[] Districts = ["西湖区文三路", "拱墅区莫干山路", "上城区解放路", "滨江区江南大道", "萧山区人民路", "余杭区临平大道", "临安区锦城街道", "富阳区富春街道"];

    private static readonly (Category Category, int Weight)[] CategoryShares =
        [(Category.Billing, 42), (Category.Supply, 28), (Category.Repair, 15), (Category.Conduct, 11), (Category.Other, 4)];

    private static readonly (Channel Channel, int Weight)[] ChannelShares =
        [(Channel.Hotline95598, 50), (Channel.Regulator12398, 8), (Channel.Government12345, 10), (Channel.ServiceHall, 10),
         (Channel.Phone, 7), (Channel.App, 8), (Channel.WeChat, 5), (Channel.Media, 2)];

    private static readonly (Stage Stage, int Weight)[] StageShares =
        [(Stage.Intake, 10), (Stage.Investigate, 20), (Stage.Resolve, 18), (Stage.Revisit, 20), (Stage.Improve, 8),
         (Stage.Closed, 18), (Stage.Merged, 2), (Stage.Withdrawn, 2), (Stage.Reclassified, 2)];

    private readonly Dictionary<DateOnly, int> _sequences = [];

    public IEnumerable<Complaint> Create(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var target = Pick(StageShares);
            var registered = Now.AddMinutes(-AgeInMinutes(target));
            var complaint = Register(registered);
            Advance(complaint, target, registered);
            yield return complaint;
        }
    }

    /// <summary>
    /// How long ago a demo complaint came in, by the stage it has reached: open work is mostly recent
    /// and on time, with about one in ten running late, as in a real queue.
    /// </summary>
    private int AgeInMinutes(Stage target)
    {
        var late = random.Next(10) == 0;
        var (minHours, maxHours) = target switch
        {
            Stage.Intake => late ? (30, 72) : (1, 6),
            Stage.Investigate => late ? (100, 240) : (3, 60),
            Stage.Resolve => late ? (150, 300) : (20, 96),
            Stage.Revisit => (40, 200),
            Stage.Improve => (9 * 24, 14 * 24),
            Stage.Closed => (12 * 24, 30 * 24),
            _ => (24, 20 * 24),
        };
        return random.Next(minHours * 60, maxHours * 60);
    }

    private Complaint Register(DateTimeOffset at)
    {
        var category = Pick(CategoryShares);
        var sub = SubCategories.For(category)[random.Next(SubCategories.For(category).Count)];
        var channel = Pick(ChannelShares);
        var (content, demands, expected) = Story(category, sub);
        var intake = new ComplaintIntake
        {
            Channel = channel,
            UpstreamReference = channel.NeedsUpstreamReference() ? $"{(channel == Channel.Regulator12398 ? "NEA" : channel == Channel.Government12345 ? "ZW" : "GD")}{at.ChinaDate():yyyyMMdd}{random.Next(10000, 99999)}" : null,
            ReceivedAt = at.AddMinutes(-random.Next(3, 40)),
            CustomerName = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)],
            Phone = $"1{random.Next(3, 10)}{random.Next(0, 10)}{random.Next(10_000_000, 99_999_999)}",
            AccountNumber = random.Next(4) == 0 ? null : $"33{random.Next(10_000_000, 99_999_999)}",
            Address = $"杭州市{Districts[random.Next(Districts.Length)]}{random.Next(1, 400)}号{random.Next(1, 8)}单元{random.Next(1, 30)}0{random.Next(1, 4)}室",
            CustomerType = random.Next(10) switch { < 7 => CustomerType.Residential, < 9 => CustomerType.Commercial, _ => CustomerType.KeyAccount },
            IsSpecialGroup = random.Next(12) == 0,
            Category = category,
            SubCategory = sub,
            Urgency = random.Next(20) switch { < 15 => Urgency.Normal, < 19 => Urgency.Urgent, _ => Urgency.Critical },
            Content = content,
            Demands = demands,
            ExpectedOutcome = expected,
            Profile = random.Next(10) switch { < 5 => ComplainantProfile.Rational, < 8 => ComplainantProfile.Emotional, _ => ComplainantProfile.HighAttention },
        };
        if (intake.IsSpecialGroup) intake = intake with { SpecialGroupNote = random.Next(2) == 0 ? "独居高龄老人" : "听障客户，请以短信联系" };

        var date = at.ChinaDate();
        var sequence = _sequences[date] = _sequences.GetValueOrDefault(date) + 1;
        var agent = staff[random.Next(2) == 0 ? "agent" : "agent2"];
        var result = Complaint.Register(intake, ComplaintNumber.For(date, sequence), Guid.NewGuid(), "客户服务中心", As(agent, at));
        return result.Value ?? throw new InvalidOperationException("Demo intake invalid: " + string.Join("；", result.Outcome.Reasons));
    }

    private void Advance(Complaint c, Stage target, DateTimeOffset registered)
    {
        ContactCustomer(c, registered);
        if (target == Stage.Intake) return;
        var (handlerName, department) = c.Category switch
        {
            Category.Billing => ("handler2", "营销部（计量）"),
            Category.Repair => ("handler3", "运维检修部"),
            _ => ("handler", "城区供电所"),
        };
        var handler = staff[handlerName];
        var at = registered.AddMinutes(20 + random.Next(60));
        StepContext By(Actor who, string? note = null) => As(who, at, note);
        var manager = staff["manager"];

        if (target is Stage.Merged or Stage.Withdrawn or Stage.Reclassified)
        {
            Ensure(target switch
            {
                Stage.Merged => c.MergeInto(new MergeRequest(ComplaintNumber.For(registered.ChinaDate().AddDays(-1), 1), "同一事件客户重复来电，并入首次工单统一答复"), By(manager)),
                Stage.Withdrawn => c.Withdraw(new Withdrawal("客户来电表示问题已解决，撤回投诉", "电话录音"), By(c.FirstResponder)),
                _ => c.Reclassify(new Reclassification(ReclassifiedAs.Enquiry, "经核实客户仅咨询电价政策，已当场解答"), By(manager)),
            });
            return;
        }

        Ensure(c.Dispatch(new DispatchOrder(handler, department), By(c.FirstResponder)));
        if (target == Stage.Investigate) return;

        at = at.AddHours(2 + random.Next(12));
        if (at > Now) return;
        Ensure(c.Investigate(Findings(c), By(handler)));
        if (target == Stage.Resolve) return;

        at = at.AddHours(4 + random.Next(20));
        if (at > Now) return;
        Ensure(c.Resolve(Resolution(c, at), By(handler)));
        var reopened = random.Next(100) < 15; // §002: about 15 % still have a problem at first revisit
        if (reopened && at.AddHours(20) < Now)
        {
            at = at.AddHours(18);
            var companyFault = c.Investigation!.Responsibility == Responsibility.Company;
            Ensure(c.Revisit(new RevisitRecord(RevisitMethod.Phone, true, Satisfaction.Dissatisfied,
                !companyFault ? "客户对调查结论有疑问，要求当面说明"
                    : c.Resolution!.Compensation!.Kind is CompensationKind.Refund or CompensationKind.BillReduction ? "客户认为补偿不足，要求重新核算"
                    : "客户认为问题未彻底解决，要求进一步处理"), By(c.FirstResponder)));
            at = at.AddHours(6 + random.Next(10));
            Ensure(c.Resolve(Resolution(c, at) with
            {
                Solution = !companyFault ? "上门当面说明调查结论和依据，并跟踪责任方处理进度"
                    : c.Resolution!.Compensation!.Kind switch
                    {
                        CompensationKind.Refund => "重新核算多收电费并补足退款，上门当面说明核算依据",
                        CompensationKind.BillReduction => "重新核算并追加减免，上门当面说明核算依据",
                        _ => "再次上门沟通，落实客户补充诉求并说明处理依据",
                    },
            }, By(handler)));
        }
        // Waiting for the first revisit only while its 24 hours run; older ones have had it.
        if (target == Stage.Revisit && Now - c.ResolvedAt < TimeSpan.FromHours(20)) return;

        at = at.AddHours(2 + random.Next(18));
        if (at > Now) return;
        Ensure(c.Revisit(new RevisitRecord(RevisitMethod.Phone, true, random.Next(4) == 0 ? Satisfaction.FairlySatisfied : Satisfaction.Satisfied, "对处理结果表示认可"), By(c.FirstResponder)));
        if (target == Stage.Revisit) return;

        at = c.ResolvedAt!.Value.AddDays(7).AddHours(1 + random.Next(20));
        if (at > Now) return;
        Ensure(c.Revisit(new RevisitRecord(RevisitMethod.Phone, true, Satisfaction.Satisfied, "问题未再出现"), By(c.FirstResponder)));
        if (target == Stage.Improve) return;

        at = at.AddHours(2 + random.Next(24));
        if (at > Now) return;
        if (c.Channel == Channel.Regulator12398 && !IssueReply(c, By(manager))) return;
        var ownFault = c.Investigation!.Responsibility == Responsibility.Company;
        Ensure(random.Next(5) == 0 || !ownFault
            ? c.WaiveImprovement(new ImprovementWaiver(ownFault ? "属个别偶发情况，相关流程已在本季度整改计划中覆盖" : "非供电企业责任，已向客户说明并督促责任方处理"), By(manager))
            : c.Improve(new ImprovementPlan("流程中缺少对该环节的复核，信息未及时同步", [
                new CorrectiveAction("增加该环节复核并纳入月度抽查", "班组长 " + handler.DisplayName, at.ChinaDate().AddDays(30)),
                new CorrectiveAction("开展一次专题培训并考试", "培训中心 陈静", at.ChinaDate().AddDays(45)),
            ]), By(handler)));
    }

    /// <summary>Most customers are called back within the contact limit (30 minutes when urgent); a few are not.</summary>
    private void ContactCustomer(Complaint c, DateTimeOffset registered)
    {
        if (random.Next(100) >= 90) return;
        var at = registered.AddMinutes(c.Urgency == Urgency.Normal ? 10 + random.Next(80) : 3 + random.Next(15));
        if (at > Now) return;
        Ensure(c.AddNote(new ProgressNote("已电话联系客户，说明受理情况和处理时限", ContactedCustomer: true), As(c.FirstResponder, at)));
    }

    /// <summary>A 12398 complaint is closed only after its reply is issued: render it, as a manager would.</summary>
    private bool IssueReply(Complaint c, StepContext context)
    {
        if (renderer is null) return false; // no CJK font here: the complaint waits at 总结改进
        var pdf = renderer.Pdf(ComplaintDocuments.Compose(DocumentKind.Reply12398, c, settings, context.At), context.At);
        Ensure(c.IssueDocument(new DocumentIssueRequest(DocumentKind.Reply12398, DocumentRenderer.Sha256(pdf), ComplaintDocuments.ContentSha256(DocumentKind.Reply12398, c, settings)), context));
        var issue = c.IssuedDocuments[^1];
        IssuedFiles.Add((c, new IssuedDocumentFile
        {
            Number = c.Number, Kind = DocumentKind.Reply12398, Version = issue.Version, Sha256 = issue.Sha256,
            Content = pdf, IssuedAt = issue.At, IssuedBy = issue.By.DisplayName,
        }));
        return true;
    }

    /// <summary>
    /// What an investigation can find for each sub-category: a cause with the responsibility it implies.
    /// A cause that is the company's fault (抄表数据异常未复核…) is never recorded as a third party's, and
    /// a third party, the weather or the customer is named in the cause when they are responsible.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, (string Cause, Responsibility Responsibility)[]> Causes =
        new Dictionary<string, (string, Responsibility)[]>
        {
            ["电费账单错误"] = [("抄表员录入读数错误，抄表数据异常未复核，导致电费计算错误", Responsibility.Company)],
            ["电表计量异常"] = [("电能表计量元件故障，走字偏快，周期校验未及时发现", Responsibility.Company),
                              ("邻户私自从客户表后接线用电，造成客户电表多计电量", Responsibility.ThirdParty)],
            ["电价执行错误"] = [("营销系统中客户电价类别登记错误，变更后未核对", Responsibility.Company)],
            ["电费突增"] = [("抄表数据异常未复核，两个月电量计入同一期", Responsibility.Company),
                            ("客户家中新增电采暖设备，用电量确有增加，电费计算无误", Responsibility.Customer)],
            ["其他电费问题"] = [("缴费对账未及时销账，系统误发欠费催缴短信", Responsibility.Company),
                              ("第三方代收平台资金到账延迟，缴费未及时销账", Responsibility.ThirdParty)],
            ["计划停电未通知"] = [("停电信息未及时同步到客户联系人，通知未送达", Responsibility.Company)],
            ["频繁停电"] = [("线路通道树障清理不及时，大风时导线碰树跳闸", Responsibility.Company),
                            ("小区周边市政施工单位多次挖断电缆，造成停电", Responsibility.ThirdParty)],
            ["复电不及时"] = [("故障定位耗时过长，抢修备品备件不足", Responsibility.Company),
                              ("强雷暴天气造成多处线路同时故障，抢修顺序靠后", Responsibility.ForceMajeure)],
            ["电压质量问题"] = [("台区负荷增长过快，配电变压器容量不足导致末端电压偏低", Responsibility.Company)],
            ["其他供电问题"] = [("小区进户线老化，未及时纳入改造计划", Responsibility.Company),
                              ("小区物业自管配电设施维护不到位，雨天漏电跳闸", Responsibility.ThirdParty)],
            ["抢修响应慢"] = [("抢修力量调度不足，到达现场超时", Responsibility.Company),
                              ("台风期间道路中断，抢修人员无法按时到达", Responsibility.ForceMajeure)],
            ["设备故障"] = [("首次抢修仅做临时处理，未彻底更换故障部件", Responsibility.Company)],
            ["安装施工不规范"] = [("外包施工队未按工艺标准施工，验收把关不严", Responsibility.Company)],
            ["其他抢修问题"] = [("抢修完工后未执行现场清理和验收", Responsibility.Company)],
            ["服务态度差"] = [("工作人员使用服务忌语，服务规范执行不到位", Responsibility.Company)],
            ["推诿搪塞"] = [("工作人员未执行首问负责制，推诿客户", Responsibility.Company)],
            ["敷衍了事"] = [("客服人员未按流程核实问题即结束通话", Responsibility.Company)],
            ["办理流程繁琐"] = [("业务所需资料未一次性告知客户", Responsibility.Company)],
            ["其他服务问题"] = [("营业厅未安排老年客户引导服务", Responsibility.Company)],
            ["设备噪音"] = [("变压器散热风机老化，运行噪音超标", Responsibility.Company)],
            ["其他"] = [("电杆基础被雨水冲刷松动，线路巡视未及时发现", Responsibility.Company),
                        ("第三方车辆撞击电杆致其倾斜", Responsibility.ThirdParty)],
        };

    private InvestigationFindings Findings(Complaint c)
    {
        var options = Causes[c.SubCategory];
        // About one in five has a cause outside the company where the sub-category allows one.
        var (cause, responsibility) = options.Length > 1 && random.Next(5) == 0 ? options[1 + random.Next(options.Length - 1)] : options[0];
        return new(
            responsibility == Responsibility.Customer
                ? "经调取抄表记录、现场校验电能表并与客户核实，电能表计量准确，电费按实际用电量计算。"
                : "经调取系统工单记录、通话录音并现场核查，客户反映的情况属实。",
            "系统工单记录、通话录音、现场照片",
            cause,
            responsibility,
            responsibility switch
            {
                Responsibility.Company => "向客户致歉，按规定给予补救，并纠正相关问题",
                Responsibility.ThirdParty => "向客户说明原因，督促责任方整改并跟踪至问题消除",
                Responsibility.ForceMajeure => "向客户说明原因，完善恶劣天气抢修预案",
                _ => "向客户解释电费构成，提供节约用电建议",
            });
    }

    private static ResolutionPlan Resolution(Complaint c, DateTimeOffset at)
    {
        // The company compensates for its own fault only; otherwise the customer is told why and helped.
        if (c.Investigation?.Responsibility is not Responsibility.Company)
            return new ResolutionPlan(
                "已向客户说明原因并协助处理：" + c.Investigation?.Proposal,
                at.AddHours(-2),
                "电话告知客户调查结论和处理情况，客户表示理解",
                new Compensation(CompensationKind.None, null, null));
        var suggestion = CompensationAdvisor.Suggest(c.Category, c.SubCategory);
        return new ResolutionPlan(
            "已与客户商定处理方案并落实：" + (suggestion.Detail ?? "说明原因并消除问题"),
            at.AddHours(-2),
            "电话告知客户处理方案及结果，客户表示同意",
            suggestion.Kind == CompensationKind.None ? suggestion : suggestion with { Amount = suggestion.Kind is CompensationKind.BillReduction or CompensationKind.Refund ? 50m : null });
    }

    /// <summary>What the customer says, per sub-category (a catch-all "其他…" gets a real case, never its own name).</summary>
    private (string Content, string Demands, string Expected) Story(Category category, string sub) => sub switch
    {
        "电费账单错误" => ($"客户反映本月电费账单显示用电 {random.Next(600, 900)} 千瓦时，与电表读数明显不符，实际用电约 {random.Next(150, 300)} 千瓦时。",
            "核对账单与电表读数，更正电费", "退还多收电费并书面说明"),
        "电表计量异常" => ($"客户反映家中电表走字明显偏快，关闭全部电器后电表仍在计量，本月电费达 {random.Next(400, 900)} 元。",
            "校验电表，说明多计原因", "更换或校验电表，退还多收电费"),
        "电价执行错误" => ($"客户反映其居民生活用电近 3 个月被按一般工商业电价计费，多交电费约 {random.Next(200, 600)} 元。",
            "按居民电价重新计算电费", "退还差额并更正电价类别"),
        "电费突增" => ($"客户反映本月电费较往月明显异常，上月电费约 {random.Next(80, 200)} 元，本月达 {random.Next(400, 900)} 元，家中用电习惯无变化。",
            "核查电表和抄表数据，说明电费异常原因", "说明原因，如有多收予以退还"),
        "其他电费问题" => ("客户反映已通过网上国网缴清电费，系统仍显示欠费，并收到停电催缴短信。",
            "核实缴费记录，撤销催缴", "确认缴费到账并书面说明"),
        "计划停电未通知" => ($"客户反映所在小区 {random.Next(1, 28)} 日停电约 {random.Next(2, 9)} 小时，事先未收到任何停电通知，家中冰箱食物变质。",
            "说明停电原因，今后提前通知", "给予合理补偿并改进通知方式"),
        "频繁停电" => ($"客户反映所在小区近一个月停电 {random.Next(3, 7)} 次，每次持续约 1 小时，影响正常生活。",
            "查明频繁停电原因并彻底处理", "给出整改时间表，不再频繁停电"),
        "复电不及时" => ($"客户反映 {random.Next(1, 28)} 日故障停电后约 {random.Next(5, 12)} 小时才恢复供电，期间多次致电未获明确答复。",
            "说明复电延误原因", "改进抢修调度并给予补偿"),
        "电压质量问题" => ("客户反映家中电压长期偏低，傍晚空调无法启动，灯光忽明忽暗。",
            "检测电压并尽快处理", "电压恢复正常范围"),
        "其他供电问题" => ("客户反映小区供电线路老化，雨天经常跳闸，担心存在安全隐患。",
            "排查线路安全隐患", "尽快改造老化线路"),
        "抢修响应慢" => ($"客户报修后抢修人员迟迟未到，等待约 {random.Next(2, 6)} 小时，期间多次催促未果。",
            "尽快修复并说明延误原因", "追究责任并给予补偿"),
        "设备故障" => ("客户反映门前电表箱故障冒烟，报修后仅做临时处理，问题反复出现。",
            "彻底修复电表箱", "更换故障设备并确认安全"),
        "安装施工不规范" => ("客户反映新装电表施工后墙面留有破损，线路裸露未做防护。",
            "整改施工问题，修复墙面", "按标准重新施工"),
        "其他抢修问题" => ("客户反映抢修完成后现场遗留废旧线缆和杂物，多日无人清理。",
            "清理现场", "今后抢修完工清理现场"),
        "服务态度差" => ("客户在营业厅办理业务时，工作人员态度生硬，称“规定就是这样”，拒绝解释。",
            "要求工作人员道歉", "规范服务并给出明确答复"),
        "推诿搪塞" => ("客户在营业厅办理业务时，工作人员称“这不是我负责的”，让其找别的部门。",
            "要求工作人员道歉", "规范服务并给出明确答复"),
        "敷衍了事" => ("客户多次来电咨询电费问题，客服人员未核实即结束通话，问题始终未得到解答。",
            "安排专人解答", "一次讲清并跟踪到底"),
        "办理流程繁琐" => ("客户办理峰谷电价变更，先后跑了三趟营业厅，每次都被要求补充不同材料。",
            "尽快办结业务", "一次性告知所需材料"),
        "其他服务问题" => ("客户反映营业厅没有老年人引导服务，高龄老人排队近一小时无人协助。",
            "改进营业厅服务", "为老年客户提供引导和优先办理"),
        "设备噪音" => ("客户反映住宅附近变压器运行噪音大，夜间尤为明显，影响休息。",
            "排查噪音原因并处理", "噪音降低到正常水平"),
        _ => ("客户反映小区内一根电线杆明显倾斜，多次反映无人处理，担心倒塌伤人。",
            "尽快排查并消除安全隐患", "扶正或更换电杆并告知结果"),
    };

    private T Pick<T>((T Value, int Weight)[] shares)
    {
        var roll = random.Next(shares.Sum(s => s.Weight));
        foreach (var (value, weight) in shares)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        return shares[^1].Value;
    }

    private static void Ensure(StepResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException("Demo step refused: " + string.Join("；", result.Reasons));
    }
}
