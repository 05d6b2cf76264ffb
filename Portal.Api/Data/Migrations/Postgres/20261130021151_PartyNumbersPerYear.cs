using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartyNumbersPerYear : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Party numbers are unique per issuer and calendar year, no longer per issue date (DirectiveUniqueness):
            // re-key the stored Party directives; a duplicate the old rule let through keeps its dated key.
            migrationBuilder.Sql(UniquenessKeySql.PartyKeysToYear);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "Directives" SET "UniquenessKey" = "UniquenessKey" || to_char("IssuedOn", '-MM-DD')
                WHERE "UniquenessKey" LIKE 'party|%' AND substr("UniquenessKey", length("UniquenessKey") - 4, 1) = '|';
                """);
        }
    }
}
