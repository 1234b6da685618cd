namespace PowerService.Web.Features.Shared;

/// <summary>
/// Logs a failure of background work the first time it happens, then only how often it repeated:
/// once an hour while it persists and once when it recovers. A job that retries every 30 seconds
/// must not write a stack trace every 30 seconds (it buried real errors under megabytes of log).
/// </summary>
public sealed class RepeatedFailureLog(ILogger logger, TimeProvider time)
{
    /// <summary>How often a failure that persists is reported again, with its count.</summary>
    public static readonly TimeSpan RepeatEvery = TimeSpan.FromHours(1);

    private readonly Dictionary<string, Streak> _streaks = [];
    private readonly Lock _lock = new();

    /// <summary>Failures that have not recovered yet, by key.</summary>
    public IReadOnlyDictionary<string, int> Open
    {
        get { lock (_lock) return _streaks.ToDictionary(s => s.Key, s => s.Value.Count); }
    }

    public void Failed(string key, string what, Exception exception)
    {
        var now = time.GetUtcNow();
        Streak streak;
        lock (_lock)
        {
            streak = _streaks.TryGetValue(key, out var known)
                ? known with { Count = known.Count + 1 }
                : new Streak(1, now, DateTimeOffset.MinValue);
            var report = now - streak.LastReported >= RepeatEvery;
            _streaks[key] = report ? streak with { LastReported = now } : streak;
            if (!report) return;
        }
        if (streak.Count == 1)
            logger.LogError(exception, "{What} failed; retrying, and repeats are counted rather than logged", what);
        else
            logger.LogError("{What} still failing: {Count} attempts since {Since:u}; last error: {Error}", what, streak.Count, streak.Since, exception.Message);
    }

    public void Succeeded(string key, string what)
    {
        Streak? ended;
        lock (_lock)
        {
            if (!_streaks.Remove(key, out var streak)) return;
            ended = streak;
        }
        logger.LogInformation("{What} succeeded again after {Count} failed attempts since {Since:u}", what, ended.Count, ended.Since);
    }

    private sealed record Streak(int Count, DateTimeOffset Since, DateTimeOffset LastReported);
}
