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
            // The case library's search: a trigram index for words of three characters or more, and for
            // the one- and two-character words trigrams cannot find, the text's single characters and
            // adjacent pairs as a generated tsvector, each a token. Both kept by the database.
            migrationBuilder.Sql("""CREATE EXTENSION IF NOT EXISTS pg_trgm;""");
            migrationBuilder.Sql("""CREATE INDEX "IX_TrainingCases_SearchText_Trigram" ON "TrainingCases" USING gin ("SearchText" gin_trgm_ops);""");
            migrationBuilder.Sql("""
                CREATE FUNCTION case_grams(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT coalesce(string_agg(g, ' '), '') FROM (
                        SELECT substr(t, i, 1) AS g FROM generate_series(1, length(t)) AS i
                        UNION ALL
                        SELECT substr(t, i, 2) FROM generate_series(1, length(t) - 1) AS i) AS grams
                $$;
                """);
            migrationBuilder.Sql("""ALTER TABLE "TrainingCases" ADD "SearchGrams" tsvector GENERATED ALWAYS AS (to_tsvector('simple', case_grams("SearchText"))) STORED;""");
            migrationBuilder.Sql("""CREATE INDEX "IX_TrainingCases_SearchGrams" ON "TrainingCases" USING gin ("SearchGrams");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_TrainingCases_SearchGrams";""");
            migrationBuilder.Sql("""ALTER TABLE "TrainingCases" DROP COLUMN "SearchGrams";""");
            migrationBuilder.Sql("""DROP FUNCTION case_grams(text);""");
            migrationBuilder.Sql("""DROP INDEX "IX_TrainingCases_SearchText_Trigram";""");
        }
    }
}
