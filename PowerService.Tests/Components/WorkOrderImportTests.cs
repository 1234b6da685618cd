using PowerService.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Bunit;
using MudBlazor;
using PowerService.Domain.WorkOrders;
using PowerService.Web.Features.WorkOrders.Import;
using static PowerService.Tests.Domain.WorkOrders.WorkOrderRows;

namespace PowerService.Tests.Components;

/// <summary>The import's mapping step (a field per column, the fixed values) and its preview (counts, rows with their errors, every error).</summary>
public sealed class WorkOrderImportTests : ComponentTestBase
{
    protected override void AddServices() => Services.AddSingleton(Db.Services.GetRequiredService<ImportJobs>());

    [Fact]
    public async Task The_history_offers_the_rejected_rows_while_they_are_kept_and_says_when_they_have_expired()
    {
        var agent = await SignInAsAsync("agent");
        var now = Db.Time.GetUtcNow();
        WorkOrderImportRecord Finished(string file, double daysAgo) => new()
        {
            Id = Guid.NewGuid(), SourceName = "12398能源监管热线", FileName = file, UserId = agent.Actor.UserId, UserName = agent.Actor.DisplayName,
            Department = agent.Department, StartedAt = now.AddDays(-daysAgo).AddMinutes(-5), HeartbeatAt = now.AddDays(-daysAgo),
            FinishedAt = now.AddDays(-daysAgo), Status = WorkOrderImportStatus.Finished, Processed = 10, Created = 8, Rejected = 2,
        };
        await using (var db = Db.NewContext())
        {
            db.WorkOrderImports.AddRange(Finished("上周.xlsx", 8), Finished("昨天.xlsx", 1));
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var cut = RenderWithProviders<ImportHistory>(("Staff", agent));

        var rows = cut.WaitForElements("tbody tr");
        var yesterday = rows.Single(r => r.TextContent.Contains("昨天.xlsx"));
        var lastWeek = rows.Single(r => r.TextContent.Contains("上周.xlsx"));
        Assert.Contains("下载", yesterday.TextContent);
        Assert.Empty(yesterday.QuerySelectorAll("[data-testid=rejected-expired]"));
        Assert.Equal("（文件已过期）", lastWeek.QuerySelector("[data-testid=rejected-expired]")!.TextContent.Trim());
        Assert.DoesNotContain("下载", lastWeek.TextContent);
    }

    [Fact]
    public async Task The_mapping_step_shows_each_columns_field_and_a_change_reaches_the_mapping()
    {
        var form = MappingForm.From(Headers12398, Mapping12398);
        var changes = 0;
        var cut = RenderWithProviders<MappingEditor>(("Form", form), ("Changed", Microsoft.AspNetCore.Components.EventCallback.Factory.Create(this, () => changes++)));

        Assert.Equal(Headers12398.Length, cut.FindAll("[data-testid=mapping-row]").Count);
        var selects = cut.FindComponents<MudSelect<ImportField?>>();
        Assert.Equal([null, ImportField.UpstreamReference, ImportField.ReceivedAt], form.Columns.Take(3).Select(c => c.Field));
        Assert.Contains("工单编号", cut.FindAll("[data-testid=mapping-row]")[1].TextContent);

        await cut.InvokeAsync(() => selects[0].Instance.ValueChanged.InvokeAsync(ImportField.SpecialGroupNote)); // 序号 → 特殊群体说明
        await cut.InvokeAsync(() => selects[1].Instance.ValueChanged.InvokeAsync(null)); // 工单编号 → 不导入

        Assert.Equal(2, changes);
        var mapping = form.ToMapping();
        Assert.Equal(ImportField.SpecialGroupNote, mapping.Columns["序号"]);
        Assert.Contains("须指定“工单编号”列：重复导入时据此识别同一工单", MappingCheck.Problems(Headers12398, mapping));
        Assert.Equal(PowerService.Domain.Complaints.Channel.Regulator12398, mapping.Defaults.Channel);
    }

    [Fact]
    public void The_preview_shows_the_counts_each_rows_result_and_every_error()
    {
        var errors = new ImportError[] { new(3, "来电时间", "无法识别的时间“昨天”（如 2026-12-06 09:30 或 2026/12/6 9:30:00）"), new(4, "", "与第 2 行是同一工单（渠道和工单编号相同），文件内重复，只导入第 2 行") };
        var preview = new ImportPreview(Headers12398, [],
            [new(2, Valid(1), null), new(3, Valid(2).With("来电时间", "昨天"), ImportError.Join([errors[0]])), new(4, Valid(1), ImportError.Join([errors[1]]))],
            errors, Total: 3, Valid: 1, Invalid: 1, DuplicateInFile: 1, AlreadyImported: 0, ImportedBefore: null);

        var cut = Render<ImportPreviewView>(p => p.Add(x => x.Preview, preview));

        Assert.Equal("将新建 1 件", cut.Find("[data-testid=count-new]").TextContent.Trim());
        Assert.Equal("有错误 1 行", cut.Find("[data-testid=count-invalid]").TextContent.Trim());
        Assert.Equal("文件内重复 1 行", cut.Find("[data-testid=count-duplicate]").TextContent.Trim());
        var rows = cut.FindAll("[data-testid=preview-row]");
        Assert.Contains("可导入", rows[0].TextContent);
        Assert.Contains("来电时间：无法识别的时间“昨天”", rows[1].TextContent);
        var listed = cut.FindAll("[data-testid=preview-error]").Select(r => r.TextContent).ToList();
        Assert.Equal(2, listed.Count);
        Assert.StartsWith("3来电时间无法识别的时间", listed[0]);
    }

    [Fact]
    public void A_file_with_the_wrong_columns_says_so_and_shows_its_rows_without_a_verdict()
    {
        var preview = new ImportPreview(["编号", "时间"], ["须指定“投诉内容”对应的列"], [new(2, ["A-1", "2026-11-23 08:30"], null)], [], 1, 0, 0, 0, 0, null);

        var cut = Render<ImportPreviewView>(p => p.Add(x => x.Preview, preview));

        Assert.Contains("须指定“投诉内容”对应的列", cut.Find("[data-testid=mapping-problems]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=preview-counts]"));
        Assert.DoesNotContain("可导入", cut.Find("[data-testid=preview-row]").TextContent);
    }
}
