using PowerService.Domain.WorkOrders;

namespace PowerService.Web.Features.WorkOrders.Import;

/// <summary>A row as the preview shows it: its cells as the file had them and, if it will not be imported, why.</summary>
public sealed record PreviewRow(int Row, IReadOnlyList<string?> Cells, string? Errors);

/// <summary>
/// What importing a file with a mapping would do, before anything is stored: the mapping's problems
/// (wrong columns: nothing can be imported), the first rows, every row's errors (the first
/// <see cref="ImportAnalysis.MaxErrorsShown"/> listed, all counted), and the counts.
/// </summary>
public sealed record ImportPreview(
    IReadOnlyList<string> Headers,
    IReadOnlyList<string> MappingProblems,
    IReadOnlyList<PreviewRow> FirstRows,
    IReadOnlyList<ImportError> Errors,
    int Total,
    int Valid,
    int Invalid,
    int DuplicateInFile,
    int AlreadyImported,
    string? ImportedBefore)
{
    public bool CanImport => MappingProblems.Count == 0 && Total > 0;

    /// <summary>Rows that will become new complaints.</summary>
    public int New => Valid - AlreadyImported;

    public int ErrorRows => Invalid + DuplicateInFile;

    public bool ErrorsCut => Errors.Count >= ImportAnalysis.MaxErrorsShown;
}
