using PowerService.Domain.Complaints;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.WorkOrders.Import;

/// <summary>Registers an import's batches through the shared <see cref="WorkOrderService"/> (idempotent on channel + upstream reference, dispatch and public-opinion check included).</summary>
public sealed class SharedRegistration(WorkOrderService workOrders) : IWorkOrderRegistration
{
    public async Task<IReadOnlyList<RegisteredRow>> RegisterAsync(IReadOnlyList<ComplaintIntake> orders, StaffUser by, string via, CancellationToken ct)
    {
        var outcomes = await workOrders.RegisterManyAsync(orders, new WorkOrderSource(via, by.Actor, by.Roles, by.Department), ct);
        return [.. outcomes.Select(o => new RegisteredRow(o.Number, o.Created, o.Errors))];
    }
}
