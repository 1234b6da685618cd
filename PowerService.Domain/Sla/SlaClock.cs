namespace PowerService.Domain.Sla;

/// <summary>The deadlines a complaint runs against (docs/domain.md §4).</summary>
public enum ClockKind { FirstResponse, CustomerContact, Handling, FirstRevisit, SecondRevisit, Improvement }

/// <summary>
/// Where a clock stands: running green, past a warning threshold, breached; or ended — met in time,
/// met late, superseded by a new round (a re-opened resolution), or cancelled because the complaint
/// left the loop (merged, withdrawn, reclassified). Only met and met late count as done.
/// </summary>
public enum ClockState { OnTrack, Warning, Critical, Breached, Met, MetLate, Superseded, Cancelled }

/// <summary>Why a clock stopped: its step was done, a new round replaced it, or the complaint left the loop.</summary>
public enum ClockEnd { Completed, Superseded, Cancelled }

/// <summary>The fractions of the limit at which a running clock warns (default 75 % and 90 %).</summary>
public sealed record ClockThresholds(double Warning, double Critical)
{
    public static ClockThresholds Default { get; } = new(0.75, 0.90);

    public bool IsValid => Warning is > 0 and < 1 && Critical > Warning && Critical < 1;
}

/// <summary>
/// One running or stopped deadline. The limit, the rule it came from and the due time are fixed when
/// the clock starts, so a later change of policy never moves it and an audit can see which rule
/// applied; an extension granted by a manager moves <see cref="DueAt"/> and is on the timeline.
/// </summary>
public sealed record SlaClock(ClockKind Kind, TimeLimit Limit, DateTimeOffset StartedAt, DateTimeOffset DueAt, DateTimeOffset? StoppedAt = null, bool UsedFallbackCalendar = false, string? Rule = null)
{
    /// <summary>
    /// The clock's number within its complaint (1, 2, …), given when it starts and never reused. This,
    /// not the start time, identifies the clock wherever it is stored or keyed (alerts): instants
    /// lose precision differently in each store (SQLite 0.1 ms, PostgreSQL 1 µs, JSON 100 ns).
    /// </summary>
    public int Id { get; init; }

    /// <summary>Why the clock stopped; null while it runs (and for clocks stopped before this was recorded, which were completed).</summary>
    public ClockEnd? EndedAs { get; init; }

    public bool IsRunning => StoppedAt is null;

    public ClockReading Read(DateTimeOffset now, ClockThresholds thresholds)
    {
        if (StoppedAt is { } stopped)
        {
            var ended = EndedAs switch
            {
                ClockEnd.Superseded => ClockState.Superseded,
                ClockEnd.Cancelled => ClockState.Cancelled,
                _ => stopped <= DueAt ? ClockState.Met : ClockState.MetLate,
            };
            return new(ended, DueAt - stopped, 1);
        }

        var total = (DueAt - StartedAt).Ticks;
        var elapsed = (now - StartedAt).Ticks;
        var fraction = total <= 0 ? (now >= DueAt ? 1 : 0) : (double)elapsed / total;
        var state = now >= DueAt ? ClockState.Breached
            : fraction >= thresholds.Critical ? ClockState.Critical
            : fraction >= thresholds.Warning ? ClockState.Warning
            : ClockState.OnTrack;
        return new(state, DueAt - now, fraction);
    }

    /// <summary>
    /// The next instant after <paramref name="now"/> at which this running clock passes a level
    /// (warning, critical, breach); null when stopped or already breached. <see cref="Read"/> and this
    /// agree: at the instant returned, Read gives the higher level.
    /// </summary>
    public DateTimeOffset? NextLevelAfter(DateTimeOffset now, ClockThresholds thresholds)
    {
        if (!IsRunning) return null;
        var total = (DueAt - StartedAt).Ticks;
        DateTimeOffset[] levels = total <= 0
            ? [DueAt]
            : [StartedAt.AddTicks(CeilingTicks(total * thresholds.Warning)), StartedAt.AddTicks(CeilingTicks(total * thresholds.Critical)), DueAt];
        return levels.Where(l => l > now).Cast<DateTimeOffset?>().FirstOrDefault();
    }

    /// <summary>Rounded up, so the instant is never before the fraction is reached.</summary>
    private static long CeilingTicks(double ticks) => (long)Math.Ceiling(ticks);

    /// <summary>Stops a running clock; a stopped clock keeps how it ended.</summary>
    public SlaClock Stop(DateTimeOffset at, ClockEnd how = ClockEnd.Completed) => IsRunning ? this with { StoppedAt = at, EndedAs = how } : this;

    public SlaClock ExtendTo(DateTimeOffset newDue) =>
        newDue <= DueAt ? throw new ArgumentOutOfRangeException(nameof(newDue), "An extension moves the deadline later.") : this with { DueAt = newDue };
}

/// <summary>A clock as read at one moment: its state, the time left (negative when overdue) and the fraction used.</summary>
public readonly record struct ClockReading(ClockState State, TimeSpan Left, double Fraction);
