using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Documents;
using PowerService.Domain.Staff;
using PowerService.Tests.Domain.Complaints;

namespace PowerService.Tests.Domain.Wording;

/// <summary>The aggregate's rule: a customer letter or 12398 reply with a blocking phrase needs a manager and a reason; other documents do not.</summary>
public sealed class LetterWordingTests
{
    private static readonly string Hash = new('a', 64);

    private static DocumentIssueRequest Letter(DocumentKind kind, string? reason) => new(kind, Hash, Hash, null, ["规定就是这样"], reason);

    [Fact]
    public void Without_a_reason_the_letter_is_refused_at_the_reason_field()
    {
        var c = ComplaintBuilder.In(Stage.Closed);

        var refused = c.IssueDocument(Letter(DocumentKind.CustomerAnswer, null), ComplaintBuilder.At(ComplaintBuilder.Start.AddDays(9), ComplaintBuilder.Manager, StaffRole.Manager));

        Assert.Equal(nameof(DocumentIssueRequest.WordingOverride), Assert.Single(refused.Errors).Field);
        Assert.Empty(c.IssuedDocuments);
    }

    [Fact]
    public void A_manager_with_a_reason_issues_it_and_the_timeline_names_the_phrase_and_the_reason()
    {
        var c = ComplaintBuilder.In(Stage.Closed);

        var issued = c.IssueDocument(Letter(DocumentKind.CustomerAnswer, "引用客户原话"), ComplaintBuilder.At(ComplaintBuilder.Start.AddDays(9), ComplaintBuilder.Manager, StaffRole.Manager));

        Assert.True(issued.Succeeded, string.Join("；", issued.Reasons));
        Assert.EndsWith("含服务忌语“规定就是这样”，管理人员签发理由：引用客户原话", c.Timeline[^1].Summary);
    }

    [Fact]
    public void Only_a_manager_may_give_the_reason() =>
        Assert.Contains("只有管理人员", Assert.Single(ComplaintBuilder.In(Stage.Closed).IssueDocument(Letter(DocumentKind.CustomerAnswer, "引用客户原话"),
            ComplaintBuilder.At(ComplaintBuilder.Start.AddDays(9), ComplaintBuilder.Handler, StaffRole.Handler)).Errors).Message);

    [Fact]
    public void An_internal_document_is_not_held_to_it()
    {
        var c = ComplaintBuilder.In(Stage.Closed);
        Assert.True(c.IssueDocument(Letter(DocumentKind.CaseFile, null), ComplaintBuilder.At(ComplaintBuilder.Start.AddDays(9), ComplaintBuilder.Manager, StaffRole.Manager)).Succeeded);
    }
}
