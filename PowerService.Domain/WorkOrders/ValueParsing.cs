using System.Globalization;
using PowerService.Domain.Complaints;
using PowerService.Domain.Time;

namespace PowerService.Domain.WorkOrders;

/// <summary>A cell read as a value, or the Chinese reason it cannot be.</summary>
public readonly record struct Parsed<T>(T? Value, string? Error)
{
    public static Parsed<T> Ok(T value) => new(value, null);
    public static Parsed<T> Fail(string error) => new(default, error);
}

/// <summary>
/// Cell values as the 12398 / 12345 exports write them: times in China time in the formats those
/// systems and Excel produce (or an Excel serial number), the Chinese names of channels, categories
/// and urgencies with their common synonyms, phone numbers with spaces, dashes or +86.
/// </summary>
public static class ValueParsing
{
    private static readonly string[] TimeFormats =
    [
        "yyyy-M-d H:mm", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss", "yyyy.M.d H:mm", "yyyy.M.d H:mm:ss",
        "yyyy-M-d'T'H:mm", "yyyy-M-d'T'H:mm:ss", "yyyy-M-d'T'H:mm:ss.FFFFFFF",
        "yyyy年M月d日 H:mm", "yyyy年M月d日 H:mm:ss", "yyyy年M月d日H:mm", "yyyy年M月d日H:mm:ss", "yyyy年M月d日 H时m分", "yyyy年M月d日H时m分", "yyyy年M月d日H时m分s秒",
        "yyyyMMddHHmmss", "yyyyMMddHHmm", "yyyy-M-d H:mm:ss.FFF", "yyyy/M/d H:mm:ss.FFF",
    ];

    private static readonly string[] DateOnlyFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    public const string TimeExample = "如 2026-12-06 09:30 或 2026/12/6 9:30:00";

