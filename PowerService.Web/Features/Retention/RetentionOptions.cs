using Microsoft.Extensions.Options;
using PowerService.Domain.Privacy;

namespace PowerService.Web.Features.Retention;

/// <summary>The <c>Retention</c> settings (README, "Retention").</summary>
public sealed class RetentionOptions
{
    /// <summary>Whether the daily job runs; the admin page's dry run and "run now" work either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Years after a complaint ended before its customer's data is removed: at least 2 (the company's
    /// rule); 3 by default, the general limitation period for civil claims (民法典第一百八十八条), so the
    /// record is whole for as long as a customer may still go to court over it.
    /// </summary>
    public int Years { get; set; } = 3;

    /// <summary>Complaints looked up per query; each is still anonymised in its own transaction.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>When the daily run starts, China time: at night, away from the working day.</summary>
    public TimeOnly RunAt { get; set; } = new(2, 30);
}

/// <summary>A retention shorter than the rules allow stops the app at start with the reason, rather than anonymising too early.</summary>
public sealed class RetentionOptionsValidation : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var problems = new List<string>();
        if (RetentionPolicy.Of(options.Years) is { Succeeded: false } refused)
            problems.Add($"Retention:Years — {string.Join("；", refused.Outcome.Reasons)}");
        if (options.BatchSize is < 1 or > 1000)
            problems.Add($"Retention:BatchSize — 每批数量须在 1 至 1000 之间，当前设置为 {options.BatchSize}");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
