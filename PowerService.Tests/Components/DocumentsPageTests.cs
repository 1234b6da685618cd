using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PowerService.Domain.Complaints;
using PowerService.Domain.Documents;
using PowerService.Tests.Domain.Complaints;
using PowerService.Web.Features.Documents;

namespace PowerService.Tests.Components;

/// <summary>The documents page offers only the documents that apply to the complaint.</summary>
public sealed class DocumentsPageTests : ComponentTestBase
{
    protected override void AddServices()
    {
        Services.AddSingleton(Db.Services.GetRequiredService<IOptions<DocumentOptions>>());
        Services.AddSingleton(Db.Services.GetRequiredService<DocumentRenderer>());
        Services.AddScoped<DocumentService>();
        Services.AddScoped<PowerService.Web.Features.Integrity.IntegrityService>();
    }

    private async Task<IRenderedComponent<DocumentsPage>> RenderAsync(string number, string? kindName = null)
    {
        await SignInAsAsync("manager");
        return RenderWithProviders<DocumentsPage>(("Number", number), ("KindName", kindName));
    }

    private static IReadOnlyList<string> Tabs(IRenderedComponent<DocumentsPage> cut) =>
        cut.FindAll(".mud-tab").Select(t => t.TextContent.Trim()).ToList();

    [Fact]
    public async Task A_95598_complaint_has_no_12398_reply_tab()
    {
        var number = await Db.RegisterAsync(await Db.StaffAsync("agent"), ComplaintBuilder.ValidIntake() with { Channel = Channel.Hotline95598 });

        var cut = await RenderAsync(number);

        cut.WaitForAssertion(() => Assert.Equal(["投诉调查报告", "客户投诉书面答复", "投诉案卷"], Tabs(cut)));
        Assert.DoesNotContain("12398", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=document-not-applicable]"));
    }

    [Fact]
    public async Task A_12398_complaint_opens_on_its_reply()
    {
        var number = await Db.RegisterAsync(await Db.StaffAsync("agent"), ComplaintBuilder.ValidIntake() with { Channel = Channel.Regulator12398, UpstreamReference = "NEA20261123001" });

        var cut = await RenderAsync(number);

        cut.WaitForAssertion(() => Assert.Equal(["12398能源监管热线投诉处理情况回复", "投诉调查报告", "客户投诉书面答复", "投诉案卷"], Tabs(cut)));
        Assert.Contains("mud-tab-active", cut.FindAll(".mud-tab")[0].ClassName);
    }

    [Theory]
    [InlineData("Reply12398", "本投诉来自95598热线，不是 12398 转办工单，没有《12398能源监管热线投诉处理情况回复》。")]
    [InlineData("NoSuchDocument", "没有这种文书：请从上方标签中选择。")]
    [InlineData("7", "没有这种文书：请从上方标签中选择。")]
    public async Task An_address_naming_a_document_that_does_not_apply_is_refused_with_its_reason(string kindName, string reason)
    {
        var number = await Db.RegisterAsync(await Db.StaffAsync("agent"), ComplaintBuilder.ValidIntake() with { Channel = Channel.Hotline95598 });

        var cut = await RenderAsync(number, kindName);

        cut.WaitForAssertion(() => Assert.Equal(reason, cut.Find("[data-testid=document-not-applicable]").TextContent.Trim()));
        Assert.Equal(["投诉调查报告", "客户投诉书面答复", "投诉案卷"], Tabs(cut));
    }

    [Fact]
    public async Task An_address_naming_a_document_that_applies_opens_its_tab()
    {
        var number = await Db.RegisterAsync(await Db.StaffAsync("agent"), ComplaintBuilder.ValidIntake() with { Channel = Channel.Hotline95598 });

        var cut = await RenderAsync(number, nameof(DocumentKind.CaseFile));

        cut.WaitForAssertion(() => Assert.Contains("mud-tab-active", cut.FindAll(".mud-tab")[2].ClassName));
        Assert.Empty(cut.FindAll("[data-testid=document-not-applicable]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=preview-page]")); // the case file needs nothing more
    }

    [Fact]
    public async Task A_reissue_after_someone_changed_the_complaint_meets_the_conflict_message_and_issues_nothing()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var handler = await Db.StaffAsync("agent"); // the first responder records the calls
        var number = await Db.RegisterAsync(handler);
        var documents = Db.Services.GetRequiredService<DocumentService>();
        Assert.True((await documents.IssueAsync(number, (await Db.LoadAsync(number)).Revision, DocumentKind.CaseFile, await Db.StaffAsync("manager"), ct: ct)).Succeeded);
        async Task NoteAsync(string text) => Assert.True((await Db.Complaints.ActAsync(number, (await Db.LoadAsync(number)).Revision, handler, null,
            (c, ctx) => c.AddNote(new PowerService.Domain.Complaints.Steps.ProgressNote(text), ctx), ct)).Succeeded);
        await NoteAsync("已电话联系客户"); // the case file now reads differently: a second version may be issued

        var cut = await RenderAsync(number, "CaseFile");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=preview-page]")));
        cut.Find("[data-testid=issue-document]").Click();
        cut.Find("[data-testid=reissue-reason] input, input[data-testid=reissue-reason]").Change("补充联系记录");
        await NoteAsync("客户要求书面答复"); // meanwhile someone changes the complaint the manager previewed
        cut.Find("[data-testid=confirm-reissue]").Click();

        cut.WaitForAssertion(() => Assert.Contains("您的操作未保存", cut.Find("[data-testid=issue-message]").TextContent));
        Assert.Single((await Db.LoadAsync(number)).IssuedDocuments);
    }
}
