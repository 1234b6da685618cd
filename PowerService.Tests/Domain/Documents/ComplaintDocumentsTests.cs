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
    private static readonly string Content = new string('c', 64);

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
    }

    [Fact]
    public void Only_a_12398_complaint_has_the_regulator_reply()
    {
        var hotline = In(Stage.Improve); // a 95598 complaint

        Assert.Equal([DocumentKind.InvestigationReport, DocumentKind.CustomerAnswer, DocumentKind.CaseFile], ComplaintDocuments.For(hotline));
        Assert.Equal("本投诉来自95598热线，不是 12398 转办工单，没有《12398能源监管热线投诉处理情况回复》", ComplaintDocuments.NotApplicable(DocumentKind.Reply12398, hotline));
        Assert.Equal(Enum.GetValues<DocumentKind>(), ComplaintDocuments.For(Regulator12398AtImprove()));
    }

    [Theory]
    [InlineData(Stage.Merged)]
    [InlineData(Stage.Withdrawn)]
    [InlineData(Stage.Reclassified)]
    public void A_complaint_that_left_the_loop_before_investigation_has_only_its_case_file(Stage end)
    {
        Assert.Equal([DocumentKind.CaseFile], ComplaintDocuments.For(In(end)));
    }

    [Fact]
    public void A_complaint_withdrawn_after_resolution_keeps_its_report_and_answer()
    {
        var c = In(Stage.Revisit);
        Ok(c, c.Withdraw(new Withdrawal("客户来电表示问题已解决，撤回投诉", "电话录音"), At(Start.AddDays(3))));

        Assert.Equal([DocumentKind.InvestigationReport, DocumentKind.CustomerAnswer, DocumentKind.CaseFile], ComplaintDocuments.For(c));
        Assert.Equal([DocumentKind.InvestigationReport, DocumentKind.CustomerAnswer, DocumentKind.CaseFile], ComplaintDocuments.For(Registered())); // still to come
    }

    [Fact]
    public void A_document_that_does_not_apply_is_not_issued()
    {
        var c = In(Stage.Improve);

        var result = c.IssueDocument(new DocumentIssueRequest(DocumentKind.Reply12398, Hash, Content), At(Start.AddDays(9), Manager, StaffRole.Manager));

        Assert.Contains("本投诉不适用该文书，不能签发", result.Reasons);
        Assert.Empty(c.IssuedDocuments);
    }

    [Fact]
    public void A_12398_complaint_is_not_closed_before_its_reply_is_issued()
    {
        var c = Regulator12398AtImprove();
        var manager = At(Start.AddDays(9), Manager, StaffRole.Manager);

        var early = c.Improve(Plan, manager);
        Assert.Equal("12398 投诉须先签发《12398能源监管热线投诉处理情况回复》，才能办结", Assert.Single(early.Reasons));

        Ok(c, c.IssueDocument(new DocumentIssueRequest(DocumentKind.Reply12398, Hash, Content), manager));
        Ok(c, c.Improve(Plan, manager));
        Assert.Equal(Stage.Closed, c.Stage);
    }

    [Fact]
    public void Issuing_is_a_managers_step_with_versions_and_the_hash_on_the_timeline()
    {
        var c = Regulator12398AtImprove();

        var byHandler = c.IssueDocument(new DocumentIssueRequest(DocumentKind.Reply12398, Hash, Content), At(Start.AddDays(9), Handler, StaffRole.Handler));
        Ok(c, c.IssueDocument(new DocumentIssueRequest(DocumentKind.Reply12398, Hash, Content), At(Start.AddDays(9), Manager, StaffRole.Manager)));
        Ok(c, c.IssueDocument(new DocumentIssueRequest(DocumentKind.Reply12398, new string('b', 64), new string('d', 64), "更正减免金额"), At(Start.AddDays(10), Manager, StaffRole.Manager)));

        Assert.False(byHandler.Succeeded);
        Assert.Equal([1, 2], c.IssuedDocuments.Select(d => d.Version));
        Assert.Equal($"签发《12398能源监管热线投诉处理情况回复》第 2 版，重新签发原因：更正减免金额，SHA-256 {new string('b', 64)}", c.Timeline[^1].Summary);
    }

    [Fact]
    public void A_reissue_is_refused_without_a_reason()
    {
        var c = Regulator12398AtImprove();
        var manager = At(Start.AddDays(9), Manager, StaffRole.Manager);
        Ok(c, c.IssueDocument(new DocumentIssueRequest(DocumentKind.Reply12398, Hash, Content), manager));
        var events = c.Timeline.Count;

        var result = c.IssueDocument(new DocumentIssueRequest(DocumentKind.Reply12398, new string('b', 64), new string('d', 64), "  "), manager);

        var error = Assert.Single(result.Errors);
        Assert.Equal((nameof(DocumentIssueRequest.Reason), "重新签发须说明原因（如更正内容）"), (error.Field, error.Message));
        Assert.Single(c.IssuedDocuments);
        Assert.Equal(events, c.Timeline.Count);
    }

    [Fact]
    public void A_first_issue_needs_no_reason_and_keeps_none()
    {
        var c = Regulator12398AtImprove();

        Ok(c, c.IssueDocument(new DocumentIssueRequest(DocumentKind.Reply12398, Hash, Content, "随手写的"), At(Start.AddDays(9), Manager, StaffRole.Manager)));

        Assert.Null(Assert.Single(c.IssuedDocuments).Reason);
        Assert.DoesNotContain("原因", c.Timeline[^1].Summary);
    }

    [Fact]
    public void A_reissue_with_the_content_of_the_last_version_is_refused_as_a_duplicate()
    {
        var c = Regulator12398AtImprove();
        var manager = At(Start.AddDays(9), Manager, StaffRole.Manager);
        Ok(c, c.IssueDocument(new DocumentIssueRequest(DocumentKind.Reply12398, Hash, Content), manager));
        Ok(c, c.IssueDocument(new DocumentIssueRequest(DocumentKind.CaseFile, Hash, new string('e', 64)), manager));

        // Other bytes (another issue time inside the PDF), same content: still a duplicate.
        var same = c.IssueDocument(new DocumentIssueRequest(DocumentKind.Reply12398, new string('b', 64), Content.ToUpperInvariant(), "更正"), At(Start.AddDays(10), Manager, StaffRole.Manager));
        Assert.Equal("内容与第 1 版相同，无需重新签发", Assert.Single(same.Reasons));

        // Another kind's content is no duplicate of this one.
        Ok(c, c.IssueDocument(new DocumentIssueRequest(DocumentKind.InvestigationReport, Hash, Content), manager));
        Ok(c, c.IssueDocument(new DocumentIssueRequest(DocumentKind.Reply12398, new string('b', 64), new string('d', 64), "补充整改措施"), At(Start.AddDays(10), Manager, StaffRole.Manager)));
        var again = c.IssueDocument(new DocumentIssueRequest(DocumentKind.Reply12398, new string('f', 64), new string('d', 64), "再签一次"), At(Start.AddDays(11), Manager, StaffRole.Manager));

        Assert.Equal("内容与第 2 版相同，无需重新签发", Assert.Single(again.Reasons));
        var reply = c.IssuedDocuments.Where(d => d.Kind == DocumentKind.Reply12398).ToList();
        Assert.Equal([(1, null), (2, "补充整改措施")], reply.Select(d => (d.Version, d.Reason)));
        Assert.Equal([Content, new string('d', 64)], reply.Select(d => d.ContentSha256));
    }

    [Fact]
    public void The_content_fingerprint_ignores_issue_time_and_version_note_but_not_the_content()
    {
        var c = Regulator12398AtImprove();
        var manager = At(Start.AddDays(9), Manager, StaffRole.Manager);

        var before = ComplaintDocuments.ContentSha256(DocumentKind.Reply12398, c, Settings);
        Assert.NotEqual(AllText(ComplaintDocuments.Compose(DocumentKind.Reply12398, c, Settings, Start.AddDays(9))),
            AllText(ComplaintDocuments.Compose(DocumentKind.Reply12398, c, Settings, Start.AddDays(12)))); // the reply prints its time
        Ok(c, c.IssueDocument(new DocumentIssueRequest(DocumentKind.Reply12398, Hash, before), manager));
        Assert.Equal(before, ComplaintDocuments.ContentSha256(DocumentKind.Reply12398, c, Settings));
        Assert.Matches("^[0-9a-f]{64}$", before);

        Ok(c, c.Improve(Plan, manager)); // 四、整改措施 now lists the plan
        Assert.NotEqual(before, ComplaintDocuments.ContentSha256(DocumentKind.Reply12398, c, Settings));
        Assert.NotEqual(before, ComplaintDocuments.ContentSha256(DocumentKind.Reply12398, c, Settings with { IssuingUnit = "国网宁波供电公司" }));
    }

    [Fact]
    public void The_case_file_fingerprint_ignores_its_own_issues_but_not_a_new_record()
    {
        var c = Regulator12398AtImprove();
        var manager = At(Start.AddDays(9), Manager, StaffRole.Manager);
        var first = ComplaintDocuments.ContentSha256(DocumentKind.CaseFile, c, Settings);

        Ok(c, c.IssueDocument(new DocumentIssueRequest(DocumentKind.CaseFile, Hash, first), manager));
        Assert.Equal(first, ComplaintDocuments.ContentSha256(DocumentKind.CaseFile, c, Settings));
        Assert.Equal("内容与第 1 版相同，无需重新签发", Assert.Single(c.IssueDocument(
            new DocumentIssueRequest(DocumentKind.CaseFile, new string('b', 64), ComplaintDocuments.ContentSha256(DocumentKind.CaseFile, c, Settings), "归档"), manager).Reasons));

        Ok(c, c.AddNote(new ProgressNote("补充现场照片"), manager));
        Assert.NotEqual(first, ComplaintDocuments.ContentSha256(DocumentKind.CaseFile, c, Settings));
    }

    [Fact]
    public void A_reissued_document_names_its_version_and_reason_under_the_title()
    {
        var c = Regulator12398AtImprove();

        var spec = ComplaintDocuments.Compose(DocumentKind.Reply12398, c, Settings, Start.AddDays(9), 2, "更正减免金额");

        Assert.Equal("第 2 版，重新签发原因：更正减免金额", spec.VersionNote);
        Assert.Equal(2, spec.Version);
        Assert.Null(ComplaintDocuments.VersionNote(1, "无"));
        Assert.Null(ComplaintDocuments.Compose(DocumentKind.Reply12398, c, Settings, Start.AddDays(9)).VersionNote);
    }

    [Fact]
    public void An_incomplete_document_cannot_be_issued()
    {
        var c = Registered();

        var result = c.IssueDocument(new DocumentIssueRequest(DocumentKind.InvestigationReport, Hash, Content), At(Start.AddHours(1), Manager, StaffRole.Manager));

        Assert.Equal("文书内容不完整，不能签发", Assert.Single(result.Reasons));
    }

    [Theory]
    [InlineData(Category.Other, "其他", "向我们反映供电设施方面的问题", "投诉类别：其他")]
    [InlineData(Category.Supply, "其他供电问题", "向我们反映停电和供电质量方面的问题", "投诉类别：停电/供电质量 / 其他供电问题")]
    [InlineData(Category.Supply, "计划停电未通知", "向我们反映“计划停电未通知”的问题", "投诉类别：停电/供电质量 / 计划停电未通知")]
    public void A_catch_all_sub_category_is_named_by_its_category_in_prose(Category category, string sub, string answer, string classification)
    {
        var c = Complaint.Register(ValidIntake() with { Channel = Channel.Regulator12398, UpstreamReference = "NEA20261123001", Category = category, SubCategory = sub },
            "TS202611230001", Guid.NewGuid(), "客户服务中心", At(Start, Agent)).Value!;

        Assert.Contains(answer, AllText(ComplaintDocuments.Compose(DocumentKind.CustomerAnswer, c, Settings, Start)));
        Assert.Contains(classification, AllText(ComplaintDocuments.Compose(DocumentKind.Reply12398, c, Settings, Start)));
        Assert.DoesNotContain("“其他", AllText(ComplaintDocuments.Compose(DocumentKind.CustomerAnswer, c, Settings, Start)));
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
