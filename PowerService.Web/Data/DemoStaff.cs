using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Staff;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;

namespace PowerService.Tests.Support;

/// <summary>A demo account as the features see it once signed in, read from a database the app set up.</summary>
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
}
