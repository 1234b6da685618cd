using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowerService.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClockIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SlaAlerts_ComplaintId_Clock_ClockStartedAt_Level",
                table: "SlaAlerts");

            migrationBuilder.AddColumn<int>(
                name: "ClockId",
                table: "SlaAlerts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Number every stored clock by its place in the complaint's list (clocks are only ever
            // appended) — by text, so each clock's JSON stays byte for byte as the app wrote it (jsonb
            // would reformat it and later text-based fixes would no longer match) — then give each existing alert the id of the clock of its kind whose start
            // is nearest to the alert's stored start (which PostgreSQL keeps to the microsecond only).
            migrationBuilder.Sql("""
                UPDATE "Complaints" AS c SET "Clocks" = (
                    SELECT '[' || string_agg('{"Id":' || e.ord || ',' || substr(e.value::text, 2), ',' ORDER BY e.ord) || ']'
                    FROM json_array_elements(c."Clocks"::json) WITH ORDINALITY AS e(value, ord))
                WHERE json_array_length(c."Clocks"::json) > 0;
                """);
            migrationBuilder.Sql("""
                UPDATE "SlaAlerts" AS a SET "ClockId" = COALESCE((
                    SELECT e.ord
                    FROM "Complaints" AS c, json_array_elements(c."Clocks"::json) WITH ORDINALITY AS e(value, ord)
                    WHERE c."Id" = a."ComplaintId" AND e.value->>'Kind' = a."Clock"
                    ORDER BY abs(extract(epoch FROM ((e.value->>'StartedAt')::timestamptz - a."ClockStartedAt")))
                    LIMIT 1), 0);
                """);
            migrationBuilder.Sql("""DELETE FROM "SlaAlerts" WHERE "Id" NOT IN (SELECT MIN("Id") FROM "SlaAlerts" GROUP BY "ComplaintId", "ClockId", "Level");""");
            migrationBuilder.Sql("""DELETE FROM "AlertReads" WHERE "AlertId" NOT IN (SELECT "Id" FROM "SlaAlerts");""");

            migrationBuilder.CreateIndex(
                name: "IX_SlaAlerts_ComplaintId_ClockId_Level",
                table: "SlaAlerts",
                columns: new[] { "ComplaintId", "ClockId", "Level" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SlaAlerts_ComplaintId_ClockId_Level",
                table: "SlaAlerts");

            migrationBuilder.DropColumn(
                name: "ClockId",
                table: "SlaAlerts");

            migrationBuilder.CreateIndex(
                name: "IX_SlaAlerts_ComplaintId_Clock_ClockStartedAt_Level",
                table: "SlaAlerts",
                columns: new[] { "ComplaintId", "Clock", "ClockStartedAt", "Level" },
                unique: true);
        }
    }
}
