using PowerService.Domain.Complaints;

namespace PowerService.Web.Features.WorkOrders;

/// <summary>
/// What an import's next batch must know of the batch prepared just before it, which may still be
/// being stored: the last number it took, its customers (for repeats), and the dispatch workloads
/// counted up so far (read once per import, then counted in memory).
/// </summary>
internal sealed class ImportCarry
{
    private (DateOnly Day, int Last)? _numbers;
    private IReadOnlyList<(ComplaintIntake Intake, string Number)> _previous = [];

    public IntakeAutomation? Automation { get; private set; }

    /// <summary>
    /// Numbers left free before each batch of an import, for the people and systems registering meanwhile:
    /// a batch is numbered before it is stored (while the previous one is), and a number someone else took
    /// in between would otherwise make it register again (measured: an agent saving every 2 s made a
    /// 100,000-row import 26 s instead of 17 s). Those not taken stay unused — up to 50 before each batch
    /// of 10,000. An import of one batch leaves none: nothing of its own is being stored meanwhile.
    /// </summary>
    public const int Spare = 50;

    /// <summary>Set before each batch is prepared: whether it is the import's last.</summary>
    public bool Final { get; set; }

    /// <summary>
    /// The sequence the next batch's numbers follow, <see cref="Spare"/> numbers on from this import's
    /// last on the day; or null (another day, or no batch yet): then from the stored counter (<see cref="SpareAfter"/>).
    /// </summary>
    public int? LastOf(DateOnly day) => _numbers is var (d, last) && d == day ? last + Spare : null;

    /// <summary>The numbers left free after the stored counter: none for an import's only batch.</summary>
    public int SpareAfter(int stored) => stored + (Final && _numbers is null ? 0 : Spare);

    /// <summary>The previous batch's complaints, once: the batch before that is stored, and found by the repeat finder itself.</summary>
    public IReadOnlyList<(ComplaintIntake Intake, string Number)> TakePrevious()
    {
        var previous = _previous;
        _previous = [];
        return previous;
    }

    public void Prepared(DateOnly day, int last, IntakeAutomation automation, IReadOnlyList<(ComplaintIntake, string)> registered)
    {
        _numbers = (day, last);
        Automation = automation;
        _previous = registered;
    }
}
