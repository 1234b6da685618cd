using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;

namespace PowerService.Web.Data.Configurations;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Number).HasMaxLength(ComplaintNumber.MaxLength).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.IntakeToken).IsUnique();
        builder.Property(c => c.Revision).IsConcurrencyToken();

        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Urgency).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Profile).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ReclassifiedAs).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.UpstreamReference).HasMaxLength(40);
        builder.Property(c => c.SubCategory).HasMaxLength(30);
        builder.Property(c => c.Department).HasMaxLength(100);
        builder.Property(c => c.MergedInto).HasMaxLength(ComplaintNumber.MaxLength);
        builder.Property<List<string>>("_mergedFrom").HasColumnName("MergedFrom").AsJson();
        builder.Property(c => c.PublicOpinion).HasMaxLength(300);
        // Duplicates across channels are found by the upstream reference too (docs/domain.md §11).
        builder.HasIndex(c => c.UpstreamReference);
        builder.HasIndex(c => new { c.Stage, c.RegisteredAt });

        // The 工作台 seeks along QueueKey. Its main index (created in SQL by the QueueKeyAndSearch
        // migration, see ComplaintIndexes: EF Core cannot index complex-property columns) carries
        // every column a queue filter tests, so a filtered page or count is read from the index
        // alone, in order, and stops at the page's end or the count's limit. The parts of a
        // person's scope (department, owner, first responder) have such indexes of their own, also in SQL.
        builder.Property(c => c.QueueKey).HasMaxLength(QueueOrder.KeyLength).IsRequired();
        // A filter that picks out a small share (a rare channel, one stage, one category) is read
        // from its own stretch, with the other filter columns beside the key, still without the table.
        builder.HasIndex(c => new { c.Stage, c.QueueKey, c.Category, c.Channel, c.Department });
        builder.HasIndex(c => new { c.Category, c.QueueKey, c.Channel, c.Stage, c.Department });
        builder.HasIndex(c => new { c.Channel, c.QueueKey, c.Category, c.Stage, c.Department });
        builder.Property<string>(ComplaintIndexes.PhoneTail).HasMaxLength(4).IsRequired();
        builder.HasIndex(ComplaintIndexes.PhoneTail);

        builder.ComplexProperty(c => c.Customer, customer =>
        {
            customer.Property(x => x.Name).HasColumnName("CustomerName").HasMaxLength(30);
            customer.Property(x => x.Phone).HasColumnName("CustomerPhone").HasMaxLength(20);
            customer.Property(x => x.AccountNumber).HasColumnName("CustomerAccount").HasMaxLength(13);
            customer.Property(x => x.Address).HasColumnName("CustomerAddress").HasMaxLength(200);
            customer.Property(x => x.Type).HasColumnName("CustomerType").HasConversion<string>().HasMaxLength(20);
            customer.Property(x => x.IsSpecialGroup).HasColumnName("CustomerIsSpecialGroup");
            customer.Property(x => x.SpecialGroupNote).HasColumnName("CustomerSpecialGroupNote").HasMaxLength(100);
        });
        builder.ComplexProperty(c => c.FirstResponder, a =>
        {
            a.Property(x => x.UserId).HasColumnName("FirstResponderId").HasMaxLength(64);
            a.Property(x => x.DisplayName).HasColumnName("FirstResponderName").HasMaxLength(50);
        });
        builder.ComplexProperty(c => c.Owner, a =>
        {
            a.Property(x => x.UserId).HasColumnName("OwnerId").HasMaxLength(64);
            a.Property(x => x.DisplayName).HasColumnName("OwnerName").HasMaxLength(50);
        });

        builder.Property(c => c.Investigation).AsJson();
        builder.Property(c => c.Resolution).AsJson();
        builder.Property(c => c.Improvement).AsJson();
        builder.Property<List<RevisitEntry>>("_revisits").HasColumnName("Revisits").AsJson();
        builder.Ignore(c => c.Revisits);
        builder.Property<List<PowerService.Domain.Sla.SlaClock>>("_clocks").HasColumnName("Clocks").AsJson();
        builder.Ignore(c => c.Clocks);
        builder.Ignore(c => c.RunningClocks);
        builder.Ignore(c => c.CurrentClocks);
        builder.Ignore(c => c.EarlierClocks);
        builder.Property(c => c.Escalation).HasConversion<string>().HasMaxLength(20);
        builder.Property<List<PowerService.Domain.Documents.DocumentIssue>>("_documents").HasColumnName("IssuedDocuments").AsJson();
        builder.Ignore(c => c.IssuedDocuments);
        builder.HasIndex(c => c.NextDueAt);
        builder.HasIndex(c => c.AlertCheckAt); // the deadline watcher reads only what is due
        builder.HasIndex(c => c.SecondRevisitOpensAt);

        builder.Ignore(c => c.EndedAt);
        builder.Ignore(c => c.IsAnonymised);

        builder.HasMany(c => c.Timeline).WithOne().HasForeignKey("ComplaintId").OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Evidence).WithOne().HasForeignKey("ComplaintId").IsRequired().OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Evidence).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.CurrentEvidence);
    }
}

internal sealed class TimelineEventConfiguration : IEntityTypeConfiguration<TimelineEvent>
{
    public void Configure(EntityTypeBuilder<TimelineEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Trigger).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.FromStage).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ToStage).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.ActorName).HasMaxLength(50);
        builder.Property(e => e.Summary).HasMaxLength(4000);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex("ComplaintId", nameof(TimelineEvent.Sequence)).IsUnique();
        builder.Ignore(e => e.ActionLabel);
        builder.Ignore(e => e.ChangedStage);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(100).IsRequired();
        builder.HasIndex(d => d.Name).IsUnique();
    }
}

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(50);
        builder.Property(u => u.Department).HasMaxLength(100);
    }
}

internal sealed class AdminAuditEventConfiguration : IEntityTypeConfiguration<AdminAuditEvent>
{
    public void Configure(EntityTypeBuilder<AdminAuditEvent> builder)
    {
        builder.ToTable("AdminAuditEvents");
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.ActorName).HasMaxLength(50);
        builder.Property(e => e.Action).HasMaxLength(30);
        builder.Property(e => e.TargetUserName).HasMaxLength(50);
        builder.Property(e => e.Detail).HasMaxLength(500);
        builder.HasIndex(e => e.At);
    }
}

internal sealed class ComplaintNumberDayConfiguration : IEntityTypeConfiguration<ComplaintNumberDay>
{
    public void Configure(EntityTypeBuilder<ComplaintNumberDay> builder)
    {
        builder.HasKey(d => d.Day);
        builder.Property(d => d.Day).HasMaxLength(8);
        // Two instances allocating at once: the second save fails instead of handing out the same numbers.
        builder.Property(d => d.Last).IsConcurrencyToken();
    }
}
