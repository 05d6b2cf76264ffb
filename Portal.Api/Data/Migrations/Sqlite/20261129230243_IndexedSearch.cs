using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IndexedSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // FTS5 trigram indexes over Articles/Directives.SearchText, their triggers and backfill (raw SQL, not in the model).
            SearchIndexSql.CreateSqlite(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            SearchIndexSql.DropSqlite(migrationBuilder);
        }
    }
}
