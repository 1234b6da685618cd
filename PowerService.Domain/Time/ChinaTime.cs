namespace PowerService.Domain.Time;

/// <summary>
/// China Standard Time. Mainland China has used a fixed UTC+8 without daylight saving since 1991,
/// so a constant offset is exact and does not depend on the server's zone or tz database.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChina(this DateTimeOffset utc) => utc.ToOffset(Offset);

    public static DateOnly ChinaDate(this DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    public static string Format(DateTimeOffset instant) => instant.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm");

    /// <summary>To the second, for logs where events a moment apart must read apart (the API call log).</summary>
    public static string FormatToSecond(DateTimeOffset instant) => instant.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm:ss");

    /// <summary>A wall-clock time typed in China, as the instant it names.</summary>
    public static DateTimeOffset FromChinaWallClock(DateTime wallClock) =>
        new(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), Offset);
}
