using System.Text;
using System.Text.RegularExpressions;
using PowerService.Domain.Complaints;
using PowerService.Domain.Privacy;

namespace PowerService.Domain.Cases;

/// <summary>
/// Turns a complaint's text into text a trainer may read (docs/domain.md §8: cases shared internally
/// are de-identified first). It replaces the complaint's own customer values wherever they occur —
/// the name by surname and form of address (张先生), the address by its district — and, whoever's they
/// are, what people actually type: mobile numbers with spaces, dashes or full-width digits, "尾号8000",
/// landlines, ID numbers, 户号-like digit runs, bank cards, e-mail, detailed addresses, car plates; and
/// staff names by their role. Ordinary numbers stay: amounts, dates, times, readings, durations,
/// voltages, complaint and work-order numbers.
/// </summary>
/// <remarks>
/// Every detector runs on a copy of the text with full-width forms folded to ASCII character for
/// character, so a match's position is its position in the original; overlapping matches go to the
/// detector listed first (a customer's own values, then the most specific shapes).
/// </remarks>
public sealed partial class Deidentifier
{
    public const string PhoneToken = "【电话】", AccountToken = "【户号】", IdToken = "【证件号】", CardToken = "【银行卡号】",
        EmailToken = "【邮箱】", AddressToken = "【详细地址】", PlateToken = "【车牌号】", ManualToken = "【已遮盖】";

