using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowerService.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SlaClocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeOnly>(
                name: "Closes",
                table: "Departments",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeOnly(17, 30, 0)); // existing departments keep the default business hours

            migrationBuilder.AddColumn<TimeOnly>(
                name: "Opens",
                table: "Departments",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeOnly(8, 30, 0));

            migrationBuilder.AddColumn<string>(
                name: "Clocks",
                table: "Complaints",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]"); // complaints registered before clocks existed have none

            migrationBuilder.AddColumn<string>(
                name: "Escalation",
                table: "Complaints",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Team");

            migrationBuilder.AddColumn<long>(
                name: "NextDueAt",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AlertReads",
                columns: table => new
                {
                    AlertId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertReads", x => new { x.AlertId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "CalendarYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Days = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarYears", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "SlaAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    Clock = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClockStartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FirstResponderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EscalatedTo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SlaRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Clock = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaRules", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_NextDueAt",
                table: "Complaints",
                column: "NextDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_SlaAlerts_ComplaintId_Clock_ClockStartedAt_Level",
                table: "SlaAlerts",
                columns: new[] { "ComplaintId", "Clock", "ClockStartedAt", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlaAlerts_CreatedAt",
                table: "SlaAlerts",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlertReads");

            migrationBuilder.DropTable(
                name: "CalendarYears");

            migrationBuilder.DropTable(
                name: "SlaAlerts");

            migrationBuilder.DropTable(
                name: "SlaRules");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_NextDueAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Closes",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "Opens",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "Clocks",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Escalation",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "NextDueAt",
                table: "Complaints");
        }
    }
}
