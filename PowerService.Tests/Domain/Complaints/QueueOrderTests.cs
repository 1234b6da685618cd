using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Domain.Complaints;

/// <summary>The queue key sorts as the 工作台 orders: open first, most urgent, nearest deadline, then registration.</summary>
public sealed class QueueOrderTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Keys_sort_open_before_ended_then_by_urgency_then_deadline_then_number()
    {
        string[] expected =
        [
            QueueOrder.KeyOf(Stage.Investigate, Urgency.Critical, Noon.AddDays(3), "TS202611230009"),
            QueueOrder.KeyOf(Stage.Intake, Urgency.Urgent, Noon.AddHours(-5), "TS202611230002"), // overdue comes first within its urgency
            QueueOrder.KeyOf(Stage.Intake, Urgency.Urgent, Noon.AddHours(1), "TS202611230001"),
            QueueOrder.KeyOf(Stage.Resolve, Urgency.Normal, Noon, "TS202611220001"),
            QueueOrder.KeyOf(Stage.Resolve, Urgency.Normal, Noon, "TS202611230001"), // same deadline: registered first
            QueueOrder.KeyOf(Stage.Revisit, Urgency.Normal, null, "TS202611010001"), // no running clock: last of the open ones
            QueueOrder.KeyOf(Stage.Closed, Urgency.Critical, null, "TS202610010001"),
            QueueOrder.KeyOf(Stage.Withdrawn, Urgency.Normal, null, "TS202609010001"),
        ];

        Assert.Equal(expected, expected.Reverse().Order(StringComparer.Ordinal));
        Assert.All(expected, key => Assert.Equal(QueueOrder.KeyLength - 6, key.Length)); // four-digit numbers are in the key as they are
        Assert.All(expected.Take(6), key => Assert.True(string.CompareOrdinal(key, QueueOrder.EndedFrom) < 0));
        Assert.All(expected.Skip(6), key => Assert.True(string.CompareOrdinal(key, QueueOrder.EndedFrom) >= 0));
    }

    [Fact]
    public void Within_one_deadline_second_four_five_and_six_digit_numbers_sort_in_registration_order()
    {
        string[] numbers = ["TS202611220001", "TS2026112299999", "TS20261122100000", "TS202611230001", "TS202611230002", "TS202611231000", "TS202611239999",
            "TS2026112310000", "TS2026112310001", "TS2026112399999", "TS20261123100000", "TS20261123999999", "TS202611240001"];

        var keys = numbers.Select(n => QueueOrder.KeyOf(Stage.Intake, Urgency.Normal, Noon, n)).ToList();

        Assert.Equal(keys, keys.AsEnumerable().Reverse().Order(StringComparer.Ordinal));
        Assert.Equal(QueueOrder.KeyLength, keys.Max(k => k.Length));
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.EndsWith("TS20261123" + "9999" + "010000", keys[7]);
        Assert.EndsWith("TS202611230001", keys[3]); // four-digit keys are the same as before longer numbers existed
    }

    [Fact]
    public void The_key_follows_every_step_that_moves_the_complaint_in_the_queue()
    {
        var complaint = Registered();
        var atIntake = complaint.QueueKey;

        Ok(complaint, complaint.Dispatch(Dispatch, Ctx(complaint, 1)));
        var dispatched = complaint.QueueKey;
        var dueWhenDispatched = complaint.NextDueAt;
        Ok(complaint, complaint.Withdraw(new Withdrawal("客户表示问题已自行解决", "电话录音"), Ctx(complaint, 2)));

        Assert.Equal(QueueOrder.KeyOf(Stage.Intake, complaint.Urgency, Registered().NextDueAt, complaint.Number), atIntake);
        Assert.Equal(QueueOrder.KeyOf(Stage.Investigate, complaint.Urgency, dueWhenDispatched, complaint.Number), dispatched);
        Assert.Equal(QueueOrder.KeyOf(Stage.Withdrawn, complaint.Urgency, null, complaint.Number), complaint.QueueKey);
    }
}
