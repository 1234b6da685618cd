namespace PowerService.Benchmarks.ScaleBuild;

/// <summary>Stores batches of generated complaints, one transaction per batch, and counts what it stored.</summary>
internal abstract class BatchWriter
{
    public long Complaints { get; private set; }
    public long TimelineEvents { get; private set; }
    public long Alerts { get; private set; }

    public static BatchWriter For(BuildTarget target, BuildWriter writer) =>
        writer == BuildWriter.Ef ? new EfBatchWriter(target) : new ModelBatchWriter(target);

    public async Task WriteAsync(IReadOnlyList<GeneratedComplaint> batch)
    {
        await StoreAsync(batch);
        Complaints += batch.Count;
        TimelineEvents += batch.Sum(i => i.Complaint.Timeline.Count);
        Alerts += batch.Sum(i => i.Alerts.Count);
    }

    protected abstract Task StoreAsync(IReadOnlyList<GeneratedComplaint> batch);
}
