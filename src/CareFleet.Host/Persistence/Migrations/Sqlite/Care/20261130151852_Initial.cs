using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFleet.Host.Persistence.Migrations.Sqlite.Care
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "care_residents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Identifier = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RoomId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BedId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AdmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AdmittedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DischargedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_care_residents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_care_residents_Identifier",
                table: "care_residents",
                column: "Identifier",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "care_residents");
        }
    }
}
