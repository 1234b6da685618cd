using Microsoft.EntityFrameworkCore;
using PowerService.Domain;
using PowerService.Domain.Complaints;
using PowerService.Domain.Privacy;
using PowerService.Domain.Reports;
using PowerService.Domain.Sla;
using PowerService.Web.Data;
using PowerService.Web.Features.Reports.Export;

namespace PowerService.Web.Features.Reports;

/// <summary>One complaint of a report's detail: structured fields only (no complaint text), the customer masked unless asked in full.</summary>
internal sealed record DetailRow(
    string Number, DateTimeOffset ReceivedAt, Channel Channel, Category Category, string SubCategory, Urgency Urgency,
    string CustomerName, string Phone, string? Account, string Department, string HandlerName, Stage Stage,
    DateTimeOffset? ResolvedAt, int? HandlingMinutes, Satisfaction? Satisfaction, int ReopenCount, DateTimeOffset? RevisitedAt,
    DateTimeOffset? OverdueAt, EscalationLevel Escalation);

/// <summary>
/// The detail rows behind a report (the same filter as its numbers), streamed from the database in
/// receipt order so an export of 100,000 rows holds one row at a time. Free text (content, notes)
/// never leaves in a detail export: the minimum a reader of figures needs.
/// </summary>
public static class ReportDetail
{
    public static IReadOnlyList<XlsxColumn> Columns { get; } =
    [
        new("工单编号", 17), new(Labels.ReceivedAt, 17, XlsxFormat.DateTime), new("渠道", 14), new("类别", 14), new("子类", 16), new("紧急程度", 9),
        new("客户姓名", 10), new("联系电话", 14), new("户号", 14), new("部门", 16), new("处理人", 9), new("状态", 10),
        new("解决时间", 17, XlsxFormat.DateTime), new("处理时长（工作小时）", 12, XlsxFormat.Decimal1), new("满意度", 10), new("一次解决", 9),
        new("已回访", 8), new("超时", 8), new("升级层级", 9),
    ];

    /// <summary>How many rows <paramref name="filter"/> selects: the export's total, for its progress.</summary>
    public static Task<int> CountAsync(AppDbContext db, ReportFilter filter, CancellationToken ct) => filter.Apply(db.ComplaintMeasures).CountAsync(ct);

    public static async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(AppDbContext db, ReportFilter filter, bool masked,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var rows = from m in filter.Apply(db.ComplaintMeasures)
                   join c in db.Complaints on m.ComplaintId equals c.Id
                   orderby m.ReceivedAt, m.ComplaintId
                   select new DetailRow(c.Number, m.ReceivedAt, m.Channel, m.Category, m.SubCategory, m.Urgency,
                       c.Customer.Name, c.Customer.Phone, c.Customer.AccountNumber, m.Department, m.HandlerName, m.Stage,
                       m.ResolvedAt, m.HandlingMinutes, m.FirstSatisfaction, m.ReopenCount, m.RevisitedAt, m.OverdueAt, m.Escalation);
        await foreach (var r in rows.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
            yield return Cells(r, masked, filter.AsOf);
    }

    private static object?[] Cells(DetailRow r, bool masked, DateTimeOffset asOf) =>
    [
        r.Number, r.ReceivedAt, Labels.Of(r.Channel), Labels.Of(r.Category), r.SubCategory, Labels.Of(r.Urgency),
        masked ? Masking.Name(r.CustomerName) : r.CustomerName,
        masked ? Masking.Phone(r.Phone) : r.Phone,
        masked ? Masking.AccountNumber(r.Account) : r.Account,
        r.Department, r.HandlerName, Labels.Of(r.Stage), r.ResolvedAt,
        r.HandlingMinutes is { } minutes ? Math.Round(minutes / 60m, 1) : null,
        r.Satisfaction is { } s ? Labels.Of(s) : null,
        r.Satisfaction is null || r.Stage.IsSideEnd() ? null : r.ReopenCount == 0,
        r.ResolvedAt is null ? null : r.RevisitedAt is not null,
        r.Stage.IsSideEnd() ? null : r.OverdueAt <= asOf,
        Labels.Of(r.Escalation),
    ];
}
