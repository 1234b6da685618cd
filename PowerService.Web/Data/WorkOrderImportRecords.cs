namespace PowerService.Web.Data;

/// <summary>
/// A platform whose exports are imported (the 12398 hotline, the city's 12345…) and how its files read:
/// the column mapping and the fixed values (<see cref="PowerService.Domain.WorkOrders.ColumnMapping"/>) as JSON.
/// Admins and managers keep it; each change is on the admin log.
/// </summary>
public sealed class WorkOrderSourceRecord
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string MappingJson { get; set; } = "{}";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    /// <summary>Counts every change: two people saving one source's mapping are told apart.</summary>
    public int Revision { get; set; }
}

/// <summary>
/// One import of a file: who, which file (name, size, SHA-256), from which source, and what came of it.
/// Written when the import starts and kept up to date after every batch, so the counts are true even
/// if the app stops part way; an import whose <see cref="HeartbeatAt"/> is old and which never finished was interrupted.
/// </summary>
public sealed class WorkOrderImportRecord
{
    public Guid Id { get; set; }
    public string SourceName { get; set; } = "";
    public string FileName { get; set; } = "";
    public long FileSize { get; set; }
    public string Sha256 { get; set; } = "";
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string Department { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset HeartbeatAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public WorkOrderImportStatus Status { get; set; }
    public int TotalRows { get; set; }
    public int Processed { get; set; }
    public int Created { get; set; }
    public int AlreadyThere { get; set; }
    public int Rejected { get; set; }
    public string? Error { get; set; }
}

public enum WorkOrderImportStatus { Running, Finished, Failed, Cancelled }
