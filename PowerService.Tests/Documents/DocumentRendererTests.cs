using Microsoft.Extensions.Options;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Documents;
using PowerService.Tests.Domain.Documents;
using PowerService.Web.Features.Documents;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Documents;

/// <summary>Real PDFs drawn with SkiaSharp and the Noto CJK font, read back with pdftotext.</summary>
public sealed class DocumentRendererTests : IDisposable
{
    private static readonly DocumentSettings Settings = new("国网杭州供电公司", "国家能源局浙江监管办公室");
    private readonly DocumentFonts _fonts = new(Options.Create(new DocumentOptions()));

    private DocumentRenderer Renderer()
    {
        Assert.True(_fonts.Problem is null, _fonts.Problem);
        return new DocumentRenderer(_fonts);
    }

    [Fact]
    public void The_12398_reply_reads_back_with_every_field_exact()
    {
        var c = ComplaintDocumentsTests.Regulator12398AtImprove();
        var spec = ComplaintDocuments.Compose(DocumentKind.Reply12398, c, Settings, Start.AddDays(9));

        var pdf = Renderer().Pdf(spec, Start.AddDays(9));
        File.WriteAllBytes(PowerService.Tests.Support.Artifacts.PathFor("documents", "reply-12398.pdf"), pdf);
        var text = PdfText.Squeeze(PdfText.Extract(pdf));

        foreach (var expected in new[]
        {
            "12398能源监管热线投诉处理情况回复", "国家能源局浙江监管办公室：", "NEA20261123001", "2026-11-2309:20", "2026-11-2309:30", "2026-12-0209:30",
            "张**", "138****8000", "33****3456", "停电/供电质量/计划停电未通知", "TS202611230001",
            "一、投诉事项", "11月20日全天停电，事先没有收到任何停电通知，家中冰箱食物变质。",
            "二、调查核实情况", "经核实，11月20日10kV文三线计划检修停电，通知短信因号码变更未送达。", "客户联系电话未及时更新，通知未送达。", "供电企业责任",
            "三、处理结果", "上门致歉，按停电8小时比例减免当月电费，更新联系电话。", "电费减免：减免当月电费35.60元",
            "四、整改措施", "五、与投诉人沟通情况及投诉人意见", "投诉人表示满意：对处理结果满意", "附件", "停电计划单", "短信发送日志",
            "国网杭州供电公司", "2026年12月2日", "（盖章）", "第1页共",
        })
            Assert.Contains(PdfText.Squeeze(expected), text);
        Assert.DoesNotContain("张建国", text);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
    }

    public static TheoryData<DocumentKind, string, string[]> OtherDocuments() => new()
    {
        { DocumentKind.InvestigationReport, "investigation-report.pdf", ["投诉调查报告", "投诉编号", "TS202611230001", "12398能源监管热线（NEA20261123001）",
            "城区供电所（处理人：李强）", "二、调查核实的事实", "经核实，11月20日10kV文三线计划检修停电，通知短信因号码变更未送达。", "三、证据清单", "停电计划单", "短信发送日志",
            "四、原因分析", "客户联系电话未及时更新，通知未送达。", "五、责任认定", "供电企业责任", "六、处理建议", "致歉、按停电时长减免电费、更新客户联系方式。", "调查人签字："] },
        { DocumentKind.CustomerAnswer, "customer-answer.pdf", ["客户投诉书面答复", "尊敬的张建国：", "2026-11-2309:20", "计划停电未通知", "TS202611230001", "深表歉意",
            "关于您反映的问题，经核实，11月20日10kV文三线计划检修停电", "我们的处理结果是：上门致歉，按停电8小时比例减免当月电费，更新联系电话。", "电费减免：减免当月电费35.60元", "95598", "国网杭州供电公司"] },
        { DocumentKind.CaseFile, "case-file.pdf", ["投诉案卷", "当前阶段", "反馈回访", "张建国，13812348000", "首问责任人", "王芳", "升级层级", "部门级", "处理记录",
            "登记受理", "受理派单", "提交调查结论", "提交处理结果", "登记回访", "升级至部门级：12398能源监管热线投诉，按规定提级处理", "已签发文书"] },
    };

