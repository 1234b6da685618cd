using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowerService.Web.Data.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Number every stored clock by its place in the complaint's list (clocks are only ever
            // appended) — by text, so each clock's JSON stays byte for byte as the app wrote it and
            // later text-based fixes still match — then give each existing alert the id of the clock of its kind whose start
            // is nearest to the alert's stored start: the stored start lost precision (SQLite keeps
            // 0.1 ms), which is why it never identifies a clock again.
            migrationBuilder.Sql("""
                UPDATE Complaints SET Clocks = (
                    SELECT '[' || group_concat('{"Id":' || (j.key + 1) || ',' || substr(j.value, 2), ',' ORDER BY j.key) || ']'
                    FROM json_each(Complaints.Clocks) AS j)
                WHERE json_array_length(Clocks) > 0;
                """);
            migrationBuilder.Sql("""
                UPDATE SlaAlerts SET ClockId = COALESCE((
                    SELECT j.key + 1
                    FROM Complaints AS c, json_each(c.Clocks) AS j
                    WHERE c.Id = SlaAlerts.ComplaintId AND json_extract(j.value, '$.Kind') = SlaAlerts.Clock
                    ORDER BY abs(
                        ((CAST(strftime('%s', substr(json_extract(j.value, '$.StartedAt'), 1, 19)) AS INTEGER) + 62135596800) * 10000
                         + CAST(substr(CASE WHEN substr(json_extract(j.value, '$.StartedAt'), 20, 1) = '.'
                                            THEN substr(json_extract(j.value, '$.StartedAt'), 21, 7) ELSE '' END || '0000000', 1, 4) AS INTEGER))
                        - (SlaAlerts.ClockStartedAt >> 11))
                    LIMIT 1), 0);
                """);
            migrationBuilder.Sql("DELETE FROM SlaAlerts WHERE Id NOT IN (SELECT MIN(Id) FROM SlaAlerts GROUP BY ComplaintId, ClockId, Level);");
            migrationBuilder.Sql("DELETE FROM AlertReads WHERE AlertId NOT IN (SELECT Id FROM SlaAlerts);");

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
