using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PowerService.Web.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Roles = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ComplaintNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
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

            // The access log is evidence of who saw what: the database refuses to rewrite it (refuse_rewrite() is TimelineSeals').
            migrationBuilder.Sql("""
                CREATE TRIGGER "PiiAccessEvents_no_update" BEFORE UPDATE ON "PiiAccessEvents" FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
                CREATE TRIGGER "PiiAccessEvents_no_delete" BEFORE DELETE ON "PiiAccessEvents" FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "PiiAccessEvents_no_update" ON "PiiAccessEvents"; DROP TRIGGER IF EXISTS "PiiAccessEvents_no_delete" ON "PiiAccessEvents";""");

            migrationBuilder.DropTable(
                name: "PiiAccessEvents");
        }
    }
}
