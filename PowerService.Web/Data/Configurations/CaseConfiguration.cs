using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PowerService.Domain.Cases;

namespace PowerService.Web.Data.Configurations;

internal sealed class TrainingCaseConfiguration : IEntityTypeConfiguration<TrainingCase>
{
    public void Configure(EntityTypeBuilder<TrainingCase> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Revision).IsConcurrencyToken();
        builder.Property(c => c.Department).HasMaxLength(100);
        builder.Property(c => c.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.SubCategory).HasMaxLength(30);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ReturnReason).HasMaxLength(500);
        builder.Property(c => c.TagList).HasMaxLength(200);
        builder.Property(c => c.WithdrawReason).HasMaxLength(500);
        builder.ComplexProperty(c => c.Editor, a => ActorColumns.Map(a, "Editor"));
        builder.ComplexProperty(c => c.Author, a => ActorColumns.Map(a, "Author"));
        // The working copy, the published versions and the review history are read and written whole.
        builder.Property(c => c.Draft).AsJson();
        builder.Property<List<CaseVersion>>("_versions").HasColumnName("Versions").AsJson();
        builder.Property<List<CaseEvent>>("_history").HasColumnName("History").AsJson();
        builder.Property<List<RedactionCount>>("_replaced").HasColumnName("Replaced").AsJson();
        builder.Ignore(c => c.Replaced);
        builder.Ignore(c => c.Versions);
        builder.Ignore(c => c.History);
        builder.Ignore(c => c.Published);

        // The library lists and filters listed cases; one case per complaint is worked on at a time.
        builder.HasIndex(c => new { c.Listed, c.Category, c.SubCategory, c.Year });
        // The library without words lists the newest first: read in that order, it stops at the page's end.
        builder.HasIndex(c => new { c.Listed, c.UpdatedAt });
        builder.HasIndex(c => new { c.Status, c.Department });
        builder.HasIndex(c => c.SourceComplaintId);
        builder.HasOne<PowerService.Domain.Complaints.Complaint>().WithMany().HasForeignKey(c => c.SourceComplaintId).OnDelete(DeleteBehavior.Restrict);
    }
}
