using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowerService.Web.Data.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ComplaintNumber = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    Field = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Phrase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WordingHits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WordingPhrases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Phrase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Better = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Situation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Blocks = table.Column<bool>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
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
