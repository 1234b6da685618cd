using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PowerService.Web.Features.Complaints;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>A handler uploads a site photo in Chromium, sees its thumbnail and preview, and downloads exactly the uploaded bytes.</summary>
public sealed class EvidenceTests : IAsyncLifetime
{
    private AppHost _app = null!;
    private string _folder = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await AppHost.StartAsync(PowerService.Tests.Domain.Complaints.ComplaintBuilder.Start);
        _folder = Directory.CreateTempSubdirectory("ps-evidence-").FullName;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A real photo-like JPEG (a meter box drawn on a wall), 480×320.</summary>
    private string SitePhoto()
    {
        using var surface = SKSurface.Create(new SKImageInfo(480, 320));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0xB0, 0xC4, 0xDE));
        using var box = new SKPaint { Color = new SKColor(0x55, 0x6B, 0x2F), IsAntialias = true };
        canvas.DrawRoundRect(new SKRect(140, 60, 340, 260), 12, 12, box);
        using var dial = new SKPaint { Color = SKColors.WhiteSmoke, IsAntialias = true };
        canvas.DrawCircle(240, 160, 60, dial);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        var path = Path.Combine(_folder, "现场电表照片.jpg");
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    [Fact]
    public async Task A_handler_uploads_a_photo_sees_its_preview_and_downloads_it_unchanged()
    {
        string number;
        using (var scope = _app.Services.CreateScope())
            number = await PowerService.Tests.Support.Scenarios.DispatchedAsync(scope.ServiceProvider.GetRequiredService<ComplaintService>(),
                await _app.StaffAsync("agent"), await _app.StaffAsync("handler"));
        var photo = SitePhoto();
        var notAPhoto = Path.Combine(_folder, "电表读数.jpg");
        await File.WriteAllTextAsync(notAPhoto, "这不是图片", TestContext.Current.CancellationToken);
        var page = await _app.SignInAsync("handler");
        try
        {
            await page.GotoAsync($"{_app.BaseUrl}/complaints/{number}");
            await Expect(page.Locator("[data-testid=evidence-pick]")).ToBeEnabledAsync(new() { Timeout = 15_000 }); // interactive
            await Expect(page.Locator("[data-testid=evidence-empty]")).ToHaveTextAsync("暂无证据材料。");

            await page.ChooseFilesAsync("[data-testid=evidence-uploader] input[type=file]", photo, notAPhoto);

            await Expect(page.Locator("[data-testid=evidence-uploaded]")).ToHaveTextAsync("已上传 1 个文件。", new() { Timeout = 15_000 }); // stored while the disk is busy
            await Expect(page.Locator("[data-testid=evidence-error]")).ToContainTextAsync("无法识别“电表读数.jpg”的文件类型");
            await Expect(page.Locator("[data-testid=evidence-item]")).ToHaveCountAsync(1);
            var thumbnail = page.Locator("[data-testid=evidence-thumbnail]");
            await Expect(thumbnail).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=evidence-thumbnail]')?.naturalWidth === 480");

            await page.Locator(".evidence-thumb-button").ClickAsync();
            await Expect(page.Locator("[data-testid=evidence-preview-image]")).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=evidence-preview-image]')?.naturalHeight === 320");
            await Expect(page.Locator("[data-testid=timeline-event][data-trigger=AttachEvidence]")).ToContainTextAsync("上传证据 #1《现场电表照片.jpg》");
            await page.Locator("[data-testid=evidence-panel]").ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("evidence-panel.png") });
            await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("evidence-complaint-page.png"), FullPage = true });

            var expected = await File.ReadAllBytesAsync(photo, TestContext.Current.CancellationToken);
            var href = await page.Locator("[data-testid=evidence-download]").GetAttributeAsync("href");
            var response = await page.APIRequest.GetAsync($"{_app.BaseUrl}{href}");
            Assert.Equal(200, response.Status);
            Assert.Equal("image/jpeg", response.Headers["content-type"]);
            Assert.Contains("attachment", response.Headers["content-disposition"]);
            var bytes = await response.BodyAsync();
            Assert.Equal(expected, bytes);
            var shown = await page.Locator("[data-testid=evidence-sha256]").GetAttributeAsync("title");
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), shown);
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("evidence-failure.png"), FullPage = true });
            throw;
        }
    }
}
