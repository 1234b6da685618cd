using System.Text.RegularExpressions;
using PowerService.Domain.Complaints;

namespace PowerService.Domain.Privacy;

/// <summary>
/// Masking inside free text (content, demands, notes, findings…): the customer's own name, phone, 户号
/// and address wherever they were written, and anything shaped like an ID number, a phone number
/// or a 户号, whoever's it is.
/// </summary>
public static partial class TextMasking
{
    public static string Mask(string text, Customer customer)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var masked = text;
        // The customer's own values first, longest first, so the address goes before a name inside it.
        foreach (var (value, shown) in OwnValues(customer).OrderByDescending(v => v.Value.Length))
            masked = masked.Replace(value, shown, StringComparison.Ordinal);
        masked = PersonalDataPatterns.IdNumber().Replace(masked, m => Masking.IdNumber(m.Value));
        masked = PersonalDataPatterns.Mobile().Replace(masked, m => Masking.Phone(Digits(m.Value)));
        masked = PersonalDataPatterns.Landline().Replace(masked, m => Masking.Phone(m.Value));
        return AccountLike().Replace(masked, m => Masking.AccountNumber(m.Value)!);
    }

    public static string? MaskOrNull(string? text, Customer customer) => text is null ? null : Mask(text, customer);

    private static IEnumerable<(string Value, string Shown)> OwnValues(Customer c)
    {
        if (c.Name.Trim().Length >= 2) yield return (c.Name.Trim(), Masking.Name(c.Name));
        if (c.Phone.Trim().Length >= 5) yield return (c.Phone.Trim(), Masking.Phone(c.Phone));
        if (c.AccountNumber?.Trim() is { Length: > 6 } account) yield return (account, Masking.AccountNumber(account)!);
        var address = c.Address.Trim();
        if (address.Length == 0) yield break;
        yield return (address, Masking.Address(address));
        // The address without its district (莫干山路140号7单元2703室) is as telling on its own.
        var detail = address[Masking.AdministrativePrefix(address).Length..];
        if (detail.Length >= 4 && detail != address) yield return (detail, Masking.Hidden);
    }

    private static string Digits(string value) => new([.. value.Where(char.IsAsciiDigit)]);

    /// <summary>A run of 10–13 digits on its own: shaped like a 户号 (complaint numbers start with letters and stay).</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z*])\d{10,13}(?![0-9A-Za-z*])")]
    private static partial Regex AccountLike();
}
