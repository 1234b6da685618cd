using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Domain.Time;
using PowerService.Domain.WorkOrders;
using PowerService.Web.Data;

namespace PowerService.Web.Features.WorkOrders.Import;

/// <summary>
/// Reads a whole file through a mapping without storing anything: counts valid rows, rows with errors,
/// repeats within the file and work orders already registered (by channel and upstream reference), and
/// lists the errors. Streams the file; keeps only the keys of valid rows.
/// </summary>
public sealed class ImportAnalysis(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public const int PreviewRows = 20;
    public const int MaxErrorsShown = 1_000;
    private const int LookupChunk = 500;

    public async Task<ImportPreview> AnalyseAsync(ImportSheet sheet, ColumnMapping mapping, string sha256, Action<int> progress, CancellationToken ct)
    {
        var problems = MappingCheck.Problems(sheet.Headers, mapping);
        var first = new List<PreviewRow>();
        var errors = new List<ImportError>();
        int total = 0, valid = 0, invalid = 0;
        var duplicates = new DuplicateRows();
        var keys = new Dictionary<Channel, HashSet<string>>();
        var parser = problems.Count == 0 ? new WorkOrderRowParser(sheet.Headers, mapping) : null;
        foreach (var row in sheet.DataRows())
        {
            ct.ThrowIfCancellationRequested();
            total++;
            if (total % 1_000 == 0) progress(total);
            if (parser is null)
            {
                if (first.Count < PreviewRows) first.Add(new PreviewRow(row.Number, row.Cells, null));
                continue;
            }
            var repeats = duplicates.Count;
            var parsed = duplicates.Check(parser.Parse(row, time.GetUtcNow()));
            if (parsed.Valid)
            {
                valid++;
                var intake = parsed.Intake!;
                (keys.TryGetValue(intake.Channel!.Value, out var set) ? set : keys[intake.Channel.Value] = new(StringComparer.Ordinal)).Add(intake.UpstreamReference!.Trim());
            }
            else if (duplicates.Count == repeats) invalid++;
            foreach (var error in parsed.Errors)
                if (errors.Count < MaxErrorsShown) errors.Add(error);
            if (first.Count < PreviewRows) first.Add(new PreviewRow(row.Number, row.Cells, parsed.Valid ? null : ImportError.Join(parsed.Errors)));
        }
        progress(total);
        var already = 0;
        foreach (var (channel, references) in keys) already += await CountExistingAsync(channel, references, ct);
        return new ImportPreview(sheet.Headers, problems, first, errors, total, valid, invalid, duplicates.Count, already,
            await ImportedBeforeAsync(sha256, ct));
    }

    /// <summary>How many of these references of one channel are registered already.</summary>
    public async Task<int> CountExistingAsync(Channel channel, IReadOnlyCollection<string> references, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var count = 0;
        foreach (var chunk in references.Chunk(LookupChunk))
            count += await db.Complaints.CountAsync(c => c.Channel == channel && chunk.Contains(c.UpstreamReference!), ct);
        return count;
    }

    /// <summary>"此文件已于 2026-11-23 09:40 由王芳导入（新建 120 件）", when a file with the same SHA-256 was imported before.</summary>
    private async Task<string?> ImportedBeforeAsync(string sha256, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var before = await db.WorkOrderImports.AsNoTracking().Where(i => i.Sha256 == sha256).OrderByDescending(i => i.StartedAt).FirstOrDefaultAsync(ct);
        return before is null ? null : $"此文件已于 {ChinaTime.Format(before.StartedAt)} 由{before.UserName}导入过（新建 {before.Created:N0} 件）：再次导入不会重复登记，已登记的工单将跳过";
    }
}
