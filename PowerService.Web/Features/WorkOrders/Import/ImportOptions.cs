namespace PowerService.Web.Features.WorkOrders.Import;

/// <summary>Settings of work-order import (section <c>WorkOrderImport</c>).</summary>
public sealed class ImportOptions
{
    /// <summary>The largest file accepted, in bytes (64 MiB: a platform's 50 MB month export fits).</summary>
    public long MaxFileBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Where uploads and rejected-row files are kept; the system's temporary folder by default.</summary>
    public string? Folder { get; set; }

    /// <summary>Work orders registered per call (each batch is one save; progress is reported per batch).</summary>
    public int BatchSize { get; set; } = 5_000;

    /// <summary>How long an upload nobody imported and a rejected-row file are kept.</summary>
    public TimeSpan KeepFilesFor { get; set; } = TimeSpan.FromDays(7);

    public string FolderPath => Folder is { Length: > 0 } folder ? folder : Path.Combine(Path.GetTempPath(), "powerservice-imports");
}
