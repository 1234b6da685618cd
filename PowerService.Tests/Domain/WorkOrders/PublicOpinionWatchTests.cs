using PowerService.Domain.Complaints;
using PowerService.Domain.Sla;
using PowerService.Domain.WorkOrders;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Domain.WorkOrders;

public class PublicOpinionWatchTests
{
    private static readonly PublicOpinionWatch Watch = new(PublicOpinionWatch.DefaultTerms);

    [Fact]
    public void A_complaint_naming_media_exposure_is_flagged_with_the_words_it_used()
    {
        var flag = Watch.Check(Channel.Hotline95598, "再不处理我就找记者，发到抖音上。", null);

        Assert.True(flag.IsRaised);
        Assert.False(flag.MediaChannel);
        Assert.Equal(["记者", "抖音"], flag.Terms);
        Assert.Equal("内容提及“记者”“抖音”", flag.Reason);
    }

    [Fact]
    public void Traditional_characters_and_full_width_letters_count_as_their_plain_forms()
    {
        Assert.Equal(["记者"], Watch.Check(Channel.App, "我已聯繫記者").Terms);
        Assert.Equal(["曝光"], new PublicOpinionWatch(["曝光", "CCTV"]).Check(Channel.App, "要求曝光").Terms);
        Assert.Equal(["CCTV"], new PublicOpinionWatch(["CCTV"]).Check(Channel.App, "打给ＣＣＴＶ").Terms);
    }

    [Fact]
    public void A_longer_term_hides_the_shorter_one_inside_it()
    {
        Assert.Equal(["网上曝光"], Watch.Check(Channel.Phone, "准备网上曝光此事").Terms);
    }

    [Fact]
    public void The_media_channel_is_a_risk_whatever_it_says_and_a_plain_complaint_is_none()
    {
        var media = Watch.Check(Channel.Media, "停电三天无人处理");
        Assert.Equal((true, "媒体渠道投诉"), (media.IsRaised, media.Reason));
        Assert.False(Watch.Check(Channel.Hotline95598, ValidIntake().Content, ValidIntake().Demands).IsRaised);
    }

    [Theory]
    [InlineData("", "请填写词语")]
    [InlineData("报", "词语至少 2 个字，单字会误报过多")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一", "词语不超过 20 字")]
    [InlineData("视频号", null)]
    public void An_admin_term_is_checked_with_a_message(string term, string? message) =>
        Assert.Equal(message, PublicOpinionWatch.TermProblem(term));

    [Fact]
    public void A_flagged_registration_is_urgent_from_the_start_and_escalated_to_company_level()
    {
        var flag = Watch.Check(Channel.Hotline95598, "不解决就上微博曝光");
        var result = Complaint.Register(ValidIntake() with { Content = "停电三天无人处理，不解决就上微博曝光。" }, "TS202611230001", Guid.NewGuid(), "客户服务中心", At(Start, Agent), opinion: flag);

        var c = Assert.IsType<Complaint>(result.Value);
        Assert.Equal((Urgency.Urgent, EscalationLevel.Company), (c.Urgency, c.Escalation));
        Assert.Equal("内容提及“微博”“曝光”", c.PublicOpinion);
        // The urgent limits, not the normal ones: contact within 30 minutes.
        Assert.Equal(c.ReceivedAt.AddMinutes(30), c.Clocks.Single(k => k.Kind == ClockKind.CustomerContact).DueAt);
        Assert.Contains("因舆情风险提高", c.Timeline[0].Summary);
        Assert.Equal("升级至公司级：舆情风险：内容提及“微博”“曝光”", c.Timeline[1].Summary);
    }

    [Fact]
    public void A_critical_complaint_stays_critical_when_flagged()
    {
        var result = Complaint.Register(ValidIntake() with { Urgency = Urgency.Critical }, "TS202611230001", Guid.NewGuid(), "客户服务中心", At(Start, Agent),
            opinion: new PublicOpinionFlag(true, []));
        Assert.Equal(Urgency.Critical, result.Value!.Urgency);
    }
}
