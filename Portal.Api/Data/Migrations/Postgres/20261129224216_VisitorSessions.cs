using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VisitorSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VisitorSessions",
                columns: table => new
                {
                    VisitorHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    LastSeen = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitorSessions", x => x.VisitorHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VisitorSessions_LastSeen",
                table: "VisitorSessions",
                column: "LastSeen");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VisitorSessions");
        }
    }
}
