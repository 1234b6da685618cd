namespace PowerService.Web.Features.WorkOrders.Import;

/// <summary>Settings of work-order import (section <c>WorkOrderImport</c>).</summary>
public sealed class ImportOptions
{
    /// <summary>The largest file accepted, in bytes (64 MiB: a platform's 50 MB month export fits).</summary>
    public long MaxFileBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Where uploads and rejected-row files are kept; the system's temporary folder by default.</summary>
    public string? Folder { get; set; }

    /// <summary>
    /// Work orders per batch: each batch is one transaction, stored while the next one is prepared, and
    /// progress is reported per batch. 10,000 hold SQLite's single writer about 2 s (docs/benchmarks.md).
    /// </summary>
    public int BatchSize { get; set; } = 10_000;

    /// <summary>How long an upload nobody imported and a rejected-row file are kept.</summary>
    public TimeSpan KeepFilesFor { get; set; } = TimeSpan.FromDays(7);

    public string FolderPath => Folder is { Length: > 0 } folder ? folder : Path.Combine(Path.GetTempPath(), "powerservice-imports");
}

/// <summary>
/// Settings that would quietly make imports crawl or refuse every file stop the app at start with the
/// reason instead: a batch size of 0 (an empty setting) used to mean batches of one work order, each its
/// own transaction — 100,000 rows then take many minutes instead of half a minute.
/// </summary>
public sealed class ImportOptionsValidation : Microsoft.Extensions.Options.IValidateOptions<ImportOptions>
{
    /// <summary>The largest batch measured (docs/benchmarks.md): larger ones hold SQLite's single writer for seconds.</summary>
    public const int MaxBatchSize = 20_000;

    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, ImportOptions options)
    {
        var problems = new List<string>();
        if (options.BatchSize is < 1 or > MaxBatchSize)
            problems.Add($"WorkOrderImport:BatchSize — 每批工单数须在 1 至 {MaxBatchSize} 之间，当前设置为 {options.BatchSize}");
        if (options.MaxFileBytes < 1024 * 1024)
            problems.Add($"WorkOrderImport:MaxFileBytes — 导入文件上限须不小于 1 MB，当前设置为 {options.MaxFileBytes} 字节");
        if (options.KeepFilesFor <= TimeSpan.Zero)
            problems.Add($"WorkOrderImport:KeepFilesFor — 文件保留时长须大于 0，当前设置为 {options.KeepFilesFor}");
        return problems.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problems);
    }
}
