namespace PowerService.Domain.Complaints;

public sealed partial class Complaint
{
    /// <summary>The complaint's place in the 工作台 (<see cref="QueueOrder"/>), kept with every change.</summary>
    public string QueueKey { get; private set; } = "";

    private void RefreshQueueKey() => QueueKey = QueueOrder.KeyOf(Stage, Urgency, NextDueAt, Number);
}
