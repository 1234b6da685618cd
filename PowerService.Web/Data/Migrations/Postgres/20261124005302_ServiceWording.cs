using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PowerService.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ServiceWording : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WordingHits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ComplaintNumber = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    Field = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Phrase = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WordingHits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WordingPhrases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Phrase = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Better = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Situation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Blocks = table.Column<bool>(type: "boolean", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WordingPhrases", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WordingHits_At_Department",
                table: "WordingHits",
                columns: new[] { "At", "Department" });

            migrationBuilder.CreateIndex(
                name: "IX_WordingPhrases_Phrase",
                table: "WordingPhrases",
                column: "Phrase",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WordingHits");

            migrationBuilder.DropTable(
                name: "WordingPhrases");
        }
    }
}
