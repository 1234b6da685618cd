using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowerService.Web.Data.Migrations.Postgres
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

            migrationBuilder.AlterColumn<string>(
                name: "Number",
                table: "Complaints",
                type: "character varying(14)",
                maxLength: 14,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(14)",
                oldMaxLength: 14);

            migrationBuilder.AlterColumn<string>(
                name: "CustomerPhone",
                table: "Complaints",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);

            migrationBuilder.AlterColumn<string>(
                name: "CustomerName",
                table: "Complaints",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(30)",
                oldMaxLength: 30);

            migrationBuilder.AlterColumn<string>(
                name: "CustomerAccount",
                table: "Complaints",
                type: "character varying(13)",
                maxLength: 13,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(13)",
                oldMaxLength: 13,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomerPhoneTail",
                table: "Complaints",
                type: "character varying(4)",
                maxLength: 4,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "QueueKey",
                table: "Complaints",
                type: "character varying(26)",
                maxLength: 26,
                nullable: false,
                defaultValue: "",
                collation: "C");

            // Complaints stored before: their key and phone tail, before the indexes that read them.
            migrationBuilder.Sql(ComplaintIndexes.BackfillSql(sqlite: false));

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

            // The planner chooses among the new indexes by their statistics: gather them now. (The vacuum
            // the backfill calls for runs after the migration: see DatabaseSetup.)
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

            migrationBuilder.AlterColumn<string>(
                name: "Number",
                table: "Complaints",
                type: "character varying(14)",
                maxLength: 14,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(14)",
                oldMaxLength: 14,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "CustomerPhone",
                table: "Complaints",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "CustomerName",
                table: "Complaints",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(30)",
                oldMaxLength: 30,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "CustomerAccount",
                table: "Complaints",
                type: "character varying(13)",
                maxLength: 13,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(13)",
                oldMaxLength: 13,
                oldNullable: true,
                oldCollation: "C");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Department",
                table: "Complaints",
                column: "Department");
        }
    }
}
