using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Documents;
using PowerService.Domain.Privacy;
using PowerService.Domain.Staff;
using PowerService.Tests.Documents;
using PowerService.Tests.Domain.Complaints;
using PowerService.Web.Features.Complaints;
using PowerService.Web.Features.Documents;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>
/// A complaint whose customer values are known — in the customer fields, in the content, the demands, a
/// note and the findings, with an ID number — and two issued documents, on one app for the leak tests.
/// </summary>
public sealed class LeakFixture : IAsyncLifetime
{
    public const string Name = "黄艳", Phone = "16265575989", Account = "3301987654321",
        Address = "杭州市拱墅区莫干山路140号7单元2703室", IdNumber = "330105198807154321";

    /// <summary>What must never reach a masked role, in any form. The address's street part stands for the address.</summary>
    public static readonly string[] Values = [Name, Phone, Account, Address, "莫干山路140号", IdNumber];

    public AppHost App { get; private set; } = null!;
    public string Number { get; private set; } = "";
    public IReadOnlyList<long> FileIds { get; private set; } = [];
    public int TimelineCount { get; private set; }

    public async ValueTask InitializeAsync()
    {
        App = await AppHost.StartAsync(ComplaintBuilder.Start);
        using var scope = App.Services.CreateScope();
        var complaints = scope.ServiceProvider.GetRequiredService<ComplaintService>();
        var (agent, handler, manager) = (await App.StaffAsync("agent"), await App.StaffAsync("handler"), await App.StaffAsync("manager"));
        var intake = ComplaintBuilder.ValidIntake() with
        {
            Channel = Channel.Regulator12398, UpstreamReference = "NEA20261123077",
            CustomerName = Name, Phone = Phone, AccountNumber = Account, Address = Address,
            Content = $"{Name}（身份证 {IdNumber}）反映{Address}反复停电，请回电 {Phone}。",
            Demands = $"{Name}要求上门说明，联系电话{Phone}，户号{Account}",
        };
        Number = (await complaints.RegisterAsync(intake, Guid.NewGuid(), agent)).Value!;
        async Task Act(Func<Complaint, StepContext, StepResult> step, PowerService.Web.Features.Shared.StaffUser? by = null)
        {
            var outcome = await complaints.ActAsync(Number, (await complaints.FindAsync(Number))!.Revision, by ?? handler, null, step);
            Assert.True(outcome.Succeeded, string.Join("；", outcome.Result.Reasons));
        }
        await Act((c, ctx) => c.Dispatch(new DispatchOrder(handler.Actor, "城区供电所"), ctx), agent);
        await Act((c, ctx) => c.AddNote(new ProgressNote($"已致电{Name} {Phone}，约定明日上门{Address}"), ctx));
        await Act((c, ctx) => c.Investigate(ComplaintBuilder.Findings with { Facts = $"{Name}家（{Address}）表计正常，线路老化。" }, ctx));
        await Act((c, ctx) => c.Resolve(ComplaintBuilder.Resolution(ComplaintBuilder.Start.AddHours(20)), ctx));
        App.Time.Advance(TimeSpan.FromHours(20));
        await Act((c, ctx) => c.Revisit(ComplaintBuilder.Satisfied, ctx));
        App.Time.Advance(TimeSpan.FromDays(7));
        await Act((c, ctx) => c.Revisit(ComplaintBuilder.Satisfied, ctx));
        var documents = scope.ServiceProvider.GetRequiredService<DocumentService>();
        foreach (var kind in new[] { DocumentKind.CaseFile, DocumentKind.Reply12398 })
        {
            var issued = await documents.IssueAsync(Number, (await complaints.FindAsync(Number))!.Revision, kind, manager);
            Assert.True(issued.Succeeded, string.Join("；", issued.Result.Reasons));
        }
        var complaint = (await complaints.FindAsync(Number))!;
        TimelineCount = complaint.Timeline.Count;
        FileIds = [.. (await Task.WhenAll(complaint.IssuedDocuments.Select(async d =>
            (await documents.ViewAsync(Number, d.Kind, manager))!.Issued.Single(v => v.Version == d.Version).FileId)))];
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>
/// The leak test: every masked role signs in in Chromium and goes everywhere a customer's values could
/// travel — the queue and its search, the complaint page, the documents pages and downloads, the
/// notification centre, the audit pages. The page HTML, every WebSocket frame the browser receives
/// (Blazor Server's are binary MessagePack: searched as bytes, and for base64) and every downloaded body
/// must hold none of the seeded values. A role that calls customers, as the control, does see them.
/// </summary>
public sealed class PrivacyLeakTests(LeakFixture fixture) : IClassFixture<LeakFixture>
{
    private static bool Found(IReadOnlyList<byte[]> frames, string value) => BrowserCapture.Found(frames, value);

    private static Task<Seen> CaptureAsync(IPage page, Func<Func<Task>, Task> steps) => BrowserCapture.CaptureAsync(page, steps);

    private static void AssertNoValue(Seen seen, IEnumerable<string> values) => BrowserCapture.AssertNoValue(seen, values);

    private AppHost App => fixture.App;

    /// <summary>Every role that sees live complaints masked: new masked roles join the test by themselves.</summary>
    public static TheoryData<string> MaskedRoles() =>
        [.. StaffRoles.People.Where(r => LoopPermissions.MayViewLiveComplaints([r]) && PrivacyPolicy.For([r]).IsMasked)
            .Select(r => PowerService.Web.Data.DemoData.Accounts.First(a => a.Role == r).UserName)];

    [Theory]
    [MemberData(nameof(MaskedRoles))]
    public async Task A_masked_role_receives_no_customer_value_on_any_page_frame_or_download(string userName)
    {
        var (page, seen) = await BrowseAsync(userName);

        // The pages were really there: the complaint, masked, and frames over the WebSocket.
        Assert.Contains("黄*", seen.Html);
        Assert.Contains("162****5989", seen.Html);
        Assert.Contains("杭州市拱墅区…", seen.Html);
        Assert.True(seen.Frames.Count > 20, $"only {seen.Frames.Count} WebSocket frames were captured");
        Assert.All(seen.Downloads, d => Assert.DoesNotContain("pdf", d.ContentType)); // the way in ends on the 无权访问 page
        AssertNoValue(seen, LeakFixture.Values);

        // Search: the full phone finds the complaint (masked); a prefix or the name finds nothing.
        var search = await CaptureAsync(page, async snapshot =>
        {
            await page.GotoAsync($"{App.BaseUrl}/");
            await Expect(page.Locator("[data-testid=queue-table] tbody tr").First).ToContainTextAsync(fixture.Number); // interactive now
            await SearchAsync(page, "TS19990101");
            await Expect(page.Locator("[data-testid=queue-table]")).ToContainTextAsync("没有符合条件的投诉。"); // the search runs
            await SearchAsync(page, LeakFixture.Phone);
            await Expect(page.Locator("[data-testid=queue-table] tbody tr")).ToContainTextAsync(fixture.Number);
            await Expect(page.Locator("[data-testid=queue-table] tbody tr")).ToContainTextAsync("162****5989");
            await snapshot();
        });
        // The phone typed comes back as the search box's value; nothing else may.
        AssertNoValue(search, [.. LeakFixture.Values.Where(v => v != LeakFixture.Phone)]);
        Assert.DoesNotContain(LeakFixture.Phone, await page.Locator("[data-testid=queue-table]").InnerTextAsync());
        foreach (var guess in new[] { LeakFixture.Phone[..7], LeakFixture.Name, LeakFixture.Account[..8] })
        {
            await SearchAsync(page, guess);
            await Expect(page.Locator("[data-testid=queue-table]")).ToContainTextAsync("没有符合条件的投诉。");
        }
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath($"leak-{userName}-search.png"), FullPage = true });
    }

