using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFleet.Host.Persistence.Migrations.Sqlite.Medication
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ResourceType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResourceId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    ResidentId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SourceAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    GrantedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LastUpdated = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "face_templates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ModelId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Dimensions = table.Column<int>(type: "INTEGER", nullable: false),
                    Embedding = table.Column<byte[]>(type: "BLOB", nullable: false),
                    EnrolledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EnrolledBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_face_templates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "med_administrations",
                columns: table => new
                {
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    DoseId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    OrderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResidentId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ClientMessageId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    IsPrn = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PrnIndication = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WitnessId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    CorrectsRecordId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Slot = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_administrations", x => x.RecordId);
                });

            migrationBuilder.CreateTable(
                name: "med_decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DoseId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    OrderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResidentId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ClientMessageId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: false),
                    IdentityPath = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FaceSimilarity = table.Column<double>(type: "REAL", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "med_orders",
                columns: table => new
                {
                    OrderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResidentId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LastUpdated = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_orders", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "med_prn_assessments",
                columns: table => new
                {
                    DoseId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Effective = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AssessedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_prn_assessments", x => x.DoseId);
                });

            migrationBuilder.CreateTable(
                name: "med_releases",
                columns: table => new
                {
                    DoseId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ClientMessageId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ReleasedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OrderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResidentId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_releases", x => x.DoseId);
                });

            migrationBuilder.CreateTable(
                name: "med_resident_profiles",
                columns: table => new
                {
                    ResidentId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WristbandCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Allergies = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_resident_profiles", x => x.ResidentId);
                });

            migrationBuilder.CreateTable(
                name: "med_order_holds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    Until = table.Column<long>(type: "INTEGER", nullable: true),
                    PlacedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PlacedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_order_holds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_med_order_holds_med_orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "med_orders",
                        principalColumn: "OrderId",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_At",
                table: "audit_events",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_ResidentId",
                table: "audit_events",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_consents_LastUpdated",
                table: "consents",
                column: "LastUpdated");

            migrationBuilder.CreateIndex(
                name: "IX_consents_ResidentId_Kind",
                table: "consents",
                columns: new[] { "ResidentId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_face_templates_ResidentId",
                table: "face_templates",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_med_administrations_DoseId_Slot",
                table: "med_administrations",
                columns: new[] { "DoseId", "Slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_med_administrations_ResidentId_RecordedAt",
                table: "med_administrations",
                columns: new[] { "ResidentId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_med_administrations_Sequence",
                table: "med_administrations",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_med_decisions_DoseId_ClientMessageId",
                table: "med_decisions",
                columns: new[] { "DoseId", "ClientMessageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_med_order_holds_OrderId",
                table: "med_order_holds",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_med_orders_LastUpdated",
                table: "med_orders",
                column: "LastUpdated");

            migrationBuilder.CreateIndex(
                name: "IX_med_orders_ResidentId",
                table: "med_orders",
                column: "ResidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "consents");

            migrationBuilder.DropTable(
                name: "face_templates");

            migrationBuilder.DropTable(
                name: "med_administrations");

            migrationBuilder.DropTable(
                name: "med_decisions");

            migrationBuilder.DropTable(
                name: "med_order_holds");

            migrationBuilder.DropTable(
                name: "med_prn_assessments");

            migrationBuilder.DropTable(
                name: "med_releases");

            migrationBuilder.DropTable(
                name: "med_resident_profiles");

            migrationBuilder.DropTable(
                name: "med_orders");
        }
    }
}
