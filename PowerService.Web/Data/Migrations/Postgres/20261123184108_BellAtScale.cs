using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowerService.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BellAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AlertsReadThrough",
                table: "AspNetUsers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_SlaAlerts_Department_Id",
                table: "SlaAlerts",
                columns: new[] { "Department", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaAlerts_FirstResponderId_Id",
                table: "SlaAlerts",
                columns: new[] { "FirstResponderId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaAlerts_OwnerId_Id",
                table: "SlaAlerts",
                columns: new[] { "OwnerId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SlaAlerts_Department_Id",
                table: "SlaAlerts");

            migrationBuilder.DropIndex(
                name: "IX_SlaAlerts_FirstResponderId_Id",
                table: "SlaAlerts");

            migrationBuilder.DropIndex(
                name: "IX_SlaAlerts_OwnerId_Id",
                table: "SlaAlerts");

            migrationBuilder.DropColumn(
                name: "AlertsReadThrough",
                table: "AspNetUsers");
        }
    }
}
