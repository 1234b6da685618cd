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

            // Complaints stored before: their key and phone tail, before the unique index on the key.
            migrationBuilder.Sql(ComplaintIndexes.BackfillSql(sqlite: true));

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Category_QueueKey",
                table: "Complaints",
                columns: new[] { "Category", "QueueKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Channel_QueueKey",
                table: "Complaints",
                columns: new[] { "Channel", "QueueKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_CustomerPhoneTail",
                table: "Complaints",
                column: "CustomerPhoneTail");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Department_QueueKey",
                table: "Complaints",
                columns: new[] { "Department", "QueueKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_QueueKey",
                table: "Complaints",
                column: "QueueKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Stage_QueueKey",
                table: "Complaints",
                columns: new[] { "Stage", "QueueKey" });
            ComplaintIndexes.CreateComplexColumnIndexes(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ComplaintIndexes.DropComplexColumnIndexes(migrationBuilder);

            migrationBuilder.DropIndex(
                name: "IX_Complaints_Category_QueueKey",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_Channel_QueueKey",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_CustomerPhoneTail",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_Department_QueueKey",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_QueueKey",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_Stage_QueueKey",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "CustomerPhoneTail",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "QueueKey",
                table: "Complaints");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Department",
                table: "Complaints",
                column: "Department");
        }
    }
}
