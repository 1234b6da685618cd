using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Staff;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Data;

/// <summary>A demo account as the features see it once signed in, read from a database the app set up: for tests and benchmarks (no session stamp: a service-level caller).</summary>
public static class DemoStaff
{
    public static async Task<StaffUser> LoadAsync(AppDbContext db, string userName)
    {
        var account = DemoData.Accounts.Single(a => a.UserName == userName);
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return new StaffUser(new Actor(id, account.DisplayName), [account.Role], account.Department)
        {
            CompanyLevel = await db.IsCompanyLevelAsync(account.Department),
        };
    }

    public static async Task<StaffUser> LoadAsync(IDbContextFactory<AppDbContext> factory, string userName)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await LoadAsync(db, userName);
    }
}