    [Theory]
    [MemberData(nameof(OtherDocuments))]
    public void Every_other_document_reads_back_with_its_fields(DocumentKind kind, string file, string[] expected)
    {
        var c = ComplaintDocumentsTests.Regulator12398AtImprove();

        var pdf = Renderer().Pdf(ComplaintDocuments.Compose(kind, c, Settings, Start.AddDays(9)), Start.AddDays(9));
        File.WriteAllBytes(PowerService.Tests.Support.Artifacts.PathFor("documents", file), pdf);
        var text = PdfText.Squeeze(PdfText.Extract(pdf));

        foreach (var phrase in expected) Assert.Contains(PdfText.Squeeze(phrase), text);
    }

    [Fact]
    public void A_reissued_document_prints_its_version_and_reason_under_the_title()
    {
        var c = ComplaintDocumentsTests.Regulator12398AtImprove();
        var spec = ComplaintDocuments.Compose(DocumentKind.Reply12398, c, Settings, Start.AddDays(10), 2, "更正处理结果中的电费减免金额，补充整改措施");

        var pdf = Renderer().Pdf(spec, Start.AddDays(10));
        File.WriteAllBytes(PowerService.Tests.Support.Artifacts.PathFor("documents", "reply-12398-v2.pdf"), pdf);
        var pages = PdfText.Extract(pdf).Split('\f', StringSplitOptions.RemoveEmptyEntries).Select(PdfText.Squeeze).ToList();

        Assert.Contains("12398能源监管热线投诉处理情况回复第2版，重新签发原因：更正处理结果中的电费减免金额，补充整改措施国家能源局浙江监管办公室：", pages[0]);
        Assert.True(pages.Count >= 2, $"{pages.Count} pages");
        Assert.All(pages, page => Assert.Contains("TS202611230001第2版", page)); // every page says which version it belongs to
    }

    [Fact]
    public void A_catch_all_sub_category_reads_as_its_category_in_the_answer()
    {
        var c = PowerService.Domain.Complaints.Complaint.Register(ValidIntake() with
            {
                Category = PowerService.Domain.Complaints.Category.Other, SubCategory = "其他",
                Content = "客户反映小区内一根电线杆明显倾斜，多次反映无人处理，担心倒塌伤人。",
            }, "TS202611230002", Guid.NewGuid(), "客户服务中心", At(Start, Agent)).Value!;

        var pdf = Renderer().Pdf(ComplaintDocuments.Compose(DocumentKind.CustomerAnswer, c, Settings, Start.AddDays(1)), Start.AddDays(1));
        File.WriteAllBytes(PowerService.Tests.Support.Artifacts.PathFor("documents", "customer-answer-other.pdf"), pdf);
        var text = PdfText.Squeeze(PdfText.Extract(pdf));

        Assert.Contains("向我们反映供电设施方面的问题（编号TS202611230002）", text);
        Assert.DoesNotContain("“其他”", text);
    }

    [Fact]
    public void A_long_case_file_table_breaks_across_pages_and_repeats_its_header()
    {
        var c = ComplaintDocumentsTests.Regulator12398AtImprove();
        for (var i = 0; i < 60; i++)
            Ok(c, c.AddNote(new ProgressNote($"第 {i + 1} 次进度更新：已与客户沟通并协调营销部核对抄表数据（批次 B-{i:D3}）"), At(Start.AddDays(9).AddMinutes(i))));

        var pdf = Renderer().Pdf(ComplaintDocuments.Compose(DocumentKind.CaseFile, c, Settings, Start.AddDays(10)), Start.AddDays(10));
        File.WriteAllBytes(PowerService.Tests.Support.Artifacts.PathFor("documents", "case-file-long.pdf"), pdf);
        var pages = PdfText.Extract(pdf).Split('\f', StringSplitOptions.RemoveEmptyEntries);

        Assert.True(pages.Length >= 3, $"{pages.Length} pages");
        var total = pages.Length;
        for (var n = 1; n <= total; n++) Assert.Contains($"第{n}页共{total}页", PdfText.Squeeze(pages[n - 1]));
        // pdftotext reads the wide 内容 column as its own block, so the header's first cells are matched in order.
        Assert.All(pages.Skip(1), p => Assert.Contains("TS202611230001序号时间操作人操作", PdfText.Squeeze(p)));
        Assert.Contains("第60次进度更新", PdfText.Squeeze(string.Concat(pages)));
    }

