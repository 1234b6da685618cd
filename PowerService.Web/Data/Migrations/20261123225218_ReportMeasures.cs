using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowerService.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportMeasures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Customers",
                table: "Departments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HandlingWorkingMinutes",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ArchivesSeenThrough",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "ArchivedReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Period = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AsOf = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchivedReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintMeasures",
                columns: table => new
                {
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HandlerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HandlerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubCategory = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReclassifiedAs = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Escalation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TimelinessOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    OverdueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstResponseBreachAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ContactBreachAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HandlingBreachAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstRevisitBreachAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SecondRevisitBreachAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ImprovementBreachAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HandlingMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    FirstSatisfaction = table.Column<int>(type: "INTEGER", nullable: true),
                    RevisitOwedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevisitedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RepliedInWritingAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RootCause = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ImprovementActions = table.Column<int>(type: "INTEGER", nullable: false),
                    ActionDueDates = table.Column<string>(type: "TEXT", maxLength: 240, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintMeasures", x => x.ComplaintId);
                    table.ForeignKey(
                        name: "FK_ComplaintMeasures_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KpiPolicies",
                columns: table => new
                {
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TimelinessWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    SatisfactionWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstTimeWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    RevisitWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    OverduePenalty = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    SatisfactionFailBelow = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    SatisfactionRewardFrom = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    FirstTimeTarget = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    FirstTimeStep = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    FirstTimeStepPenalty = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    RevisitRequired = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiPolicies", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "ReportExports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Rows = table.Column<long>(type: "INTEGER", nullable: false),
                    Masked = table.Column<bool>(type: "INTEGER", nullable: false),
                    Completed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportExports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArchivedReports_Period_Department_Version_Format",
                table: "ArchivedReports",
                columns: new[] { "Period", "Department", "Version", "Format" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintMeasures_Department",
                table: "ComplaintMeasures",
                columns: new[] { "Department", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintMeasures_Handler",
                table: "ComplaintMeasures",
                columns: new[] { "HandlerId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintMeasures_Scorecard",
                table: "ComplaintMeasures",
                columns: new[] { "ReceivedAt", "Department", "HandlerId", "Stage", "TimelinessOpen", "OverdueAt", "FirstSatisfaction", "ReopenCount", "ResolvedAt", "RevisitOwedAt", "RevisitedAt", "HandlingMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportExports_At",
                table: "ReportExports",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_ReportExports_UserId_At",
                table: "ReportExports",
                columns: new[] { "UserId", "At" });
                    // Exports and archived reports are evidence of what left the system and what was reported: the database refuses to rewrite them.
            foreach (var table in new[] { "ReportExports", "ArchivedReports" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN, not EF Core's table rebuild, which would lose the indexes created in SQL (ComplaintIndexes).
            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"HandlingWorkingMinutes\";");

            migrationBuilder.DropTable(
                name: "ArchivedReports");

            migrationBuilder.DropTable(
                name: "ComplaintMeasures");

            migrationBuilder.DropTable(
                name: "KpiPolicies");

            migrationBuilder.DropTable(
                name: "ReportExports");

            migrationBuilder.DropColumn(
                name: "Customers",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "ArchivesSeenThrough",
                table: "AspNetUsers");
        }
    }
}
