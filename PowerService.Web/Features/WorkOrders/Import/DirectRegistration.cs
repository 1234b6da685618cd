using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Time;
using PowerService.Domain.WorkOrders;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;
using PowerService.Web.Features.Sla;

namespace PowerService.Web.Features.WorkOrders.Import;

/// <summary>
/// The import's own minimal bulk registration, used until the shared work-order service is merged:
/// one save per batch under the write gate (all of a batch's orders stored together or none), the
/// batch's numbers taken at once, and an order whose (channel, upstream reference) is registered
/// already answered with that complaint's number instead of a second one.
/// No automatic dispatch and no repeat-complaint lookup: the shared service does those.
/// </summary>
public sealed class DirectRegistration(IDbContextFactory<AppDbContext> dbFactory, WriteGate gate, TimeProvider time, SlaSchedules schedules) : IWorkOrderRegistration
{
    public Task<IReadOnlyList<RegisteredRow>> RegisterAsync(IReadOnlyList<ComplaintIntake> orders, StaffUser by, string via, CancellationToken ct) =>
        gate.RunAsync<IReadOnlyList<RegisteredRow>>(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await StaffChecks.SessionEndedAsync(db, by, ct) is { } ended) return [.. orders.Select(_ => new RegisteredRow(null, false, ended.Errors))];
            var context = StepContext.Now(time, by.Actor, by.Roles, sla: await schedules.ForDepartmentAsync(by.Department, ct));
            var existing = await ExistingAsync(db, orders, ct);
            var results = new RegisteredRow?[orders.Count];
            var fresh = new List<int>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < orders.Count; i++)
            {
                var key = WorkOrderRowParser.KeyOf(orders[i].Channel!.Value, orders[i].UpstreamReference!);
                if (existing.TryGetValue(key, out var number) || !seen.Add(key)) results[i] = new RegisteredRow(number, false, []);
                else fresh.Add(i);
            }
            var numbers = fresh.Count == 0 ? [] : await ComplaintNumbering.NextAsync(db, context.At.ChinaDate(), fresh.Count, ct);
            if (numbers is null) return [.. orders.Select(_ => new RegisteredRow(null, false, [new("", "今日投诉编号已用完，请联系系统管理员")]))];
            for (var n = 0; n < fresh.Count; n++)
            {
                var i = fresh[n];
                var registered = Complaint.Register(orders[i], numbers[n], Guid.NewGuid(), by.Department, context);
                if (!registered.Succeeded) { results[i] = new RegisteredRow(null, false, registered.Errors); continue; }
                db.Complaints.Add(registered.Value!);
                results[i] = new RegisteredRow(numbers[n], true, []);
            }
            await db.SaveChangesAsync(ct);
            return [.. results.Select(r => r!)];
        }, ct);

    private static async Task<Dictionary<string, string>> ExistingAsync(AppDbContext db, IReadOnlyList<ComplaintIntake> orders, CancellationToken ct)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var channel in orders.GroupBy(o => o.Channel!.Value))
        {
            var references = channel.Select(o => o.UpstreamReference!.Trim()).Distinct().ToList();
            var rows = await db.Complaints.Where(c => c.Channel == channel.Key && references.Contains(c.UpstreamReference!))
                .Select(c => new { c.UpstreamReference, c.Number }).ToListAsync(ct);
            foreach (var row in rows) found.TryAdd(WorkOrderRowParser.KeyOf(channel.Key, row.UpstreamReference!), row.Number);
        }
        return found;
    }
}
