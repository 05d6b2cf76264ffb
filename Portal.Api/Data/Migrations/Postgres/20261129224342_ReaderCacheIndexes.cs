using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Api.Data.Migrations.Postgres
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

            migrationBuilder.CreateTable(
                name: "ContentVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentVersions", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "ContentVersions",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });

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
            migrationBuilder.DropTable(
                name: "ContentVersions");

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
