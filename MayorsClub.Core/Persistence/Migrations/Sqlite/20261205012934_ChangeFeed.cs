using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MayorsClub.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChangeFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublishedChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DocumentKeys = table.Column<string>(type: "TEXT", nullable: false),
                    Cultures = table.Column<string>(type: "TEXT", nullable: false),
                    MediaKeys = table.Column<string>(type: "TEXT", nullable: false),
                    Utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedChanges_Utc",
                table: "PublishedChanges",
                column: "Utc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublishedChanges");
        }
    }
}
