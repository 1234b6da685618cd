using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowerService.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TimelineSeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "TimelineEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            // The database itself refuses to rewrite evidence, whoever connects: timeline entries and
            // issued documents are never updated or deleted. The one update allowed is sealing an
            // entry recorded before seals existed (its hash set once, nothing else changed).
            migrationBuilder.Sql("""
                CREATE TRIGGER TimelineEvents_no_update BEFORE UPDATE ON TimelineEvents
                WHEN OLD.Hash IS NOT NULL OR NEW.Hash IS NULL
                  OR NEW.Id IS NOT OLD.Id OR NEW.ComplaintId IS NOT OLD.ComplaintId OR NEW.Sequence IS NOT OLD.Sequence
                  OR NEW."Trigger" IS NOT OLD."Trigger" OR NEW.ActorId IS NOT OLD.ActorId OR NEW.ActorName IS NOT OLD.ActorName
                  OR NEW."At" IS NOT OLD."At" OR NEW.FromStage IS NOT OLD.FromStage OR NEW.ToStage IS NOT OLD.ToStage
                  OR NEW.Summary IS NOT OLD.Summary OR NEW.Note IS NOT OLD.Note
                BEGIN SELECT RAISE(ABORT, 'TimelineEvents are append-only'); END;
                """);
            migrationBuilder.Sql("CREATE TRIGGER TimelineEvents_sealed_insert BEFORE INSERT ON TimelineEvents WHEN NEW.Hash IS NULL BEGIN SELECT RAISE(ABORT, 'TimelineEvents are sealed when appended'); END;");
            migrationBuilder.Sql("CREATE TRIGGER TimelineEvents_no_delete BEFORE DELETE ON TimelineEvents BEGIN SELECT RAISE(ABORT, 'TimelineEvents are append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER IssuedDocuments_no_update BEFORE UPDATE ON IssuedDocuments BEGIN SELECT RAISE(ABORT, 'IssuedDocuments are append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER IssuedDocuments_no_delete BEFORE DELETE ON IssuedDocuments BEGIN SELECT RAISE(ABORT, 'IssuedDocuments are append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "TimelineEvents_sealed_insert", "TimelineEvents_no_update", "TimelineEvents_no_delete", "IssuedDocuments_no_update", "IssuedDocuments_no_delete" })
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            migrationBuilder.DropColumn(
                name: "Hash",
                table: "TimelineEvents");
        }
    }
}
