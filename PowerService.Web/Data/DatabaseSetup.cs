using Microsoft.EntityFrameworkCore;

namespace PowerService.Web.Data;

public static class DatabaseSetup
{
    public static IServiceCollection AddPowerServiceDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("PowerService") ?? "Data Source=powerservice.db";
        services.AddSingleton<SqlitePragmas>();
        services.AddSingleton<WriteGate>();
        services.AddDbContextFactory<AppDbContext>((sp, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(sp.GetRequiredService<SqlitePragmas>()));
        // Identity's stores take a scoped context; the features use the factory (one context per operation).
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>Applies migrations, then reference data; demo accounts and complaints when Demo:Enabled.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, IConfiguration configuration)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        var demo = ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider);
        await demo.EnsureReferenceDataAsync();
        if (configuration.GetValue<bool>("Demo:Enabled"))
        {
            await demo.EnsureAccountsAsync();
            if (configuration.GetValue("Demo:Complaints", true)) await demo.EnsureComplaintsAsync();
        }
    }
}
