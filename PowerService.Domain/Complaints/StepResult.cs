using PowerService.Domain.Text;

namespace PowerService.Domain.Complaints;

/// <summary>
/// The outcome of asking the loop to do something. An expected refusal is a result with Chinese
/// reasons, never an exception; <see cref="Errors"/> carries the field of each reason where the
/// reason belongs to one.
/// </summary>
public sealed record StepResult
{
    private StepResult(bool succeeded, IReadOnlyList<FieldError> errors)
    {
        Succeeded = succeeded;
        Errors = errors;
    }

    public bool Succeeded { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    public IEnumerable<string> Reasons => Errors.Select(e => e.Message);

    public static StepResult Success { get; } = new(true, []);

    public static StepResult Refused(string reason) => new(false, [new FieldError("", reason)]);

    public static StepResult Refused(IReadOnlyList<FieldError> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A refusal needs a reason.", nameof(errors)) : new(false, errors);
}

/// <summary>A result that carries a value when it succeeds.</summary>
public sealed record StepResult<T>(T? Value, StepResult Outcome)
{
    public bool Succeeded => Outcome.Succeeded;

    public IReadOnlyList<FieldError> Errors => Outcome.Errors;
}
