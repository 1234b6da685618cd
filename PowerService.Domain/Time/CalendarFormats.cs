using System.Globalization;
using System.Text.Json;
using PowerService.Domain.Text;

namespace PowerService.Domain.Time;

/// <summary>
/// Reads a year's calendar from the two forms admins get it in: the common public JSON
/// (<c>{year, days:[{name,date,isOffDay}]}</c>) and an ICS file whose all-day events are holidays,
/// with "班" or "上班" in the summary marking make-up working days. Bad input is a Chinese reason,
/// never an exception: whatever the file's shape, size or dates, it is refused whole or read whole.
/// </summary>
public static class CalendarFormats
{
    /// <summary>A calendar file is a few kilobytes; anything near this is not one.</summary>
    public const int MaxFileLength = 200_000;

    /// <summary>The longest PRC holiday (Spring Festival with its weekends) is 9 days; 15 leaves room for local additions.</summary>
    public const int MaxEventDays = 15;

    /// <summary>A year lists about 30 holidays and 8 make-up days; more than this is a wrong file, not a calendar.</summary>
    public const int MaxListedDays = 80;

    public const int MaxNameLength = 20;

    public static (CalendarYear? Year, IReadOnlyList<FieldError> Errors) FromJson(string json)
    {
        if (json.Length > MaxFileLength) return Refuse($"文件过大（超过 {MaxFileLength / 1000} KB），不是节假日历文件");
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Refuse("文件格式不正确：应为 {\"year\": 2027, \"days\": [...]} 形式的对象");
            if (!root.TryGetProperty("year", out var yearElement) || yearElement.ValueKind != JsonValueKind.Number
                || !yearElement.TryGetInt32(out var year) || year is < 2000 or > 2100)
                return Refuse("缺少有效的年份（year，2000–2100 的整数）");
            if (!root.TryGetProperty("days", out var daysElement) || daysElement.ValueKind != JsonValueKind.Array)
                return Refuse("缺少日期列表（days）");
            if (daysElement.GetArrayLength() > MaxListedDays)
                return Refuse($"日期列表有 {daysElement.GetArrayLength()} 项，超过 {MaxListedDays} 项，不像一年的节假日与调休安排");

            var days = new List<CalendarDay>();
            var position = 0;
            foreach (var item in daysElement.EnumerateArray())
            {
                position++;
                if (item.ValueKind != JsonValueKind.Object) return Refuse($"第 {position} 项不是 {{\"name\", \"date\", \"isOffDay\"}} 形式的对象");
                if (!item.TryGetProperty("date", out var d) || d.ValueKind != JsonValueKind.String)
                    return Refuse($"第 {position} 项的日期（date）应为 \"yyyy-MM-dd\" 形式的文字");
                var dateText = d.GetString()!;
                if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return Refuse($"日期格式不正确：{Excerpt(dateText)}（应为 yyyy-MM-dd）");
                if (date.Year != year) return Refuse($"{dateText} 不属于 {year} 年");
                if (!item.TryGetProperty("isOffDay", out var off) || off.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    return Refuse($"{dateText} 缺少 isOffDay（true 为放假，false 为调休上班）");
                if (!item.TryGetProperty("name", out var n) || n.ValueKind is JsonValueKind.Null) n = default;
                else if (n.ValueKind != JsonValueKind.String) return Refuse($"{dateText} 的名称（name）应为文字");
                var name = n.ValueKind == JsonValueKind.String ? n.GetString()!.Trim() : "";
                if (NameProblem(name) is { } problem) return Refuse($"{dateText} 的名称{problem}");
                days.Add(new CalendarDay(date, name, off.GetBoolean()));
            }
            return Check(year, days);
        }
        catch (JsonException)
        {
            return Refuse("文件不是有效的 JSON");
        }
    }

    /// <summary>Why a holiday name cannot be stored, or null: short plain text, as on the single-day form.</summary>
    public static string? NameProblem(string? name) =>
        !TextRules.WithinLength(name, MaxNameLength) || !TextRules.IsPlainText(name) ? $"须为不超过 {MaxNameLength} 字的纯文本" : null;

    public static (CalendarYear? Year, IReadOnlyList<FieldError> Errors) FromIcs(string ics, int year)
    {
        if (ics.Length > MaxFileLength) return Refuse($"文件过大（超过 {MaxFileLength / 1000} KB），不是节假日历文件");
        var days = new List<CalendarDay>();
        string? summary = null;
        DateOnly? start = null, end = null;
        foreach (var raw in ics.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line == "BEGIN:VEVENT") (summary, start, end) = (null, null, null);
            else if (line.StartsWith("SUMMARY", StringComparison.Ordinal)) summary = line[(line.IndexOf(':') + 1)..].Trim();
            else if (line.StartsWith("DTSTART", StringComparison.Ordinal)) start = IcsDate(line);
            else if (line.StartsWith("DTEND", StringComparison.Ordinal)) end = IcsDate(line);
            else if (line == "END:VEVENT" && start is { } s && summary is not null)
            {
                var working = summary.Contains('班');
                var last = end is { } e && e > s ? e.AddDays(-1) : s; // DTEND of an all-day event is exclusive
                if (last.DayNumber - s.DayNumber + 1 > MaxEventDays)
                    return Refuse($"事件“{Excerpt(summary)}”从 {s:yyyy-MM-dd} 到 {last:yyyy-MM-dd}，超过 {MaxEventDays} 天，不是一个假期");
                if (NameProblem(summary) is { } problem) return Refuse($"事件名称“{Excerpt(summary)}”{problem}");
                for (var day = s; day <= last; day = day.AddDays(1))
                    if (day.Year == year) days.Add(new CalendarDay(day, summary, !working));
                if (days.Count > MaxListedDays) return Refuse($"{year} 年的事件超过 {MaxListedDays} 天，不像一年的节假日与调休安排");
            }
        }
        return days.Count == 0 ? Refuse($"ICS 文件中没有 {year} 年的全天事件") : Check(year, days);
    }

    private static DateOnly? IcsDate(string line)
    {
        var value = line[(line.IndexOf(':') + 1)..].Trim();
        return DateOnly.TryParseExact(value.Length >= 8 ? value[..8] : value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static (CalendarYear?, IReadOnlyList<FieldError>) Check(int year, List<CalendarDay> days)
    {
        var duplicate = days.GroupBy(d => d.Date).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) return Refuse($"{duplicate.Key:yyyy-MM-dd} 出现了多次");
        return (new CalendarYear(year, days.OrderBy(d => d.Date).ToList()), []);
    }

    /// <summary>A name as quoted back in a message: short, so a pasted essay does not become the message.</summary>
    private static string Excerpt(string text) => text.Length <= MaxNameLength ? text : text[..MaxNameLength] + "…";

    private static (CalendarYear?, IReadOnlyList<FieldError>) Refuse(string message) => (null, [new FieldError("File", message)]);
}
