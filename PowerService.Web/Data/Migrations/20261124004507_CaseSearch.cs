using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowerService.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The case library's full-text indexes, kept by the app in the same transaction as the case
            // (Data/CaseSearchIndex.cs): trigrams for words of three characters or more, and single
            // characters and adjacent pairs, each a token, for the one- and two-character words
            // trigrams cannot find. Contentless: the text itself is the case's.
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "CaseSearch" USING fts5("Text", content='', contentless_delete=1, tokenize='trigram');""");
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "CaseSearchChars" USING fts5("Text", content='', contentless_delete=1, tokenize='unicode61');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "CaseSearchChars";""");
            migrationBuilder.Sql("""DROP TABLE "CaseSearch";""");
        }
    }
}
