using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace PowerService.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class WorkOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "SlaAlerts",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MergedFrom",
                table: "Complaints",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "PublicOpinion",
                table: "Complaints",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DispatchRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SubCategory = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Area = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Skill = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    OnTypedIntake = table.Column<bool>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DispatchRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpinionTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Term = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpinionTerms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffSkills",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Skill = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffSkills", x => new { x.UserId, x.Skill });
                    table.ForeignKey(
                        name: "FK_StaffSkills_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkOrderReceipts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UpstreamReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Via = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkOrderReceipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkOrderReceipts_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "OpinionTerms",
                columns: new[] { "Id", "AddedAt", "AddedBy", "Term" },
                values: new object[,]
                {
                    { 1, 1309331423232000000L, "系统默认", "记者" },
                    { 2, 1309331423232000000L, "系统默认", "媒体" },
                    { 3, 1309331423232000000L, "系统默认", "曝光" },
                    { 4, 1309331423232000000L, "系统默认", "电视台" },
                    { 5, 1309331423232000000L, "系统默认", "报社" },
                    { 6, 1309331423232000000L, "系统默认", "新闻" },
                    { 7, 1309331423232000000L, "系统默认", "热搜" },
                    { 8, 1309331423232000000L, "系统默认", "微博" },
                    { 9, 1309331423232000000L, "系统默认", "抖音" },
                    { 10, 1309331423232000000L, "系统默认", "快手" },
                    { 11, 1309331423232000000L, "系统默认", "小红书" },
                    { 12, 1309331423232000000L, "系统默认", "头条" },
                    { 13, 1309331423232000000L, "系统默认", "公众号" },
                    { 14, 1309331423232000000L, "系统默认", "朋友圈" },
                    { 15, 1309331423232000000L, "系统默认", "网上发帖" },
                    { 16, 1309331423232000000L, "系统默认", "发帖" },
                    { 17, 1309331423232000000L, "系统默认", "网上曝光" },
                    { 18, 1309331423232000000L, "系统默认", "发到网上" },
                    { 19, 1309331423232000000L, "系统默认", "直播" },
                    { 20, 1309331423232000000L, "系统默认", "视频号" },
                    { 21, 1309331423232000000L, "系统默认", "投诉到媒体" },
                    { 22, 1309331423232000000L, "系统默认", "找媒体" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_UpstreamReference",
                table: "Complaints",
                column: "UpstreamReference");

            migrationBuilder.CreateIndex(
                name: "IX_OpinionTerms_Term",
                table: "OpinionTerms",
                column: "Term",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderReceipts_Channel_UpstreamReference",
                table: "WorkOrderReceipts",
                columns: new[] { "Channel", "UpstreamReference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderReceipts_ComplaintId",
                table: "WorkOrderReceipts",
                column: "ComplaintId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DispatchRules");

            migrationBuilder.DropTable(
                name: "OpinionTerms");

            migrationBuilder.DropTable(
                name: "StaffSkills");

            migrationBuilder.DropTable(
                name: "WorkOrderReceipts");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_UpstreamReference",
                table: "Complaints");

            // SQLite drops a column in place (3.35+); EF's DropColumn rebuilds the table, which would lose
            // the queue and search indexes created in SQL by QueueKeyAndSearch.
            migrationBuilder.Sql("ALTER TABLE \"SlaAlerts\" DROP COLUMN \"Reason\";");
            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"MergedFrom\";");
            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"PublicOpinion\";");
        }
    }
}
