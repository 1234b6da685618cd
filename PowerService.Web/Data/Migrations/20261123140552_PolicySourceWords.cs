using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowerService.Web.Data.Migrations
{
    /// <summary>Seeded SLA rule sources in words instead of codes (see <see cref="PowerService.Web.Data.Migrations.PolicySourceWordsFix"/>).</summary>
    public partial class PolicySourceWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            PowerService.Web.Data.Migrations.PolicySourceWordsFix.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            PowerService.Web.Data.Migrations.PolicySourceWordsFix.Down(migrationBuilder);
        }
    }
}
