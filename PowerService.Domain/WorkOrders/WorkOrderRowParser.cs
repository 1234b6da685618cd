using PowerService.Domain.Complaints;

namespace PowerService.Domain.WorkOrders;

/// <summary>One row read: the intake it makes when nothing is wrong, else every reason, each at its column.</summary>
public sealed record ParsedRow(int Row, ComplaintIntake? Intake, IReadOnlyList<ImportError> Errors, string? Key)
{
    public bool Valid => Errors.Count == 0;
}

/// <summary>
/// Reads rows of a file through a column mapping into <see cref="ComplaintIntake"/>s: each cell is
/// parsed into its field (a cell that cannot be read says why, at its column), empty cells take the
/// source's fixed value, and <see cref="ComplaintIntake.Check"/> — the one set of intake rules — judges the rest.
/// </summary>
public sealed class WorkOrderRowParser
{
    private readonly Dictionary<ImportField, int> _index = [];
    private readonly Dictionary<ImportField, string> _column = [];
    private readonly ImportDefaults _defaults;

    /// <param name="headers">The file's header row; the mapping must have passed <see cref="MappingCheck"/> for it.</param>
    public WorkOrderRowParser(IReadOnlyList<string> headers, ColumnMapping mapping)
    {
        _defaults = mapping.Defaults;
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim();
            if (mapping.Columns.TryGetValue(header, out var field) && _index.TryAdd(field, i)) _column[field] = header;
        }
    }

    /// <summary>The column an intake field's message belongs to: the file's header, or the fixed value it came from.</summary>
    public string ColumnFor(ImportField field) =>
        _column.TryGetValue(field, out var header) ? header : $"{ImportFields.Label(field)}（固定值）";

    /// <summary>The key two rows of one file (and the database) are the same work order by: channel and upstream reference.</summary>
    public static string KeyOf(Channel channel, string reference) => $"{(int)channel}|{reference.Trim().ToUpperInvariant()}";

    public ParsedRow Parse(ImportRow row, DateTimeOffset now)
    {
        var errors = new List<ImportError>();
        var failed = new HashSet<ImportField>();

        T? Read<T>(ImportField field, Func<string, Parsed<T>> parse, T? fallback)
        {
            if (Cell(row, field) is not { } text) return fallback;
            var parsed = parse(text);
            if (parsed.Error is null) return parsed.Value;
            errors.Add(new(row.Number, ColumnFor(field), parsed.Error));
            failed.Add(field);
            return default;
        }

        var reference = Read(ImportField.UpstreamReference, t => ValueParsing.Code(t, "工单编号"), null);
        var received = Read<DateTimeOffset?>(ImportField.ReceivedAt, t => Lift(ValueParsing.Time(t)), null);
        var channel = Read<Channel?>(ImportField.Channel, t => Lift(ValueParsing.Channel(t)), _defaults.Channel);
        var account = Read(ImportField.AccountNumber, t => ValueParsing.Code(t, "户号"), null);
        var customerType = Read<CustomerType?>(ImportField.CustomerType, t => Lift(ValueParsing.CustomerType(t)), _defaults.CustomerType);
        var urgency = Read<Urgency?>(ImportField.Urgency, t => Lift(ValueParsing.Urgency(t)), _defaults.Urgency);
        var profile = Read<ComplainantProfile?>(ImportField.Profile, t => Lift(ValueParsing.Profile(t)), _defaults.Profile);
        var classified = Read<(Category, string?)?>(ImportField.Category, t => Lift(ValueParsing.Category(t)),
            _defaults.Category is { } fixedCategory ? (fixedCategory, _defaults.SubCategory) : null);
        string? subCategory = null;
        if (classified is var (category, named))
        {
            var fromCell = Cell(row, ImportField.SubCategory);
            var sub = ValueParsing.SubCategory(category, fromCell ?? named ?? (_defaults.Category == category ? _defaults.SubCategory : null));
            if (sub.Error is null) subCategory = sub.Value;
            else if (failed.Add(ImportField.SubCategory)) errors.Add(new(row.Number, ColumnFor(fromCell is null ? ImportField.Category : ImportField.SubCategory), sub.Error));
        }
        var note = Cell(row, ImportField.SpecialGroupNote);
        var phone = Cell(row, ImportField.Phone);

        var intake = new ComplaintIntake
        {
            Channel = channel,
            UpstreamReference = reference,
            ReceivedAt = received,
            CustomerName = Cell(row, ImportField.CustomerName),
            Phone = phone is null ? null : ValueParsing.Phone(phone),
            AccountNumber = account,
            Address = Cell(row, ImportField.Address),
            CustomerType = customerType,
            IsSpecialGroup = note is not null,
            SpecialGroupNote = note,
            Category = classified?.Item1,
            SubCategory = subCategory,
            Urgency = urgency,
            Content = Cell(row, ImportField.Content),
            Demands = Cell(row, ImportField.Demands) ?? CellText.Value(_defaults.Demands),
            ExpectedOutcome = Cell(row, ImportField.ExpectedOutcome) ?? CellText.Value(_defaults.ExpectedOutcome),
            Profile = profile,
        };
        foreach (var error in intake.Check(now))
        {
            var field = ImportFields.FromIntakeField(error.Field);
            if (field is { } f && failed.Contains(f)) continue;
            errors.Add(new(row.Number, field is { } known ? ColumnFor(known) : "", error.Message));
        }
        var key = channel is { } c && !string.IsNullOrWhiteSpace(reference) ? KeyOf(c, reference) : null;
        return errors.Count == 0 ? new(row.Number, intake, [], key) : new(row.Number, null, errors, key);
    }

    private string? Cell(ImportRow row, ImportField field) => _index.TryGetValue(field, out var i) ? CellText.Value(row[i]) : null;

    private static Parsed<T?> Lift<T>(Parsed<T> parsed) where T : struct =>
        parsed.Error is null ? new(parsed.Value, null) : new(null, parsed.Error);
}
