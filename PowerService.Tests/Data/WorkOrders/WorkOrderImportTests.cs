using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Complaints;
using PowerService.Domain.WorkOrders;
using PowerService.Tests.Support;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;
using PowerService.Web.Features.WorkOrders.Import;
using static PowerService.Tests.Domain.WorkOrders.WorkOrderRows;

namespace PowerService.Tests.Data.WorkOrders;

/// <summary>
/// Importing a 12398 export on both databases: rows stored whole or not at all, a second import of the
/// same file creating nothing, the rejected rows' workbook, the preview's counts, the job record and the admin log.
/// </summary>
public abstract class WorkOrderImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private string _folder = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        _folder = WorkOrderFiles.Folder();
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Three valid orders, a row with a bad date and a bad phone, and a repeat of the first.</summary>
    private string File12398()
    {
        var path = Path.Combine(_folder, "12398-2026-11.xlsx");
        WorkOrderFiles.Xlsx(path, Headers12398,
        [
            Valid(1, "GD-0001"), Valid(2, "GD-0002"),
            Valid(3, "GD-0003").With("来电时间", "2026-11-31 08:30").With("联系电话", "1381234"),
            Valid(4, "GD-0004"), Valid(5, "GD-0001"),
        ], titles: ["12398 能源监管热线工单明细（2026年11月）"]);
        return path;
    }

    private ImportSheet Open(string path) => ImportSheet.Open(path, ImportSheet.KindOf(path).Kind!.Value).Sheet!;

    private async Task<(ImportCounts Counts, string Rejected)> ImportAsync(string path, StaffUser by)
    {
        var rejected = Path.Combine(_folder, $"rejected-{Guid.NewGuid():N}.xlsx");
        await using var scope = _db.Services.CreateAsyncScope();
        await using var output = File.Create(rejected);
        var counts = await scope.ServiceProvider.GetRequiredService<WorkOrderImporter>().RunAsync(Open(path), Mapping12398, by, "导入测试", output, _ => { }, Ct);
        return (counts, rejected);
    }

    private async Task<List<Complaint>> ImportedAsync()
    {
        await using var db = _db.NewContext();
        return await db.Complaints.AsNoTracking().Where(c => c.Channel == Channel.Regulator12398).OrderBy(c => c.UpstreamReference).ToListAsync(Ct);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_creates_each_work_order_once()
    {
        var agent = await _db.StaffAsync("agent");
        var path = File12398();

        var first = await ImportAsync(path, agent);
        var second = await ImportAsync(path, agent);

        Assert.Equal(new ImportCounts(5, 3, 0, 2), first.Counts);
        Assert.Equal(new ImportCounts(5, 0, 3, 2), second.Counts);
        var stored = await ImportedAsync();
        Assert.Equal(["GD-0001", "GD-0002", "GD-0004"], stored.Select(c => c.UpstreamReference));
        Assert.All(stored, c => Assert.Equal((Stage.Intake, "客户服务中心", "王芳"), (c.Stage, c.Department, c.FirstResponder.DisplayName)));
        Assert.Equal(("张建国", "13812348000", Category.Billing, "电费突增"), (stored[0].Customer.Name, stored[0].Customer.Phone, stored[0].Category, stored[0].SubCategory));
    }

    [Fact]
    public async Task A_row_with_an_error_stores_nothing_of_itself_and_its_reasons_are_in_the_rejected_file()
    {
        var (_, rejected) = await ImportAsync(File12398(), await _db.StaffAsync("agent"));

        Assert.DoesNotContain(await ImportedAsync(), c => c.UpstreamReference == "GD-0003");
        var rows = XlsxRows.Read(rejected).ToList();
        Assert.Equal(["原行号", .. Headers12398, "错误原因"], rows[0].Cells);
        Assert.Equal(3, rows.Count);
        Assert.Equal(("5", "GD-0003", "来电时间：无法识别的时间“2026-11-31 08:30”（如 2026-12-06 09:30 或 2026/12/6 9:30:00）；联系电话：联系电话格式不正确：手机为 11 位数字，座机如 0571-87654321"),
            (rows[1].Cells[0], rows[1].Cells[2], rows[1].Cells[^1]));
        Assert.Equal(("7", "GD-0001", "与第 3 行是同一工单（渠道和工单编号相同），文件内重复，只导入第 3 行"), (rows[2].Cells[0], rows[2].Cells[2], rows[2].Cells[^1]));
    }

    [Fact]
    public async Task The_preview_counts_before_anything_is_stored_and_after_an_import_says_the_file_came_before()
    {
        var agent = await _db.StaffAsync("agent");
        var jobs = _db.Services.GetRequiredService<ImportJobs>();
        var path = File12398();

        var preview = await PreviewAsync(jobs, path, agent);
        Assert.Equal((5, 3, 1, 1, 0, 3), (preview.Total, preview.Valid, preview.Invalid, preview.DuplicateInFile, preview.AlreadyImported, preview.New));
        Assert.Null(preview.ImportedBefore);
        Assert.Equal([5, 5, 7], preview.Errors.Select(e => e.Row));
        Assert.Empty(await ImportedAsync());

        var (upload, _) = await UploadAsync(jobs, path, agent);
        var (id, refusal) = await jobs.StartAsync(upload!.Id, Mapping12398, "12398能源监管热线", agent, Ct);
        Assert.Null(refusal);
        var status = await WaitAsync(jobs, id!.Value);
        Assert.Equal(new ImportCounts(5, 3, 0, 2), status.Counts);

        await using (var db = _db.NewContext())
        {
            var record = await db.WorkOrderImports.AsNoTracking().SingleAsync(i => i.Id == id, Ct);
            Assert.Equal((WorkOrderImportStatus.Finished, 3, 0, 2, "王芳", "12398-2026-11.xlsx"), (record.Status, record.Created, record.AlreadyThere, record.Rejected, record.UserName, record.FileName));
            var audit = await db.AdminAuditEvents.AsNoTracking().SingleAsync(e => e.Action == ImportJobs.ImportAction, Ct);
            Assert.StartsWith("12398能源监管热线，已完成：读取 5 行，新建 3 件，已登记过 0 件，未导入 2 行；", audit.Detail);
        }
        var file = await jobs.RejectedFileAsync(id.Value, agent, Ct);
        Assert.Equal("12398-2026-11-未导入2行.xlsx", file!.Value.FileName);
        Assert.Null(await jobs.RejectedFileAsync(id.Value, await _db.StaffAsync("agent2"), Ct)); // another agent's import
        Assert.NotNull(await jobs.RejectedFileAsync(id.Value, await _db.StaffAsync("manager"), Ct));

        var again = await PreviewAsync(jobs, path, agent);
        Assert.Equal((3, 3, 0), (again.Valid, again.AlreadyImported, again.New));
        Assert.StartsWith("此文件已于 ", again.ImportedBefore);
    }

    [Fact]
    public async Task A_file_with_the_wrong_columns_is_previewed_with_its_problems_and_not_imported()
    {
        var agent = await _db.StaffAsync("agent");
        var jobs = _db.Services.GetRequiredService<ImportJobs>();
        var path = Path.Combine(_folder, "other.csv");
        WorkOrderFiles.Csv(path, ["编号", "时间", "姓名", "电话"], [["A-0001", "2026-11-23 08:30", "张三", "13812348000"]], new System.Text.UTF8Encoding(false));

        var preview = await PreviewAsync(jobs, path, agent);
        var (upload, _) = await UploadAsync(jobs, path, agent);
        var (id, refusal) = await jobs.StartAsync(upload!.Id, Mapping12398, "12398能源监管热线", agent, Ct);

        Assert.Contains("文件中没有映射所需的列“工单编号”（工单编号）：请确认选择的来源或调整映射", preview.MappingProblems);
        Assert.False(preview.CanImport);
        Assert.Null(id);
        Assert.Equal("文件中没有映射所需的列“工单编号”（工单编号）：请确认选择的来源或调整映射", refusal);
    }

    [Fact]
    public async Task A_file_that_is_not_what_its_name_says_or_of_another_kind_is_refused_with_the_reason()
    {
        var agent = await _db.StaffAsync("agent");
        var jobs = _db.Services.GetRequiredService<ImportJobs>();
        var fake = Path.Combine(_folder, "fake.xlsx");
        await File.WriteAllTextAsync(fake, "工单编号,来电时间", Ct);

        Assert.Equal("无法读取该 Excel 文件：文件可能已损坏或不是 .xlsx 格式，请用 Excel 或 WPS 打开后另存为 .xlsx 再导入", (await UploadAsync(jobs, fake, agent)).Problem);
        await using var stream = new MemoryStream([1, 2, 3]);
        Assert.Equal("不支持旧版 Excel 97-2003（.xls）文件：请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后再导入", (await jobs.UploadAsync(stream, "old.xls", agent, Ct)).Problem);
        Assert.Equal("只有受理员和管理人员可以导入工单", (await jobs.UploadAsync(stream, "a.csv", await _db.StaffAsync("admin"), Ct)).Problem);
    }

    [Fact]
    public async Task A_saved_mapping_is_used_for_the_next_file_and_its_change_is_on_the_admin_log()
    {
        var sources = _db.Services.GetRequiredService<SourceService>();
        var list = await sources.ListAsync(Ct);
        Assert.Equal(["12398能源监管热线", "12345政务热线"], list.Select(s => s.Name));
        var source = list[0];
        var changed = source.Mapping with { Columns = new Dictionary<string, ImportField>(source.Mapping.Columns) { ["受理单号"] = ImportField.UpstreamReference }.Where(c => c.Key != "工单编号").ToDictionary() };

        Assert.Equal("只有管理人员和系统管理员可以保存导入映射", Assert.Single((await sources.SaveAsync(source.Id, source.Revision, source.Name, changed, await _db.StaffAsync("agent"), Ct)).Reasons));
        Assert.True((await sources.SaveAsync(source.Id, source.Revision, source.Name, changed, await _db.StaffAsync("manager"), Ct)).Succeeded);
        Assert.Contains("已被", Assert.Single((await sources.SaveAsync(source.Id, source.Revision, source.Name, changed, await _db.StaffAsync("admin"), Ct)).Reasons));

        var saved = (await sources.ListAsync(Ct))[0].Mapping;
        Assert.Equal(ImportField.UpstreamReference, saved.Columns["受理单号"]);
        Assert.Equal(Channel.Regulator12398, saved.Defaults.Channel);
        await using var db = _db.NewContext();
        Assert.Contains("工单编号←受理单号", (await db.AdminAuditEvents.AsNoTracking().SingleAsync(e => e.Action == SourceService.SaveAction, Ct)).Detail);
    }

    private async Task<(ImportUpload? Upload, string? Problem)> UploadAsync(ImportJobs jobs, string path, StaffUser by)
    {
        await using var stream = File.OpenRead(path);
        return await jobs.UploadAsync(stream, Path.GetFileName(path), by, Ct);
    }

    private async Task<ImportPreview> PreviewAsync(ImportJobs jobs, string path, StaffUser by)
    {
        var (upload, problem) = await UploadAsync(jobs, path, by);
        Assert.Null(problem);
        jobs.Analyse(upload!.Id, Mapping12398, by);
        for (var i = 0; i < 600; i++)
        {
            if (jobs.AnalysisOf(upload.Id, Mapping12398) is { Done: true } done) return done.Preview ?? throw new InvalidOperationException(done.Error);
            await Task.Delay(50, Ct);
        }
        throw new TimeoutException("preview");
    }

    private static async Task<ImportStatus> WaitAsync(ImportJobs jobs, Guid id)
    {
        for (var i = 0; i < 1200; i++)
        {
            if (jobs.Status(id) is { Done: true } done) return done;
            await Task.Delay(50, Ct);
        }
        throw new TimeoutException("import");
    }
}

public sealed class WorkOrderImportTestsOnSqlite() : WorkOrderImportTests(DatabaseProvider.Sqlite);

public sealed class WorkOrderImportTestsOnPostgres() : WorkOrderImportTests(DatabaseProvider.Postgres);
