using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Domain.Text;

namespace PowerService.Domain.Privacy;

/// <summary>
/// What a viewer with these roles is shown of customers (个人信息保护法, minimum necessary): the one
/// policy every surface — pages, search, documents, notifications — asks, on the server, before
/// anything is rendered.
/// <list type="bullet">
/// <item>Masked roles (they never call customers: 系统管理员, 审计员): the customer, and the customer's
/// values and anything shaped like an ID number, phone or 户号 inside every free text, masked. No reveal,
/// no documents; search by contact only with an exact full phone number or 户号, and each such search is logged.</item>
/// <item>Roles that call customers (受理员, 处理员, 管理人员): free text in full; the customer card opens
/// masked and shows the full details on request (查看完整信息 or 呼叫客户), which is logged.</item>
/// </list>
/// </summary>
public sealed class PrivacyPolicy
{
    private PrivacyPolicy(bool masked) => IsMasked = masked;

    public static PrivacyPolicy Masked { get; } = new(true);
    public static PrivacyPolicy Full { get; } = new(false);

    public static PrivacyPolicy For(IEnumerable<StaffRole> roles) => LoopPermissions.MaySeeFullContact(roles) ? Full : Masked;

    /// <summary>Sees every customer value masked, everywhere, and cannot reveal them.</summary>
    public bool IsMasked { get; }

    /// <summary>May open the full customer card (logged) and the documents, which carry the full details.</summary>
    public bool MayReveal => !IsMasked;

    /// <summary>The customer as every role first sees them: name, phone, 户号, address and special note masked.</summary>
    public static Customer MaskedCustomer(Customer c) => c with
    {
        Name = Masking.Name(c.Name),
        Phone = Masking.Phone(c.Phone),
        AccountNumber = Masking.AccountNumber(c.AccountNumber),
        Address = Masking.Address(c.Address),
        SpecialGroupNote = TextMasking.MaskOrNull(c.SpecialGroupNote, c),
    };

    /// <summary>The complaint as this viewer may see it: itself, or a copy with the customer and every free text masked.</summary>
    public Complaint Shown(Complaint complaint) =>
        IsMasked ? complaint.MaskedCopy(text => TextMasking.Mask(text, complaint.Customer), MaskedCustomer(complaint.Customer)) : complaint;

    /// <summary>A customer's name as a list shows it: in full to those who call customers (they search and recognise by it).</summary>
    public string ListedName(string name) => IsMasked ? Masking.Name(name) : name;

    /// <summary>
    /// What a search may look for. Masked roles: complaint numbers, and a contact only when the term is an
    /// exact, complete phone number or 户号 (no prefixes, no names: a search must not confirm a guess).
    /// </summary>
    public SearchTerm Search(string term)
    {
        var trimmed = term.Trim();
        if (!IsMasked) return new SearchTerm(trimmed, SearchReach.Everything);
        var phone = trimmed.Length > 0 && TextRules.IsPhone(trimmed);
        var account = trimmed.Length > 0 && TextRules.IsAccountNumber(trimmed);
        return new SearchTerm(trimmed, phone || account ? SearchReach.NumberOrExactContact : SearchReach.NumberOnly, phone, account);
    }
}

public enum SearchReach
{
    /// <summary>Number, name, phone (contains), 户号 (exact): what those who call customers search by.</summary>
    Everything,

    /// <summary>Complaint number, or an exact complete phone number or 户号 (logged).</summary>
    NumberOrExactContact,

    /// <summary>Complaint number only.</summary>
    NumberOnly,
}

/// <summary>A search term and how far it may reach.</summary>
public sealed record SearchTerm(string Text, SearchReach Reach, bool IsPhone = false, bool IsAccountNumber = false)
{
    /// <summary>A masked role looking a customer up by contact: the search the access log records.</summary>
    public bool IsLogged => Reach == SearchReach.NumberOrExactContact;

    /// <summary>The term as the access log keeps it: masked, since the log is read by a masked role.</summary>
    public string Logged => IsPhone ? Masking.Phone(Text) : Masking.AccountNumber(Text)!;

    public string LoggedWhat => IsPhone ? (IsAccountNumber ? "电话或户号" : "电话") : "户号";
}
