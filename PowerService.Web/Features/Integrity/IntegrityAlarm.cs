using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Integrity;

/// <summary>
/// Reports a record that fails verification to the operators' log: the first time as an error, then
/// with a count once an hour (<see cref="RepeatedFailureLog"/>) — a tampered complaint is read many
/// times, and each read must not write the same error again.
/// </summary>
public sealed class IntegrityAlarm(ILogger<IntegrityAlarm> log, TimeProvider time)
{
    private readonly RepeatedFailureLog _log = new(log, time);

    public void Report(IntegrityFinding finding) =>
        _log.Failed($"{finding.Number}/{finding.What}", $"Integrity check of {finding.Number} ({finding.What})", new InvalidDataException(finding.What));
}
