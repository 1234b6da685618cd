namespace PowerService.Web.Features.WorkOrders.Import;

/// <summary>Where an import stands: rows read, and of those registered (created or already there) and rejected.</summary>
public sealed record ImportCounts(int Processed, int Created, int AlreadyThere, int Rejected)
{
    public static ImportCounts None { get; } = new(0, 0, 0, 0);
}
