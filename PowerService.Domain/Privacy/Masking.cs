using System.Text.RegularExpressions;

namespace PowerService.Domain.Privacy;

/// <summary>
/// Display masking of single values as commonly practised (docs/domain.md §8): 138****8000, 王**,
/// 户号 33****3456, an address cut to its district (杭州市拱墅区…), ID numbers 330***********123X.
/// </summary>
public static partial class Masking
{
    /// <summary>What is shown in place of a value that has nothing to keep.</summary>
    public const string Hidden = "***";

    /// <summary>Mobile: 3 + **** + last 4. Landline: area code, the number masked but its last 4.</summary>
    public static string Phone(string phone)
    {
        var digits = phone.Trim();
        var landline = Landline().Match(digits);
        if (landline.Success)
        {
            var number = landline.Groups["number"].Value;
            return landline.Groups["area"].Value + landline.Groups["dash"].Value + new string('*', number.Length - 4) + number[^4..];
        }
        if (digits.Length <= 4) return new string('*', digits.Length);
        var keepStart = Math.Min(3, digits.Length - 4);
        return digits[..keepStart] + new string('*', digits.Length - keepStart - 4) + digits[^4..];
    }

    /// <summary>The family name (first character; compound surnames are not told apart) and one star for each other character.</summary>
    public static string Name(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length <= 1 ? "*" : trimmed[..1] + new string('*', trimmed.Length - 1);
    }

    /// <summary>户号: the first 2 (the region) and the last 4 kept.</summary>
    public static string? AccountNumber(string? account) =>
        account is null || account.Length <= 6 ? account : account[..2] + new string('*', account.Length - 6) + account[^4..];

    /// <summary>居民身份证号 (15 or 18 characters, the last may be X): the first 3 and the last 4 kept, the birth date never.</summary>
    public static string IdNumber(string id)
    {
        var trimmed = id.Trim();
        return trimmed.Length <= 7 ? new string('*', trimmed.Length) : trimmed[..3] + new string('*', trimmed.Length - 7) + trimmed[^4..];
    }

    /// <summary>
    /// The address down to its county-level unit (区/县/旗/县级市) and no further: "浙江省杭州市拱墅区莫干山路140号" reads
    /// "浙江省杭州市拱墅区…". An address that names no administrative unit at its start shows nothing.
    /// </summary>
    public static string Address(string address)
    {
        var kept = AdministrativePrefix(address.Trim());
        return kept.Length == 0 ? Hidden : kept + "…";
    }

    /// <summary>The leading administrative units of an address: province, prefecture, county, at most one of each, in order.</summary>
    public static string AdministrativePrefix(string address)
    {
        var position = 0;
        var level = 0; // 1 province, 2 prefecture, 3 county
        foreach (Match unit in AdministrativeUnit().Matches(address))
        {
            if (unit.Index != position || NotAdministrative().IsMatch(unit.Value)) break;
            var unitLevel = LevelOf(unit.Groups["suffix"].Value, unit.Value, level);
            if (unitLevel <= level) break;
            (position, level) = (unit.Index + unit.Length, unitLevel);
            if (level == 3) break;
        }
        return address[..position];
    }

    private static int LevelOf(string suffix, string unit, int after) => suffix switch
    {
        "省" or "自治区" or "特别行政区" => 1,
        // 北京市, 上海市, 天津市, 重庆市 are provinces; another 市 after a prefecture is a county-level city.
        "市" when after == 0 && Municipalities.Contains(unit) => 2,
        "市" => after >= 2 ? 3 : 2,
        "自治州" or "州" or "盟" or "地区" => 2,
        _ => 3, // 区, 县, 旗, 自治县, 自治旗
    };

    private static readonly string[] Municipalities = ["北京市", "上海市", "天津市", "重庆市"];

    [GeneratedRegex(@"(?<area>0\d{2,3})(?<dash>-?)(?<number>\d{7,8})$")]
    private static partial Regex Landline();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{1,12}?(?<suffix>特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州(?![市区县])|盟|区|县|旗)")]
    private static partial Regex AdministrativeUnit();

    /// <summary>Places whose names end like an administrative unit but are not one: a 小区 is an address, not a district.</summary>
    [GeneratedRegex(@"(小区|社区|园区|校区|厂区|景区|街区|超市|门市)$")]
    private static partial Regex NotAdministrative();
}
