using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowerService.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ComplaintMeasures_Department",
                table: "ComplaintMeasures");

            migrationBuilder.DropIndex(
                name: "IX_ComplaintMeasures_Scorecard",
                table: "ComplaintMeasures");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintMeasures_Department",
                table: "ComplaintMeasures",
                columns: new[] { "Department", "ReceivedMonth", "HandlerId", "Stage", "Category", "ReceivedAt", "HandlerName", "TimelinessOpen", "OverdueAt", "FirstSatisfaction", "ReopenCount", "ResolvedAt", "RevisitOwedAt", "RevisitedAt", "HandlingMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintMeasures_ReceivedAt",
                table: "ComplaintMeasures",
                columns: new[] { "ReceivedAt", "ComplaintId" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintMeasures_Scorecard",
                table: "ComplaintMeasures",
                columns: new[] { "ReceivedMonth", "Department", "HandlerId", "Stage", "Category", "ReceivedAt", "HandlerName", "TimelinessOpen", "OverdueAt", "FirstSatisfaction", "ReopenCount", "ResolvedAt", "RevisitOwedAt", "RevisitedAt", "HandlingMinutes" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ComplaintMeasures_Department",
                table: "ComplaintMeasures");

            migrationBuilder.DropIndex(
                name: "IX_ComplaintMeasures_ReceivedAt",
                table: "ComplaintMeasures");

            migrationBuilder.DropIndex(
                name: "IX_ComplaintMeasures_Scorecard",
                table: "ComplaintMeasures");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintMeasures_Department",
                table: "ComplaintMeasures",
                columns: new[] { "Department", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintMeasures_Scorecard",
                table: "ComplaintMeasures",
                columns: new[] { "ReceivedAt", "Department", "HandlerId", "Stage", "TimelinessOpen", "OverdueAt", "FirstSatisfaction", "ReopenCount", "ResolvedAt", "RevisitOwedAt", "RevisitedAt", "HandlingMinutes" });
        }
    }
}
