namespace PowerService.Domain.Cases;

/// <summary>What a de-identified span was.</summary>
public enum RedactionKind { CustomerName, Phone, AccountNumber, IdNumber, BankCard, Email, Address, Plate, StaffName, Manual }

/// <summary>A placeholder in de-identified text: where it stands in the output, and what it replaced (the kind, never the value).</summary>
public sealed record Redaction(RedactionKind Kind, int Start, int Length);

/// <summary>De-identified text and where its placeholders are.</summary>
public sealed record DeidentifiedText(string Text, IReadOnlyList<Redaction> Redactions)
{
    public static DeidentifiedText Empty { get; } = new("", []);
}

/// <summary>How many spans of a kind a case's draft had replaced: what the trainer is shown.</summary>
public sealed record RedactionCount(RedactionKind Kind, int Count);
