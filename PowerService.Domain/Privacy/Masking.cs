namespace PowerService.Domain.Privacy;

/// <summary>Display masking as commonly practised (docs/domain.md §8): 138****8000, 王**.</summary>
public static class Masking
{
    public static string Phone(string phone)
    {
        var digits = phone.Trim();
        if (digits.Length <= 4) return new string('*', digits.Length);
        var keepStart = Math.Min(3, digits.Length - 4);
        return digits[..keepStart] + new string('*', digits.Length - keepStart - 4) + digits[^4..];
    }

    public static string Name(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length <= 1 ? "*" : trimmed[..1] + new string('*', trimmed.Length - 1);
    }

    public static string? AccountNumber(string? account) =>
        account is null || account.Length <= 6 ? account : account[..2] + new string('*', account.Length - 6) + account[^4..];
}
