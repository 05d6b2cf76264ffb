using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DirectiveFieldSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FieldSearch",
                table: "Directives",
                type: "TEXT",
                nullable: true);

            // Existing rows are filled at start-up by DirectiveFactory.BackfillFieldSearchAsync: the fold
            // (VietnameseText.Fold: tone marks, đ, case, spaces) is .NET code with no SQL equivalent on either engine.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FieldSearch",
                table: "Directives");

            // In case the engine rebuilt the table to drop the column, which drops the search index's triggers with it.
            SearchIndexSql.CreateSqlite(migrationBuilder);
        }
    }
}
