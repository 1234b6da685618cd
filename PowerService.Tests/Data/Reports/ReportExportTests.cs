using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Privacy;
using PowerService.Domain.Reports;
using PowerService.Tests.Documents;
using PowerService.Tests.Domain.Complaints;
using PowerService.Tests.Support;
using PowerService.Web.Data;
using PowerService.Web.Features.Reports;
using PowerService.Web.Features.Shared;

namespace PowerService.Tests.Data.Reports;

/// <summary>
/// The report's files carry the page's numbers: the xlsx validates with the Open XML SDK and reads back
/// the scorecard, the PDF (pdftotext) prints it; detail rows are masked unless asked in full, which is
/// on the personal-information log; every export is logged with its rows and SHA-256.
/// </summary>
public abstract class ReportExportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly ReportPeriod November = ReportPeriod.Month(2026, 11);
    private TestDatabase _db = null!;
    private StaffUser _manager = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        _manager = await _db.StaffAsync("manager");
        var agent = await _db.StaffAsync("agent");
        var handler = await _db.StaffAsync("handler");
        await Scenarios.Regulator12398AtImproveAsync(_db.Complaints, _db.Time, agent, handler);
        await Scenarios.DispatchedAsync(_db.Complaints, agent, handler);
        await Scenarios.DispatchedAsync(_db.Complaints, agent, await _db.StaffAsync("handler3"));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(byte[] Bytes, ExportStatus Status)> ExportAsync(ExportFormat format, bool full = false, StaffUser? user = null)
    {
        user ??= _manager;
        var jobs = _db.Services.GetRequiredService<ExportJobs>();
        var (id, refusal) = await jobs.StartAsync(user, new ExportRequest(format, November, null, full), Ct);
        Assert.True(id is not null, refusal);
        ExportStatus? status;
        while ((status = jobs.Status(id!.Value, user))!.Done is false) await Task.Delay(20, Ct);
        Assert.Null(status.Error);
        var file = jobs.Take(id.Value, user)!.Value;
        await using var content = file.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, Ct);
        Assert.Null(jobs.Take(id.Value, user)); // once
        return (copy.ToArray(), status);
    }

    private async Task<Scorecard> ScorecardAsync() => (await _db.Services.GetRequiredService<ReportService>().ScorecardAsync(_manager, November, null, Ct)).Value!;

    [Fact]
    public async Task The_workbook_validates_and_reads_back_the_scorecard_and_every_detail_row_masked()
    {
        var (xlsx, status) = await ExportAsync(ExportFormat.Xlsx);
        var card = await ScorecardAsync();

        Assert.Empty(XlsxRead.Errors(xlsx));
        Assert.Equal(["汇总", "部门", "处理人", "分类", "渠道", "趋势", "12398统计", "服务忌语", "抽样回访", "明细"], XlsxRead.SheetNames(xlsx));
        var summary = XlsxRead.Rows(xlsx, "汇总");
        foreach (var item in card.Total.Score.Items)
        {
            var row = summary.Single(r => r[0] == PowerService.Domain.Labels.Of(item.Kpi));
            // Excel keeps a double; the page shows one decimal of a percent: they must read the same.
            Assert.Equal(ReportFormat.Percent(item.Rate), ReportFormat.Percent(row[1] is null ? null : (decimal)double.Parse(row[1]!, CultureInfo.InvariantCulture)));
            Assert.Equal(item.Points, decimal.Parse(row[4]!, CultureInfo.InvariantCulture));
        }
        Assert.Equal(card.Total.Score.Composite, decimal.Parse(summary.Single(r => r[0] == "综合得分")[4]!, CultureInfo.InvariantCulture));
        var detail = XlsxRead.Rows(xlsx, "明细").Skip(3).ToList(); // two title rows and the header
        Assert.Equal(3, detail.Count);
        Assert.Equal(3, status.Rows);
        Assert.All(detail, r => Assert.Matches(@"^1\d{2}\*{4}\d{4}$", r[7]!));
        Assert.DoesNotContain(detail, r => r[6] == ComplaintBuilder.ValidIntake().CustomerName);
    }

    [Fact]
    public async Task A_full_export_shows_contact_details_and_is_on_the_personal_information_log()
    {
        var (csv, _) = await ExportAsync(ExportFormat.Csv, full: true);
        var text = Encoding.UTF8.GetString(csv);

        Assert.StartsWith("\uFEFF工单编号,", text); // BOM: Excel and WPS read UTF-8
        Assert.Equal(4, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(ComplaintBuilder.ValidIntake().Phone!, text);
        await using var db = _db.NewContext();
        var logged = await db.PiiAccessEvents.SingleAsync(e => e.Kind == PiiAccessKind.ReportExport, Ct);
        Assert.Contains("含完整客户联系方式", logged.Detail);
        var export = await db.ReportExports.SingleAsync(Ct);
        Assert.Equal(("csv", 3L, false, true), (export.Format, export.Rows, export.Masked, export.Completed));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(csv)), export.Sha256);
    }

    [Fact]
    public async Task A_masked_role_cannot_export_in_full_and_a_handler_cannot_export_at_all()
    {
        var jobs = _db.Services.GetRequiredService<ExportJobs>();
        var handler = await _db.StaffAsync("handler");
        var admin = await _db.StaffAsync("admin");

        Assert.Equal("报表仅供管理人员查看", (await jobs.StartAsync(handler, new ExportRequest(ExportFormat.Xlsx, November, null, false), Ct)).Refusal);
        Assert.Equal("报表仅供管理人员查看", (await jobs.StartAsync(admin, new ExportRequest(ExportFormat.Csv, November, null, true), Ct)).Refusal);
    }

    [Fact]
    public async Task The_pdf_prints_the_scorecard_the_page_shows()
    {
        var (pdf, _) = await ExportAsync(ExportFormat.Pdf);
        var card = await ScorecardAsync();
        var text = PdfText.Squeeze(PdfText.Extract(pdf));
        await File.WriteAllBytesAsync(Artifacts.PathFor("reports", $"monthly-{provider}.pdf"), pdf, Ct);

        Assert.Contains("投诉管理报表（2026年11月·全公司）", text);
        Assert.Contains($"综合得分{ReportFormat.Points(card.Total.Score.Composite)}分", text);
        foreach (var item in card.Total.Score.Items)
            Assert.Contains($"{PowerService.Domain.Labels.Of(item.Kpi)}{ReportFormat.Percent(item.Rate)}", text);
        Assert.Matches(@"第1页共\d+页", text);
        Assert.Contains("月度受理量（按类别）", text);
        Assert.Contains("满意度不合格线85%", text);
    }
}

public sealed class ReportExportTestsOnSqlite() : ReportExportTests(DatabaseProvider.Sqlite);

public sealed class ReportExportTestsOnPostgres() : ReportExportTests(DatabaseProvider.Postgres);
