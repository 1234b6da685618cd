using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Documents;
using PowerService.Domain.Sla;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;
using PowerService.Web.Features.Documents;

namespace PowerService.Web.Data;

/// <summary>
/// Generates the demo's complaints: a history, day by day, with the volume and categories of
/// <see cref="DemoSeason"/> and channel shares as below. Each complaint is registered when it came in
/// and carried through the loop by the aggregate's own steps, each at the time a person would have
/// taken it (DemoComplaints.Loop.cs), as far as <see cref="Now"/> allows: old ones are finished, recent
/// ones are where the work on them has got to.
/// </summary>
/// <param name="renderer">Renders 12398 replies; without one (no CJK font, or the scale builder) a 12398 complaint waits at 总结改进 for its reply.</param>
internal sealed partial class DemoComplaints(Random random, DateTimeOffset now, IReadOnlyDictionary<string, Actor> staff, SlaSchedule schedule,
    DemoSeason season, DocumentRenderer? renderer, DocumentSettings settings)
{
    /// <summary>The moment the history is generated at: no step happens after it.</summary>
    public DateTimeOffset Now { get; } = now;

    /// <summary>Replies issued while generating, to be stored once their complaints have ids (taken and cleared by the caller).</summary>
    public List<(Complaint Complaint, IssuedDocumentFile File)> IssuedFiles { get; } = [];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    private static readonly string[] GivenNames = ["建国", "秀英", "伟", "芳", "敏", "静", "丽娟", "强", "磊", "军", "洋", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "桂英", "志强", "海燕", "红梅"];
    private static readonly string[] Districts = ["西湖区文三路", "拱墅区莫干山路", "上城区解放路", "滨江区江南大道", "萧山区人民路", "余杭区临平大道", "临安区锦城街道", "富阳区富春街道"];

    /// <summary>
    /// Where complaints come from. 12398 is an escalation channel — the customer went to the regulator
    /// after the utility's own channels — so a small share; each of its closed complaints carries a
    /// rendered written reply (about 350 KB and 30 ms each), which also keeps the demo's first start short.
    /// </summary>
    private static readonly (Channel Channel, int Weight)[] ChannelShares =
        [(Channel.Hotline95598, 56), (Channel.Regulator12398, 2), (Channel.Government12345, 10), (Channel.ServiceHall, 10),
         (Channel.Phone, 7), (Channel.App, 8), (Channel.WeChat, 5), (Channel.Media, 2)];

    /// <summary>The date being generated and its last sequence number: dates only grow, so one is enough.</summary>
    private (DateOnly Day, int Sequence) _numbering;

    /// <summary>The latest complaint number per category: what a duplicate call is merged into.</summary>
    private readonly Dictionary<Category, string> _latest = [];

    /// <summary>
    /// <paramref name="count"/> complaints received from <paramref name="first"/> to <see cref="Now"/>,
    /// day by day in the order they came in (so each date's numbers follow the clock), each carried as far as it got by now.
    /// </summary>
    public IEnumerable<Complaint> History(DateOnly first, int count)
    {
        var plan = season.Plan(first, Now, count, random);
        if (plan.Max() is var busiest && busiest > ComplaintNumber.MaxPerDay)
            throw new InvalidOperationException($"{count:N0} complaints put {busiest:N0} on the busiest date; complaint numbers allow {ComplaintNumber.MaxPerDay} a date.");
        for (var d = 0; d < plan.Length; d++)
        {
            var day = first.AddDays(d);
            var times = new DateTimeOffset[plan[d]];
            for (var i = 0; i < times.Length; i++) times[i] = DemoSeason.TimeOn(day, Now, random);
            Array.Sort(times);
            foreach (var at in times.Select(WholeSecond))
            {
                var complaint = Register(day, at);
                Advance(complaint, at);
                _latest[complaint.Category] = complaint.Number;
                yield return complaint;
            }
        }
    }

    /// <summary>A step by a demo account, in its own role and department, as the app would take it (at a whole second).</summary>
    private StepContext As(Actor who, DateTimeOffset at, string? note = null)
    {
        var account = DemoData.Accounts.Single(a => staff[a.UserName] == who);
        return new(who, [account.Role], WholeSecond(at), note, schedule, new Workplace(account.Department, account.Department == DemoData.CompanyLevelDepartment));
    }

    /// <summary>Generated instants are whole seconds: what a person's step looks like, and exact in every store (PostgreSQL keeps microseconds).</summary>
    private static DateTimeOffset WholeSecond(DateTimeOffset at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, at.Offset);

    private Complaint Register(DateOnly day, DateTimeOffset at)
    {
        var category = Pick(DemoSeason.CategoryShares.Select(s => (s.Category, s.Weight * DemoSeason.CategoryFactor(s.Category, day))).ToArray());
        var sub = SubCategory(category, day);
        var channel = Pick(ChannelShares.Select(s => (s.Channel, (double)s.Weight)).ToArray());
        var (content, demands, expected) = Story(category, sub);
        // Outages and faults are more often urgent; a billing or conduct complaint seldom is.
        var urgency = category is Category.Supply or Category.Repair ? random.Next(100) switch { < 60 => Urgency.Normal, < 90 => Urgency.Urgent, _ => Urgency.Critical }
            : random.Next(100) switch { < 85 => Urgency.Normal, < 98 => Urgency.Urgent, _ => Urgency.Critical };
        var intake = new ComplaintIntake
        {
            Channel = channel,
            UpstreamReference = channel.NeedsUpstreamReference() ? $"{(channel == Channel.Regulator12398 ? "NEA" : channel == Channel.Government12345 ? "ZW" : "GD")}{day:yyyyMMdd}{random.Next(10000, 99999)}" : null,
            // An urgent call is registered at once (its clocks run from the call); an ordinary one within the hour.
            ReceivedAt = at.AddMinutes(-(urgency == Urgency.Normal ? random.Next(3, 40) : random.Next(1, 5))),
            CustomerName = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)],
            Phone = $"1{random.Next(3, 10)}{random.Next(0, 10)}{random.Next(10_000_000, 99_999_999)}",
            AccountNumber = random.Next(4) == 0 ? null : $"33{random.Next(10_000_000, 99_999_999)}",
            Address = $"杭州市{Districts[random.Next(Districts.Length)]}{random.Next(1, 400)}号{random.Next(1, 8)}单元{random.Next(1, 30)}0{random.Next(1, 4)}室",
            CustomerType = random.Next(10) switch { < 7 => CustomerType.Residential, < 9 => CustomerType.Commercial, _ => CustomerType.KeyAccount },
            IsSpecialGroup = random.Next(12) == 0,
            Category = category,
            SubCategory = sub,
            Urgency = urgency,
            Content = content,
            Demands = demands,
            ExpectedOutcome = expected,
            Profile = random.Next(10) switch { < 5 => ComplainantProfile.Rational, < 8 => ComplainantProfile.Emotional, _ => ComplainantProfile.HighAttention },
        };
        if (intake.IsSpecialGroup) intake = intake with { SpecialGroupNote = random.Next(2) == 0 ? "独居高龄老人" : "听障客户，请以短信联系" };

        _numbering = (day, _numbering.Day == day ? _numbering.Sequence + 1 : 1);
        var agent = staff[random.Next(2) == 0 ? "agent" : "agent2"];
        var result = Complaint.Register(intake, ComplaintNumber.For(day, _numbering.Sequence), Guid.NewGuid(), DemoData.CompanyLevelDepartment, As(agent, at));
        return result.Value ?? throw new InvalidOperationException("Demo intake invalid: " + string.Join("；", result.Outcome.Reasons));
    }

    /// <summary>Storms bring outages that last and repair crews that come late; heavy-use months bring bills that jump.</summary>
    private string SubCategory(Category category, DateOnly day)
    {
        var options = SubCategories.For(category);
        var storm = DemoSeason.IsStorm(day);
        var bills = day.Month is 1 or 2 or 8 or 9;
        return Pick(options.Select(s => (s, s switch
        {
            "复电不及时" or "频繁停电" or "抢修响应慢" or "设备故障" when storm => 4.0,
            "电费突增" when bills => 2.0,
            _ => 1.0,
        })).ToArray());
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

    private T Pick<T>((T Value, double Weight)[] shares)
    {
        var roll = random.NextDouble() * shares.Sum(s => s.Weight);
        foreach (var (value, weight) in shares)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        return shares[^1].Value;
    }

    private double Between(double min, double max) => min + (max - min) * random.NextDouble();

    private bool Chance(double p) => random.NextDouble() < p;

    private static void Ensure(StepResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException("Demo step refused: " + string.Join("；", result.Reasons));
    }
}
