using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Privacy;
using PowerService.Domain.Staff;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Domain.Privacy;

public class PrivacyPolicyTests
{
    [Theory]
    [InlineData(StaffRole.IntakeAgent, false)]
    [InlineData(StaffRole.Handler, false)]
    [InlineData(StaffRole.Manager, false)]
    [InlineData(StaffRole.Admin, true)]
    [InlineData(StaffRole.Auditor, true)]
    public void Roles_that_never_call_customers_are_masked_and_cannot_reveal(StaffRole role, bool masked)
    {
        var policy = PrivacyPolicy.For([role]);

        Assert.Equal(masked, policy.IsMasked);
        Assert.Equal(!masked, policy.MayReveal);
    }

    [Fact]
    public void A_masked_copy_masks_the_customer_and_every_free_text_and_leaves_the_original_alone()
    {
        var intake = ValidIntake() with
        {
            CustomerName = "黄艳", Phone = "16265575989", AccountNumber = "3301987654321", Address = "杭州市拱墅区莫干山路140号7单元2703室",
            Content = "黄艳反映停电，身份证330102199001011234，电话16265575989。", Demands = "请回电16265575989", ExpectedOutcome = "黄艳希望道歉",
        };
        var complaint = Complaint.Register(intake, "TS202611230001", Guid.NewGuid(), "客户服务中心", At(Start, Agent, StaffRole.IntakeAgent)).Value!;
        complaint.Dispatch(Dispatch, Ctx(complaint, 0.1));
        complaint.AddNote(new ProgressNote("已致电黄艳 16265575989，约定上门"), Ctx(complaint, 0.2));
        complaint.Investigate(Findings with { Facts = "黄艳家（莫干山路140号7单元2703室）表计正常" }, Ctx(complaint, 0.3));

        var shown = PrivacyPolicy.For([StaffRole.Admin]).Shown(complaint);

        var everything = string.Join("|", shown.Customer.Name, shown.Customer.Phone, shown.Customer.AccountNumber, shown.Customer.Address,
            shown.Content, shown.Demands, shown.ExpectedOutcome, shown.Investigation!.Facts, string.Join("|", shown.Timeline.Select(e => e.Summary + e.Note)));
        foreach (var raw in new[] { "黄艳", "16265575989", "3301987654321", "莫干山路140号", "330102199001011234" })
            Assert.DoesNotContain(raw, everything);
        Assert.Equal("黄*", shown.Customer.Name);
        Assert.Equal("杭州市拱墅区…", shown.Customer.Address);
        Assert.Equal(complaint.Timeline.Count, shown.Timeline.Count);
        Assert.Equal(complaint.Stage, shown.Stage);
        Assert.Equal("黄艳", complaint.Customer.Name);
        Assert.Contains("16265575989", complaint.Content);
        Assert.Null(TimelineSeal.FirstBroken(complaint.Timeline));
    }

    [Fact]
    public void Roles_that_call_customers_see_the_complaint_itself()
    {
        var complaint = Complaint.Register(ValidIntake(), "TS202611230001", Guid.NewGuid(), "客户服务中心", At(Start, Agent, StaffRole.IntakeAgent)).Value!;

        Assert.Same(complaint, PrivacyPolicy.For([StaffRole.Handler]).Shown(complaint));
    }

    [Theory]
    [InlineData("13812348000", SearchReach.NumberOrExactContact)]
    [InlineData("0571-87654321", SearchReach.NumberOrExactContact)]
    [InlineData("3300123456", SearchReach.NumberOrExactContact)]
    [InlineData("1381234", SearchReach.NumberOnly)]
    [InlineData("330012", SearchReach.NumberOnly)]
    [InlineData("张建国", SearchReach.NumberOnly)]
    [InlineData("TS2026", SearchReach.NumberOnly)]
    public void A_masked_role_searches_contacts_only_by_an_exact_complete_value(string term, SearchReach reach)
    {
        var search = PrivacyPolicy.For([StaffRole.Auditor]).Search(term);

        Assert.Equal(reach, search.Reach);
        Assert.Equal(reach == SearchReach.NumberOrExactContact, search.IsLogged);
        Assert.Equal(SearchReach.Everything, PrivacyPolicy.For([StaffRole.Handler]).Search(term).Reach);
    }

    [Fact]
    public void A_logged_search_keeps_the_number_masked() =>
        Assert.Equal("138****8000", PrivacyPolicy.For([StaffRole.Admin]).Search("13812348000").Logged);
}
