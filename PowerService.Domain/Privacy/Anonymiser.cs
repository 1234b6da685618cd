using System.Text.RegularExpressions;
using PowerService.Domain.Complaints;

namespace PowerService.Domain.Privacy;

/// <summary>
/// Removes one customer's personal data from text: their own name, phone, 户号 and address wherever
/// they occur, and anything shaped like a phone number, an ID-card number, a 户号 or a house number
/// (staff type the customer's second number or a neighbour's 户号 as easily as the first). Each is
/// replaced by a fixed placeholder, so the text still reads and nothing of the value is left.
/// Numbers embedded in longer codes (complaint numbers TS…, 工单编号, SHA-256 digests) are left
/// alone: a match must not touch a letter or digit on either side.
/// </summary>
public sealed partial class Anonymiser
{
    /// <summary>What a structured field holds once anonymised.</summary>
    public const string Placeholder = "已匿名";

    public const string NameToken = "【姓名已匿名】";
    public const string AddressToken = "【地址已匿名】";
    public const string PhoneToken = "【电话已匿名】";
    public const string IdToken = "【证件号已匿名】";
    public const string AccountToken = "【户号已匿名】";
    public const string HouseNumberToken = "【门牌号已匿名】";

    private readonly List<(string Value, string Token)> _values;
    private readonly Regex? _honorific;

    public Anonymiser(Customer customer)
    {
        // Longest first, so an address is replaced whole before a name inside it could be.
        _values = new[] { (customer.Address, AddressToken), (customer.AccountNumber, AccountToken), (customer.Phone, PhoneToken), (customer.Name, NameToken) }
            .Where(v => v.Item1 is { Length: >= 2 } && v.Item1 != Placeholder)
            .Select(v => (v.Item1!.Trim(), v.Item2))
            .OrderByDescending(v => v.Item1.Length)
            .ToList();
        // "张先生", "王阿姨": the family name with a form of address names the customer as surely as the full name.
        var surname = customer.Name.Trim();
        _honorific = surname.Length >= 2 && surname != Placeholder
            ? new Regex(Regex.Escape(surname[..1]) + "(?=(先生|女士|小姐|师傅|大爷|大妈|大娘|阿姨|老师|老人|奶奶|爷爷|总|经理))", RegexOptions.CultureInvariant)
            : null;
    }

    /// <summary>The text without the customer's data; null stays null.</summary>
    public string? Text(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var result = text;
        foreach (var (value, token) in _values) result = result.Replace(value, token, StringComparison.Ordinal);
        if (_honorific is not null) result = _honorific.Replace(result, "某");
        result = PersonalDataPatterns.IdNumber().Replace(result, IdToken);
        result = PersonalDataPatterns.Mobile().Replace(result, PhoneToken);
        result = PersonalDataPatterns.Landline().Replace(result, PhoneToken);
        result = LongNumber().Replace(result, AccountToken);
        result = HouseNumber().Replace(result, HouseNumberToken);
        return result;
    }

    /// <summary>
    /// The district-level part of an address (省/市/区县), kept for reports by area; null when the
    /// address does not start with one. Nothing finer than a district identifies fewer than
    /// tens of thousands of households.
    /// </summary>
    public static string? Region(string? address) =>
        address is null || Masking.AdministrativePrefix(address.Trim()) is not { Length: > 0 } region ? null : region;

    /// <summary>The address as stored once anonymised: its district, then the placeholder.</summary>
    public static string AnonymisedAddress(string address) =>
        Region(address) is { } region ? $"{region}（{Placeholder}）" : Placeholder;

    // Any other run of 7 to 13 digits: a 户号 (10–13 digits), a landline without area code, a meter
    // number. A date typed as 20261123 is not one; decimals (35.60) and codes (TS2026…) are not either.
    [GeneratedRegex(@"(?<![0-9A-Za-z.])(?!(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d))\d{7,13}(?![0-9A-Za-z.])")]
    private static partial Regex LongNumber();

    // A house number after a road, lane, village or estate: 文三路 100 号 2 单元 301 室.
    [GeneratedRegex(@"(?<=(路|街|巷|弄|道|胡同|村|镇|小区|苑|园|里|大厦|公寓|新村))\s*\d{1,5}\s*(号|弄|幢|栋|号楼)(\s*\d{1,5}\s*(号楼|号|幢|栋|单元|室|楼|层|户))*")]
    private static partial Regex HouseNumber();

}
