using PowerService.Web.Features.Complaints;
using PowerService.Web.Features.Documents;
using PowerService.Web.Features.Sla;

namespace PowerService.Web.Features;

public static class FeatureServices
{
    /// <summary>
    /// The features' services, in one list the app and the tests share, so a test host cannot
    /// drift from the app. Sign-in state (CurrentStaff) and the background watcher are the host's.
    /// </summary>
    public static IServiceCollection AddPowerServiceFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SlaOptions>(configuration.GetSection("Sla"));
        services.AddScoped<ComplaintService>();
        services.AddScoped<Privacy.PiiAccessLog>();
        services.AddSingleton<SlaSchedules>();
        services.AddSingleton<AlertSignal>();
        services.AddSingleton<SlaMonitor>();
        services.AddScoped<NotificationService>();
        services.AddScoped<SlaAdminService>();
        services.Configure<DocumentOptions>(configuration.GetSection("Documents"));
        services.AddSingleton<DocumentFonts>();
        services.AddSingleton<DocumentRenderer>();
        services.AddScoped<DocumentService>();
        services.AddScoped<Integrity.IntegrityService>();
        services.AddSingleton<Integrity.IntegrityAlarm>();
        services.AddScoped<Users.UserAdminService>();
        services.AddSingleton<Account.SignInThrottle>();
        services.AddOptions<Retention.RetentionOptions>().Bind(configuration.GetSection("Retention")).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Retention.RetentionOptions>, Retention.RetentionOptionsValidation>();
        services.AddSingleton<Retention.RetentionService>();
        services.AddSingleton<Reports.MeasureBackfill>();
        services.AddScoped<Reports.ReportService>();
        services.AddScoped<Reports.ReportFiles>();
        services.AddSingleton<Reports.ExportJobs>();
        services.AddScoped<Reports.KpiPolicyService>();
        services.AddSingleton<Reports.ArchiveService>();
        services.AddScoped<Cases.CaseService>();
        services.AddSingleton<Wording.WordingService>();
        services.AddScoped<Drills.DrillService>();
        services.AddOptions<WorkOrders.Import.ImportOptions>().Bind(configuration.GetSection("WorkOrderImport")).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<WorkOrders.Import.ImportOptions>, WorkOrders.Import.ImportOptionsValidation>();
        services.AddScoped<WorkOrders.Import.SourceService>();
        services.AddScoped<WorkOrders.Import.ImportAnalysis>();
        services.AddScoped<WorkOrders.Import.WorkOrderImporter>();
        services.AddSingleton<WorkOrders.Import.ImportJobs>();
        services.AddScoped<WorkOrders.WorkOrderService>();
        services.AddScoped<WorkOrders.IntakeRulesAdmin>();
        services.AddOptions<Evidence.EvidenceOptions>().Bind(configuration.GetSection("Evidence")).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Evidence.EvidenceOptions>, Evidence.EvidenceOptionsValidation>();
        services.AddSingleton<Evidence.DatabaseEvidenceStore>();
        services.AddSingleton<Evidence.DirectoryEvidenceStore>();
        services.AddSingleton<Evidence.EvidenceStores>();
        services.AddScoped<Evidence.EvidenceService>();
        services.AddSingleton<Sampling.SamplingService>();
        services.AddSingleton<Api.ApiClientDirectory>();
        services.AddSingleton<Api.ApiCallJournal>();
        services.AddScoped<Api.WorkOrderApiService>();
        services.AddSingleton<Api.WorkOrderBatcher>();
        services.AddScoped<Api.ApiClientAdmin>();
        return services;
    }
}
