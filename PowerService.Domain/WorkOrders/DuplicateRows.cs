namespace PowerService.Domain.WorkOrders;

/// <summary>
/// Rows of one file that are the same work order (channel and upstream reference) as a valid row
/// above them: the first is imported, each later one is refused naming the first.
/// </summary>
public sealed class DuplicateRows
{
    private readonly Dictionary<string, int> _first = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    /// <summary>The row as it stands once its earlier twins are known: unchanged, or refused as a repeat.</summary>
    public ParsedRow Check(ParsedRow row)
    {
        if (!row.Valid || row.Key is null) return row;
        if (_first.TryAdd(row.Key, row.Row)) return row;
        Count++;
        return row with
        {
            Intake = null,
            Errors = [new ImportError(row.Row, "", $"与第 {_first[row.Key]} 行是同一工单（渠道和工单编号相同），文件内重复，只导入第 {_first[row.Key]} 行")],
        };
    }
}
