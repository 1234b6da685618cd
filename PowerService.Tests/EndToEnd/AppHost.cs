using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace PowerService.Tests.EndToEnd;

/// <summary>
/// The real app on a loopback port with its own SQLite file, the demo accounts and a clock the
/// test moves, driven by Debian's Chromium through Playwright. A missing browser fails the test
/// (it never skips): run ./test.sh, which installs it.
/// </summary>
public sealed class AppHost : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly PowerServiceFactory _factory;
    private readonly string _folder;

    private AppHost(PowerServiceFactory factory, string folder, FakeTimeProvider time, IPlaywright playwright, IBrowser browser)
    {
        _factory = factory;
        _folder = folder;
        Time = time;
        Playwright = playwright;
        Browser = browser;
        BaseUrl = factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public FakeTimeProvider Time { get; }

    /// <summary>The running app's services, for arranging data the browser then shows.</summary>
    public IServiceProvider Services => _factory.Services;
    public IPlaywright Playwright { get; }
    public IBrowser Browser { get; }
    public string BaseUrl { get; }

    public static async Task<AppHost> StartAsync(DateTimeOffset now)
    {
        if (!File.Exists(ChromiumPath))
            Assert.Fail($"Browser tests need Debian Chromium at {ChromiumPath}. Run ./test.sh (it installs it) or: apt-get install -y chromium");

        var time = new FakeTimeProvider(now);
        var (factory, folder) = await StartServerAsync(time);

        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new AppHost(factory, folder, time, playwright, browser);
    }

    /// <summary>
    /// The app on a loopback port, in its own temporary folder, started on a prepared database copy
    /// (migrated, demo accounts); it adds the rest of its demo set-up itself.
    /// </summary>
    public static async Task<(PowerServiceFactory Factory, string Folder)> StartServerAsync(FakeTimeProvider time)
    {
        var folder = Directory.CreateTempSubdirectory("ps-e2e-").FullName;
        await PowerService.Tests.Support.TestDatabase.CopyPreparedSqliteAsync(Path.Combine(folder, "e2e.db"));
        var factory = new PowerServiceFactory(Path.Combine(folder, "e2e.db"), time);
        factory.UseKestrel(0);
        factory.StartServer();
        return (factory, folder);
    }

    /// <summary>A demo account as the features see it once signed in, read from the app's database.</summary>
    public Task<PowerService.Web.Features.Shared.StaffUser> StaffAsync(string userName) => StaffAsync(Services, userName);

    public static async Task<PowerService.Web.Features.Shared.StaffUser> StaffAsync(IServiceProvider services, string userName)
    {
        using var scope = services.CreateScope();
        return await PowerService.Web.Data.DemoStaff.LoadAsync(scope.ServiceProvider.GetRequiredService<PowerService.Web.Data.AppDbContext>(), userName);
    }

    public async Task<IPage> SignInAsync(string userName, IPage? page = null)
    {
        page ??= await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 }, Locale = "zh-CN" });
        await page.GotoAsync($"{BaseUrl}/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", PowerService.Web.Data.DemoData.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=signed-in-user]");
        return page;
    }

    /// <summary>Where screenshots go for a person to look at: artifacts/screenshots at the repository root.</summary>
    public static string ScreenshotPath(string name) => PowerService.Tests.Support.Artifacts.PathFor("screenshots", name);

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await _factory.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }
}

/// <summary>
/// The app configured for a browser test. A subclass, not <c>WithWebHostBuilder</c>: the factory
/// that returns delegates host creation to its parent, which then ignores <c>UseKestrel(0)</c> and
/// binds every host to port 5000.
/// </summary>
public sealed class PowerServiceFactory(string databasePath, FakeTimeProvider time) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:PowerService", $"Data Source={databasePath}");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Complaints", "false");
        builder.UseSetting("Reports:MonthlyArchive", "false"); // the archive job has its own tests (ArchiveTests)
        builder.UseSetting("Retention:Enabled", "false"); // tests move the clock by years; the daily job has its own tests (RetentionTests)
        builder.UseSetting("Sampling:Draw", "false"); // samples are drawn by hand in the browser tests; the job has its own tests (SamplingServiceTests)
        builder.UseSetting("Session:RevalidateEvery", "00:00:02"); // open tabs notice a sign-out within seconds, not half a minute
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));
    }
}

/// <summary>Small verbs for MudBlazor inputs, which commit their value on change (blur).</summary>
public static class PageActions
{
    /// <summary>
    /// Chooses files in a Blazor InputFile once its script has hooked the element: an enabled button says
    /// the page is interactive, but InputFile's init runs after that render, and a change before it is lost
    /// (seen under a loaded test run: the upload never started).
    /// </summary>
    public static async Task ChooseFilesAsync(this IPage page, string inputSelector, params string[] files)
    {
        var input = page.Locator(inputSelector);
        await input.EvaluateAsync("e => new Promise(r => { const t = () => e._blazorInputFileNextFileId !== undefined ? r() : setTimeout(t, 50); t(); })");
        await input.SetInputFilesAsync(files);
    }

    public static async Task EnterAsync(this IPage page, string testId, string text)
    {
        var input = page.Locator($"[data-testid={testId}]");
        await input.FillAsync(text);
        await input.BlurAsync();
    }

    /// <summary>Opens an app-bar menu and follows the item named <paramref name="item"/>, waiting for the page it leads to.</summary>
    public static async Task OpenMenuItemAsync(this IPage page, string menuTestId, string item, string url)
    {
        var menu = page.Locator($"[data-testid={menuTestId}] button").First;
        var entry = page.Locator(".mud-popover-open").GetByText(item);
        await Microsoft.Playwright.Assertions.Expect(menu).ToBeEnabledAsync();
        // Under a loaded CI machine the first click can land before MudBlazor's popover script is ready
        // (the button is already enabled); a person would click again, and so does the test.
        for (var attempt = 0; attempt < 3 && !await entry.IsVisibleAsync(); attempt++)
        {
            await menu.ClickAsync();
            try { await entry.WaitForAsync(new() { Timeout = 5000 }); }
            catch (TimeoutException) { }
        }
        await entry.ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page).ToHaveURLAsync(url);
    }

    public static async Task ChooseAsync(this IPage page, string testId, string option)
    {
        await page.Locator($"[data-testid={testId}]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = option }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>Clicks a stage action, fills its form through <paramref name="fill"/>, submits, and waits for the stage.</summary>
    public static async Task DoAsync(this IPage page, string trigger, Func<Task> fill, string expectedStage)
    {
        await page.ClickAsync($"[data-testid=action-{trigger}]");
        await fill();
        await page.ClickAsync("[data-testid=action-submit]");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-testid=complaint-stage]")).ToHaveTextAsync(expectedStage);
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-testid=action-submit]")).ToHaveCountAsync(0);
    }
}
