namespace PowerService.Domain.WorkOrders;

/// <summary>What is wrong with one row of an imported file: its row number as the spreadsheet shows it, the column (as the file names it) and why, in Chinese.</summary>
public sealed record ImportError(int Row, string Column, string Message)
{
    /// <summary>"来电时间：无法识别的时间…", as the rejected file's 错误原因 column lists each.</summary>
    public string Text => string.IsNullOrEmpty(Column) ? Message : $"{Column}：{Message}";

    /// <summary>All of a row's reasons in one cell.</summary>
    public static string Join(IEnumerable<ImportError> errors) => string.Join("；", errors.Select(e => e.Text));
}

/// <summary>One data row of a file: its number as the spreadsheet shows it (the header is row 1 when it is the first) and its cells, in the header's order.</summary>
public sealed record ImportRow(int Number, IReadOnlyList<string?> Cells)
{
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);

    public string? this[int index] => index >= 0 && index < Cells.Count ? Cells[index] : null;
}
