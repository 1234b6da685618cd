using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowerService.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SecondRevisitDue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SecondRevisitOpensAt",
                table: "Complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_SecondRevisitOpensAt",
                table: "Complaints",
                column: "SecondRevisitOpensAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_SecondRevisitOpensAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "SecondRevisitOpensAt",
                table: "Complaints");
        }
    }
}
