using PowerService.Domain.Complaints;
using PowerService.Domain.Time;

namespace PowerService.Web.Features.Complaints;

/// <summary>
/// The editable state of the 受理登记 form. Property names match <see cref="ComplaintIntake"/>, so the
/// domain's field errors land on the right inputs. Date and time are typed as China wall-clock.
/// </summary>
public sealed class IntakeForm
{
    public Channel? Channel { get; set; }
    public string? UpstreamReference { get; set; }
    public DateTime? ReceivedDate { get; set; }
    public TimeSpan? ReceivedTime { get; set; }
    public string? CustomerName { get; set; }
    public string? Phone { get; set; }
    public string? AccountNumber { get; set; }
    public string? Address { get; set; }
    public CustomerType? CustomerType { get; set; } = Domain.Complaints.CustomerType.Residential;
    public bool IsSpecialGroup { get; set; }
    public string? SpecialGroupNote { get; set; }
    public Category? Category { get; set; }
    public string? SubCategory { get; set; }
    public Urgency? Urgency { get; set; } = Domain.Complaints.Urgency.Normal;
    public string? Content { get; set; }
    public string? Demands { get; set; }
    public string? ExpectedOutcome { get; set; }
    public ComplainantProfile? Profile { get; set; }

    /// <summary>The form property that shows a domain field's error: the received instant is typed as a date and a time.</summary>
    public static string FieldFor(string domainField) => domainField == nameof(ComplaintIntake.ReceivedAt) ? nameof(ReceivedDate) : domainField;

    public DateTimeOffset? ReceivedAt => ReceivedDate is { } date
        ? ChinaTime.FromChinaWallClock(date.Date + (ReceivedTime ?? TimeSpan.Zero))
        : null;

    public static IntakeForm StartingAt(DateTimeOffset now)
    {
        var china = now.ToChina();
        return new IntakeForm { ReceivedDate = china.Date, ReceivedTime = new TimeSpan(china.Hour, china.Minute, 0) };
    }

    public ComplaintIntake ToIntake() => new()
    {
        Channel = Channel,
        UpstreamReference = UpstreamReference,
        ReceivedAt = ReceivedAt,
        CustomerName = CustomerName,
        Phone = Phone,
        AccountNumber = AccountNumber,
        Address = Address,
        CustomerType = CustomerType,
        IsSpecialGroup = IsSpecialGroup,
        SpecialGroupNote = SpecialGroupNote,
        Category = Category,
        SubCategory = SubCategory,
        Urgency = Urgency,
        Content = Content,
        Demands = Demands,
        ExpectedOutcome = ExpectedOutcome,
        Profile = Profile,
    };
}
