namespace PowerService.Domain.Text;

/// <summary>A refusal tied to the field where the bad value was typed.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// One rule over a value of type <typeparamref name="T"/>: the field it concerns, the check,
/// and the Chinese message shown when the check fails. The same rules feed the forms (messages
/// at each field) and the state machine's guards (the refusal reasons), so they cannot drift.
/// </summary>
public sealed record FieldRule<T>(string Field, Func<T, bool> Holds, string Message)
{
    public static IReadOnlyList<FieldError> Check(T value, IEnumerable<FieldRule<T>> rules) =>
        rules.Where(r => !r.Holds(value)).Select(r => new FieldError(r.Field, r.Message)).ToList();
}
