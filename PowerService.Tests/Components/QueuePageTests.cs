using Bunit;
using PowerService.Domain.Complaints;
using PowerService.Web.Features.Complaints;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Components;

/// <summary>The 工作台's pager moves by seeking, says where it is, and a filter starts again from the first page.</summary>
public sealed class QueuePageTests : ComponentTestBase
{
    private async Task RegisterAsync(int count)
    {
        var agent = await Db.StaffAsync("agent");
        for (var i = 0; i < count; i++)
            await Db.RegisterAsync(agent, ValidIntake() with { Phone = $"139000000{i:D2}", CustomerName = i == 3 ? "欧阳娜娜" : "张建国" });
    }

    [Fact]
    public async Task Next_previous_and_last_move_through_the_queue_and_the_range_follows()
    {
        await RegisterAsync(25);
        await SignInAsAsync("manager");
        var cut = RenderWithProviders<QueuePage>();
        string Range() => cut.Find("[data-testid=queue-range]").TextContent.Trim();
        int Rows() => cut.FindAll("[data-testid=queue-table] tbody tr").Count;

        cut.WaitForAssertion(() => Assert.Equal("1-20 / 共 25 件", Range()));
        Assert.True(cut.Find("[data-testid=queue-previous]").HasAttribute("disabled"));

        cut.Find("[data-testid=queue-next]").Click();
        cut.WaitForAssertion(() => Assert.Equal("21-25 / 共 25 件", Range()));
        Assert.Equal(5, Rows());
        Assert.True(cut.Find("[data-testid=queue-next]").HasAttribute("disabled"));

        cut.Find("[data-testid=queue-previous]").Click();
        cut.WaitForAssertion(() => Assert.Equal("1-20 / 共 25 件", Range()));

        cut.Find("[data-testid=queue-last]").Click();
        cut.WaitForAssertion(() => Assert.Equal("6-25 / 共 25 件", Range()));
        Assert.Equal(20, Rows());
    }

    [Fact]
    public async Task A_search_starts_again_from_the_first_page_with_only_its_matches()
    {
        await RegisterAsync(25);
        await SignInAsAsync("manager");
        var cut = RenderWithProviders<QueuePage>();
        cut.WaitForAssertion(() => Assert.Equal("1-20 / 共 25 件", cut.Find("[data-testid=queue-range]").TextContent.Trim()));
        cut.Find("[data-testid=queue-next]").Click();
        cut.WaitForAssertion(() => Assert.StartsWith("21-25", cut.Find("[data-testid=queue-range]").TextContent.Trim()));

        var box = cut.Find("input[data-testid=queue-search]");
        box.Input("欧阳");
        box.Blur(); // commits without waiting for the typing pause

        cut.WaitForAssertion(() => Assert.Equal("1-1 / 共 1 件", cut.Find("[data-testid=queue-range]").TextContent.Trim()));
        Assert.Contains("欧阳娜娜", cut.Find("[data-testid=queue-table] tbody").TextContent);
    }
}
