using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PowerService.Domain.Complaints;

namespace PowerService.Web.Data.Configurations;

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClientRecord>
{
    public void Configure(EntityTypeBuilder<ApiClientRecord> builder)
    {
        builder.ToTable("ApiClients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Revision).IsConcurrencyToken();
        builder.Property(c => c.Name).HasMaxLength(40);
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.KeyPrefix).HasMaxLength(12);
        builder.HasIndex(c => c.KeyPrefix).IsUnique();
        builder.Property(c => c.KeyHash).HasMaxLength(64);
        builder.Property(c => c.Scopes).AsJson().HasMaxLength(200);
        builder.Property(c => c.Channels).AsJson().HasMaxLength(300);
        builder.Property(c => c.Department).HasMaxLength(100);
        builder.Property(c => c.CreatedBy).HasMaxLength(50);
        builder.Property(c => c.RevokedBy).HasMaxLength(50);
        builder.Ignore(c => c.IsActive);
    }
}

internal sealed class ApiCallConfiguration : IEntityTypeConfiguration<ApiCallRecord>
{
    public void Configure(EntityTypeBuilder<ApiCallRecord> builder)
    {
        builder.ToTable("ApiCalls");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Caller).HasMaxLength(40);
        builder.Property(c => c.Method).HasMaxLength(10);
        builder.Property(c => c.Path).HasMaxLength(200);
        builder.Property(c => c.UpstreamReference).HasMaxLength(40);
        builder.Property(c => c.Number).HasMaxLength(ComplaintNumber.MaxLength);
        builder.Property(c => c.Address).HasMaxLength(45);
        builder.HasIndex(c => c.At);
        builder.HasIndex(c => new { c.ClientId, c.At });
    }
}
