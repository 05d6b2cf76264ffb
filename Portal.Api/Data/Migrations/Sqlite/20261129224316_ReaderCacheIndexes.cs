using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReaderCacheIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Directives_Status_IssuedOn",
                table: "Directives");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_PublishedAt",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Directives_Status_DeletedAt_IssuedOn",
                table: "Directives",
                columns: new[] { "Status", "DeletedAt", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Directives_Status_DeletedAt_PublishedAt",
                table: "Directives",
                columns: new[] { "Status", "DeletedAt", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_DeletedAt_PublishedAt",
                table: "Articles",
                columns: new[] { "Status", "DeletedAt", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Directives_Status_DeletedAt_IssuedOn",
                table: "Directives");

            migrationBuilder.DropIndex(
                name: "IX_Directives_Status_DeletedAt_PublishedAt",
                table: "Directives");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_DeletedAt_PublishedAt",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Directives_Status_IssuedOn",
                table: "Directives",
                columns: new[] { "Status", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_PublishedAt",
                table: "Articles",
                columns: new[] { "Status", "PublishedAt" });
        }
    }
}
