using PowerService.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PowerService.Web.Data.Configurations;

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> builder)
    {
        builder.ToTable("RetentionRuns");
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.TriggeredById).HasMaxLength(64);
        builder.Property(r => r.TriggeredByName).HasMaxLength(50);
        builder.Property(r => r.Failures).HasMaxLength(2000);
        builder.HasIndex(r => r.StartedAt);
    }
}

internal sealed class AnonymisationRecordConfiguration : IEntityTypeConfiguration<AnonymisationRecord>
{
    public void Configure(EntityTypeBuilder<AnonymisationRecord> builder)
    {
        builder.ToTable("Anonymisations");
        builder.Property(a => a.Number).HasMaxLength(ComplaintNumber.MaxLength);
        builder.Property(a => a.Fields).HasMaxLength(1000);
        // One anonymisation per complaint: two instances racing for the same complaint cannot both record one.
        builder.HasIndex(a => a.ComplaintId).IsUnique();
        builder.HasOne<PowerService.Domain.Complaints.Complaint>().WithMany().HasForeignKey(a => a.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RetentionRun>().WithMany().HasForeignKey(a => a.RunId).OnDelete(DeleteBehavior.Restrict);
    }
}
