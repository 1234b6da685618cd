using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowerService.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class QueueKeyAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_Department",
                table: "Complaints");

            migrationBuilder.AddColumn<string>(
                name: "CustomerPhoneTail",
                table: "Complaints",
                type: "TEXT",
                maxLength: 4,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "QueueKey",
                table: "Complaints",
                type: "TEXT",
                maxLength: 26,
                nullable: false,
                defaultValue: "");

            // Complaints stored before: their key and phone tail, before the indexes that read them.
            migrationBuilder.Sql(ComplaintIndexes.BackfillSql(sqlite: true));

            migrationBuilder.AddColumn<long>(
                name: "AlertsReadThrough",
                table: "AspNetUsers",
                type: "INTEGER",
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

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Category_QueueKey_Channel_Stage_Department",
                table: "Complaints",
                columns: new[] { "Category", "QueueKey", "Channel", "Stage", "Department" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Channel_QueueKey_Category_Stage_Department",
                table: "Complaints",
                columns: new[] { "Channel", "QueueKey", "Category", "Stage", "Department" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_CustomerPhoneTail",
                table: "Complaints",
                column: "CustomerPhoneTail");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Stage_QueueKey_Category_Channel_Department",
                table: "Complaints",
                columns: new[] { "Stage", "QueueKey", "Category", "Channel", "Department" });
            ComplaintIndexes.CreateComplexColumnIndexes(migrationBuilder);

            // The planner chooses among the new indexes by their statistics: gather them now, not at some later optimize.
            migrationBuilder.Sql("ANALYZE \"Complaints\";");
            migrationBuilder.Sql("ANALYZE \"SlaAlerts\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ComplaintIndexes.DropComplexColumnIndexes(migrationBuilder);

            migrationBuilder.DropIndex(
                name: "IX_SlaAlerts_Department_Id",
                table: "SlaAlerts");

            migrationBuilder.DropIndex(
                name: "IX_SlaAlerts_FirstResponderId_Id",
                table: "SlaAlerts");

            migrationBuilder.DropIndex(
                name: "IX_SlaAlerts_OwnerId_Id",
                table: "SlaAlerts");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_Category_QueueKey_Channel_Stage_Department",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_Channel_QueueKey_Category_Stage_Department",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_CustomerPhoneTail",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_Stage_QueueKey_Category_Channel_Department",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "CustomerPhoneTail",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "QueueKey",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "AlertsReadThrough",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Department",
                table: "Complaints",
                column: "Department");
        }
    }
}
