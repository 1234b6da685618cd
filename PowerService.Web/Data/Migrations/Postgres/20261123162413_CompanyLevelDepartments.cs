using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowerService.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CompanyLevelDepartments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsCompanyLevel",
                table: "Departments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // The customer service centre ran complaints company-wide before departments said so.
            migrationBuilder.Sql("UPDATE \"Departments\" SET \"IsCompanyLevel\" = TRUE WHERE \"Name\" = '客户服务中心'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsCompanyLevel",
                table: "Departments");
        }
    }
}
