using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowerService.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EvidenceItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FormatId = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RemovedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RemovalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    Store = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    UploadedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceItems_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceContents",
                columns: table => new
                {
                    EvidenceItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceContents", x => x.EvidenceItemId);
                    table.ForeignKey(
                        name: "FK_EvidenceContents_EvidenceItems_EvidenceItemId",
                        column: x => x.EvidenceItemId,
                        principalTable: "EvidenceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_ComplaintId_Sequence",
                table: "EvidenceItems",
                columns: new[] { "ComplaintId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_Sha256",
                table: "EvidenceItems",
                column: "Sha256");

            // The evidence chain is append-only like the timeline: bytes are never changed or deleted, an
            // attachment's record is never deleted, and the one update is its removal (once, only the removal columns).
            migrationBuilder.Sql("CREATE TRIGGER EvidenceContents_no_update BEFORE UPDATE ON EvidenceContents BEGIN SELECT RAISE(ABORT, 'EvidenceContents are append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER EvidenceContents_no_delete BEFORE DELETE ON EvidenceContents BEGIN SELECT RAISE(ABORT, 'EvidenceContents are append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER EvidenceItems_no_delete BEFORE DELETE ON EvidenceItems BEGIN SELECT RAISE(ABORT, 'EvidenceItems are append-only'); END;");
            migrationBuilder.Sql("""
                CREATE TRIGGER EvidenceItems_removal_only BEFORE UPDATE ON EvidenceItems
                WHEN OLD.RemovedAt IS NOT NULL OR NEW.RemovedAt IS NULL OR NEW.RemovalReason IS NULL
                  OR NEW.Id IS NOT OLD.Id OR NEW.ComplaintId IS NOT OLD.ComplaintId OR NEW.Sequence IS NOT OLD.Sequence
                  OR NEW.FileName IS NOT OLD.FileName OR NEW.FormatId IS NOT OLD.FormatId OR NEW.Kind IS NOT OLD.Kind
                  OR NEW.ContentType IS NOT OLD.ContentType OR NEW.Size IS NOT OLD.Size OR NEW.Sha256 IS NOT OLD.Sha256
                  OR NEW.UploadedAt IS NOT OLD.UploadedAt OR NEW.UploadedById IS NOT OLD.UploadedById
                  OR NEW.UploadedByName IS NOT OLD.UploadedByName OR NEW.Store IS NOT OLD.Store
                BEGIN SELECT RAISE(ABORT, 'EvidenceItems are append-only except their removal'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS EvidenceContents_no_update; DROP TRIGGER IF EXISTS EvidenceContents_no_delete; DROP TRIGGER IF EXISTS EvidenceItems_no_delete; DROP TRIGGER IF EXISTS EvidenceItems_removal_only;");

            migrationBuilder.DropTable(
                name: "EvidenceContents");

            migrationBuilder.DropTable(
                name: "EvidenceItems");
        }
    }
}
