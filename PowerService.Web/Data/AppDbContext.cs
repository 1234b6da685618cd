using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PowerService.Domain.Complaints;

namespace PowerService.Web.Data;

/// <summary>
/// The model, shared by both providers. Each provider has a thin subclass so that it owns its own
/// migrations (SQL differs); the features only ever see <see cref="AppDbContext"/>.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<TimelineEvent> TimelineEvents => Set<TimelineEvent>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<ComplaintNumberDay> ComplaintNumberDays => Set<ComplaintNumberDay>();
    public DbSet<WorkOrderReceipt> WorkOrderReceipts => Set<WorkOrderReceipt>();
    public DbSet<DispatchRuleRecord> DispatchRules => Set<DispatchRuleRecord>();
    public DbSet<OpinionTermRecord> OpinionTerms => Set<OpinionTermRecord>();
    public DbSet<StaffSkill> StaffSkills => Set<StaffSkill>();
    public DbSet<CalendarYearRecord> CalendarYears => Set<CalendarYearRecord>();
    public DbSet<SlaRuleRecord> SlaRules => Set<SlaRuleRecord>();
    public DbSet<SlaAlert> SlaAlerts => Set<SlaAlert>();
    public DbSet<AlertRead> AlertReads => Set<AlertRead>();
    public DbSet<IssuedDocumentFile> IssuedDocumentFiles => Set<IssuedDocumentFile>();
    public DbSet<PowerService.Domain.Evidence.EvidenceItem> EvidenceItems => Set<PowerService.Domain.Evidence.EvidenceItem>();
    public DbSet<EvidenceContent> EvidenceContents => Set<EvidenceContent>();
    public DbSet<AdminAuditEvent> AdminAuditEvents => Set<AdminAuditEvent>();
    public DbSet<PiiAccessEvent> PiiAccessEvents => Set<PiiAccessEvent>();
    public DbSet<IntegrityAlert> IntegrityAlerts => Set<IntegrityAlert>();

    /// <summary>Whether a department runs complaint management for the whole company (its managers are company-level managers).</summary>
    public Task<bool> IsCompanyLevelAsync(string department, CancellationToken ct = default) =>
        Departments.AnyAsync(d => d.Name == department && d.IsCompanyLevel, ct);

    public DbSet<RetentionRun> RetentionRuns => Set<RetentionRun>();
    public DbSet<PowerService.Domain.Reports.ComplaintMeasure> ComplaintMeasures => Set<PowerService.Domain.Reports.ComplaintMeasure>();
    public DbSet<KpiPolicyRecord> KpiPolicies => Set<KpiPolicyRecord>();
    public DbSet<ReportExportRecord> ReportExports => Set<ReportExportRecord>();
    public DbSet<ArchivedReport> ArchivedReports => Set<ArchivedReport>();
    public DbSet<AnonymisationRecord> Anonymisations => Set<AnonymisationRecord>();
    public DbSet<PowerService.Domain.Cases.TrainingCase> TrainingCases => Set<PowerService.Domain.Cases.TrainingCase>();
    public DbSet<WordingPhraseRecord> WordingPhrases => Set<WordingPhraseRecord>();
    public DbSet<WordingHitRecord> WordingHits => Set<WordingHitRecord>();
    public DbSet<PowerService.Domain.Drills.ScenarioCard> ScenarioCards => Set<PowerService.Domain.Drills.ScenarioCard>();
    public DbSet<PowerService.Domain.Drills.DrillAnswer> DrillAnswers => Set<PowerService.Domain.Drills.DrillAnswer>();
    public DbSet<PowerService.Domain.Drills.Quiz> Quizzes => Set<PowerService.Domain.Drills.Quiz>();
    public DbSet<PowerService.Domain.Drills.QuizAttempt> QuizAttempts => Set<PowerService.Domain.Drills.QuizAttempt>();
    public DbSet<PowerService.Domain.Sampling.SampleBatch> SampleBatches => Set<PowerService.Domain.Sampling.SampleBatch>();
    public DbSet<PowerService.Domain.Sampling.SampledRevisit> SampledRevisits => Set<PowerService.Domain.Sampling.SampledRevisit>();
    public DbSet<WorkOrderSourceRecord> WorkOrderSources => Set<WorkOrderSourceRecord>();
    public DbSet<WorkOrderImportRecord> WorkOrderImports => Set<WorkOrderImportRecord>();
    public DbSet<ApiClientRecord> ApiClients => Set<ApiClientRecord>();
    public DbSet<ApiCallRecord> ApiCalls => Set<ApiCallRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite has no date-time type: stored as text, DateTimeOffset cannot be compared or ordered
        // in SQL. All instants are UTC, so their binary form orders correctly.
        if (Database.IsSqlite())
        {
            builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            builder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseTimelineRewrites();
        ComplaintIndexes.RefreshPhoneTails(ChangeTracker);
        MeasureRefresh.Refresh(this);
        if (CaseSearchIndex.Pending(this) is { Count: > 0 })
            throw new InvalidOperationException("Cases are saved with SaveChangesAsync, which keeps their search index in the same transaction.");
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseTimelineRewrites();
        ComplaintIndexes.RefreshPhoneTails(ChangeTracker);
        return SaveWithMeasuresAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private async Task<int> SaveWithMeasuresAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        await MeasureRefresh.RefreshAsync(this, cancellationToken);
        var searched = CaseSearchIndex.Pending(this);
        if (searched.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        // A case's text and its search index change together or not at all.
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await CaseSearchIndex.WriteAsync(this, CaseSearchIndex.Snapshot(searched), cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    /// <summary>
    /// Timeline events are evidence: a change that would edit or delete one is a bug, not a user
    /// error. The one change allowed is sealing an entry recorded before seals existed. The database
    /// refuses the same with triggers, for anyone who goes around the app.
    /// </summary>
    private void RefuseTimelineRewrites()
    {
        var rewritten = ChangeTracker.Entries<TimelineEvent>()
            .FirstOrDefault(e => e.State is EntityState.Deleted || (e.State is EntityState.Modified && !IsSealingOnly(e) && !IsAnonymisation(e)));
        if (rewritten is not null)
            throw new InvalidOperationException($"Timeline event {rewritten.Entity.Id} would be {rewritten.State}; the timeline is append-only.");
    }

    private static bool IsSealingOnly(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<TimelineEvent> entry) =>
        entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).SequenceEqual([nameof(TimelineEvent.Hash)])
        && entry.Property(e => e.Hash).OriginalValue is null;

    /// <summary>The retention rewrite (<see cref="Complaint.Anonymise"/>): text and seal only, once per entry; the triggers also require its recorded sanction.</summary>
    private static bool IsAnonymisation(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<TimelineEvent> entry) =>
        entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name is nameof(TimelineEvent.Summary) or nameof(TimelineEvent.Note) or nameof(TimelineEvent.Hash) or nameof(TimelineEvent.Anonymised))
        && !entry.Property(e => e.Anonymised).OriginalValue && entry.Entity.Anonymised;
}

/// <summary>The embedded default: one SQLite file (migrations in Data/Migrations).</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

/// <summary>Scale-out: several app instances on one PostgreSQL database (migrations in Data/Migrations/Postgres).</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The queue seeks and search matches prefixes with range comparisons (>= x and < x + U+FFFF):
        // right only in code-point order, which a database created with a language collation
        // (en_US, zh_CN) does not have. "C" on these columns keeps them right, and faster, everywhere.
        var complaint = builder.Entity<Complaint>();
        complaint.Property(c => c.QueueKey).UseCollation("C");
        complaint.Property(c => c.Number).UseCollation("C");
        complaint.Property<string>(ComplaintIndexes.PhoneTail).UseCollation("C");
        complaint.ComplexProperty(c => c.Customer, customer =>
        {
            customer.Property(x => x.Name).UseCollation("C");
            customer.Property(x => x.Phone).UseCollation("C");
            customer.Property(x => x.AccountNumber).UseCollation("C");
        });
    }
}
