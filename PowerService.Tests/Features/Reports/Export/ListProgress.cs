namespace PowerService.Tests.Features.Reports.Export;

/// <summary>
/// Records each report at once, on the reporting thread. <see cref="Progress{T}"/> would post to
/// the thread pool, and a test could read the list before the reports arrive.
/// </summary>
public sealed class ListProgress : IProgress<int>
{
    public List<int> Reports { get; } = [];

    public void Report(int value) => Reports.Add(value);
}
