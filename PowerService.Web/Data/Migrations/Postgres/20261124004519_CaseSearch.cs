using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PowerService.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The case library's search: a trigram index for terms of three characters or more, and
            // for the one- and two-character terms trigrams cannot find, the text's single characters
            // as a generated tsvector (each character a token) searched by phrase. Both kept by the database.
            migrationBuilder.Sql("""CREATE EXTENSION IF NOT EXISTS pg_trgm;""");
            migrationBuilder.Sql("""CREATE INDEX "IX_TrainingCases_SearchText_Trigram" ON "TrainingCases" USING gin ("SearchText" gin_trgm_ops);""");
            migrationBuilder.Sql("""ALTER TABLE "TrainingCases" ADD "SearchChars" tsvector GENERATED ALWAYS AS (to_tsvector('simple', regexp_replace("SearchText", '(.)', '\1 ', 'g'))) STORED;""");
            migrationBuilder.Sql("""CREATE INDEX "IX_TrainingCases_SearchChars" ON "TrainingCases" USING gin ("SearchChars");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_TrainingCases_SearchChars";""");
            migrationBuilder.Sql("""ALTER TABLE "TrainingCases" DROP COLUMN "SearchChars";""");
            migrationBuilder.Sql("""DROP INDEX "IX_TrainingCases_SearchText_Trigram";""");
        }
    }
}
