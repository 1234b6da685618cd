using Bunit;
using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Privacy;
using PowerService.Tests.Domain.Complaints;
using PowerService.Web.Features.Complaints;

namespace PowerService.Tests.Components;

/// <summary>The customer card opens masked for everyone; those who call customers open it in full or call, and either is logged.</summary>
public sealed class CustomerCardTests : ComponentTestBase
{
    private async Task<(string Number, IRenderedComponent<CustomerCard> Card)> RenderAsync(string userName)
    {
        // 李强 handles it, so the handler's card is his own complaint's.
        var number = await Support.Scenarios.DispatchedAsync(Db.Complaints, await Db.StaffAsync("agent"), await Db.StaffAsync("handler"));
        var staff = await SignInAsAsync(userName);
        var shown = (await Db.Complaints.ShowAsync(number, staff)).Shown!;
        return (number, RenderWithProviders<CustomerCard>(("Number", number), ("Masked", shown.Card), ("MayReveal", shown.Policy.MayReveal)));
    }

    private async Task<List<Web.Data.PiiAccessEvent>> LoggedAsync()
    {
        await using var db = Db.NewContext();
        return await db.PiiAccessEvents.ToListAsync(Xunit.TestContext.Current.CancellationToken);
    }

    private static string Text(IRenderedComponent<CustomerCard> card, string testId) => card.Find($"[data-testid={testId}]").TextContent.Trim();

    [Fact]
    public async Task The_card_opens_masked_for_a_handler_and_shows_the_full_details_once_asked_and_logged()
    {
        var (number, card) = await RenderAsync("handler");

        Assert.Equal(("张**", "138****8000", "33****3456", "杭州市西湖区…"), (Text(card, "customer-name"), Text(card, "customer-phone"), Text(card, "customer-account"), Text(card, "customer-address")));
        Assert.Empty(await LoggedAsync());

        card.Find("[data-testid=reveal-customer]").Click();

        card.WaitForAssertion(() => Assert.Equal("13812348000", Text(card, "customer-phone")));
        Assert.Equal("张建国", Text(card, "customer-name"));
        Assert.Equal("tel:13812348000", card.Find("[data-testid=customer-phone] a").GetAttribute("href"));
        var entry = Assert.Single(await LoggedAsync());
        Assert.Equal((PiiAccessKind.CustomerCard, number, "李强"), (entry.Kind, entry.ComplaintNumber, entry.UserName));
        Assert.Contains("已记入个人信息访问记录", Text(card, "customer-privacy-note"));
    }

    [Fact]
    public async Task Calling_the_customer_is_one_click_that_dials_and_is_logged()
    {
        var (number, card) = await RenderAsync("agent");

        card.Find("[data-testid=call-customer]").Click();

        card.WaitForAssertion(() => Assert.Equal("tel:13812348000", Services.GetRequiredService<BunitNavigationManager>().History.First().Uri));
        var entry = Assert.Single(await LoggedAsync());
        Assert.Equal((PiiAccessKind.CustomerCall, number), (entry.Kind, entry.ComplaintNumber));
    }

    [Fact]
    public async Task Hiding_the_card_masks_it_again()
    {
        var (_, card) = await RenderAsync("manager");
        card.Find("[data-testid=reveal-customer]").Click();
        card.WaitForAssertion(() => Assert.Equal("13812348000", Text(card, "customer-phone")));

        card.Find("[data-testid=hide-customer]").Click();

        Assert.Equal("138****8000", Text(card, "customer-phone"));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("auditor")]
    public async Task A_masked_role_has_no_way_to_open_the_card(string userName)
    {
        var (_, card) = await RenderAsync(userName);

        Assert.Empty(card.FindAll("[data-testid=reveal-customer], [data-testid=call-customer]"));
        Assert.DoesNotContain("张建国", card.Markup);
        Assert.DoesNotContain("13812348000", card.Markup);
        Assert.Equal("按最小必要原则，您的角色只能看到脱敏后的客户信息。", Text(card, "customer-privacy-note"));
    }
}
