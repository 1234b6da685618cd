using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PowerService.Domain.Complaints;
using PowerService.Domain.Reports;

namespace PowerService.Web.Data.Configurations;

internal sealed class ComplaintMeasureConfiguration : IEntityTypeConfiguration<ComplaintMeasure>
{
    public void Configure(EntityTypeBuilder<ComplaintMeasure> builder)
    {
        builder.ToTable("ComplaintMeasures");
        builder.HasKey(m => m.ComplaintId);
        builder.Property(m => m.ComplaintId).ValueGeneratedNever();
        builder.HasOne<Complaint>().WithOne().HasForeignKey<ComplaintMeasure>(m => m.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Department).HasMaxLength(100);
        builder.Property(m => m.HandlerId).HasMaxLength(64);
        builder.Property(m => m.HandlerName).HasMaxLength(50);
        builder.Property(m => m.SubCategory).HasMaxLength(30);
        builder.Property(m => m.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Urgency).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.ReclassifiedAs).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Escalation).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.RootCause).HasMaxLength(ComplaintMeasure.RootCauseLength);
        builder.Property(m => m.ActionDueDates).HasMaxLength(240);
        builder.Ignore(m => m.IsCounted);

        // A report reads one period (and one department) of this narrow table; the scorecard's
        // counts are read from these indexes alone.
        // The scorecard, its totals and the trend group by month, department, handler, stage and
        // category, in this order, so the database reads the index group after group without a
        // sort; the other columns make it covering (docs/benchmarks.md, "The reports' indexes").
        builder.HasIndex(m => new { m.ReceivedMonth, m.Department, m.HandlerId, m.Stage, m.Category, m.ReceivedAt, m.HandlerName, m.TimelinessOpen, m.OverdueAt, m.FirstSatisfaction, m.ReopenCount, m.ResolvedAt, m.RevisitOwedAt, m.RevisitedAt, m.HandlingMinutes })
            .HasDatabaseName("IX_ComplaintMeasures_Scorecard");
        // A department manager's reports: the same columns after the department.
        builder.HasIndex(m => new { m.Department, m.ReceivedMonth, m.HandlerId, m.Stage, m.Category, m.ReceivedAt, m.HandlerName, m.TimelinessOpen, m.OverdueAt, m.FirstSatisfaction, m.ReopenCount, m.ResolvedAt, m.RevisitOwedAt, m.RevisitedAt, m.HandlingMinutes })
            .HasDatabaseName("IX_ComplaintMeasures_Department");
        // The detail export lists a period in receipt order.
        builder.HasIndex(m => new { m.ReceivedAt, m.ComplaintId }).HasDatabaseName("IX_ComplaintMeasures_ReceivedAt");
        builder.HasIndex(m => new { m.HandlerId, m.ReceivedAt }).HasDatabaseName("IX_ComplaintMeasures_Handler");
    }
}

internal sealed class KpiPolicyRecordConfiguration : IEntityTypeConfiguration<KpiPolicyRecord>
{
    public void Configure(EntityTypeBuilder<KpiPolicyRecord> builder)
    {
        builder.ToTable("KpiPolicies");
        builder.HasKey(p => p.Version);
        builder.Property(p => p.Version).ValueGeneratedNever();
        builder.Property(p => p.CreatedBy).HasMaxLength(50);
        builder.Property(p => p.Reason).HasMaxLength(500);
        foreach (var name in new[]
                 {
                     nameof(KpiPolicyRecord.OverduePenalty), nameof(KpiPolicyRecord.SatisfactionFailBelow), nameof(KpiPolicyRecord.SatisfactionRewardFrom),
                     nameof(KpiPolicyRecord.FirstTimeTarget), nameof(KpiPolicyRecord.FirstTimeStep), nameof(KpiPolicyRecord.FirstTimeStepPenalty), nameof(KpiPolicyRecord.RevisitRequired),
                 })
            builder.Property(name).HasPrecision(9, 4);
    }
}

internal sealed class ReportExportRecordConfiguration : IEntityTypeConfiguration<ReportExportRecord>
{
    public void Configure(EntityTypeBuilder<ReportExportRecord> builder)
    {
        builder.ToTable("ReportExports");
        builder.Property(e => e.UserId).HasMaxLength(64);
        builder.Property(e => e.UserName).HasMaxLength(50);
        builder.Property(e => e.Roles).HasMaxLength(100);
        builder.Property(e => e.Format).HasMaxLength(10);
        builder.Property(e => e.What).HasMaxLength(500);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.UserId, e.At });
    }
}

internal sealed class ArchivedReportConfiguration : IEntityTypeConfiguration<ArchivedReport>
{
    public void Configure(EntityTypeBuilder<ArchivedReport> builder)
    {
        builder.ToTable("ArchivedReports");
        builder.Property(a => a.Period).HasMaxLength(30);
        builder.Property(a => a.Department).HasMaxLength(100);
        builder.Property(a => a.Format).HasMaxLength(10);
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.CreatedBy).HasMaxLength(50);
        builder.Property(a => a.Reason).HasMaxLength(500);
        // One version of a month's report per scope and format: two instances archiving at once cannot both write version 1.
        builder.HasIndex(a => new { a.Period, a.Department, a.Version, a.Format }).IsUnique();
    }
}
