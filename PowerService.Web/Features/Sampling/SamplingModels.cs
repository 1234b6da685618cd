using PowerService.Domain.Complaints;
using PowerService.Domain.Sampling;

namespace PowerService.Web.Features.Sampling;

/// <summary>A sampled revisit as its queue lists it: the complaint's classification and handler, and its customer masked (revealed on request, logged).</summary>
public sealed record SampleRow(SampledRevisit Item, SamplingPeriod Period, Category Category, string SubCategory, string Handler, DateTimeOffset? ClosedAt, Customer MaskedCustomer);

/// <summary>A drawn batch as listed: the period, the unit, what it was drawn from, and how far the re-contacts have got.</summary>
public sealed record BatchRow(long Id, SamplingPeriod Period, string Department, int Population, int Sampled, int KeyCases, int Recorded, DateTimeOffset DrawnAt, string DrawnBy);

/// <summary>The outcome of drawing a period's sample: the batch (new or drawn before) or why not.</summary>
public sealed record DrawOutcome(BatchRow? Batch, bool AlreadyDrawn, string? Refusal)
{
    public bool Succeeded => Refusal is null;
}