    private static readonly string[] CompoundSurnames =
        ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "长孙", "宇文", "司徒", "端木", "澹台", "南宫", "西门", "独孤", "呼延"];

    private readonly List<(string Value, RedactionKind Kind, string Replacement)> _values = [];
    private readonly Regex? _honorific;

    /// <param name="customer">The complaint's customer: their values are replaced wherever they occur.</param>
    /// <param name="staffRoles">Staff display names and the role word each is replaced by (李强 → 处理人员).</param>
    /// <param name="formOfAddress">先生 or 女士 when the record says which; otherwise the neutral 客户.</param>
    public Deidentifier(Customer customer, IReadOnlyDictionary<string, string>? staffRoles = null, string? formOfAddress = null)
    {
        var name = customer.Name.Trim();
        var surname = Surname(name);
        CustomerCall = surname.Length == 0 ? "客户" : surname + (formOfAddress ?? "客户");
        if (name.Length >= 2 && name != Anonymiser.Placeholder) _values.Add((name, RedactionKind.CustomerName, CustomerCall));
        var address = customer.Address.Trim();
        if (address.Length >= 4 && address != Anonymiser.Placeholder)
        {
            var region = Masking.AdministrativePrefix(address);
            _values.Add((address, RedactionKind.Address, region + AddressToken));
            var detail = address[region.Length..].Trim();
            if (detail.Length >= 4) _values.Add((detail, RedactionKind.Address, AddressToken));
        }
        if (Digits(customer.Phone) is { Length: >= 7 } phone) _values.Add((phone, RedactionKind.Phone, PhoneToken));
        if (customer.AccountNumber?.Trim() is { Length: >= 6 } account) _values.Add((account, RedactionKind.AccountNumber, AccountToken));
        foreach (var (staff, role) in staffRoles ?? new Dictionary<string, string>())
            if (staff.Trim().Length >= 2 && staff.Trim() != name) _values.Add((staff.Trim(), RedactionKind.StaffName, role));
        // Longest first, so an address goes whole before a name inside it could.
        _values.Sort((a, b) => b.Value.Length.CompareTo(a.Value.Length));
        // "张先生", "王阿姨": the surname with a form of address names the customer as surely as the full name.
        _honorific = surname.Length > 0 && name.Length >= 2
            ? new Regex(Regex.Escape(surname) + "(?=(先生|女士|小姐|师傅|大爷|大妈|大娘|阿姨|老师|奶奶|爷爷|总|经理|老板))", RegexOptions.CultureInvariant)
            : null;
    }

    /// <summary>How the customer is called in the de-identified text: 张先生, 欧阳女士, or 张客户 when the record does not say.</summary>
    public string CustomerCall { get; }

    /// <summary>The text de-identified, with where each placeholder is; null and empty give empty.</summary>
    public DeidentifiedText Apply(string? text)
    {
        if (string.IsNullOrEmpty(text)) return DeidentifiedText.Empty;
        var folded = Fold(text);
        var spans = new List<Span>();
        foreach (var (value, kind, replacement) in _values)
            foreach (var index in IndexesOf(folded, Fold(value)))
                spans.Add(new(index, value.Length, kind, replacement));
        if (_honorific is not null)
            foreach (Match m in _honorific.Matches(folded))
                spans.Add(new(m.Index, m.Length, RedactionKind.CustomerName, "某"));
        foreach (var (pattern, kind, replacement) in Patterns)
            foreach (Match m in pattern.Matches(folded))
            {
                var group = m.Groups["v"].Success ? m.Groups["v"] : m.Groups[0];
                if (Classify(kind, group.Value, replacement) is { } shown) spans.Add(new(group.Index, group.Length, shown.Kind, shown.Replacement));
            }
        return Build(text, spans);
    }

    /// <summary>Masks a phrase the trainer picked, everywhere in the text, keeping the placeholders already there.</summary>
    public static DeidentifiedText MaskMore(DeidentifiedText text, string? phrase)
    {
        var target = phrase?.Trim();
        if (string.IsNullOrEmpty(target)) return text;
        var spans = text.Redactions.Select(r => new Span(r.Start, r.Length, r.Kind, text.Text.Substring(r.Start, r.Length))).ToList();
        spans.AddRange(IndexesOf(text.Text, target).Select(i => new Span(i, target.Length, RedactionKind.Manual, ManualToken)));
        return Build(text.Text, spans);
    }

    private sealed record Span(int Start, int Length, RedactionKind Kind, string Replacement)
    {
        public int End => Start + Length;
    }

    /// <summary>Replaces the spans, earliest first; a span overlapping one already taken is dropped (the earlier detector won).</summary>
    private static DeidentifiedText Build(string text, List<Span> spans)
    {
        var taken = new List<Span>();
        foreach (var span in spans)
            if (!taken.Any(t => span.Start < t.End && t.Start < span.End)) taken.Add(span);
        taken.Sort((a, b) => a.Start.CompareTo(b.Start));
        var output = new StringBuilder(text.Length);
        var redactions = new List<Redaction>(taken.Count);
        var at = 0;
        foreach (var span in taken)
        {
            output.Append(text, at, span.Start - at);
            redactions.Add(new Redaction(span.Kind, output.Length, span.Replacement.Length));
            output.Append(span.Replacement);
            at = span.End;
        }
        output.Append(text, at, text.Length - at);
        return new DeidentifiedText(output.ToString(), redactions);
    }

    /// <summary>What a pattern match is and becomes; a bare digit run by its length, null when it is an ordinary number after all.</summary>
    private static (RedactionKind Kind, string Replacement)? Classify(RedactionKind kind, string value, string replacement)
    {
        if (kind != RedactionKind.AccountNumber) return (kind, replacement);
        var digits = Digits(value);
        return digits.Length switch
        {
            11 when digits[0] == '1' && digits[1] is >= '3' and <= '9' => (RedactionKind.Phone, PhoneToken),
            15 or 18 => (RedactionKind.IdNumber, IdToken),
            >= 16 and <= 19 => (RedactionKind.BankCard, CardToken),
            >= 10 => (RedactionKind.AccountNumber, AccountToken),
            _ => null,
        };
    }

    private static string Surname(string name) =>
        name.Length == 0 || name == Anonymiser.Placeholder ? ""
        : name.Length >= 3 && CompoundSurnames.Contains(name[..2]) ? name[..2]
        : name[..1];

    private static IEnumerable<int> IndexesOf(string text, string value)
    {
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
            yield return i;
    }

    /// <summary>Full-width ASCII forms and the ideographic space folded to ASCII, one character for one, so positions stay.</summary>
    public static string Fold(string text) => Text.ChineseText.Fold(text);

    private static string Digits(string value) => new([.. Fold(value).Where(char.IsAsciiDigit)]);

    // Most specific first: an e-mail before the digits in it, an ID before a phone inside it.
    private static readonly (Regex Pattern, RedactionKind Kind, string Replacement)[] Patterns =
    [
        (Email(), RedactionKind.Email, EmailToken),
        (Plate(), RedactionKind.Plate, PlateToken),
        (IdNumber(), RedactionKind.IdNumber, IdToken),
        (Mobile(), RedactionKind.Phone, PhoneToken),
        (GroupedCard(), RedactionKind.BankCard, CardToken),
        (Landline(), RedactionKind.Phone, PhoneToken),
        (LocalNumber(), RedactionKind.Phone, PhoneToken),
        (PhoneTail(), RedactionKind.Phone, PhoneToken),
        (DigitRun(), RedactionKind.AccountNumber, AccountToken),
        (StreetAddress(), RedactionKind.Address, AddressToken),
        (EstateAddress(), RedactionKind.Address, AddressToken),
        (VillageAddress(), RedactionKind.Address, AddressToken),
    ];

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    /// <summary>浙A12345, 浙A·D12345 (new energy), 浙 A 12345.</summary>
    [GeneratedRegex(@"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]\s?[A-HJ-NP-Z][·•.\s]?[A-HJ-NP-Z0-9]{5,6}(?![A-Za-z0-9])")]
    private static partial Regex Plate();

    /// <summary>18-digit ID (last may be X), also grouped 6-8-4 with spaces, or the old 15-digit one.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])(\d{6}[\s-]?\d{8}[\s-]?\d{3}[\dXx]|\d{15})(?![0-9A-Za-z])")]
    private static partial Regex IdNumber();

    /// <summary>Mainland mobile, also +86, 138-1234-8000, 138 1234 8000.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])(\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?![0-9A-Za-z])")]
    private static partial Regex Mobile();

    /// <summary>A card number written in groups of four: 6222 0212 3456 7890 123.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{4}(?:[\s-]\d{4}){3}(?:[\s-]\d{1,3})?(?![0-9A-Za-z])")]
    private static partial Regex GroupedCard();

    /// <summary>Landline with area code: 0571-87654321, (0571)87654321, 0571 8765 4321.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])[(（]?0\d{2,3}[)）]?[\s-]?\d{3,4}[\s-]?\d{4}(?![0-9A-Za-z])")]
    private static partial Regex Landline();

    /// <summary>A 7–8 digit local number, only where the text says it is a phone.</summary>
    [GeneratedRegex(@"(电话|座机|固话|手机|联系方式|号码|拨打|回电|致电)[是为:：\s]{0,3}(?<v>\d{3,4}[\s-]?\d{4})(?![0-9A-Za-z])")]
    private static partial Regex LocalNumber();

    /// <summary>尾号8000, 手机尾号为 8000, 后四位8000: the last digits identify a phone with the rest of the record.</summary>
    [GeneratedRegex(@"(尾号|后四位|末四位|后4位|末4位)[是为:：\s]{0,3}(?<v>\d{3,4})(?!\d)")]
    private static partial Regex PhoneTail();

    /// <summary>Any other run of 10 or more digits, grouped or not: a 户号, a card, an ID; classified by its length.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z.])\d{2,6}(?:[\s-]?\d{2,6}){1,5}(?![0-9A-Za-z.])|(?<![0-9A-Za-z.])\d{10,19}(?![0-9A-Za-z.])")]
    private static partial Regex DigitRun();

    // Where a place name may start: after a non-Chinese character, after an administrative unit (the
    // district stays), or after the words that introduce an address. A place name never holds those
    // words, so "客户反映天童南路588号" loses the address and keeps "客户反映".
    private const string PlaceStart = @"(?:(?<=^|[^\p{IsCJKUnifiedIdeographs}])|(?<=反映|位于|家住|住在|地址|住址|在|于|到|至|是|为|往|称|区|县|市|镇|乡|街道))";
    private const string PlaceChar = @"(?:(?!反映|位于|家住|住在|地址|住址|投诉|来电|客户|报修|附近)[\p{IsCJKUnifiedIdeographs}-[省市区县]])";

    /// <summary>A street and house number with what follows: 天童南路588号3幢1单元1802室, 文三路 100 号.</summary>
    [GeneratedRegex(PlaceStart + PlaceChar + @"{1,8}?(路|街|大道|巷|弄|胡同)\s*\d{1,5}\s*(号|弄)(\s*\d{1,5}\s*(号楼|幢|栋|单元|室|楼|层|户|号))*")]
    private static partial Regex StreetAddress();

    /// <summary>An estate with its building and flat: 阳光花园3栋2单元501, 金色家园12号楼.</summary>
    [GeneratedRegex(PlaceStart + PlaceChar + @"{1,8}?(小区|花园|家园|公寓|新村|苑|大厦)\s*\d{1,4}\s*(幢|栋|号楼|座)(\s*\d{1,5}\s*(单元|室|楼|层|户|号))*(\s*\d{1,5}(?![0-9]))?")]
    private static partial Regex EstateAddress();

    /// <summary>A village group and house: 李家村5组12号.</summary>
    [GeneratedRegex(PlaceStart + PlaceChar + @"{1,6}?村\s*\d{1,3}\s*(组|社)(\s*\d{1,4}\s*号)?")]
    private static partial Regex VillageAddress();

}
