using System.Globalization;
using System.Text.Json;
using PowerService.Domain.Text;

namespace PowerService.Domain.Time;

/// <summary>
/// Reads a year's calendar from the two forms admins get it in: the common public JSON
/// (<c>{year, days:[{name,date,isOffDay}]}</c>) and an ICS file whose all-day events are holidays,
/// with "班" or "上班" in the summary marking make-up working days. Bad input is a Chinese reason.
/// </summary>
public static class CalendarFormats
{
    public static (CalendarYear? Year, IReadOnlyList<FieldError> Errors) FromJson(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (!root.TryGetProperty("year", out var yearElement) || !yearElement.TryGetInt32(out var year) || year is < 2000 or > 2100)
                return Refuse("缺少有效的年份（year）");
            if (!root.TryGetProperty("days", out var daysElement) || daysElement.ValueKind != JsonValueKind.Array)
                return Refuse("缺少日期列表（days）");

            var days = new List<CalendarDay>();
            foreach (var item in daysElement.EnumerateArray())
            {
                var dateText = item.TryGetProperty("date", out var d) ? d.GetString() : null;
                if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return Refuse($"日期格式不正确：{dateText}（应为 yyyy-MM-dd）");
                if (date.Year != year) return Refuse($"{dateText} 不属于 {year} 年");
                if (!item.TryGetProperty("isOffDay", out var off) || off.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    return Refuse($"{dateText} 缺少 isOffDay（true 为放假，false 为调休上班）");
                var name = item.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
                days.Add(new CalendarDay(date, name, off.GetBoolean()));
            }
            return Check(year, days);
        }
        catch (JsonException)
        {
            return Refuse("文件不是有效的 JSON");
        }
    }

    public static (CalendarYear? Year, IReadOnlyList<FieldError> Errors) FromIcs(string ics, int year)
    {
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
                for (var day = s; day <= last; day = day.AddDays(1))
                    if (day.Year == year) days.Add(new CalendarDay(day, summary, !working));
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

    private static (CalendarYear?, IReadOnlyList<FieldError>) Refuse(string message) => (null, [new FieldError("File", message)]);
}
