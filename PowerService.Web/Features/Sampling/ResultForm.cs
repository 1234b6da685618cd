using PowerService.Domain.Complaints;
using PowerService.Domain.Sampling;

namespace PowerService.Web.Features.Sampling;

/// <summary>What the result form binds: the domain's input, field for field (so its errors land at the same names).</summary>
public sealed class ResultForm
{
    public RevisitMethod? Method { get; set; } = RevisitMethod.Phone;
    public bool? Reached { get; set; }
    public Satisfaction? Satisfaction { get; set; }
    public bool? Resolved { get; set; }
    public string? Notes { get; set; }
    public bool ProblemFound { get; set; }
    public string? Problem { get; set; }
    public string? Owner { get; set; }
    public DateTime? DueDate { get; set; }

    /// <summary>A customer not reached has no satisfaction and no verdict on the problem, whatever was clicked before.</summary>
    public SampleResultInput ToInput() => new(Method, Reached, Reached == false ? null : Satisfaction, Reached == false ? null : Resolved, Notes,
        ProblemFound, ProblemFound ? Problem : null, ProblemFound ? Owner : null, ProblemFound && DueDate is { } d ? DateOnly.FromDateTime(d) : null);
}
