using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PowerService.Web.Data.Configurations;

internal sealed class WorkOrderSourceConfiguration : IEntityTypeConfiguration<WorkOrderSourceRecord>
{
    public void Configure(EntityTypeBuilder<WorkOrderSourceRecord> builder)
    {
        builder.ToTable("WorkOrderSources");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(50);
        builder.Property(s => s.UpdatedBy).HasMaxLength(50);
        builder.Property(s => s.Revision).IsConcurrencyToken();
        builder.HasIndex(s => s.Name).IsUnique();
    }
}

internal sealed class WorkOrderImportConfiguration : IEntityTypeConfiguration<WorkOrderImportRecord>
{
    public void Configure(EntityTypeBuilder<WorkOrderImportRecord> builder)
    {
        builder.ToTable("WorkOrderImports");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.SourceName).HasMaxLength(50);
        builder.Property(i => i.FileName).HasMaxLength(255);
        builder.Property(i => i.Sha256).HasMaxLength(64);
        builder.Property(i => i.UserId).HasMaxLength(64);
        builder.Property(i => i.UserName).HasMaxLength(50);
        builder.Property(i => i.Department).HasMaxLength(100);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Error).HasMaxLength(500);
        builder.HasIndex(i => i.StartedAt);
        builder.HasIndex(i => i.Sha256);
    }
}