    /// <summary>
    /// A time written in China (or an Excel serial day number, as a date cell of an xlsx reads), as the instant it names.
    /// A date without a time is refused: the limits count from the hour of the call.
    /// </summary>
    public static Parsed<DateTimeOffset> Time(string text)
    {
        var value = CellText.Normalise(text).Replace('：', ':');
        while (value.Contains("  ", StringComparison.Ordinal)) value = value.Replace("  ", " ", StringComparison.Ordinal);
        if (DateTime.TryParseExact(value, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
            return Parsed<DateTimeOffset>.Ok(ChinaTime.FromChinaWallClock(wall));
        if (DateTime.TryParseExact(value, DateOnlyFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return Parsed<DateTimeOffset>.Fail($"“{value}”只有日期，缺少时分（{TimeExample}）");
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
            return ExcelSerial(serial, value);
        return Parsed<DateTimeOffset>.Fail($"无法识别的时间“{Short(value)}”（{TimeExample}）");
    }

    /// <summary>Excel's 1900 date system: day 1 is 1900-01-01, and day 60 the leap day 1900 never had, so later days count from 1899-12-30.</summary>
    private static Parsed<DateTimeOffset> ExcelSerial(double serial, string text)
    {
        // 36526 = 2000-01-01, 73051 = 2100-01-01: anything else is a number that is not a time of these platforms.
        if (serial is < 36526 or >= 73051 || double.IsNaN(serial))
            return Parsed<DateTimeOffset>.Fail($"无法识别的时间“{Short(text)}”（{TimeExample}）");
        var ticks = (long)Math.Round(serial * TimeSpan.TicksPerDay / TimeSpan.TicksPerSecond) * TimeSpan.TicksPerSecond;
        var wall = new DateTime(1899, 12, 30).AddTicks(ticks);
        if (serial == Math.Floor(serial)) return Parsed<DateTimeOffset>.Fail($"“{wall:yyyy-MM-dd}”只有日期，缺少时分（{TimeExample}）");
        return Parsed<DateTimeOffset>.Ok(ChinaTime.FromChinaWallClock(wall));
    }

    /// <summary>
    /// A phone as the intake rule reads it: a mobile as 11 digits, a landline as 区号-号码; spaces,
    /// dashes, brackets, +86 and full-width digits dropped. Of several numbers in one cell the first.
    /// Text that is no phone at all comes back unchanged, for the intake rule to refuse with its message.
    /// </summary>
    public static string Phone(string text)
    {
        var value = CellText.Normalise(text);
        var first = value.Split([',', ';', '/', '、', '，', '；', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? value;
        var digits = new string(first.Where(c => !(c is ' ' or '-' or '(' or ')' or '—' or '.')).ToArray());
        if (digits.StartsWith("+86", StringComparison.Ordinal)) digits = digits[3..];
        else if (digits.StartsWith("0086", StringComparison.Ordinal)) digits = digits[4..];
        else if (digits.Length == 13 && digits.StartsWith("861", StringComparison.Ordinal)) digits = digits[2..];
        if (!digits.All(char.IsAsciiDigit)) return value;
        if (digits.Length == 11 && digits[0] == '1') return digits;
        if (digits.Length is >= 10 and <= 12 && digits[0] == '0')
        {
            // 010 and 02x are the three-digit area codes (Beijing, Shanghai, Tianjin, Chongqing, big cities); the rest have four.
            var area = digits[1] is '1' or '2' ? 3 : 4;
            return $"{digits[..area]}-{digits[area..]}";
        }
        return value;
    }

    /// <summary>A number cell that a spreadsheet showed in scientific notation (3.30001E+12): the digits are lost.</summary>
    public static bool IsScientific(string text) =>
        text.Contains('E', StringComparison.OrdinalIgnoreCase) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && text.Any(char.IsAsciiDigit);

    /// <summary>户号 or 工单编号 as text; an Excel number that lost its digits is refused with what to do.</summary>
    public static Parsed<string> Code(string text, string what)
    {
        var value = CellText.Normalise(text).Replace(" ", "", StringComparison.Ordinal);
        return IsScientific(value)
            ? Parsed<string>.Fail($"{what}“{value}”被表格软件显示为科学计数法，位数已丢失：请将该列设为文本后重新导出")
            : Parsed<string>.Ok(value.EndsWith(".0", StringComparison.Ordinal) && value[..^2].All(char.IsAsciiDigit) ? value[..^2] : value);
    }

    public static Parsed<Channel> Channel(string text) => Named(text, ChineseNames.Channels, "投诉渠道", "12398、12345、95598、营业厅、电话、网上国网、微信、媒体");

    public static Parsed<Urgency> Urgency(string text) => Named(text, ChineseNames.Urgencies, "紧急程度", "一般、紧急、特急");

    public static Parsed<CustomerType> CustomerType(string text) => Named(text, ChineseNames.CustomerTypes, "客户类型", "居民、工商业、大客户");

    public static Parsed<ComplainantProfile> Profile(string text) => Named(text, ChineseNames.Profiles, "投诉人类型", "理智型、情绪型、高关注度");

    /// <summary>
    /// A category, with its sub-category when the cell names one ("停电/供电质量-计划停电未通知", "电费突增"):
    /// a sub-category's name says its category.
    /// </summary>
    public static Parsed<(Category Category, string? SubCategory)> Category(string text)
    {
        var key = ChineseNames.Key(text);
        if (ChineseNames.Categories.TryGetValue(key, out var exact)) return Parsed<(Category, string?)>.Ok((exact, null));
        foreach (var category in Enum.GetValues<Category>())
            foreach (var sub in SubCategories.For(category).OrderByDescending(s => s.Length))
                if (!SubCategories.IsCatchAll(sub) && key.Contains(sub, StringComparison.Ordinal)) return Parsed<(Category, string?)>.Ok((category, sub));
        foreach (var (name, category) in ChineseNames.Categories.OrderByDescending(c => c.Key.Length))
            if (name.Length >= 2 && key.StartsWith(name, StringComparison.Ordinal)) return Parsed<(Category, string?)>.Ok((category, null));
        return Parsed<(Category, string?)>.Fail($"无法识别的投诉类别“{Short(text)}”（可填：电费电价/计量、停电/供电质量、抢修/技术故障、服务态度/规范、其他，或其子类）");
    }

    /// <summary>A sub-category of <paramref name="category"/> as the cell writes it, or the category's catch-all when empty.</summary>
    public static Parsed<string> SubCategory(Category category, string? text)
    {
        var all = SubCategories.For(category);
        if (string.IsNullOrWhiteSpace(text)) return Parsed<string>.Ok(all[^1]);
        var key = ChineseNames.Key(text);
        var match = all.FirstOrDefault(s => s == key) ?? all.FirstOrDefault(s => key.Contains(s, StringComparison.Ordinal) && !SubCategories.IsCatchAll(s));
        if (match is null && key is "其他" or "其它") match = all[^1];
        return match is null
            ? Parsed<string>.Fail($"“{Short(text)}”不是“{Labels.Of(category)}”下的子类（可填：{string.Join("、", all)}）")
            : Parsed<string>.Ok(match);
    }

    private static Parsed<T> Named<T>(string text, IReadOnlyDictionary<string, T> names, string what, string allowed) where T : struct =>
        names.TryGetValue(ChineseNames.Key(text), out var value)
            ? Parsed<T>.Ok(value)
            : Parsed<T>.Fail($"无法识别的{what}“{Short(text)}”（可填：{allowed}）");

    internal static string Short(string text)
    {
        var value = text.Trim();
        return value.Length <= 20 ? value : value[..20] + "…";
    }
}