    [Fact]
    public async Task A_role_that_calls_customers_does_receive_the_values_so_the_leak_test_can_fail()
    {
        var (page, seen) = await BrowseAsync("manager", reveal: true);

        Assert.Contains(LeakFixture.IdNumber, seen.Html);
        Assert.Contains(LeakFixture.Address, seen.Html);
        Assert.True(Found(seen.Frames, LeakFixture.Phone), "the revealed phone did not travel over the WebSocket");
        Assert.True(Found(seen.Frames, LeakFixture.Name), "the revealed name did not travel over the WebSocket");
        var pdf = seen.Downloads.First(d => d.Status == 200);
        Assert.Contains(LeakFixture.Name, PdfText.Squeeze(PdfText.Extract(pdf.Body)));
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_auditor_reads_on_the_access_log_who_opened_a_customer_card_and_when()
    {
        var manager = await App.SignInAsync("manager");
        await manager.GotoAsync($"{App.BaseUrl}/complaints/{fixture.Number}");
        await manager.ClickAsync("[data-testid=reveal-customer]");
        await Expect(manager.Locator("[data-testid=customer-phone]")).ToHaveTextAsync(LeakFixture.Phone);
        await manager.CloseAsync();

        var auditor = await App.SignInAsync("auditor");
        await auditor.OpenMenuItemAsync("nav-audit", "个人信息访问记录", $"{App.BaseUrl}/privacy/access-log");
        // The filters are enabled once the page is live (text typed into the prerendered page would be
        // lost); filling straight away raced the swap and, on a loaded machine, timed out on the old input.
        var filter = auditor.Locator("input[data-testid=filter-complaint]:not([disabled])");
        await Expect(filter).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await filter.FillAsync(fixture.Number);
        await filter.BlurAsync();

        var rows = auditor.Locator("[data-testid=access-log] tbody tr");
        await Expect(rows.Filter(new() { HasTextString = "查看完整客户信息" }).First).ToContainTextAsync("赵敏");
        await Expect(rows.Filter(new() { HasTextString = "查看完整客户信息" }).First).ToContainTextAsync("管理人员");
        await auditor.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("access-log.png"), FullPage = true });
        Assert.DoesNotContain(LeakFixture.Phone, await auditor.ContentAsync());
    }

    /// <summary>Signs in and visits every surface; returns what the browser received.</summary>
    private async Task<(IPage Page, Seen Seen)> BrowseAsync(string userName, bool reveal = false)
    {
        var page = await App.SignInAsync(userName);
        var downloads = new List<Download>();
        var seen = await CaptureAsync(page, async snapshot =>
        {
            await page.GotoAsync($"{App.BaseUrl}/");
            await Expect(page.Locator("[data-testid=queue-table] tbody tr").First).ToContainTextAsync(fixture.Number);
            await snapshot();
            await page.GotoAsync($"{App.BaseUrl}/complaints/{fixture.Number}");
            await Expect(page.Locator("[data-testid=timeline-event]")).ToHaveCountAsync(fixture.TimelineCount);
            if (reveal)
            {
                await Expect(page.Locator("[data-testid=reveal-customer]")).ToBeEnabledAsync(); // interactive: the prerendered card is replaced by then
                await page.Locator("[data-testid=customer-card]").ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("customer-card-masked.png") });
                await page.ClickAsync("[data-testid=reveal-customer]");
                await Expect(page.Locator("[data-testid=customer-phone]")).ToHaveTextAsync(LeakFixture.Phone);
                await page.Locator("[data-testid=customer-card]").ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("customer-card-revealed.png") });
            }
            await page.ClickAsync("[data-testid=notification-bell] button");
            await Expect(page.Locator("[data-testid=notification-list]")).ToBeVisibleAsync();
            await snapshot();
            await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath($"leak-{userName}-complaint.png"), FullPage = true });
            foreach (var path in new[] { $"/complaints/{fixture.Number}/documents", $"/complaints/{fixture.Number}/documents/CaseFile", "/privacy/access-log", "/admin/integrity" })
            {
                await page.GotoAsync($"{App.BaseUrl}{path}");
                await page.WaitForSelectorAsync("[data-testid=signed-in-user]");
                await snapshot();
            }
            foreach (var id in fixture.FileIds)
            {
                var url = $"{App.BaseUrl}/documents/{id}";
                var response = await page.APIRequest.GetAsync(url);
                downloads.Add(new(url, response.Status, response.Headers.GetValueOrDefault("content-type", ""), await response.BodyAsync()));
            }
        });
        return (page, seen with { Downloads = downloads });
    }

    private static async Task SearchAsync(IPage page, string text)
    {
        var box = page.Locator("[data-testid=queue-search]");
        await box.FillAsync(text);
        await box.BlurAsync(); // commits at once, without the 400 ms wait for typing to stop
        await page.WaitForTimeoutAsync(300);
    }
}
