using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PowerService.Web.Data.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnonymisedAt",
                table: "IssuedDocuments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnonymisedAt",
                table: "Complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RetentionRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Scheduled = table.Column<bool>(type: "boolean", nullable: false),
                    TriggeredById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TriggeredByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Years = table.Column<int>(type: "integer", nullable: false),
                    Cutoff = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Anonymised = table.Column<int>(type: "integer", nullable: false),
                    DocumentsDestroyed = table.Column<int>(type: "integer", nullable: false),
                    Skipped = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false),
                    Failures = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Anonymisations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComplaintId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    RunId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Years = table.Column<int>(type: "integer", nullable: false),
                    Fields = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
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
            // change only its text and seal, once (Anonymised false -> true), and only while an
            // anonymisation of its complaint made after the entry is on record (Anonymisations, itself
            // append-only): the rewrite cannot happen without leaving its own record. An issued
            // document may lose its bytes, once, under the same record; its hash and everything else
            // stay. Sealing an entry recorded before seals existed stays allowed; all else is refused.
            migrationBuilder.Sql("""
                CREATE FUNCTION timeline_update_allowed() RETURNS trigger AS $$
                BEGIN
                  IF NEW."Hash" IS NOT NULL AND (
                       (OLD."Hash" IS NULL AND (to_jsonb(NEW) - 'Hash') = (to_jsonb(OLD) - 'Hash'))
                    OR (NOT OLD."Anonymised" AND NEW."Anonymised"
                        AND (to_jsonb(NEW) - 'Summary' - 'Note' - 'Hash' - 'Anonymised') = (to_jsonb(OLD) - 'Summary' - 'Note' - 'Hash' - 'Anonymised')
                        AND EXISTS (SELECT 1 FROM "Anonymisations" a WHERE a."ComplaintId" = NEW."ComplaintId" AND a."At" >= OLD."At"))) THEN
                    RETURN NEW;
                  END IF;
                  RAISE EXCEPTION 'TimelineEvents rows are append-only';
                END $$ LANGUAGE plpgsql;

                CREATE FUNCTION document_update_allowed() RETURNS trigger AS $$
                BEGIN
                  IF OLD."AnonymisedAt" IS NULL AND NEW."AnonymisedAt" IS NOT NULL AND octet_length(NEW."Content") = 0
                     AND (to_jsonb(NEW) - 'Content' - 'AnonymisedAt') = (to_jsonb(OLD) - 'Content' - 'AnonymisedAt')
                     AND EXISTS (SELECT 1 FROM "Anonymisations" a WHERE a."ComplaintId" = NEW."ComplaintId" AND a."At" >= OLD."IssuedAt") THEN
                    RETURN NEW;
                  END IF;
                  RAISE EXCEPTION 'IssuedDocuments rows are append-only';
                END $$ LANGUAGE plpgsql;

                DROP TRIGGER "TimelineEvents_no_update" ON "TimelineEvents";
                CREATE TRIGGER "TimelineEvents_no_update" BEFORE UPDATE ON "TimelineEvents" FOR EACH ROW EXECUTE FUNCTION timeline_update_allowed();
                DROP TRIGGER "IssuedDocuments_no_update" ON "IssuedDocuments";
                CREATE TRIGGER "IssuedDocuments_no_update" BEFORE UPDATE ON "IssuedDocuments" FOR EACH ROW EXECUTE FUNCTION document_update_allowed();
                CREATE TRIGGER "Anonymisations_no_update" BEFORE UPDATE ON "Anonymisations" FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
                CREATE TRIGGER "Anonymisations_no_delete" BEFORE DELETE ON "Anonymisations" FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "TimelineEvents_no_update" ON "TimelineEvents";
                CREATE TRIGGER "TimelineEvents_no_update" BEFORE UPDATE ON "TimelineEvents" FOR EACH ROW EXECUTE FUNCTION timeline_seal_only();
                DROP TRIGGER "IssuedDocuments_no_update" ON "IssuedDocuments";
                CREATE TRIGGER "IssuedDocuments_no_update" BEFORE UPDATE ON "IssuedDocuments" FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
                DROP FUNCTION timeline_update_allowed();
                DROP FUNCTION document_update_allowed();
                """);

            migrationBuilder.DropTable(
                name: "Anonymisations");

            migrationBuilder.DropTable(
                name: "RetentionRuns");

            migrationBuilder.DropColumn(
                name: "Anonymised",
                table: "TimelineEvents");

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                table: "IssuedDocuments");

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                table: "Complaints");
        }
    }
}
