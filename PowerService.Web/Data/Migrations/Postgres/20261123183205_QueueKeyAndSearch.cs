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

            // Complaints stored before: their key and phone tail, before the unique index on the key.
            migrationBuilder.Sql(ComplaintIndexes.BackfillSql(sqlite: false));

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
