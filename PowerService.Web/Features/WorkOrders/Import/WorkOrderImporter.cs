using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using PowerService.Domain.Complaints;
using PowerService.Domain.WorkOrders;
using PowerService.Web.Features.Reports.Export;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.WorkOrders.Import;

/// <summary>
/// Imports a file's rows: each row is read through the mapping and the intake rules, the valid ones
/// are registered in batches (idempotent, each order whole or not at all), and every row that is not
/// stored goes to the rejected-rows workbook — its row number, its cells as the file had them, and
/// 错误原因 — written as the import goes, so neither the file nor the rejects are ever in memory whole.
/// </summary>
public sealed class WorkOrderImporter(IWorkOrderRegistration registration, TimeProvider time, IOptions<ImportOptions> options)
{
    public const string ReasonHeader = "错误原因";
    public const string RowHeader = "原行号";

    public async Task<ImportCounts> RunAsync(ImportSheet sheet, ColumnMapping mapping, StaffUser by, string via, Stream rejected,
        Action<ImportCounts> progress, CancellationToken ct)
    {
        var counter = new Counter(progress);
        await using var book = XlsxWriter.Create(rejected, "未导入的工单", time.GetUtcNow());
        await book.WriteSheetAsync(RejectedSheet(sheet.Headers), RejectedRowsAsync(sheet, mapping, by, via, counter, ct), null, ct);
        await book.CompleteAsync(ct);
        counter.Report();
        return counter.Counts;
    }

    /// <summary>The rejected-rows sheet: the original row number, the file's own columns, and the reasons.</summary>
    public static SheetSpec RejectedSheet(IReadOnlyList<string> headers) => new("未导入的工单",
    [
        new XlsxColumn(RowHeader, 8, XlsxFormat.Integer),
        .. headers.Select((h, i) => new XlsxColumn(h.Length > 0 ? h : $"第{i + 1}列", Math.Clamp(h.Length * 2 + 4, 10, 40))),
        new XlsxColumn(ReasonHeader, 80),
    ]);

    private async IAsyncEnumerable<IReadOnlyList<object?>> RejectedRowsAsync(ImportSheet sheet, ColumnMapping mapping, StaffUser by, string via,
        Counter counter, [EnumeratorCancellation] CancellationToken ct)
    {
        var parser = new WorkOrderRowParser(sheet.Headers, mapping);
        var duplicates = new DuplicateRows();
        var size = options.Value.BatchSize; // 1 to 20,000: ImportOptionsValidation stops the app at start otherwise
        var batch = new List<(ImportRow Row, ComplaintIntake Intake)>(size);
        foreach (var row in sheet.DataRows())
        {
            ct.ThrowIfCancellationRequested();
            var parsed = duplicates.Check(parser.Parse(row, time.GetUtcNow()));
            counter.Processed++;
            if (!parsed.Valid)
            {
                counter.Rejected++;
                yield return Rejected(row, ImportError.Join(parsed.Errors));
            }
            else batch.Add((row, parsed.Intake!));
            if (batch.Count < size) continue;
            foreach (var refused in await RegisterAsync(batch, parser, by, via, counter, ct)) yield return refused;
        }
        foreach (var refused in await RegisterAsync(batch, parser, by, via, counter, ct)) yield return refused;
    }

    private async Task<List<IReadOnlyList<object?>>> RegisterAsync(List<(ImportRow Row, ComplaintIntake Intake)> batch, WorkOrderRowParser parser,
        StaffUser by, string via, Counter counter, CancellationToken ct)
    {
        var refused = new List<IReadOnlyList<object?>>();
        if (batch.Count > 0)
        {
            var outcomes = await registration.RegisterAsync([.. batch.Select(b => b.Intake)], by, via, ct);
            if (outcomes.Count != batch.Count) throw new InvalidOperationException($"{outcomes.Count} outcomes for {batch.Count} work orders");
            for (var i = 0; i < batch.Count; i++)
            {
                var outcome = outcomes[i];
                if (outcome.Errors.Count > 0)
                {
                    counter.Rejected++;
                    refused.Add(Rejected(batch[i].Row, ImportError.Join(outcome.Errors.Select(e =>
                        new ImportError(batch[i].Row.Number, ImportFields.FromIntakeField(e.Field) is { } f ? parser.ColumnFor(f) : "", e.Message)))));
                }
                else if (outcome.Created) counter.Created++;
                else counter.AlreadyThere++;
            }
            batch.Clear();
        }
        counter.Report();
        return refused;
    }

    private static IReadOnlyList<object?> Rejected(ImportRow row, string reasons) => [row.Number, .. row.Cells, reasons];

    private sealed class Counter(Action<ImportCounts> report)
    {
        public int Processed, Created, AlreadyThere, Rejected;

        public ImportCounts Counts => new(Processed, Created, AlreadyThere, Rejected);

        public void Report() => report(Counts);
    }
}
