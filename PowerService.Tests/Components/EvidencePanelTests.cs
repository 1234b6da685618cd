using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Tests.Domain.Evidence;
using PowerService.Tests.Support;
using PowerService.Web.Features.Complaints;
using PowerService.Web.Features.Evidence;
using PowerService.Web.Features.Shared;

namespace PowerService.Tests.Components;

/// <summary>The 证据材料 panel: the list as each role may see it, uploads refused at the input with their reason, removal with a reason.</summary>
public sealed class EvidencePanelTests : ComponentTestBase
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private EvidenceService Evidence => Db.Services.GetRequiredService<EvidenceService>();

    /// <summary>李强's complaint (taken by 王芳) with his site photo and a PDF letter.</summary>
    private async Task<string> WithEvidenceAsync()
    {
        var handler = await Db.StaffAsync("handler");
        var number = await Scenarios.DispatchedAsync(Db.Complaints, await Db.StaffAsync("agent"), handler);
        Assert.True((await Evidence.AttachAsync(number, handler, "现场照片.jpg", EvidenceBuilder.Jpeg(seed: 3, size: 300_000), Ct)).Succeeded);
        Assert.True((await Evidence.AttachAsync(number, handler, "停电通知单.pdf", EvidenceBuilder.Pdf(seed: 4), Ct)).Succeeded);
        return number;
    }

    /// <summary>The panel alone (it opens no popovers, so several can be rendered in one test).</summary>
    private async Task<IRenderedComponent<EvidencePanel>> RenderAsync(string number, StaffUser staff, Action? changed = null)
    {
        var complaint = await Db.LoadAsync(number);
        return Render<EvidencePanel>(p => p.Add(x => x.Complaint, complaint).Add(x => x.Staff, staff).Add(x => x.OnChanged, () => changed?.Invoke()));
    }

    [Fact]
    public async Task Lists_each_file_with_its_kind_size_short_hash_uploader_and_time_and_a_thumbnail_for_images()
    {
        var number = await WithEvidenceAsync();
        var complaint = await Db.LoadAsync(number);

        var cut = await RenderAsync(number, await SignInAsAsync("handler"));

        var rows = cut.FindAll("[data-testid=evidence-item]");
        Assert.Equal(2, rows.Count);
        Assert.Contains("现场照片.jpg", rows[0].TextContent);
        Assert.Contains("JPEG 图片", rows[0].TextContent);
        Assert.Contains("293 KB", rows[0].TextContent);
        Assert.Contains("李强", rows[0].TextContent);
        Assert.Contains(ChinaTimeText(complaint.Evidence[0].UploadedAt), rows[0].TextContent);
        Assert.Equal(complaint.Evidence[0].ShortSha256 + "…", cut.FindAll("[data-testid=evidence-sha256]")[0].TextContent);
        Assert.Equal(complaint.Evidence[0].Sha256, cut.FindAll("[data-testid=evidence-sha256]")[0].GetAttribute("title"));
        Assert.Equal($"/complaints/{number}/evidence/1?inline=true", Assert.Single(cut.FindAll("[data-testid=evidence-thumbnail]")).GetAttribute("src"));
        Assert.Equal($"/complaints/{number}/evidence/2", cut.FindAll("[data-testid=evidence-download]")[1].GetAttribute("href"));
        Assert.Equal("2 份", cut.Find("[data-testid=evidence-count]").TextContent.Trim());
        Assert.Equal(2, cut.FindAll("[data-testid=evidence-remove]").Count); // his own uploads
    }

    private static string ChinaTimeText(DateTimeOffset at) => PowerService.Domain.Time.ChinaTime.Format(at);

    [Theory]
    [InlineData("admin")]
    [InlineData("auditor")]
    public async Task Roles_that_must_not_see_customer_data_get_no_panel_and_no_file_address(string userName)
    {
        var number = await WithEvidenceAsync();

        var panel = await RenderAsync(number, await SignInAsAsync(userName));
        var page = RenderWithProviders<ComplaintPage>(("Number", number));

        Assert.Empty(panel.Markup.Trim());
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=complaint-details]")));
        Assert.Empty(page.FindAll("[data-testid=evidence-panel]"));
        Assert.DoesNotContain("/evidence/", page.Markup);
    }

    [Fact]
    public async Task The_complaint_page_shows_the_panel_to_those_who_work_on_it()
    {
        var number = await WithEvidenceAsync();
        await SignInAsAsync("agent");

        var page = RenderWithProviders<ComplaintPage>(("Number", number));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=evidence-item]").Count));
        Assert.NotEmpty(page.FindAll("[data-testid=evidence-pick]"));
        Assert.Empty(page.FindAll("[data-testid=evidence-remove]")); // 王芳 did not upload them and does not manage
    }

    [Fact]
    public async Task A_refused_file_is_said_at_the_upload_and_a_good_one_is_attached()
    {
        var handler = await Db.StaffAsync("handler");
        var number = await Scenarios.DispatchedAsync(Db.Complaints, await Db.StaffAsync("agent"), handler);
        var changed = 0;
        var cut = await RenderAsync(number, await SignInAsAsync("handler"), () => changed++);

        cut.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(EvidenceBuilder.Exe(), "现场照片.jpg"),
            InputFileContent.CreateFromBinary(EvidenceBuilder.Jpeg(seed: 9), "电表照片.jpg"));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=evidence-uploaded]")));
        Assert.StartsWith("“现场照片.jpg”的内容是Windows 可执行程序，不能作为证据上传", Assert.Single(cut.FindAll("[data-testid=evidence-error]")).TextContent.Trim());
        Assert.Equal("已上传 1 个文件。", cut.Find("[data-testid=evidence-uploaded]").TextContent.Trim());
        Assert.Equal(1, changed);
        Assert.Equal("电表照片.jpg", Assert.Single((await Db.LoadAsync(number)).Evidence).FileName);
    }

    [Fact]
    public async Task A_removal_needs_its_reason_at_the_field_and_then_leaves_the_handlers_list()
    {
        var number = await WithEvidenceAsync();
        var changed = 0;
        var cut = await RenderAsync(number, await SignInAsAsync("handler"), () => changed++);

        cut.FindAll("[data-testid=evidence-remove]")[0].Click();
        cut.Find("[data-testid=evidence-remove-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal("请填写移除原因（至少 4 个字）", FieldMessage(cut, "evidence-remove-reason")));
        cut.Find("textarea[data-testid=evidence-remove-reason]").Change("误传了其他客户的照片");
        cut.Find("[data-testid=evidence-remove-confirm]").Click();
        cut.WaitForAssertion(() => Assert.Equal(1, changed));

        var handlerView = await RenderAsync(number, await SignInAsAsync("handler"));
        Assert.Single(handlerView.FindAll("[data-testid=evidence-item]"));
        var managerView = await RenderAsync(number, await SignInAsAsync("manager"));
        var removed = managerView.Find("[data-testid=evidence-item][data-removed=true]");
        Assert.Contains("已由李强于", removed.TextContent);
        Assert.Contains("移除：误传了其他客户的照片（原件保留）", removed.TextContent);
        Assert.Equal("1 份", managerView.Find("[data-testid=evidence-count]").TextContent.Trim());
    }

    [Fact]
    public async Task Clicking_a_thumbnail_opens_its_preview()
    {
        var number = await WithEvidenceAsync();
        var cut = await RenderAsync(number, await SignInAsAsync("handler"));

        cut.Find(".evidence-thumb-button").Click();

        Assert.Equal($"/complaints/{number}/evidence/1?inline=true", cut.Find("[data-testid=evidence-preview-image]").GetAttribute("src"));
        cut.Find("[data-testid=evidence-preview-close]").Click();
        Assert.Empty(cut.FindAll("[data-testid=evidence-preview]"));
    }
}
