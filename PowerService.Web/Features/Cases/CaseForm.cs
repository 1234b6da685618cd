using PowerService.Domain.Cases;

namespace PowerService.Web.Features.Cases;

/// <summary>The editor's form over a case's working copy; tags typed as one line, separated by 、 or spaces.</summary>
public sealed class CaseForm
{
    public string Title { get; set; } = "";
    public string Background { get; set; } = "";
    public string Process { get; set; } = "";
    public string Solution { get; set; } = "";
    public string LessonsWorked { get; set; } = "";
    public string LessonsFailed { get; set; } = "";
    public string Tags { get; set; } = "";

    public static CaseForm From(CaseContent c) => new()
    {
        Title = c.Title, Background = c.Background, Process = c.Process, Solution = c.Solution,
        LessonsWorked = c.LessonsWorked, LessonsFailed = c.LessonsFailed, Tags = string.Join("、", c.Tags),
    };

    /// <summary>Masks a phrase in every section (the trainer's "mask more"); returns how many places it was in.</summary>
    public int MaskMore(string? phrase)
    {
        var count = 0;
        string Mask(string text)
        {
            var masked = Deidentifier.MaskMore(new DeidentifiedText(text, []), phrase);
            count += masked.Redactions.Count;
            return masked.Text;
        }
        (Title, Background, Process, Solution, LessonsWorked, LessonsFailed, Tags) =
            (Mask(Title), Mask(Background), Mask(Process), Mask(Solution), Mask(LessonsWorked), Mask(LessonsFailed), Mask(Tags));
        return count;
    }

    public CaseContent ToContent() => new(Title, Background, Process, Solution, LessonsWorked, LessonsFailed,
        Tags.Split(['、', ',', '，', ' ', '　', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
