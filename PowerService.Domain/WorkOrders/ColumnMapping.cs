using PowerService.Domain.Complaints;

namespace PowerService.Domain.WorkOrders;

/// <summary>
/// The values a source gives every row whose file has no column (or an empty cell) for them: the
/// channel of the platform, and the category, urgency and the rest when the platform does not export them.
/// </summary>
public sealed record ImportDefaults
{
    public Channel? Channel { get; init; }
    public Category? Category { get; init; }
    public string? SubCategory { get; init; }
    public Urgency? Urgency { get; init; }
    public CustomerType? CustomerType { get; init; }
    public ComplainantProfile? Profile { get; init; }
    public string? Demands { get; init; }
    public string? ExpectedOutcome { get; init; }

    public bool Has(ImportField field) => field switch
    {
        ImportField.Channel => Channel is not null,
        ImportField.Category => Category is not null,
        ImportField.SubCategory => SubCategory is not null,
        ImportField.Urgency => Urgency is not null,
        ImportField.CustomerType => CustomerType is not null,
        ImportField.Profile => Profile is not null,
        ImportField.Demands => !string.IsNullOrWhiteSpace(Demands),
        ImportField.ExpectedOutcome => !string.IsNullOrWhiteSpace(ExpectedOutcome),
        _ => false,
    };
}

/// <summary>
/// How one platform's export reads: each column header (as the file spells it, trimmed) and the
/// intake field it fills, and the source's fixed values. Columns not listed are ignored.
/// </summary>
public sealed record ColumnMapping(IReadOnlyDictionary<string, ImportField> Columns, ImportDefaults Defaults)
{
    public static ColumnMapping Empty { get; } = new(new Dictionary<string, ImportField>(), new ImportDefaults());

    /// <summary>The header mapped to <paramref name="field"/>, if any.</summary>
    public string? ColumnOf(ImportField field) => Columns.Where(c => c.Value == field).Select(c => c.Key).FirstOrDefault();

    /// <summary>This mapping for a file with these headers: the saved columns the file has, and suggestions for the rest.</summary>
    public ColumnMapping For(IReadOnlyList<string> headers)
    {
        var trimmed = headers.Select(h => h.Trim()).Where(h => h.Length > 0).Distinct().ToList();
        var columns = trimmed.Where(Columns.ContainsKey).ToDictionary(h => h, h => Columns[h]);
        foreach (var (header, guess) in HeaderMatching.Suggest(trimmed))
            if (!columns.ContainsKey(header) && !columns.Values.Contains(guess)) columns[header] = guess;
        return this with { Columns = columns };
    }
}
