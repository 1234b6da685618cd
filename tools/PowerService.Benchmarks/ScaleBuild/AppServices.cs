using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using PowerService.Web.Data;
using PowerService.Web.Features;
using PowerService.Web.Features.Account;

namespace PowerService.Benchmarks.ScaleBuild;

/// <summary>
/// The app's own service registrations over the database being built — the same calls Program.cs
/// makes for the database, the features and Identity — so the schema, the reference data and the
/// demo accounts come from the code the app runs at start-up.
/// </summary>
internal static class AppServices
{
    /// <param name="informationFrom">Categories (type names) whose information messages are shown too; otherwise warnings and errors only.</param>
    public static (ServiceProvider Services, IConfiguration Configuration) Build(IReadOnlyDictionary<string, string?> databaseSettings, params string[] informationFrom)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(databaseSettings)
            // The demo accounts (README) so a person can sign in; the demo's 7,000 complaints are replaced by the build's N.
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:Enabled"] = "true", ["Demo:Complaints"] = "false" })
            .Build();
        var services = new ServiceCollection()
            .AddLogging(logging =>
            {
                logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
                foreach (var category in informationFrom) logging.AddFilter(category, LogLevel.Information);
            })
            .AddSingleton(TimeProvider.System)
            // Demo accounts are refused in Production; the built database is a development data set.
            .AddSingleton<IHostEnvironment>(new HostingEnvironment
            {
                EnvironmentName = Environments.Development, ApplicationName = "PowerService.Web", ContentRootPath = AppContext.BaseDirectory,
            })
            .AddPowerServiceDatabase(configuration)
            .AddPowerServiceFeatures(configuration);
        services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDbContext>().AddStaffPolicies();
        return (services.BuildServiceProvider(), configuration);
    }
}
