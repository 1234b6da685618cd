using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PowerService.Domain.Complaints;
using PowerService.Domain.WorkOrders;

namespace PowerService.Web.Data.Configurations;

internal sealed class WorkOrderReceiptConfiguration : IEntityTypeConfiguration<WorkOrderReceipt>
{
    public void Configure(EntityTypeBuilder<WorkOrderReceipt> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.UpstreamReference).HasMaxLength(40);
        builder.Property(r => r.Number).HasMaxLength(ComplaintNumber.MaxLength);
        builder.Property(r => r.Via).HasMaxLength(60);
        builder.HasIndex(r => new { r.Channel, r.UpstreamReference }).IsUnique();
        builder.HasOne<Complaint>().WithMany().HasForeignKey(r => r.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DispatchRuleConfiguration : IEntityTypeConfiguration<DispatchRuleRecord>
{
    public void Configure(EntityTypeBuilder<DispatchRuleRecord> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Revision).IsConcurrencyToken();
        builder.Property(r => r.Name).HasMaxLength(30);
        builder.Property(r => r.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.SubCategory).HasMaxLength(30);
        builder.Property(r => r.Area).HasMaxLength(20);
        builder.Property(r => r.Department).HasMaxLength(100);
        builder.Property(r => r.Skill).HasMaxLength(20);
        builder.Property(r => r.UpdatedBy).HasMaxLength(50);
    }
}

internal sealed class OpinionTermConfiguration : IEntityTypeConfiguration<OpinionTermRecord>
{
    public void Configure(EntityTypeBuilder<OpinionTermRecord> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Term).HasMaxLength(PublicOpinionWatch.MaxTermLength);
        builder.HasIndex(t => t.Term).IsUnique();
        builder.Property(t => t.AddedBy).HasMaxLength(50);
        // The list a utility starts with, there from the first start so admins edit it rather than build it.
        var since = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
        builder.HasData(PublicOpinionWatch.DefaultTerms.Select((term, i) => new OpinionTermRecord { Id = i + 1, Term = term, AddedAt = since, AddedBy = "系统默认" }));
    }
}

internal sealed class StaffSkillConfiguration : IEntityTypeConfiguration<StaffSkill>
{
    public void Configure(EntityTypeBuilder<StaffSkill> builder)
    {
        builder.HasKey(s => new { s.UserId, s.Skill });
        builder.Property(s => s.Skill).HasMaxLength(20);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