    [Fact]
    public void Lines_never_start_with_closing_punctuation_in_the_rendered_pdf()
    {
        var c = ComplaintDocumentsTests.Regulator12398AtImprove();
        var pdf = Renderer().Pdf(ComplaintDocuments.Compose(DocumentKind.CustomerAnswer, c, Settings, Start.AddDays(9)), Start.AddDays(9));

        var lines = PdfText.Extract(pdf).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

        Assert.DoesNotContain(lines, l => "，。、；：？！）」》".Contains(l[0]));
    }

    [Fact]
    public void The_preview_draws_the_same_pages_as_png()
    {
        var spec = ComplaintDocuments.Compose(DocumentKind.Reply12398, ComplaintDocumentsTests.Regulator12398AtImprove(), Settings, Start.AddDays(9));
        var renderer = Renderer();

        var images = renderer.Png(spec);
        var pdfPages = PdfText.Extract(renderer.Pdf(spec, Start.AddDays(9))).Split('\f', StringSplitOptions.RemoveEmptyEntries).Length;

        Assert.Equal(pdfPages, images.Count);
        Assert.All(images, png => Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]));
    }

    [Fact]
    public void A_missing_font_is_named_with_its_package()
    {
        using var fonts = new DocumentFonts(Options.Create(new DocumentOptions { FontPath = "/nonexistent/font.ttc", BoldFontPath = "/nonexistent/bold.ttc" }));

        Assert.Contains("fonts-noto-cjk", fonts.Problem);
        Assert.Contains("Documents:FontPath", fonts.Problem);
    }

    [Fact]
    public void A_font_installed_while_the_app_runs_is_found_without_a_restart()
    {
        var installed = new DocumentOptions();
        Assert.True(File.Exists(installed.FontPath), $"{installed.FontPath} is missing: run ./test.sh (it installs fonts-noto-cjk)");
        var folder = Directory.CreateTempSubdirectory("ps-fonts-");
        try
        {
            var options = new DocumentOptions
            {
                FontPath = Path.Combine(folder.FullName, "NotoSansCJK-Regular.ttc"),
                BoldFontPath = Path.Combine(folder.FullName, "NotoSansCJK-Bold.ttc"),
            };
            using var fonts = new DocumentFonts(Options.Create(options));
            var renderer = new DocumentRenderer(fonts);
            var spec = ComplaintDocuments.Compose(DocumentKind.CustomerAnswer, ComplaintDocumentsTests.Regulator12398AtImprove(), Settings, Start.AddDays(9));

            Assert.Contains("fonts-noto-cjk", renderer.Problem);
            Assert.Contains("无需重启", renderer.Problem);

            File.CreateSymbolicLink(options.FontPath, installed.FontPath); // apt-get install, while the app keeps running
            File.CreateSymbolicLink(options.BoldFontPath, installed.BoldFontPath);

            Assert.Null(renderer.Problem);
            Assert.Contains("客户投诉书面答复", PdfText.Squeeze(PdfText.Extract(renderer.Pdf(spec, Start.AddDays(9)))));
            Assert.Same(fonts.Regular, fonts.Regular); // loaded once, then kept
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public void Dispose() => _fonts.Dispose();
}
