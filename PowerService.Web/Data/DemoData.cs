using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PowerService.Domain.Complaints;
using PowerService.Domain.Documents;
using PowerService.Domain.Sla;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;
using PowerService.Web.Features.Documents;
using Pipe = System.Threading.Channels.Channel; // not a complaint's intake channel: the generator-to-store queue

namespace PowerService.Web.Data;

/// <summary>The demo accounts listed in README; all share <see cref="DemoData.Password"/>.</summary>
public sealed record DemoAccount(string UserName, string DisplayName, StaffRole Role, string Department);

/// <summary>
/// Fills an empty database with departments, roles, demo accounts and two years of realistic
/// complaints. Complaints are carried through the loop by the aggregate's own methods, so every
/// demo timeline is one the product could have written. Runs on first start only.
/// </summary>
public sealed class DemoData(AppDbContext db, UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, TimeProvider time,
    DocumentRenderer renderer, IOptions<DocumentOptions> documentOptions, ILogger<DemoData> log)
{
    public const string Password = "Demo@2026";

    /// <summary>The customer service centre runs complaint management for the whole company: its managers are company-level.</summary>
    public const string CompanyLevelDepartment = "客户服务中心";

    public static readonly string[] Departments = ["客户服务中心", "城区供电所", "郊区供电所", "营销部（计量）", "运维检修部"];

    public static readonly DemoAccount[] Accounts =
    [
        new("agent", "王芳", StaffRole.IntakeAgent, "客户服务中心"),
        new("agent2", "刘洋", StaffRole.IntakeAgent, "客户服务中心"),
        new("handler", "李强", StaffRole.Handler, "城区供电所"),
        new("handler2", "孙丽", StaffRole.Handler, "营销部（计量）"),
        new("handler3", "周杰", StaffRole.Handler, "运维检修部"),
        new("manager", "赵敏", StaffRole.Manager, "客户服务中心"),
        new("manager2", "吴刚", StaffRole.Manager, "运维检修部"),
        new("trainer", "陈静", StaffRole.Trainer, "培训中心"),
        new("admin", "系统管理员", StaffRole.Admin, "信息中心"),
        new("auditor", "郑凯", StaffRole.Auditor, "法律合规部"),
    ];

    /// <summary>Departments, roles, the shipped calendar years and the default SLA policy: what every installation needs.</summary>
    public async Task EnsureReferenceDataAsync()
    {
        await EnsureCalendarsAndPolicyAsync();
        foreach (var name in Departments.Where(n => !db.Departments.Any(d => d.Name == n)))
            db.Departments.Add(new Department { Name = name, IsCompanyLevel = name == CompanyLevelDepartment });
        await db.SaveChangesAsync();
        foreach (var role in StaffRoles.People.Select(r => r.ToString()))
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        await EnsureWordingDictionaryAsync();
    }

    /// <summary>The service wording dictionary starts from the seeds' phrases (PhraseBook) when none is stored yet; admins edit it after.</summary>
    private async Task EnsureWordingDictionaryAsync()
    {
        if (await db.WordingPhrases.AnyAsync()) return;
        db.WordingPhrases.AddRange(PowerService.Domain.Wording.PhraseBook.Defaults.Select(p => new WordingPhraseRecord
        {
            Phrase = p.Phrase, Better = p.Better, Situation = p.Situation, Blocks = p.Blocks, UpdatedBy = "系统（初始词库）",
        }));
        await db.SaveChangesAsync();
    }

    /// <summary>Customers served per demo department (admins keep the real ones on /admin/kpi), so 万户投诉量 shows in the demo.</summary>
    private static readonly Dictionary<string, int> DemoCustomers = new()
    {
        ["客户服务中心"] = 1_250_000, ["城区供电所"] = 420_000, ["郊区供电所"] = 310_000, ["营销部（计量）"] = 1_250_000, ["运维检修部"] = 1_250_000,
    };

    private async Task EnsureCustomerCountsAsync()
    {
        foreach (var department in await db.Departments.Where(d => d.Customers == null).ToListAsync())
            department.Customers = DemoCustomers.GetValueOrDefault(department.Name) is > 0 and var n ? n : null;
        await db.SaveChangesAsync();
    }

    /// <summary>The calendars shipped in Data/Calendars (2025, 2026) and the default policy, when none are stored yet.</summary>
    private async Task EnsureCalendarsAndPolicyAsync()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Data", "Calendars");
        var stored = await db.CalendarYears.Select(y => y.Year).ToListAsync();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json") : [])
        {
            var (year, errors) = CalendarFormats.FromJson(await File.ReadAllTextAsync(file));
            if (year is null) throw new InvalidOperationException($"Shipped calendar {file} is invalid: {string.Join("; ", errors.Select(e => e.Message))}");
            if (!stored.Contains(year.Year))
                db.CalendarYears.Add(new CalendarYearRecord { Year = year.Year, Days = [.. year.Days], UpdatedAt = time.GetUtcNow(), UpdatedBy = "系统（内置）" });
        }
        if (!await db.SlaRules.AnyAsync()) db.SlaRules.AddRange(SlaPolicy.Default.Rules.Select(SlaRuleRecord.From));
        await db.SaveChangesAsync();
    }

    public async Task EnsureAccountsAsync()
    {
        foreach (var account in Accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not null) continue;
            var user = new ApplicationUser { UserName = account.UserName, DisplayName = account.DisplayName, Department = account.Department, EmailConfirmed = true };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, account.Role.ToString()));
        }
    }

    /// <summary>
    /// A database that once ran with demo data may still hold accounts with the published password:
    /// in Production they are disabled at start-up (they stay, as names on timelines), and logged.
    /// </summary>
    public async Task DisablePublishedAccountsAsync()
    {
        foreach (var account in Accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not { IsDisabled: false } user || !await users.CheckPasswordAsync(user, Password)) continue;
            user.IsDisabled = true;
            Check(await users.UpdateAsync(user));
            Check(await users.UpdateSecurityStampAsync(user));
        }
    }

    /// <summary>About ten complaints a day from <see cref="DemoSeason.FirstDay"/> to now: two years of history for the reports.</summary>
    public const int HistoryCount = 7000;

    /// <summary>Complaints saved per SaveChanges: bounds what the change tracker holds.</summary>
    private const int SaveBatch = 500;

    /// <summary>
    /// The demo's complaints, once: <paramref name="count"/> received from <paramref name="from"/> (by default
    /// the first day the shipped calendars cover) to now, as <see cref="DemoComplaints"/> makes them, in
    /// one transaction (a start-up that fails leaves none, and the next one tries again).
    /// </summary>
    public async Task EnsureComplaintsAsync(int count = HistoryCount, DateOnly? from = null)
    {
        if (await db.Complaints.AnyAsync()) return;
        await EnsureCustomerCountsAsync();
        var watch = Stopwatch.StartNew();
        var staff = await db.Users.ToDictionaryAsync(u => u.UserName!, u => new Actor(u.Id, u.DisplayName));
        var years = (await db.CalendarYears.AsNoTracking().ToListAsync()).Select(y => y.ToYear()).ToList();
        var schedule = new SlaSchedule(SlaPolicy.Default, new WorkingCalendar(years), BusinessHours.Default, ClockThresholds.Default);
        var settings = new DocumentSettings(documentOptions.Value.IssuingUnit, documentOptions.Value.RegulatorOffice);
        var generator = new DemoComplaints(new Random(2026), time.GetUtcNow(), staff, schedule, new DemoSeason(years.SelectMany(y => y.Days)),
            renderer.Problem is null ? renderer : null, settings);

        using var stop = new CancellationTokenSource();
        var (batches, generating) = Generate(generator, from ?? DemoSeason.FirstDay, count, stop.Token);
        var (stored, replies) = await StoreAsync(batches, stop);
        log.LogInformation("Demo data: {Count} complaints received since {From:yyyy-MM-dd}, {Replies} 12398 replies rendered, in {Seconds:F1} s (generating {Generating:F1} s)",
            stored, from ?? DemoSeason.FirstDay, replies, watch.Elapsed.TotalSeconds, (await generating).TotalSeconds);
    }

    private sealed record Batch(Complaint[] Complaints, List<(Complaint Complaint, IssuedDocumentFile File)> Files);

    /// <summary>
    /// Generating (every step under the domain's rules, deadlines on the working calendar, seals, the
    /// replies' PDFs) runs on another thread while this one stores the batches before: on two cores the
    /// first start takes the longer of the two, not their sum. The task's result is the time it was busy.
    /// </summary>
    private static (ChannelReader<Batch> Batches, Task<TimeSpan> Busy) Generate(DemoComplaints generator, DateOnly from, int count, CancellationToken stop)
    {
        var pipe = Pipe.CreateBounded<Batch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var busy = Task.Run(async () =>
        {
            var watch = new Stopwatch();
            try
            {
                watch.Start();
                foreach (var complaints in generator.History(from, count).Chunk(SaveBatch))
                {
                    var batch = new Batch(complaints, [.. generator.IssuedFiles]);
                    generator.IssuedFiles.Clear();
                    watch.Stop();
                    await pipe.Writer.WriteAsync(batch, stop);
                    watch.Start();
                }
                pipe.Writer.Complete();
            }
            catch (Exception ex)
            {
                pipe.Writer.Complete(ex);
            }
            return watch.Elapsed;
        });
        return (pipe.Reader, busy);
    }

    /// <summary>Stores the batches as they come, in one transaction; a failure stops the generator too.</summary>
    private async Task<(int Complaints, int Replies)> StoreAsync(ChannelReader<Batch> batches, CancellationTokenSource stop)
    {
        var (stored, replies) = (0, 0);
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false; // only additions: nothing to detect, and detecting is most of the cost
        try
        {
            await foreach (var (complaints, files) in batches.ReadAllAsync())
            {
                // Not accepting the changes: the batch leaves the tracker right after, so the snapshot of
                // every saved value (each JSON column serialised once more) would be thrown away.
                db.Complaints.AddRange(complaints);
                await db.SaveChangesAsync(acceptAllChangesOnSuccess: false);
                // The issued replies' bytes, now that their complaints have ids (in the tracker until accepted).
                foreach (var (complaint, file) in files) file.ComplaintId = db.Entry(complaint).Property(c => c.Id).CurrentValue;
                db.ChangeTracker.Clear();
                db.IssuedDocumentFiles.AddRange(files.Select(f => f.File));
                await db.SaveChangesAsync(acceptAllChangesOnSuccess: false);
                db.ChangeTracker.Clear();
                (stored, replies) = (stored + complaints.Length, replies + files.Count);
            }
        }
        catch
        {
            await stop.CancelAsync(); // the generator must not wait forever for a reader that has gone
            throw;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        await transaction.CommitAsync();
        return (stored, replies);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
