using PowerService.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PowerService.Web.Data.Configurations;

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYearRecord>
{
    public void Configure(EntityTypeBuilder<CalendarYearRecord> builder)
    {
        builder.ToTable("CalendarYears");
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        builder.Property(y => y.Days).AsJson();
        builder.Property(y => y.UpdatedBy).HasMaxLength(50);
    }
}

internal sealed class SlaRuleConfiguration : IEntityTypeConfiguration<SlaRuleRecord>
{
    public void Configure(EntityTypeBuilder<SlaRuleRecord> builder)
    {
        builder.ToTable("SlaRules");
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Urgency).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Clock).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Unit).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Source).HasMaxLength(200);
    }
}

internal sealed class SlaAlertConfiguration : IEntityTypeConfiguration<SlaAlert>
{
    public void Configure(EntityTypeBuilder<SlaAlert> builder)
    {
        builder.ToTable("SlaAlerts");
        builder.Property(a => a.Number).HasMaxLength(ComplaintNumber.MaxLength);
        builder.Property(a => a.Clock).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.EscalatedTo).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Reason).HasMaxLength(300);
        builder.Property(a => a.OwnerId).HasMaxLength(64);
        builder.Property(a => a.FirstResponderId).HasMaxLength(64);
        builder.Property(a => a.Department).HasMaxLength(100);
        builder.HasIndex(a => new { a.ComplaintId, a.ClockId, a.Level }).IsUnique();
        builder.HasIndex(a => a.CreatedAt);
        // The bell: each way an alert reaches a person is read from its own index, newest (highest id)
        // first, from the person's read-through mark on.
        builder.HasIndex(a => new { a.OwnerId, a.Id });
        builder.HasIndex(a => new { a.FirstResponderId, a.Id });
        builder.HasIndex(a => new { a.Department, a.Id });
    }
}

internal sealed class AlertReadConfiguration : IEntityTypeConfiguration<AlertRead>
{
    public void Configure(EntityTypeBuilder<AlertRead> builder)
    {
        builder.ToTable("AlertReads");
        builder.HasKey(r => new { r.AlertId, r.UserId });
        builder.Property(r => r.UserId).HasMaxLength(64);
    }
}

internal sealed class IssuedDocumentFileConfiguration : IEntityTypeConfiguration<IssuedDocumentFile>
{
    public void Configure(EntityTypeBuilder<IssuedDocumentFile> builder)
    {
        builder.ToTable("IssuedDocuments");
        builder.Property(d => d.Number).HasMaxLength(ComplaintNumber.MaxLength);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.IssuedBy).HasMaxLength(50);
        builder.HasIndex(d => new { d.ComplaintId, d.Kind, d.Version }).IsUnique();
    }
}
