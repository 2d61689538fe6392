using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CareFleet.Host.Persistence.Migrations.PostgreSql.Medication
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ResourceType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResourceId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    ResidentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SourceAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    Path = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LastUpdated = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "face_templates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ModelId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Dimensions = table.Column<int>(type: "integer", nullable: false),
                    Embedding = table.Column<byte[]>(type: "bytea", nullable: false),
                    EnrolledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EnrolledBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_face_templates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "med_administrations",
                columns: table => new
                {
                    RecordId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    DoseId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    OrderId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResidentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ClientMessageId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    IsPrn = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PrnIndication = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WitnessId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DeviceId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    CorrectsRecordId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Slot = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_administrations", x => x.RecordId);
                });

            migrationBuilder.CreateTable(
                name: "med_decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DoseId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    OrderId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResidentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ClientMessageId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Verdict = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reasons = table.Column<string>(type: "text", nullable: false),
                    IdentityPath = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FaceSimilarity = table.Column<double>(type: "double precision", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DeviceId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "med_orders",
                columns: table => new
                {
                    OrderId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResidentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LastUpdated = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_orders", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "med_prn_assessments",
                columns: table => new
                {
                    DoseId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Effective = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AssessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_prn_assessments", x => x.DoseId);
                });

            migrationBuilder.CreateTable(
                name: "med_releases",
                columns: table => new
                {
                    DoseId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ClientMessageId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OrderId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResidentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DeviceId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_releases", x => x.DoseId);
                });

            migrationBuilder.CreateTable(
                name: "med_resident_profiles",
                columns: table => new
                {
                    ResidentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WristbandCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Allergies = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_med_resident_profiles", x => x.ResidentId);
                });

            migrationBuilder.CreateTable(
                name: "med_order_holds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    From = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PlacedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PlacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
