using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Documents;
using PowerService.Domain.Staff;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Domain.Documents;

public class ComplaintDocumentsTests
{
    private static readonly DocumentSettings Settings = new("国网杭州供电公司", "国家能源局浙江监管办公室");
    private static readonly string Hash = new string('0', 63) + "1";

    /// <summary>A 12398 complaint carried to the improvement stage.</summary>
    public static Complaint Regulator12398AtImprove()
    {
        var c = Complaint.Register(ValidIntake() with { Channel = Channel.Regulator12398, UpstreamReference = "NEA20261123001" },
            "TS202611230001", Guid.NewGuid(), "客户服务中心", At(Start, Agent)).Value!;
        Ok(c, c.Dispatch(Dispatch, At(Start.AddHours(1))));
        Ok(c, c.Investigate(Findings, At(Start.AddHours(5))));
        Ok(c, c.Resolve(Resolution(Start.AddHours(20)), At(Start.AddHours(24))));
        Ok(c, c.Revisit(Satisfied, At(Start.AddHours(30))));
        Ok(c, c.Revisit(Satisfied, At(Start.AddHours(24 + 7 * 24 + 1))));
        return c;
    }

    private static string AllText(DocumentSpec spec) => string.Join("\n", spec.Blocks.SelectMany(b => b switch
    {
        Heading h => [h.Text],
        Paragraph p => [p.Text],
        KeyValueTable t => t.Rows.Select(r => $"{r.Key}：{r.Value}"),
        DataTable d => d.Rows.Select(r => string.Join(" ", r)),
        BulletList l => l.Items,
        SignatureBlock s => [s.Unit, s.Date, s.SealLabel],
        _ => [],
    }));

    [Fact]
    public void The_12398_reply_carries_every_required_item_with_the_complainant_masked()
    {
        var c = Regulator12398AtImprove();

        var spec = ComplaintDocuments.Compose(DocumentKind.Reply12398, c, Settings, Start.AddDays(9));
        var text = AllText(spec);

        foreach (var expected in new[]
        {
            "国家能源局浙江监管办公室：", "工单编号：NEA20261123001", "来电/来访时间：2026-11-23 09:20", "登记时间：2026-11-23 09:30",
            "回复时间：2026-12-02 09:30", "投诉人：张**", "联系电话：138****8000", "一、投诉事项", Findings.Facts!, "责任认定：供电企业责任",
            "补偿情况：电费减免：减免当月电费 35.60 元", "四、整改措施", "投诉人表示满意：对处理结果满意", "停电计划单", "短信发送日志",
            "国网杭州供电公司", "2026 年 12 月 2 日", "（盖章）",
        })
            Assert.Contains(expected, text);
        Assert.DoesNotContain("张建国", text);
        Assert.DoesNotContain("35.60 元（35.60 元）", text); // the amount is not repeated when the detail states it
        Assert.DoesNotContain("13812348000", text);
    }

    [Fact]
    public void Missing_items_name_what_is_missing_and_where_to_fill_it()
    {
        var c = Complaint.Register(ValidIntake() with { Channel = Channel.Regulator12398, UpstreamReference = "NEA20261123001" },
            "TS202611230001", Guid.NewGuid(), "客户服务中心", At(Start, Agent)).Value!;

        var missing = ComplaintDocuments.Missing(DocumentKind.Reply12398, c);

        Assert.Equal(["调查分析：提交调查结论", "解决处理：提交处理结果", "反馈回访：登记回访"], missing.Select(m => m.Where));
        Assert.Empty(ComplaintDocuments.Missing(DocumentKind.Reply12398, Regulator12398AtImprove()));
        Assert.Contains(ComplaintDocuments.Missing(DocumentKind.Reply12398, In(Stage.Improve)), m => m.What == "本投诉不是 12398 转办工单");
    }

    [Fact]
    public void A_12398_complaint_is_not_closed_before_its_reply_is_issued()
    {
        var c = Regulator12398AtImprove();
        var manager = At(Start.AddDays(9), Manager, StaffRole.Manager);

        var early = c.Improve(Plan, manager);
        Assert.Equal("12398 投诉须先签发《12398能源监管热线投诉处理情况回复》，才能办结", Assert.Single(early.Reasons));

        Ok(c, c.IssueDocument(new DocumentIssueRequest(DocumentKind.Reply12398, Hash), manager));
        Ok(c, c.Improve(Plan, manager));
        Assert.Equal(Stage.Closed, c.Stage);
    }

    [Fact]
    public void Issuing_is_a_managers_step_with_versions_and_the_hash_on_the_timeline()
    {
        var c = Regulator12398AtImprove();

        var byHandler = c.IssueDocument(new DocumentIssueRequest(DocumentKind.Reply12398, Hash), At(Start.AddDays(9), Handler, StaffRole.Handler));
        Ok(c, c.IssueDocument(new DocumentIssueRequest(DocumentKind.Reply12398, Hash), At(Start.AddDays(9), Manager, StaffRole.Manager)));
        Ok(c, c.IssueDocument(new DocumentIssueRequest(DocumentKind.Reply12398, new string('b', 64)), At(Start.AddDays(10), Manager, StaffRole.Manager)));

        Assert.False(byHandler.Succeeded);
        Assert.Equal([1, 2], c.IssuedDocuments.Select(d => d.Version));
        Assert.Equal($"签发《12398能源监管热线投诉处理情况回复》第 2 版，SHA-256 {new string('b', 64)}", c.Timeline[^1].Summary);
    }

    [Fact]
    public void An_incomplete_document_cannot_be_issued()
    {
        var c = Registered();

        var result = c.IssueDocument(new DocumentIssueRequest(DocumentKind.InvestigationReport, Hash), At(Start.AddHours(1), Manager, StaffRole.Manager));

        Assert.Equal("文书内容不完整，不能签发", Assert.Single(result.Reasons));
    }

    [Theory]
    [InlineData(DocumentKind.InvestigationReport, "六、处理建议")]
    [InlineData(DocumentKind.CustomerAnswer, "尊敬的张建国：")]
    [InlineData(DocumentKind.CaseFile, "处理记录")]
    public void Every_document_is_written_from_the_record(DocumentKind kind, string expected)
    {
        var spec = ComplaintDocuments.Compose(kind, Regulator12398AtImprove(), Settings, Start.AddDays(9));

        Assert.Contains(expected, AllText(spec));
        Assert.Equal("TS202611230001", spec.DocumentNumber);
    }
}
