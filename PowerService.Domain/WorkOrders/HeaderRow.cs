namespace PowerService.Domain.WorkOrders;

/// <summary>
/// Where the header is: platform exports often put a title line or two above it ("12398 工单明细 2026年11月").
/// The header is the first of the file's first rows that names at least two known fields, else its first non-blank row.
/// </summary>
public static class HeaderRow
{
    /// <summary>How many rows from the top are looked at.</summary>
    public const int SearchRows = 10;

    public static ImportRow? Find(IEnumerable<ImportRow> firstRows)
    {
        ImportRow? firstNonBlank = null;
        foreach (var row in firstRows.Take(SearchRows))
        {
            if (row.IsBlank) continue;
            firstNonBlank ??= row;
            if (HeaderMatching.Suggest(row.Cells.Select(c => c ?? "").ToList()).Count >= 2) return row;
        }
        return firstNonBlank;
    }
}
