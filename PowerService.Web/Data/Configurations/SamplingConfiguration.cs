using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PowerService.Domain.Complaints;
using PowerService.Domain.Sampling;

namespace PowerService.Web.Data.Configurations;

internal sealed class SampleBatchConfiguration : IEntityTypeConfiguration<SampleBatch>
{
    public void Configure(EntityTypeBuilder<SampleBatch> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Level).HasConversion<string>().HasMaxLength(30);
        builder.Property(b => b.Period).HasMaxLength(10);
        builder.Property(b => b.Department).HasMaxLength(100);
        builder.ComplexProperty(b => b.DrawnBy, a => ActorColumns.Map(a, "DrawnBy"));
        builder.Ignore(b => b.SamplingPeriod);
        // Drawn once: the job after a restart, a second instance and a manager by hand all meet this key.
        builder.HasIndex(b => new { b.Level, b.Period, b.Department }).IsUnique();
        builder.HasMany(b => b.Items).WithOne().HasForeignKey(i => i.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(b => b.Items).HasField("_items");
    }
}

internal sealed class SampledRevisitConfiguration : IEntityTypeConfiguration<SampledRevisit>
{
    public void Configure(EntityTypeBuilder<SampledRevisit> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Revision).IsConcurrencyToken();
        builder.Property(i => i.Level).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Period).HasMaxLength(10);
        builder.Property(i => i.Department).HasMaxLength(100);
        builder.Property(i => i.ComplaintNumber).HasMaxLength(20);
        builder.Property(i => i.FollowUpState).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.Result).AsJson();
        builder.Property(i => i.FollowUp).AsJson();
        builder.HasOne<Complaint>().WithMany().HasForeignKey(i => i.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        // No complaint twice in a level's period, whichever batch would hold it.
        builder.HasIndex(i => new { i.Level, i.Period, i.ComplaintId }).IsUnique();
        builder.HasIndex(i => new { i.Level, i.Department, i.RecordedAt });
        builder.HasIndex(i => new { i.FollowUpState, i.Department });
        builder.HasIndex(i => i.ComplaintId);
    }
}
