using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowerService.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Anonymised",
                table: "TimelineEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "AnonymisedAt",
                table: "IssuedDocuments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AnonymisedAt",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RetentionRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Scheduled = table.Column<bool>(type: "INTEGER", nullable: false),
                    TriggeredById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TriggeredByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Years = table.Column<int>(type: "INTEGER", nullable: false),
                    Cutoff = table.Column<long>(type: "INTEGER", nullable: false),
                    Anonymised = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentsDestroyed = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    Failures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Anonymisations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Years = table.Column<int>(type: "INTEGER", nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Anonymisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Anonymisations_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Anonymisations_RetentionRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "RetentionRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Anonymisations_ComplaintId",
                table: "Anonymisations",
                column: "ComplaintId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Anonymisations_RunId",
                table: "Anonymisations",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_RetentionRuns_StartedAt",
                table: "RetentionRuns",
                column: "StartedAt");

            // The one sanctioned rewrite of the evidence (docs/domain.md §8). A timeline entry may
            // change only its text and seal, once (Anonymised 0 -> 1), and only while an anonymisation
            // of its complaint made after the entry is on record (Anonymisations, itself append-only):
            // the rewrite cannot happen without leaving its own record. An issued document may lose
            // its bytes, once, under the same record; its hash and everything else stay. Sealing an
            // entry recorded before seals existed stays allowed as before; every other change is refused.
            migrationBuilder.Sql("DROP TRIGGER TimelineEvents_no_update;");
            migrationBuilder.Sql("""
                CREATE TRIGGER TimelineEvents_no_update BEFORE UPDATE ON TimelineEvents
                WHEN NEW.Hash IS NULL
                  OR NEW.Id IS NOT OLD.Id OR NEW.ComplaintId IS NOT OLD.ComplaintId OR NEW.Sequence IS NOT OLD.Sequence
                  OR NEW."Trigger" IS NOT OLD."Trigger" OR NEW.ActorId IS NOT OLD.ActorId OR NEW.ActorName IS NOT OLD.ActorName
                  OR NEW."At" IS NOT OLD."At" OR NEW.FromStage IS NOT OLD.FromStage OR NEW.ToStage IS NOT OLD.ToStage
                  OR NOT (
                    (OLD.Hash IS NULL AND NEW.Summary IS OLD.Summary AND NEW.Note IS OLD.Note AND NEW.Anonymised IS OLD.Anonymised)
                    OR (OLD.Anonymised = 0 AND NEW.Anonymised = 1
                        AND EXISTS (SELECT 1 FROM Anonymisations a WHERE a.ComplaintId = NEW.ComplaintId AND a."At" >= OLD."At")))
                BEGIN SELECT RAISE(ABORT, 'TimelineEvents are append-only'); END;
                """);
            migrationBuilder.Sql("DROP TRIGGER IssuedDocuments_no_update;");
            migrationBuilder.Sql("""
                CREATE TRIGGER IssuedDocuments_no_update BEFORE UPDATE ON IssuedDocuments
                WHEN NOT (OLD.AnonymisedAt IS NULL AND NEW.AnonymisedAt IS NOT NULL AND length(NEW.Content) = 0
                  AND NEW.Id IS OLD.Id AND NEW.ComplaintId IS OLD.ComplaintId AND NEW.Number IS OLD.Number AND NEW.Kind IS OLD.Kind
                  AND NEW.Version IS OLD.Version AND NEW.Sha256 IS OLD.Sha256 AND NEW.IssuedAt IS OLD.IssuedAt AND NEW.IssuedBy IS OLD.IssuedBy
                  AND EXISTS (SELECT 1 FROM Anonymisations a WHERE a.ComplaintId = NEW.ComplaintId AND a."At" >= OLD.IssuedAt))
                BEGIN SELECT RAISE(ABORT, 'IssuedDocuments are append-only'); END;
                """);
            migrationBuilder.Sql("CREATE TRIGGER Anonymisations_no_update BEFORE UPDATE ON Anonymisations BEGIN SELECT RAISE(ABORT, 'Anonymisations are append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER Anonymisations_no_delete BEFORE DELETE ON Anonymisations BEGIN SELECT RAISE(ABORT, 'Anonymisations are append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // A column named in a trigger cannot be dropped: all the evidence triggers are dropped first
            // and the previous release's created again at the end.
            foreach (var trigger in new[] { "Anonymisations_no_update", "Anonymisations_no_delete", "TimelineEvents_sealed_insert", "TimelineEvents_no_update",
                         "TimelineEvents_no_delete", "IssuedDocuments_no_update", "IssuedDocuments_no_delete" })
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");

            migrationBuilder.DropTable(
                name: "Anonymisations");

            migrationBuilder.DropTable(
                name: "RetentionRuns");

            // SQLite's own DROP COLUMN, not EF's table rebuild: the rebuild would run after the SQL
            // below and take the triggers with it (and rebuild from an older model of the table).
            migrationBuilder.Sql("ALTER TABLE \"TimelineEvents\" DROP COLUMN \"Anonymised\";");
            migrationBuilder.Sql("ALTER TABLE \"IssuedDocuments\" DROP COLUMN \"AnonymisedAt\";");
            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"AnonymisedAt\";");

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
    }
}
