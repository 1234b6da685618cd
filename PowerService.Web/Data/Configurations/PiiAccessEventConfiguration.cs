using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PowerService.Web.Data.Configurations;

internal sealed class PiiAccessEventConfiguration : IEntityTypeConfiguration<PiiAccessEvent>
{
    public void Configure(EntityTypeBuilder<PiiAccessEvent> builder)
    {
        builder.ToTable("PiiAccessEvents");
        builder.Property(e => e.UserId).HasMaxLength(64);
        builder.Property(e => e.UserName).HasMaxLength(50);
        builder.Property(e => e.Roles).HasMaxLength(200);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.ComplaintNumber).HasMaxLength(20);
        builder.Property(e => e.Detail).HasMaxLength(500);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.UserId, e.At });
        builder.HasIndex(e => new { e.ComplaintNumber, e.At });
    }
}
