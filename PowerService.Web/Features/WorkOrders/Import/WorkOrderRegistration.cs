using PowerService.Domain.Complaints;
using PowerService.Domain.Text;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.WorkOrders.Import;

/// <summary>What became of one registered work order: created (with its number), already there (its number), or refused with reasons (nothing stored).</summary>
public sealed record RegisteredRow(string? Number, bool Created, IReadOnlyList<FieldError> Errors);

/// <summary>Registers a batch of work orders, idempotent on (channel, upstream reference), each stored whole or not at all.</summary>
public interface IWorkOrderRegistration
{
    Task<IReadOnlyList<RegisteredRow>> RegisterAsync(IReadOnlyList<ComplaintIntake> orders, StaffUser by, string via, CancellationToken ct);
}
