using System.Text.RegularExpressions;
using PowerService.Domain.Cases;
using PowerService.Domain.Complaints;

namespace PowerService.Tests.Domain.Cases;

/// <summary>
/// A generated corpus of complaint texts with personal data in the forms people type, and ordinary
/// numbers beside them: after de-identification no planted value is left, in any width or grouping,
/// and every ordinary number is still there, verbatim.
/// </summary>
public sealed partial class DeidentifierCorpusTests
{
    private const int Size = 240;

    private static readonly string[] Surnames = ["张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "欧阳", "司马", "诸葛", "上官"];
    private static readonly string[] Given = ["建国", "秀英", "志强", "丽华", "海燕", "国庆", "晓东", "桂兰", "文博", "雨涵", "子轩", "明辉", "春梅", "德胜", "婉清"];
    private static readonly string[] Districts = ["浙江省杭州市西湖区", "宁波市鄞州区", "杭州市拱墅区", "温州市鹿城区", "绍兴市越城区", "湖州市吴兴区", "嘉兴市南湖区"];
    private static readonly string[] Roads = ["文三路", "天童南路", "莫干山路", "解放东路", "人民大道", "中山北路", "梅花巷", "学院街"];
    private static readonly string[] Estates = ["阳光花园", "金色家园", "翠苑新村", "江南公寓", "东方大厦", "绿城小区"];
    private static readonly string[] Staff = ["李强", "王芳", "周杰", "吴刚", "赵敏"];
    private static readonly string[] Provinces = ["浙", "沪", "苏", "京", "粤"];

    /// <summary>One text: personal values planted in varied forms, ordinary numbers planted beside them.</summary>
    private sealed record Sample(Customer Customer, string Text, List<string> Secrets, List<string> Ordinary);

    private static Sample Generate(Random random)
    {
        string Pick(string[] items) => items[random.Next(items.Length)];
        string DigitsOf(int count, bool firstNonZero = true) =>
            new([.. Enumerable.Range(0, count).Select(i => (char)('0' + (i == 0 && firstNonZero ? random.Next(1, 10) : random.Next(10))))]);
        string FullWidth(string s) => new([.. s.Select(c => c is >= '0' and <= '9' ? (char)(c + 0xFEE0) : c)]);

        var surname = Pick(Surnames);
        var name = surname + Pick(Given);
        var mobile = "1" + "3456789"[random.Next(7)] + DigitsOf(9, firstNonZero: false);
        var account = DigitsOf(random.Next(10, 14));
        var district = Pick(Districts);
        var street = $"{Pick(Roads)}{random.Next(1, 999)}号{random.Next(1, 30)}幢{random.Next(1, 6)}单元{random.Next(101, 2999)}室";
        var customer = new Customer(name, mobile, account, district + street, CustomerType.Residential, false, null);
        var secrets = new List<string> { name, name[surname.Length..], mobile, account, street };
        var ordinary = new List<string>();
        var parts = new List<string>();

        // The customer's own values, in the forms staff type them.
        parts.Add(random.Next(3) switch
        {
            0 => $"{name}来电反映{district}{street}家中频繁停电",
            1 => $"客户{name}（{surname}先生）称住址{street}电压不稳",
            _ => $"{surname}女士反映其住在{street}，电表走字异常",
        });
        parts.Add(random.Next(5) switch
        {
            0 => $"联系电话{mobile}",
            1 => $"手机 {mobile[..3]}-{mobile[3..7]}-{mobile[7..]}",
            2 => $"请回电 {mobile[..3]} {mobile[3..7]} {mobile[7..]}",
            3 => $"电话：{FullWidth(mobile)}",
            _ => $"联系方式+86 {mobile}",
        });
        if (random.Next(2) == 0)
        {
            parts.Add($"手机尾号{mobile[^4..]}的客户再次来电");
            secrets.Add("尾号" + mobile[^4..]);
        }
        parts.Add(random.Next(2) == 0 ? $"户号{account}" : $"户号：{FullWidth(account)}");

        // Values of anyone: IDs, cards, e-mail, landlines, other addresses, plates, staff.
        var id = DigitsOf(17) + (random.Next(5) == 0 ? "X" : DigitsOf(1, firstNonZero: false));
        parts.Add(random.Next(3) switch
        {
            0 => $"身份证号{id}",
            1 => $"证件号码 {id[..6]} {id[6..14]} {id[14..]}",
            _ => $"身份证{FullWidth(id)}",
        });
        secrets.Add(id);
        if (random.Next(2) == 0)
        {
            var card = DigitsOf(random.Next(2) == 0 ? 16 : 19);
            parts.Add(random.Next(2) == 0 ? $"退款至银行卡{card}" : $"银行卡号 {string.Join(' ', card.Chunk(4).Select(c => new string(c)))}");
            secrets.Add(card);
        }
        if (random.Next(2) == 0)
        {
            var email = $"{(char)('a' + random.Next(26))}{DigitsOf(5)}@{(random.Next(2) == 0 ? "qq.com" : "163.com")}";
            parts.Add($"要求发送邮件至{email}");
            secrets.Add(email);
        }
        if (random.Next(2) == 0)
        {
            var landline = $"0{random.Next(10, 999)}-{DigitsOf(8)}";
            parts.Add(random.Next(2) == 0 ? $"单位座机{landline}" : $"座机({landline.Replace("-", ")")}");
            secrets.Add(landline.Split('-')[1]);
        }
        if (random.Next(2) == 0)
        {
            var neighbour = random.Next(2) == 0
                ? $"{Pick(Estates)}{random.Next(1, 40)}栋{random.Next(1, 6)}单元{random.Next(101, 2999)}"
                : $"李家村{random.Next(1, 20)}组{random.Next(1, 99)}号";
            parts.Add($"邻居家在{neighbour}也停电");
            secrets.Add(neighbour);
        }
        if (random.Next(2) == 0)
        {
            var plate = $"{Pick(Provinces)}{(char)('A' + random.Next(8))}{(random.Next(2) == 0 ? "·D" : "")}{DigitsOf(5)}";
            parts.Add($"抢修车{plate}到场较晚");
            secrets.Add(plate.Replace("·", ""));
            secrets.Add(plate);
        }
        var staff = Pick(Staff);
        parts.Add($"{staff}受理后派单");
        secrets.Add(staff);

        // Ordinary numbers that must stay.
        var amount = random.Next(3) switch { 0 => $"{random.Next(10, 999)} 元", 1 => $"{random.Next(1, 9)},{random.Next(100, 999)}.{random.Next(10, 99)}元", _ => $"{random.Next(10, 99)}.{random.Next(10, 99)} 元" };
        var date = random.Next(3) switch { 0 => $"2026-0{random.Next(1, 9)}-{random.Next(10, 28)}", 1 => $"2026年{random.Next(1, 12)}月{random.Next(1, 28)}日", _ => $"20260{random.Next(1, 9)}{random.Next(10, 28)}" };
        var reading = random.Next(2) == 0 ? $"表底 {random.Next(10000, 99999)}.{random.Next(1, 9)} 度" : $"读数 0{random.Next(1000, 9999)}";
        var numberTs = $"TS2026{random.Next(10, 12)}{random.Next(10, 28)}{random.Next(1000, 9999)}";
        var workOrder = $"GD2026{random.Next(100000000, 999999999)}";
        ordinary.AddRange([amount, date, reading, numberTs, workOrder, $"停电 {random.Next(2, 12)} 小时", $"{random.Next(10, 23)}:{random.Next(10, 59)}", "10kV", "220V", "400 kVA", "10千伏城南线", $"{random.Next(5, 60)}%"]);
        parts.Add($"{date} {ordinary[5]}，{ordinary[6]}复电，核定赔偿{amount}");
        parts.Add($"{reading}，工单{numberTs}（{workOrder}）");
        parts.Add($"{ordinary[8]}电压低于标准{ordinary[11]}，{ordinary[10]}{ordinary[7]}线路检修，配变{ordinary[9]}");

        var shuffled = parts.OrderBy(_ => random.Next()).ToList();
        return new Sample(customer, string.Join("，", shuffled) + "。", secrets, ordinary);
    }

