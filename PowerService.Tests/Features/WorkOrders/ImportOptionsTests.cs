using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PowerService.Web.Features.WorkOrders.Import;

namespace PowerService.Tests.Features.WorkOrders;

/// <summary>Import settings that would make every import crawl or fail are refused when the options are first read, with the setting named.</summary>
public sealed class ImportOptionsTests
{
    private static ImportOptions Read(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddOptions<ImportOptions>().Bind(configuration.GetSection("WorkOrderImport")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ImportOptions>, ImportOptionsValidation>();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ImportOptions>>().Value;
    }

    [Fact]
    public void The_defaults_are_accepted()
    {
        var options = Read([]);

        Assert.Equal(10_000, options.BatchSize);
    }

    [Theory]
    [InlineData("WorkOrderImport:BatchSize", "0", "每批工单数须在 1 至 20000 之间")]
    [InlineData("WorkOrderImport:BatchSize", "50000", "每批工单数须在 1 至 20000 之间")]
    [InlineData("WorkOrderImport:MaxFileBytes", "1000", "导入文件上限须不小于 1 MB")]
    [InlineData("WorkOrderImport:KeepFilesFor", "00:00:00", "文件保留时长须大于 0")]
    public void A_setting_that_would_break_imports_is_refused_with_its_name_and_reason(string key, string value, string reason)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Read(new() { [key] = value }));

        var failure = Assert.Single(refused.Failures);
        Assert.StartsWith(key, failure);
        Assert.Contains(reason, failure);
    }
}
