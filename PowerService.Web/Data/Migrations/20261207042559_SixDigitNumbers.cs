using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowerService.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SixDigitNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite stores every string as TEXT: the longer numbers and keys need no column change.
            // Complaints numbered past 9,999 a day get the key's new number part (date, 9999, six digits),
            // which sorts them after the day's four-digit numbers; four-digit keys are unchanged.
            migrationBuilder.Sql(ComplaintIndexes.RekeyLongNumbersSql(sqlite: true));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the number as it is in the key (what the earlier code writes). Numbers past 99,999 do not fit the earlier columns.
            migrationBuilder.Sql(@"UPDATE ""Complaints"" SET ""QueueKey"" = substr(""QueueKey"", 1, 12) || ""Number"" WHERE ""Id"" IN (SELECT ""Id"" FROM ""Complaints"" WHERE length(""Number"") > 14);");
        }
    }
}
