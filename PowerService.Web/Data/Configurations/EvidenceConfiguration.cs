using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PowerService.Domain.Evidence;

namespace PowerService.Web.Data.Configurations;

internal sealed class EvidenceItemConfiguration : IEntityTypeConfiguration<EvidenceItem>
{
    /// <summary>The shadow column naming where an attachment's bytes are (Database or Directory), so changing the setting never strands older files.</summary>
    public const string Store = "Store";

    public void Configure(EntityTypeBuilder<EvidenceItem> builder)
    {
        builder.ToTable("EvidenceItems");
        builder.HasKey(e => e.Id);
        builder.HasIndex("ComplaintId", nameof(EvidenceItem.Sequence)).IsUnique();
        builder.HasIndex(e => e.Sha256); // the directory store's files are named by it
        builder.Property(e => e.FileName).HasMaxLength(EvidenceLimits.FileName).IsRequired();
        builder.Property(e => e.FormatId).HasMaxLength(10).IsRequired();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Sha256).HasMaxLength(64).IsRequired();
        builder.ComplexProperty(e => e.UploadedBy, a => ActorColumns.Map(a, "UploadedBy"));
        builder.Property(e => e.RemovedById).HasMaxLength(64);
        builder.Property(e => e.RemovedByName).HasMaxLength(50);
        builder.Property(e => e.RemovalReason).HasMaxLength(PowerService.Domain.Complaints.Steps.Limits.Note);
        builder.Property<string>(Store).HasMaxLength(10).IsRequired();
        builder.Ignore(e => e.IsRemoved);
        builder.Ignore(e => e.Format);
        builder.Ignore(e => e.ShortSha256);
    }
}

internal sealed class EvidenceContentConfiguration : IEntityTypeConfiguration<EvidenceContent>
{
    public void Configure(EntityTypeBuilder<EvidenceContent> builder)
    {
        builder.ToTable("EvidenceContents");
        builder.HasKey(c => c.EvidenceItemId);
        builder.Property(c => c.EvidenceItemId).ValueGeneratedNever();
        builder.HasOne(c => c.Item).WithOne().HasForeignKey<EvidenceContent>(c => c.EvidenceItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
