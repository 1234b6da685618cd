using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PowerService.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RevisitSampling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SampleBatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PeriodFirst = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodLast = table.Column<DateOnly>(type: "date", nullable: false),
                    Department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Population = table.Column<int>(type: "integer", nullable: false),
                    KeyCases = table.Column<int>(type: "integer", nullable: false),
                    DrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DrawnByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    DrawnById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SampleBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SampledRevisits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BatchId = table.Column<long>(type: "bigint", nullable: false),
                    Level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ComplaintId = table.Column<int>(type: "integer", nullable: false),
                    ComplaintNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Key = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Result = table.Column<string>(type: "text", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FollowUp = table.Column<string>(type: "text", nullable: true),
                    FollowUpState = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SampledRevisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SampledRevisits_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SampledRevisits_SampleBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "SampleBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ClosedAt",
                table: "Complaints",
                column: "ClosedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SampleBatches_Level_Period_Department",
                table: "SampleBatches",
                columns: new[] { "Level", "Period", "Department" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SampledRevisits_BatchId",
                table: "SampledRevisits",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_SampledRevisits_ComplaintId",
                table: "SampledRevisits",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_SampledRevisits_FollowUpState_Department",
                table: "SampledRevisits",
                columns: new[] { "FollowUpState", "Department" });

            migrationBuilder.CreateIndex(
                name: "IX_SampledRevisits_Level_Department_RecordedAt",
                table: "SampledRevisits",
                columns: new[] { "Level", "Department", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SampledRevisits_Level_Period_ComplaintId",
                table: "SampledRevisits",
                columns: new[] { "Level", "Period", "ComplaintId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SampledRevisits");

            migrationBuilder.DropTable(
                name: "SampleBatches");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_ClosedAt",
                table: "Complaints");
        }
    }
}
