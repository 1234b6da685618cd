using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PowerService.Web.Data.Configurations;

internal sealed class IntegrityAlertConfiguration : IEntityTypeConfiguration<IntegrityAlert>
{
    public void Configure(EntityTypeBuilder<IntegrityAlert> builder)
    {
        builder.ToTable("IntegrityAlerts");
        builder.Property(a => a.Number).HasMaxLength(20);
        builder.Property(a => a.What).HasMaxLength(200);
        builder.Property(a => a.ClosedBy).HasMaxLength(50);
        builder.HasIndex(a => new { a.Number, a.What }).IsUnique();
        builder.HasIndex(a => a.ClosedAt);
    }
}
