using PowerService.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PowerService.Domain.Wording;

namespace PowerService.Web.Data.Configurations;

internal sealed class WordingPhraseConfiguration : IEntityTypeConfiguration<WordingPhraseRecord>
{
    public void Configure(EntityTypeBuilder<WordingPhraseRecord> builder)
    {
        builder.ToTable("WordingPhrases");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Phrase).HasMaxLength(ForbiddenPhrase.Limits.Phrase);
        builder.Property(p => p.Better).HasMaxLength(ForbiddenPhrase.Limits.Better);
        builder.Property(p => p.Situation).HasMaxLength(ForbiddenPhrase.Limits.Situation);
        builder.Property(p => p.UpdatedBy).HasMaxLength(50);
        builder.Property(p => p.Revision).IsConcurrencyToken();
        builder.HasIndex(p => p.Phrase).IsUnique();
    }
}

internal sealed class WordingHitConfiguration : IEntityTypeConfiguration<WordingHitRecord>
{
    public void Configure(EntityTypeBuilder<WordingHitRecord> builder)
    {
        builder.ToTable("WordingHits");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.UserId).HasMaxLength(64);
        builder.Property(h => h.UserName).HasMaxLength(50);
        builder.Property(h => h.Department).HasMaxLength(100);
        builder.Property(h => h.ComplaintNumber).HasMaxLength(ComplaintNumber.MaxLength);
        builder.Property(h => h.Field).HasMaxLength(40);
        builder.Property(h => h.Phrase).HasMaxLength(ForbiddenPhrase.Limits.Phrase);
        // The reports count a period's hits by department and person.
        builder.HasIndex(h => new { h.At, h.Department });
    }
}
