using PowerService.Domain.Complaints;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Domain.Complaints;

/// <summary>What a user may type at 受理登记, and the field message for everything else.</summary>
public class IntakeTests
{
    [Fact]
    public void A_complete_intake_has_no_errors()
    {
        Assert.Empty(ValidIntake().Check(Start));
    }

    [Fact]
    public void An_empty_form_names_every_required_field()
    {
        var errors = new ComplaintIntake().Check(Start);

        Assert.Equal(
            ["Channel", "ReceivedAt", "CustomerName", "Phone", "Address", "CustomerType", "Category", "Urgency", "Content", "Demands", "ExpectedOutcome", "Profile"],
            errors.Select(e => e.Field).Distinct());
        Assert.Contains(errors, e => e.Message == "请填写客户姓名");
    }

    public static TheoryData<string, ComplaintIntake, string> Garbage() => new()
    {
        { "wrong phone", ValidIntake() with { Phone = "1381234" }, "Phone" },
        { "letters in phone", ValidIntake() with { Phone = "138abcd8000" }, "Phone" },
        { "10,000 characters of content", ValidIntake() with { Content = new string('电', 10_000) }, "Content" },
        { "script tag in content", ValidIntake() with { Content = "停电<script>alert('x')</script>没有通知我们" }, "Content" },
        { "emoji in demands", ValidIntake() with { Demands = "赔偿🙏🙏" }, "Demands" },
        { "script tag as name", ValidIntake() with { CustomerName = "<b>张三</b>" }, "CustomerName" },
        { "emoji as name", ValidIntake() with { CustomerName = "张三😀" }, "CustomerName" },
        { "short account number", ValidIntake() with { AccountNumber = "12345" }, "AccountNumber" },
        { "95598 without work order", ValidIntake() with { UpstreamReference = null }, "UpstreamReference" },
        { "sub-category of another category", ValidIntake() with { SubCategory = "电费突增" }, "SubCategory" },
        { "received in the future", ValidIntake() with { ReceivedAt = Start.AddHours(2) }, "ReceivedAt" },
        { "special group without explanation", ValidIntake() with { IsSpecialGroup = true }, "SpecialGroupNote" },
        { "content too short to be complete", ValidIntake() with { Content = "停电了" }, "Content" },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Garbage_gets_a_message_at_its_field(string why, ComplaintIntake intake, string field)
    {
        var errors = intake.Check(Start);

        Assert.True(errors.Any(e => e.Field == field), $"{why}: {string.Join("；", errors.Select(e => e.Field + ":" + e.Message))}");
        Assert.All(errors, e => Assert.Equal(field, e.Field));
    }

    [Fact]
    public void Registration_refuses_a_bad_intake_and_creates_nothing()
    {
        var result = Complaint.Register(ValidIntake() with { Phone = "12" }, "TS202611230001", Guid.NewGuid(), "客户服务中心", At(Start, Agent));

        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        Assert.Equal("联系电话格式不正确：手机为 11 位数字，座机如 0571-87654321", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Landline_numbers_and_non_95598_channels_without_work_order_are_accepted()
    {
        var intake = ValidIntake() with { Phone = "0571-87654321", Channel = Channel.ServiceHall, UpstreamReference = null, AccountNumber = null };

        Assert.Empty(intake.Check(Start));
    }

    [Fact]
    public void Registration_trims_and_keeps_what_was_typed()
    {
        var c = Complaint.Register(ValidIntake() with { CustomerName = "  张建国 " }, "TS202611230001", Guid.NewGuid(), "客户服务中心", At(Start, Agent)).Value!;

        Assert.Equal("张建国", c.Customer.Name);
        Assert.Equal(Stage.Intake, c.Stage);
        Assert.Equal(Channel.Hotline95598, c.Channel);
        Assert.Equal("GD2026112300123", c.UpstreamReference);
    }
}
