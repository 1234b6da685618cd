namespace PowerService.Domain.Complaints.Steps;

/// <summary>Maximum lengths of typed text, in characters.</summary>
public static class Limits
{
    public const int ShortText = 100;
    public const int Text = 2000;
    public const int Note = 1000;
}
