namespace PowerService.Domain.Complaints;

/// <summary>The complaining customer as recorded at intake.</summary>
public sealed record Customer(
    string Name,
    string Phone,
    string? AccountNumber,
    string Address,
    CustomerType Type,
    bool IsSpecialGroup,
    string? SpecialGroupNote);
