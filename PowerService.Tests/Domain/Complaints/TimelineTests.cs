using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Domain.Complaints;

public class TimelineTests
{
    [Fact]
    public void Registration_starts_the_timeline_and_makes_the_registrar_first_responder_and_owner()
    {
        var c = Registered();

        var first = Assert.Single(c.Timeline);
        Assert.Null(first.Trigger);
        Assert.Equal((Stage?)null, first.FromStage);
        Assert.Equal(Stage.Intake, first.ToStage);
        Assert.Equal("王芳", first.ActorName);
        Assert.Equal(Agent, c.FirstResponder);
        Assert.Equal(Agent, c.Owner);
        Assert.Equal(1, c.Revision);
    }

    [Fact]
    public void A_full_loop_records_every_step_in_order_with_who_when_what_and_note()
    {
        var c = In(Stage.Closed);

        Assert.Equal(Stage.Closed, c.Stage);
        Assert.Equal(
            [null, LoopTrigger.Dispatch, LoopTrigger.Investigate, LoopTrigger.Resolve, LoopTrigger.Revisit, LoopTrigger.Revisit, LoopTrigger.Improve],
            c.Timeline.Select(e => e.Trigger));
        Assert.Equal(Enumerable.Range(1, 7), c.Timeline.Select(e => e.Sequence));
        Assert.True(c.Timeline.Zip(c.Timeline.Skip(1)).All(p => p.First.At <= p.Second.At));
        Assert.Equal(c.Timeline.Count, c.Revision);
        Assert.Equal(Dispatch.Handler, c.Owner);
        Assert.Equal(Agent, c.FirstResponder);
        Assert.NotNull(c.ClosedAt);
    }

    [Fact]
    public void A_note_given_with_a_step_is_kept_on_its_event()
    {
        var c = In(Stage.Investigate);

        Ok(c, c.AddNote(new ProgressNote("已调取停电计划单"), At(Start.AddHours(2)) with { Note = "客户情绪较激动" }));

        Assert.Equal(("已调取停电计划单", "客户情绪较激动"), (c.Timeline[^1].Summary, c.Timeline[^1].Note));
        Assert.False(c.Timeline[^1].ChangedStage);
    }

    [Fact]
    public void Summaries_join_typed_sentences_without_doubled_punctuation()
    {
        var c = In(Stage.Resolve);

        Ok(c, c.Resolve(Resolution(Start.AddHours(20)), Ctx(c, 24)));

        Assert.Equal("解决方案：上门致歉，按停电 8 小时比例减免当月电费，更新联系电话；补偿：电费减免", c.Timeline[^1].Summary);
    }

    [Fact]
    public void Timeline_cannot_be_changed_from_outside()
    {
        var c = Registered();

        Assert.IsNotType<List<TimelineEvent>>(c.Timeline, exactMatch: true);
        Assert.All(typeof(TimelineEvent).GetProperties(), p => Assert.False(p.SetMethod?.IsPublic ?? false, p.Name));
    }
}
