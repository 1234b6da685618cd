using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Web.Data;
using PowerService.Web.Features.Complaints;
using PowerService.Web.Features.Shared;
using PowerService.Web.Features;
using PowerService.Web.Features.Sla;
using PowerService.Tests.Domain.Complaints;

namespace PowerService.Tests.Support;

/// <summary>
/// A real SQLite file in a temporary folder, migrated and holding the reference data and demo
/// accounts, with the application's own service registrations and a clock the test moves.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder;

    private TestDatabase(string folder, ServiceProvider services, FakeTimeProvider time)
    {
        _folder = folder;
        Services = services;
        Time = time;
    }

    public ServiceProvider Services { get; }
    public FakeTimeProvider Time { get; }
    public string FilePath => Path.Combine(_folder, "powerservice.db");

    public static async Task<TestDatabase> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("ps-test-").FullName;
        var time = new FakeTimeProvider(ComplaintBuilder.Start);
        var provider = BuildServices(folder, time);

        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
            var demo = ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider);
            await demo.EnsureReferenceDataAsync();
            await demo.EnsureAccountsAsync();
        }
        return new TestDatabase(folder, provider, time);
    }

    /// <summary>The application's services over the same file and clock, as a second app instance would have them (its own write gate and caches).</summary>
    public ServiceProvider OpenAnotherInstance() => BuildServices(_folder, Time);

    private static ServiceProvider BuildServices(string folder, FakeTimeProvider time)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:PowerService"] = $"Data Source={Path.Combine(folder, "powerservice.db")};Pooling=False" })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddPowerServiceDatabase(configuration)
            .AddPowerServiceFeatures(configuration);
        services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDbContext>();
        return services.BuildServiceProvider();
    }

    public ComplaintService Complaints => Services.GetRequiredService<ComplaintService>();

    public SlaMonitor Monitor => Services.GetRequiredService<SlaMonitor>();

    public AppDbContext NewContext() => Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    /// <summary>A demo account as the features see it once signed in.</summary>
    public async Task<StaffUser> StaffAsync(string userName)
    {
        await using var db = NewContext();
        var account = DemoData.Accounts.Single(a => a.UserName == userName);
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return new StaffUser(new Actor(id, account.DisplayName), [account.Role], account.Department);
    }

    public async Task<string> RegisterAsync(StaffUser by, ComplaintIntake? intake = null)
    {
        var result = await Complaints.RegisterAsync(intake ?? ComplaintBuilder.ValidIntake(), Guid.NewGuid(), by);
        return result.Value ?? throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Message)));
    }

    public async Task<Complaint> LoadAsync(string number) =>
        await Complaints.FindAsync(number) ?? throw new InvalidOperationException($"{number} not found");

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a file still open on a slow machine: the temp folder is cleaned by the OS */ }
    }
}
