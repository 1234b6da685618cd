using PowerService.Domain.Time;

namespace PowerService.Tests.Domain.Time;

/// <summary>The 2025 and 2026 calendars the product ships (PowerService.Web/Data/Calendars), read as an admin would import them.</summary>
public static class ShippedCalendars
{
    public static CalendarYear Year(int year)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "Calendars", $"{year}.json");
        var (parsed, errors) = CalendarFormats.FromJson(File.ReadAllText(path));
        return parsed ?? throw new InvalidOperationException(string.Join("；", errors.Select(e => e.Message)));
    }

    public static WorkingCalendar Calendar { get; } = new([Year(2025), Year(2026)]);
}
