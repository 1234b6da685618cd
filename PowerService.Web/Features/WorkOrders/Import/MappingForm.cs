using PowerService.Domain.Complaints;
using PowerService.Domain.WorkOrders;

namespace PowerService.Web.Features.WorkOrders.Import;

/// <summary>The mapping step's editable state: a field (or none) per column of the file, and the source's fixed values.</summary>
public sealed class MappingForm
{
    public List<(string Header, ImportField? Field)> Columns { get; } = [];
    public Channel? Channel { get; set; }
    public Category? Category { get; set; }
    public Urgency? Urgency { get; set; }
    public CustomerType? CustomerType { get; set; }
    public ComplainantProfile? Profile { get; set; }
    public string? Demands { get; set; }
    public string? ExpectedOutcome { get; set; }

    public static MappingForm From(IReadOnlyList<string> headers, ColumnMapping mapping)
    {
        var form = new MappingForm
        {
            Channel = mapping.Defaults.Channel, Category = mapping.Defaults.Category, Urgency = mapping.Defaults.Urgency,
            CustomerType = mapping.Defaults.CustomerType, Profile = mapping.Defaults.Profile,
            Demands = mapping.Defaults.Demands, ExpectedOutcome = mapping.Defaults.ExpectedOutcome,
        };
        foreach (var header in headers.Select(h => h.Trim()).Where(h => h.Length > 0).Distinct())
            form.Columns.Add((header, mapping.Columns.TryGetValue(header, out var field) ? field : null));
        return form;
    }

    public void Set(string header, ImportField? field)
    {
        var index = Columns.FindIndex(c => c.Header == header);
        if (index >= 0) Columns[index] = (header, field);
    }

    public ColumnMapping ToMapping() => new(
        Columns.Where(c => c.Field is not null).ToDictionary(c => c.Header, c => c.Field!.Value),
        new ImportDefaults
        {
            Channel = Channel, Category = Category, Urgency = Urgency, CustomerType = CustomerType, Profile = Profile,
            Demands = string.IsNullOrWhiteSpace(Demands) ? null : Demands.Trim(),
            ExpectedOutcome = string.IsNullOrWhiteSpace(ExpectedOutcome) ? null : ExpectedOutcome.Trim(),
        });
}
