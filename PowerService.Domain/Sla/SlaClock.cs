namespace PowerService.Domain.Sla;

/// <summary>The deadlines a complaint runs against (docs/domain.md §4).</summary>
public enum ClockKind { FirstResponse, CustomerContact, Handling, FirstRevisit, SecondRevisit, Improvement }

/// <summary>Where a clock stands: running green, past a warning threshold, breached, or stopped.</summary>
public enum ClockState { OnTrack, Warning, Critical, Breached, Met, MetLate }

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
    public bool IsRunning => StoppedAt is null;

    public ClockReading Read(DateTimeOffset now, ClockThresholds thresholds)
    {
        if (StoppedAt is { } stopped)
            return new(stopped <= DueAt ? ClockState.Met : ClockState.MetLate, DueAt - stopped, 1);

        var total = (DueAt - StartedAt).Ticks;
        var elapsed = (now - StartedAt).Ticks;
        var fraction = total <= 0 ? (now >= DueAt ? 1 : 0) : (double)elapsed / total;
        var state = now >= DueAt ? ClockState.Breached
            : fraction >= thresholds.Critical ? ClockState.Critical
            : fraction >= thresholds.Warning ? ClockState.Warning
            : ClockState.OnTrack;
        return new(state, DueAt - now, fraction);
    }

    public SlaClock Stop(DateTimeOffset at) => IsRunning ? this with { StoppedAt = at } : this;

    public SlaClock ExtendTo(DateTimeOffset newDue) =>
        newDue <= DueAt ? throw new ArgumentOutOfRangeException(nameof(newDue), "An extension moves the deadline later.") : this with { DueAt = newDue };
}

/// <summary>A clock as read at one moment: its state, the time left (negative when overdue) and the fraction used.</summary>
public readonly record struct ClockReading(ClockState State, TimeSpan Left, double Fraction);
