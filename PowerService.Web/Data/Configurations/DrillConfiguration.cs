using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PowerService.Domain.Drills;
using PowerService.Domain.Staff;

namespace PowerService.Web.Data.Configurations;

internal sealed class ScenarioCardConfiguration : IEntityTypeConfiguration<ScenarioCard>
{
    public void Configure(EntityTypeBuilder<ScenarioCard> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Revision).IsConcurrencyToken();
        builder.Property(c => c.Content).AsJson();
        builder.ComplexProperty(c => c.Author, a => ActorColumns.Map(a, "Author"));
        builder.HasIndex(c => c.Active);
    }
}

internal sealed class DrillAnswerConfiguration : IEntityTypeConfiguration<DrillAnswer>
{
    public void Configure(EntityTypeBuilder<DrillAnswer> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Department).HasMaxLength(100);
        builder.Property(a => a.Reply).HasMaxLength(DrillAnswer.MaxReply + 100);
        builder.Property(a => a.Automatic).AsJson();
        builder.Property(a => a.Review).AsJson();
        builder.Ignore(a => a.Score);
        builder.ComplexProperty(a => a.Person, p => ActorColumns.Map(p, "Person"));
        builder.HasOne<ScenarioCard>().WithMany().HasForeignKey(a => a.CardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.CardId);
        builder.HasIndex(a => a.At);
    }
}

internal sealed class QuizConfiguration : IEntityTypeConfiguration<Quiz>
{
    public void Configure(EntityTypeBuilder<Quiz> builder)
    {
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Revision).IsConcurrencyToken();
        builder.Property(q => q.Title).HasMaxLength(60);
        builder.Property(q => q.Questions).AsJson();
        builder.ComplexProperty(q => q.Author, a => ActorColumns.Map(a, "Author"));
    }
}

internal sealed class QuizAttemptConfiguration : IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<QuizAttempt> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Department).HasMaxLength(100);
        builder.Property(a => a.Answers).AsJson();
        builder.Ignore(a => a.Score);
        builder.ComplexProperty(a => a.Person, p => ActorColumns.Map(p, "Person"));
        builder.HasOne<Quiz>().WithMany().HasForeignKey(a => a.QuizId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.QuizId);
        builder.HasIndex(a => a.At);
    }
}
