using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Web.Data;

namespace PowerService.Benchmarks.ScaleBench;

/// <summary>
/// The app as shipped, in Development (the demo accounts are refused in Production), on its own SQLite
/// file, logging at Warning; <paramref name="services"/> adds what a benchmark observes (a circuit counter).
/// Start it on a loopback port with <c>UseKestrel(0)</c> and <c>StartServer()</c>.
/// </summary>
internal sealed class ShippedApp(string databasePath, bool demoComplaints, Action<IServiceCollection>? services = null) : WebApplicationFactory<AppDbContext>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:PowerService", $"Data Source={databasePath}");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Complaints", demoComplaints ? "true" : "false");
        builder.UseSetting("Retention:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (services is not null) builder.ConfigureServices(services);
    }
}
