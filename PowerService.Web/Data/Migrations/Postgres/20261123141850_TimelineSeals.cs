using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowerService.Web.Data.Migrations.Postgres
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            // The database itself refuses to rewrite evidence, whoever connects: timeline entries and
            // issued documents are never updated or deleted. The one update allowed is sealing an
            // entry recorded before seals existed (its hash set once, nothing else changed).
            migrationBuilder.Sql("""
                CREATE FUNCTION refuse_rewrite() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME; END $$ LANGUAGE plpgsql;

                CREATE FUNCTION timeline_seal_only() RETURNS trigger AS $$
                BEGIN
                  IF OLD."Hash" IS NOT NULL OR NEW."Hash" IS NULL OR (to_jsonb(NEW) - 'Hash') IS DISTINCT FROM (to_jsonb(OLD) - 'Hash') THEN
                    RAISE EXCEPTION 'TimelineEvents rows are append-only';
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql;

                CREATE FUNCTION timeline_sealed_insert() RETURNS trigger AS $$
                BEGIN
                  IF NEW."Hash" IS NULL THEN RAISE EXCEPTION 'TimelineEvents rows are sealed when appended'; END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql;

                CREATE TRIGGER "TimelineEvents_sealed_insert" BEFORE INSERT ON "TimelineEvents" FOR EACH ROW EXECUTE FUNCTION timeline_sealed_insert();
                CREATE TRIGGER "TimelineEvents_no_update" BEFORE UPDATE ON "TimelineEvents" FOR EACH ROW EXECUTE FUNCTION timeline_seal_only();
                CREATE TRIGGER "TimelineEvents_no_delete" BEFORE DELETE ON "TimelineEvents" FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
                CREATE TRIGGER "IssuedDocuments_no_update" BEFORE UPDATE ON "IssuedDocuments" FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
                CREATE TRIGGER "IssuedDocuments_no_delete" BEFORE DELETE ON "IssuedDocuments" FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "TimelineEvents_sealed_insert" ON "TimelineEvents";
                DROP TRIGGER IF EXISTS "TimelineEvents_no_update" ON "TimelineEvents";
                DROP TRIGGER IF EXISTS "TimelineEvents_no_delete" ON "TimelineEvents";
                DROP TRIGGER IF EXISTS "IssuedDocuments_no_update" ON "IssuedDocuments";
                DROP TRIGGER IF EXISTS "IssuedDocuments_no_delete" ON "IssuedDocuments";
                DROP FUNCTION IF EXISTS timeline_seal_only();
                DROP FUNCTION IF EXISTS timeline_sealed_insert();
                DROP FUNCTION IF EXISTS refuse_rewrite();
                """);
            migrationBuilder.DropColumn(
                name: "Hash",
                table: "TimelineEvents");
        }
    }
}
