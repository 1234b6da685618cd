using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Reports;
using PowerService.Tests.Documents;
using PowerService.Tests.Support;
using PowerService.Web.Data;
using PowerService.Web.Features.Reports;

namespace PowerService.Tests.Data.Reports;

/// <summary>The monthly archive: due on the first working day, made once per scope, never changed, regenerated as a new version, read within scope.</summary>
public abstract class ArchiveTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        await Scenarios.DispatchedAsync(_db.Complaints, await _db.StaffAsync("agent"), await _db.StaffAsync("handler"));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private ArchiveService Archive => _db.Services.GetRequiredService<ArchiveService>();

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset China(int y, int m, int d, int h = 0) => new DateTimeOffset(y, m, d, h, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    [Fact]
    public async Task The_archive_falls_due_on_the_first_working_day_after_the_month()
    {
        // 2026-10-01…07 are the National Day holiday: October's first working day is the 8th.
        Assert.Equal(ReportPeriod.Month(2026, 9), await Archive.DueMonthAsync(China(2026, 10, 8), Ct));
        Assert.Null(await Archive.DueMonthAsync(China(2026, 10, 7, 23), Ct)); // September's report waits for the 8th
        Assert.Equal(ReportPeriod.Month(2026, 10), await Archive.DueMonthAsync(China(2026, 11, 2), Ct));
    }

    [Fact]
    public async Task The_due_month_is_archived_once_for_the_company_and_each_department_and_never_changes()
    {
        _db.Time.SetUtcNow(China(2026, 12, 1, 9)); // November is due (Dec 1 is a Tuesday)
        var stored = await Archive.ArchiveDueAsync(Ct);
        var again = await Archive.ArchiveDueAsync(Ct);

        await using var db = _db.NewContext();
        var archives = await db.ArchivedReports.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(6, stored); // 全公司 and five departments
        Assert.Equal(0, again);
        Assert.Equal(12, archives.Count); // a PDF and an xlsx each
        Assert.All(archives, a => Assert.Equal((1, "2026-11", "系统"), (a.Version, a.Period, a.CreatedBy)));
        Assert.All(archives, a => Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(a.Content)), a.Sha256));
        var pdf = archives.Single(a => a.Department == "" && a.Format == "pdf");
        Assert.Contains("投诉管理报表（2026年11月·全公司）", PdfText.Squeeze(PdfText.Extract(pdf.Content)));
        Assert.Empty(XlsxRead.Errors(archives.Single(a => a.Department == "" && a.Format == "xlsx").Content));

        await Assert.ThrowsAnyAsync<Exception>(() => db.ArchivedReports.Where(a => a.Id == pdf.Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.Sha256, "0"), Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => db.ArchivedReports.Where(a => a.Id == pdf.Id).ExecuteDeleteAsync(Ct));
    }

    [Fact]
    public async Task Regenerating_makes_the_next_version_with_its_reason_and_keeps_the_first()
    {
        _db.Time.SetUtcNow(China(2026, 12, 1, 9));
        await Archive.ArchiveDueAsync(Ct);
        var manager = await _db.StaffAsync("manager");

        var refused = await Archive.RegenerateAsync(manager, ReportPeriod.Month(2026, 11), null, "补录", Ct);
        var notOver = await Archive.RegenerateAsync(manager, ReportPeriod.Month(2026, 12), null, "补录了回访记录", Ct);
        var (version, _) = await Archive.RegenerateAsync(manager, ReportPeriod.Month(2026, 11), null, "补录了 11 月的回访记录", Ct);

        Assert.Equal("请写明重新生成的原因（至少 5 字）", refused.Refusal);
        Assert.Equal("该月尚未结束，不能归档", notOver.Refusal);
        Assert.Equal(2, version);
        var list = await Archive.ListAsync(manager, Ct);
        Assert.Equal([2, 2, 1, 1], list.Where(a => a.Department == "").Select(a => a.Version));
        Assert.Equal("补录了 11 月的回访记录", list.First(a => a.Version == 2).Reason);
    }

    [Fact]
    public async Task A_department_manager_sees_and_is_told_of_their_departments_archives_only()
    {
        _db.Time.SetUtcNow(China(2026, 12, 1, 9));
        await Archive.ArchiveDueAsync(Ct);
        var manager2 = await _db.StaffAsync("manager2");
        var manager = await _db.StaffAsync("manager");

        var list = await Archive.ListAsync(manager2, Ct);
        Assert.All(list, a => Assert.Equal("运维检修部", a.Department));
        Assert.Equal(2, list.Count);
        Assert.Equal(1, await Archive.UnseenAsync(manager2, Ct));
        Assert.Equal(6, await Archive.UnseenAsync(manager, Ct));
        Assert.Null((await Archive.DownloadAsync((await Archive.ListAsync(manager, Ct)).First(a => a.Department == "").Id, manager2, Ct)).File);

        await Archive.MarkSeenAsync(manager2, Ct);
        Assert.Equal(0, await Archive.UnseenAsync(manager2, Ct));
        Assert.Equal(6, await Archive.UnseenAsync(manager, Ct));
        Assert.Equal(0, await Archive.UnseenAsync(await _db.StaffAsync("handler"), Ct));
    }

    [Fact]
    public async Task A_download_is_checked_against_the_recorded_sha256_and_logged()
    {
        _db.Time.SetUtcNow(China(2026, 12, 1, 9));
        await Archive.ArchiveDueAsync(Ct);
        var manager = await _db.StaffAsync("manager");
        var id = (await Archive.ListAsync(manager, Ct)).First(a => a.Format == "pdf").Id;

        var (file, _) = await Archive.DownloadAsync(id, manager, Ct);
        Assert.NotNull(file);
        await using var db = _db.NewContext();
        Assert.Contains(await db.ReportExports.Select(e => e.What).ToListAsync(Ct), w => w.StartsWith("下载归档"));

        // Someone goes around the app (and its triggers) and rewrites the file.
        await db.Database.ExecuteSqlRawAsync(_db.Provider == DatabaseProvider.Sqlite
            ? "DROP TRIGGER ArchivedReports_no_update"
            : "DROP TRIGGER \"ArchivedReports_no_update\" ON \"ArchivedReports\"", Ct);
        await db.ArchivedReports.Where(a => a.Id == id).ExecuteUpdateAsync(a => a.SetProperty(x => x.Content, new byte[] { 1, 2, 3 }), Ct);
        var (tampered, refusal) = await Archive.DownloadAsync(id, manager, Ct);
        Assert.Null(tampered);
        Assert.Contains("可能已被篡改", refusal);
    }
}

public sealed class ArchiveTestsOnSqlite() : ArchiveTests(DatabaseProvider.Sqlite);

public sealed class ArchiveTestsOnPostgres() : ArchiveTests(DatabaseProvider.Postgres);
