using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowerService.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PiiAccessLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PiiAccessEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ComplaintNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PiiAccessEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PiiAccessEvents_At",
                table: "PiiAccessEvents",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_PiiAccessEvents_ComplaintNumber_At",
                table: "PiiAccessEvents",
                columns: new[] { "ComplaintNumber", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PiiAccessEvents_UserId_At",
                table: "PiiAccessEvents",
                columns: new[] { "UserId", "At" });

            // The access log is evidence of who saw what: the database refuses to rewrite it.
            migrationBuilder.Sql("CREATE TRIGGER PiiAccessEvents_no_update BEFORE UPDATE ON PiiAccessEvents BEGIN SELECT RAISE(ABORT, 'PiiAccessEvents are append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER PiiAccessEvents_no_delete BEFORE DELETE ON PiiAccessEvents BEGIN SELECT RAISE(ABORT, 'PiiAccessEvents are append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PiiAccessEvents_no_update; DROP TRIGGER IF EXISTS PiiAccessEvents_no_delete;");

            migrationBuilder.DropTable(
                name: "PiiAccessEvents");
        }
    }
}
