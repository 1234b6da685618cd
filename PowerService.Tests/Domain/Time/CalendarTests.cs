using PowerService.Domain.Time;

namespace PowerService.Tests.Domain.Time;

public class CalendarTests
{
    [Fact]
    public void The_shipped_2026_calendar_has_its_holidays_and_make_up_days()
    {
        var year = ShippedCalendars.Year(2026);

        Assert.Equal(6, year.Days.Count(d => !d.IsOffDay));
        Assert.Equal(9, year.Days.Count(d => d.Name == "春节" && d.IsOffDay));
        var calendar = ShippedCalendars.Calendar;
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 5)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 2, 28)));  // Saturday, 调休上班
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 11, 23)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 22)));
        Assert.Equal([2025, 2026], calendar.KnownYears.Order());
    }

    [Fact]
    public void An_ics_file_reads_holidays_and_make_up_days()
    {
        const string ics = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20270206
            DTEND;VALUE=DATE:20270209
            SUMMARY:春节 休
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20270131
            SUMMARY:春节 补班
            END:VEVENT
            END:VCALENDAR
            """;

        var (year, errors) = CalendarFormats.FromIcs(ics, 2027);

        Assert.Empty(errors);
        Assert.Equal([new DateOnly(2027, 1, 31), new DateOnly(2027, 2, 6), new DateOnly(2027, 2, 7), new DateOnly(2027, 2, 8)], year!.Days.Select(d => d.Date));
        Assert.Equal([false, true, true, true], year.Days.Select(d => d.IsOffDay));
    }

    [Theory]
    [InlineData("not json", "文件不是有效的 JSON")]
    [InlineData("{\"days\":[]}", "缺少有效的年份（year，2000–2100 的整数）")]
    [InlineData("{\"year\":\"2027\",\"days\":[]}", "缺少有效的年份（year，2000–2100 的整数）")]
    [InlineData("[]", "文件格式不正确：应为 {\"year\": 2027, \"days\": [...]} 形式的对象")]
    [InlineData("\"2027\"", "文件格式不正确：应为 {\"year\": 2027, \"days\": [...]} 形式的对象")]
    [InlineData("{\"year\":2027,\"days\":[1]}", "第 1 项不是 {\"name\", \"date\", \"isOffDay\"} 形式的对象")]
    [InlineData("{\"year\":2027,\"days\":{}}", "缺少日期列表（days）")]
    [InlineData("{\"year\":2027,\"days\":[{\"date\":20270101,\"isOffDay\":true}]}", "第 1 项的日期（date）应为 \"yyyy-MM-dd\" 形式的文字")]
    [InlineData("{\"year\":2027,\"days\":[{\"date\":\"2027-13-01\",\"isOffDay\":true}]}", "日期格式不正确：2027-13-01（应为 yyyy-MM-dd）")]
    [InlineData("{\"year\":2027,\"days\":[{\"date\":\"2027-01-01\",\"name\":1,\"isOffDay\":true}]}", "2027-01-01 的名称（name）应为文字")]
    [InlineData("{\"year\":2027,\"days\":[{\"date\":\"2027-01-01\",\"name\":\"<b>元旦</b>\",\"isOffDay\":true}]}", "2027-01-01 的名称须为不超过 20 字的纯文本")]
    [InlineData("{\"year\":2027,\"days\":[{\"date\":\"2026-12-31\",\"isOffDay\":true}]}", "2026-12-31 不属于 2027 年")]
    [InlineData("{\"year\":2027,\"days\":[{\"date\":\"2027-01-01\"}]}", "2027-01-01 缺少 isOffDay（true 为放假，false 为调休上班）")]
    [InlineData("{\"year\":2027,\"days\":[{\"date\":\"2027-01-01\",\"isOffDay\":true},{\"date\":\"2027-01-01\",\"isOffDay\":true}]}", "2027-01-01 出现了多次")]
    public void A_bad_calendar_file_is_refused_with_a_reason(string json, string reason)
    {
        var (year, errors) = CalendarFormats.FromJson(json);

        Assert.Null(year);
        Assert.Equal(reason, Assert.Single(errors).Message);
    }

    [Fact]
    public void A_holiday_name_of_any_length_is_refused_when_longer_than_twenty_characters()
    {
        var json = $"{{\"year\":2027,\"days\":[{{\"date\":\"2027-01-01\",\"name\":\"{new string('元', 20_000)}\",\"isOffDay\":true}}]}}";

        var (year, errors) = CalendarFormats.FromJson(json);

        Assert.Null(year);
        Assert.Equal("2027-01-01 的名称须为不超过 20 字的纯文本", Assert.Single(errors).Message);
    }

    [Fact]
    public void A_calendar_listing_more_days_than_a_year_has_holidays_is_refused()
    {
        var days = string.Join(",", Enumerable.Range(0, 81).Select(i => $"{{\"date\":\"{new DateOnly(2027, 1, 1).AddDays(i):yyyy-MM-dd}\",\"isOffDay\":true}}"));

        var (year, errors) = CalendarFormats.FromJson($"{{\"year\":2027,\"days\":[{days}]}}");

        Assert.Null(year);
        Assert.Contains("超过 80 项", Assert.Single(errors).Message);
    }

    [Theory]
    [InlineData("00010101", "99991231")]
    [InlineData("20270101", "20280101")]
    [InlineData("20270201", "20270218")]
    public void An_ics_event_longer_than_any_holiday_is_refused_and_nothing_is_read(string from, string to)
    {
        var ics = $"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:{from}\nDTEND;VALUE=DATE:{to}\nSUMMARY:全年放假\nEND:VEVENT\nEND:VCALENDAR";

        var (year, errors) = CalendarFormats.FromIcs(ics, 2027);

        Assert.Null(year);
        Assert.Contains("超过 15 天，不是一个假期", Assert.Single(errors).Message);
    }

    [Fact]
    public void An_ics_event_named_with_markup_is_refused()
    {
        var ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nSUMMARY:<script>x</script>\nEND:VEVENT\nEND:VCALENDAR";

        var (year, errors) = CalendarFormats.FromIcs(ics, 2027);

        Assert.Null(year);
        Assert.Contains("须为不超过 20 字的纯文本", Assert.Single(errors).Message);
    }
}
