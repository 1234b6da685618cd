namespace PowerService.Domain.WorkOrders;

/// <summary>
/// Whether a mapping can read a file with these headers, before any row is read: a file with the
/// wrong columns is refused whole, saying which column is missing or doubled.
/// </summary>
public static class MappingCheck
{
    public static IReadOnlyList<string> Problems(IReadOnlyList<string> headers, ColumnMapping mapping)
    {
        var problems = new List<string>();
        var trimmed = headers.Select(h => h.Trim()).ToList();
        if (trimmed.All(h => h.Length == 0)) return ["文件第一行没有列名：请使用平台导出的原始文件（第一行为表头）"];
        foreach (var doubled in trimmed.Where(h => h.Length > 0).GroupBy(h => h).Where(g => g.Count() > 1))
            if (mapping.Columns.ContainsKey(doubled.Key)) problems.Add($"文件中有 {doubled.Count()} 个名为“{doubled.Key}”的列，无法确定使用哪一列");
        foreach (var column in mapping.Columns.Keys.Where(c => !trimmed.Contains(c)))
            problems.Add($"文件中没有映射所需的列“{column}”（{ImportFields.Label(mapping.Columns[column])}）：请确认选择的来源或调整映射");
        foreach (var field in mapping.Columns.GroupBy(c => c.Value).Where(g => g.Count() > 1))
            problems.Add($"{string.Join("、", field.Select(c => $"“{c.Key}”"))} 都对应“{ImportFields.Label(field.Key)}”，只能选一列");
        foreach (var field in ImportFields.NeedColumn.Where(f => mapping.ColumnOf(f) is null))
            problems.Add(field == ImportField.UpstreamReference
                ? "须指定“工单编号”列：重复导入时据此识别同一工单"
                : $"须指定“{ImportFields.Label(field)}”对应的列");
        foreach (var field in ImportFields.NeedColumnOrDefault.Where(f => mapping.ColumnOf(f) is null && !mapping.Defaults.Has(f)))
            problems.Add($"“{ImportFields.Label(field)}”既没有对应的列，也没有设置固定值");
        return problems;
    }
}
