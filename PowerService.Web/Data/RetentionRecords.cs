namespace PowerService.Web.Data;

public enum RetentionRunOutcome { Running, Finished, Interrupted }

/// <summary>
/// One pass of the retention job, started by the daily schedule or by an admin: the policy it ran
/// under, what it found and did, and how it ended. Its counts are written after each batch, so a
/// run cut short by a stop shows how far it came and is closed as interrupted by the next run.
/// Its audit record is written to the admin log when it ends.
/// </summary>
public sealed class RetentionRun
{
    public long Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When the counts were last written: a run not updated for long was cut short.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public RetentionRunOutcome Outcome { get; set; }

    /// <summary>Whether the daily schedule started it (otherwise an admin, named below).</summary>
    public bool Scheduled { get; set; }
    public string TriggeredById { get; set; } = "";
    public string TriggeredByName { get; set; } = "";
    public int Years { get; set; }

    /// <summary>Complaints that ended at or before this instant were due.</summary>
    public DateTimeOffset Cutoff { get; set; }
    public int Anonymised { get; set; }
    public int DocumentsDestroyed { get; set; }

    /// <summary>Due when looked at, but anonymised by another instance meanwhile or no longer due.</summary>
    public int Skipped { get; set; }
    public int Failed { get; set; }

    /// <summary>The numbers that failed and why (in Chinese, without personal data), for the admin to follow up.</summary>
    public string Failures { get; set; } = "";
}

/// <summary>
/// That a complaint's personal data was removed, by which run and policy, and which fields — never
/// the values. This row is also the sanction the database triggers require before they let the
/// complaint's timeline texts and issued documents be rewritten, so the one permitted rewrite of
/// the evidence always leaves its own record. Append-only, like the evidence it sanctions.
/// </summary>
public sealed class AnonymisationRecord
{
    public long Id { get; set; }
    public int ComplaintId { get; set; }
    public string Number { get; set; } = "";
    public long RunId { get; set; }
    public DateTimeOffset At { get; set; }
    public int Years { get; set; }
    public string Fields { get; set; } = "";
}
