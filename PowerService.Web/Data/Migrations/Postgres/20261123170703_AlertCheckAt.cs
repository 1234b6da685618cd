using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowerService.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AlertCheckAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AlertCheckAt",
                table: "Complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_AlertCheckAt",
                table: "Complaints",
                column: "AlertCheckAt");

            // Every open complaint is due a first look; the watcher then schedules each by its clocks.
            migrationBuilder.Sql("UPDATE \"Complaints\" SET \"AlertCheckAt\" = \"RegisteredAt\" WHERE \"NextDueAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_AlertCheckAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "AlertCheckAt",
                table: "Complaints");
        }
    }
}