    private static IEnumerable<Sample> Corpus()
    {
        var random = new Random(20261124);
        return Enumerable.Range(0, Size).Select(_ => Generate(random)).ToList();
    }

    private static readonly Dictionary<string, string> StaffRoles = Staff.ToDictionary(s => s, _ => "处理人员");

    [Fact]
    public void No_planted_value_is_left_in_any_form_across_the_corpus()
    {
        var leaks = new List<string>();
        foreach (var sample in Corpus())
        {
            var output = new Deidentifier(sample.Customer, StaffRoles).Apply(sample.Text).Text;
            var folded = Deidentifier.Fold(output);
            var digitsOnly = NonDigits().Replace(folded, "");
            foreach (var secret in sample.Secrets)
            {
                var secretDigits = NonDigits().Replace(secret, "");
                if (folded.Contains(Deidentifier.Fold(secret)) || (secretDigits.Length >= 7 && digitsOnly.Contains(secretDigits)))
                    leaks.Add($"{secret} in: {output}");
            }
            if (TailLeft().IsMatch(folded)) leaks.Add($"a phone tail in: {output}");
        }
        Assert.True(leaks.Count == 0, $"{leaks.Count} leaks, first: " + string.Join("\n", leaks.Take(5)));
    }

    [Fact]
    public void Every_ordinary_number_is_still_there_verbatim()
    {
        var lost = new List<string>();
        foreach (var sample in Corpus())
        {
            var output = new Deidentifier(sample.Customer, StaffRoles).Apply(sample.Text).Text;
            lost.AddRange(sample.Ordinary.Where(o => !output.Contains(o)).Select(o => $"{o} in: {output}"));
        }
        Assert.True(lost.Count == 0, $"{lost.Count} over-masked, first: " + string.Join("\n", lost.Take(5)));
    }

    [Fact]
    public void The_corpus_is_the_size_the_issue_asks_and_plants_every_kind()
    {
        var corpus = Corpus().ToList();
        Assert.True(corpus.Count >= 200);
        var redactions = corpus.SelectMany(s => new Deidentifier(s.Customer, StaffRoles).Apply(s.Text).Redactions).Select(r => r.Kind).ToHashSet();
        Assert.Equal(Enum.GetValues<RedactionKind>().Where(k => k != RedactionKind.Manual).Order(), redactions.Order());
    }

    [GeneratedRegex(@"\D")]
    private static partial Regex NonDigits();

    [GeneratedRegex(@"(尾号|后四位|末四位)[是为:：\s]{0,3}\d")]
    private static partial Regex TailLeft();
}
