using PowerService.Domain.Complaints;

namespace PowerService.Tests.Domain.Complaints;

public class LoopGraphTests
{
    [Fact]
    public void Dot_export_shows_every_stage_and_the_guarded_transitions()
    {
        var dot = Complaint.LoopAsDot();

        Assert.StartsWith("digraph", dot.TrimStart());
        foreach (var stage in Enum.GetValues<Stage>()) Assert.Contains(stage.ToString(), dot);
        Assert.Contains("请填写调查核实的事实", dot);
    }

    [Fact]
    public void Mermaid_export_shows_the_revisit_outcomes()
    {
        var mermaid = Complaint.LoopAsMermaid();

        Assert.Contains("stateDiagram-v2", mermaid);
        Assert.Contains("Decision1 --> Resolve : Revisit [客户不满意，重新处理]", mermaid);
        Assert.Contains("Improve --> Closed", mermaid);
    }
}
