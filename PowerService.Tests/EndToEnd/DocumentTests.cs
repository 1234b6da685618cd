using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Web.Features.Complaints;
using PowerService.Tests.Domain.Complaints;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>A manager previews the 12398 reply, issues it, and downloads exactly the issued bytes.</summary>
public sealed class DocumentTests : IAsyncLifetime
{
    private AppHost _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppHost.StartAsync(ComplaintBuilder.Start);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_manager_issues_the_12398_reply_and_downloads_it_unchanged()
    {
        var number = await Regulator12398AtImproveAsync();
        var page = await _app.SignInAsync("manager");

        await page.GotoAsync($"{_app.BaseUrl}/complaints/{number}/documents");
        await Expect(page.Locator("[data-testid=preview-page]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=document-missing]")).ToHaveCountAsync(0);
        await page.ClickAsync("[data-testid=issue-document]");
        await page.ClickAsync(".mud-dialog button:has-text('签发')");
        await Expect(page.Locator("[data-testid=issue-message]")).ToHaveTextAsync("已签发。");
        await Expect(page.Locator("[data-testid=issued-version]")).ToHaveCountAsync(1);
        var shown = (await page.Locator("[data-testid=sha256]").InnerTextAsync()).Replace("SHA-256", "").Trim();
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("documents-issued.png"), FullPage = true });

        var href = await page.Locator("[data-testid=download]").GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync($"{_app.BaseUrl}{href}");
        var bytes = await response.BodyAsync();
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        Assert.Equal(shown, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Contains("NEA20261123001", PowerService.Tests.Documents.PdfText.Extract(bytes));

        await page.GotoAsync($"{_app.BaseUrl}/complaints/{number}");
        await Expect(page.Locator("[data-testid=timeline-event][data-trigger=IssueDocument]")).ToContainTextAsync(shown);
    }

    [Fact]
    public async Task An_unchanged_document_is_not_reissued_and_a_changed_one_asks_for_its_reason()
    {
        var number = await Regulator12398AtImproveAsync();
        var page = await _app.SignInAsync("manager");
        await page.GotoAsync($"{_app.BaseUrl}/complaints/{number}/documents");
        await page.ClickAsync("[data-testid=issue-document]");
        await page.ClickAsync(".mud-dialog button:has-text('签发')");
        await Expect(page.Locator("[data-testid=issued-version]")).ToHaveCountAsync(1);

        // Nothing changed: no reissue is offered.
        await Expect(page.Locator("[data-testid=issue-document]")).ToBeDisabledAsync();
        await Expect(page.Locator("[data-testid=document-unchanged]")).ToContainTextAsync("内容与第 1 版相同，无需重新签发");
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("documents-reissue-unchanged.png"), FullPage = true });

        // Once the content changes (the improvement plan fills 四、整改措施), the next version is not one click away: it asks why.
        using (var scope = _app.Services.CreateScope())
        {
            var complaints = scope.ServiceProvider.GetRequiredService<ComplaintService>();
            var current = (await complaints.FindAsync(number, TestContext.Current.CancellationToken))!;
            var improved = await complaints.ActAsync(number, current.Revision, await _app.StaffAsync("manager"), null, (c, ctx) => c.Improve(ComplaintBuilder.Plan, ctx), TestContext.Current.CancellationToken);
            Assert.True(improved.Succeeded, string.Join("；", improved.Result.Reasons));
        }
        await page.ReloadAsync();
        await Expect(page.Locator("[data-testid=issue-document]")).ToHaveTextAsync("重新签发第 2 版");
        await page.ClickAsync("[data-testid=issue-document]");
        await Expect(page.Locator("[data-testid=reissue-form]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=confirm-reissue]");
        await Expect(page.Locator("[data-testid=reissue-form]")).ToContainTextAsync("重新签发须说明原因（如更正内容）");
        await Expect(page.Locator("[data-testid=issued-version]")).ToHaveCountAsync(1);
        await page.EnterAsync("reissue-reason", "补充整改措施");
        await page.ClickAsync("[data-testid=confirm-reissue]");
        await Expect(page.Locator("[data-testid=issue-message]")).ToHaveTextAsync("已签发。");
        await Expect(page.Locator("[data-testid=issued-version]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=reissue-reason-shown]")).ToHaveTextAsync("重新签发原因：补充整改措施");
        await Expect(page.Locator("[data-testid=document-unchanged]")).ToContainTextAsync("内容与第 2 版相同，无需重新签发");
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("documents-reissued.png"), FullPage = true });
    }

    [Fact]
    public async Task Its_first_responder_sees_what_is_missing_and_cannot_issue()
    {
        var agent = await _app.StaffAsync("agent");
        using var scope = _app.Services.CreateScope();
        var number = (await scope.ServiceProvider.GetRequiredService<ComplaintService>().RegisterAsync(
            ComplaintBuilder.ValidIntake() with { Channel = Channel.Regulator12398, UpstreamReference = "NEA20261123009", Phone = "13900000009", AccountNumber = null },
            Guid.NewGuid(), agent, TestContext.Current.CancellationToken)).Value!;
        var page = await _app.SignInAsync("agent"); // only managers issue

        await page.GotoAsync($"{_app.BaseUrl}/complaints/{number}/documents");

        await Expect(page.Locator("[data-testid=document-missing]")).ToContainTextAsync("调查结论（事实、原因、责任认定）");
        await Expect(page.Locator("[data-testid=document-missing]")).ToContainTextAsync("反馈回访：登记回访");
        await Expect(page.Locator("[data-testid=issue-document]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=preview-page]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_95598_complaint_offers_no_12398_reply_even_by_address()
    {
        var agent = await _app.StaffAsync("agent");
        using var scope = _app.Services.CreateScope();
        var number = (await scope.ServiceProvider.GetRequiredService<ComplaintService>().RegisterAsync(
            ComplaintBuilder.ValidIntake() with { Phone = "13900000010", AccountNumber = null }, Guid.NewGuid(), agent, TestContext.Current.CancellationToken)).Value!;
        var page = await _app.SignInAsync("manager");

        await page.GotoAsync($"{_app.BaseUrl}/complaints/{number}/documents");
        await Expect(page.Locator(".mud-tab")).ToHaveTextAsync(["投诉调查报告", "客户投诉书面答复", "投诉案卷"]);
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("documents-95598.png"), FullPage = true });

        var direct = await page.GotoAsync($"{_app.BaseUrl}/complaints/{number}/documents/Reply12398");
        Assert.Equal(200, direct!.Status);
        await Expect(page.Locator("[data-testid=document-not-applicable]")).ToContainTextAsync("不是 12398 转办工单");
        await Expect(page.Locator(".mud-tab")).ToHaveCountAsync(3);
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("documents-95598-reply-refused.png"), FullPage = true });
    }

    private async Task<string> Regulator12398AtImproveAsync()
    {
        using var scope = _app.Services.CreateScope();
        return await PowerService.Tests.Support.Scenarios.Regulator12398AtImproveAsync(
            scope.ServiceProvider.GetRequiredService<ComplaintService>(), _app.Time, await _app.StaffAsync("agent"), await _app.StaffAsync("handler"));
    }
}
