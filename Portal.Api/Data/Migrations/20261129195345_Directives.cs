using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class Directives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "IssuingBodies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "UniquenessKey",
                table: "Directives",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DirectiveAttachments",
                columns: table => new
                {
                    DirectiveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MediaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectiveAttachments", x => new { x.DirectiveId, x.MediaId });
                    table.ForeignKey(
                        name: "FK_DirectiveAttachments_Directives_DirectiveId",
                        column: x => x.DirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DirectiveAttachments_Media_MediaId",
                        column: x => x.MediaId,
                        principalTable: "Media",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Directives_UniquenessKey",
                table: "Directives",
                column: "UniquenessKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveAttachments_MediaId",
                table: "DirectiveAttachments",
                column: "MediaId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectiveAttachments");

            migrationBuilder.DropIndex(
                name: "IX_Directives_UniquenessKey",
                table: "Directives");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "IssuingBodies");

            migrationBuilder.DropColumn(
                name: "UniquenessKey",
                table: "Directives");
        }
    }
}
