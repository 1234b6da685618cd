using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PowerService.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EvidenceItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FormatId = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemovedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RemovedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    RemovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RemovalReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ComplaintId = table.Column<int>(type: "integer", nullable: false),
                    Store = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    UploadedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    UploadedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceItems_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceContents",
                columns: table => new
                {
                    EvidenceItemId = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceContents", x => x.EvidenceItemId);
                    table.ForeignKey(
                        name: "FK_EvidenceContents_EvidenceItems_EvidenceItemId",
                        column: x => x.EvidenceItemId,
                        principalTable: "EvidenceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_ComplaintId_Sequence",
                table: "EvidenceItems",
                columns: new[] { "ComplaintId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_Sha256",
                table: "EvidenceItems",
                column: "Sha256");

            // The evidence chain is append-only like the timeline: bytes are never changed or deleted, an
            // attachment's record is never deleted, and the one update is its removal (once, only the removal columns).
            migrationBuilder.Sql("""
                CREATE FUNCTION evidence_removal_only() RETURNS trigger AS $$
                BEGIN
                  IF OLD."RemovedAt" IS NOT NULL OR NEW."RemovedAt" IS NULL OR NEW."RemovalReason" IS NULL
                     OR (to_jsonb(NEW) - 'RemovedById' - 'RemovedByName' - 'RemovedAt' - 'RemovalReason')
                        IS DISTINCT FROM (to_jsonb(OLD) - 'RemovedById' - 'RemovedByName' - 'RemovedAt' - 'RemovalReason') THEN
                    RAISE EXCEPTION 'EvidenceItems rows are append-only except their removal';
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql;

                CREATE TRIGGER "EvidenceContents_no_update" BEFORE UPDATE ON "EvidenceContents" FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
                CREATE TRIGGER "EvidenceContents_no_delete" BEFORE DELETE ON "EvidenceContents" FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
                CREATE TRIGGER "EvidenceItems_no_delete" BEFORE DELETE ON "EvidenceItems" FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
                CREATE TRIGGER "EvidenceItems_removal_only" BEFORE UPDATE ON "EvidenceItems" FOR EACH ROW EXECUTE FUNCTION evidence_removal_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "EvidenceContents_no_update" ON "EvidenceContents";
                DROP TRIGGER IF EXISTS "EvidenceContents_no_delete" ON "EvidenceContents";
                DROP TRIGGER IF EXISTS "EvidenceItems_no_delete" ON "EvidenceItems";
                DROP TRIGGER IF EXISTS "EvidenceItems_removal_only" ON "EvidenceItems";
                DROP FUNCTION IF EXISTS evidence_removal_only();
                """);

            migrationBuilder.DropTable(
                name: "EvidenceContents");

            migrationBuilder.DropTable(
                name: "EvidenceItems");
        }
    }
}
