using Microsoft.EntityFrameworkCore;
using PowerService.Web.Data;
using PowerService.Web.Features.Documents;
using PowerService.Web.Features.Reports.Export;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Reports;

/// <summary>Writes a report's files: the xlsx workbook, the PDF monthly report, the CSV of detail rows.</summary>
public sealed class ReportFiles(ReportService reports, IDbContextFactory<AppDbContext> dbFactory, DocumentRenderer renderer)
{
    /// <summary>Writes the file; returns its name. <paramref name="total"/> hears the detail rows' count before they are written.</summary>
    public async Task<string> WriteAsync(Stream output, StaffUser user, ExportRequest request, Action<int> total, IProgress<int> progress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (request.Format == ExportFormat.Csv)
        {
            var card = await reports.ScorecardAsync(user, request.Period, request.Department, ct);
            var filter = card.Value?.Total.Filter ?? throw new InvalidOperationException(card.Refusal);
            total(await ReportDetail.CountAsync(db, filter, ct));
            await CsvWriter.WriteAsync(output, ReportDetail.Columns, ReportDetail.RowsAsync(db, filter, !request.Full, ct), progress, ct);
            return $"投诉明细-{request.Period.Slug}-{card.Value.Department ?? "全公司"}.csv";
        }
        var bundle = (await reports.BundleAsync(user, request.Period, request.Department, ct)).Value ?? throw new InvalidOperationException("report refused after the export was allowed");
        if (request.Format == ExportFormat.Pdf)
        {
            var pdf = Pdf(bundle);
            await output.WriteAsync(pdf, ct);
            return bundle.FileStem + ".pdf";
        }
        total(await ReportDetail.CountAsync(db, bundle.Scorecard.Total.Filter, ct));
        await ReportWorkbook.WriteAsync(output, bundle, db, !request.Full, progress, ct);
        return bundle.FileStem + ".xlsx";
    }

    /// <summary>The PDF monthly report; throws when no CJK font is installed (the page says so before offering it).</summary>
    public byte[] Pdf(ReportBundle bundle) => renderer.Pdf(MonthlyReportDocument.Build(bundle), bundle.Scorecard.AsOf);

    public string? PdfProblem => renderer.Problem;

    /// <summary>The xlsx of a bundle in memory (the monthly archive), detail masked.</summary>
    public async Task<byte[]> XlsxAsync(ReportBundle bundle, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        using var buffer = new MemoryStream();
        await ReportWorkbook.WriteAsync(buffer, bundle, db, masked: true, null, ct);
        return buffer.ToArray();
    }
}
