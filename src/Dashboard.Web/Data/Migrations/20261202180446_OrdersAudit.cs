using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrdersAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MemberTradingLimits",
                columns: table => new
                {
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MaxOrderValue = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxQuantity = table.Column<long>(type: "INTEGER", nullable: false),
                    PriceCollarPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxOrdersPerMinute = table.Column<int>(type: "INTEGER", nullable: false),
                    AllowSimulator = table.Column<bool>(type: "INTEGER", nullable: false),
                    AllowMock = table.Column<bool>(type: "INTEGER", nullable: false),
                    AllowProduction = table.Column<bool>(type: "INTEGER", nullable: false),
                    Halted = table.Column<bool>(type: "INTEGER", nullable: false),
                    HaltReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberTradingLimits", x => x.MemberId);
                    table.ForeignKey(
                        name: "FK_MemberTradingLimits_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderAudit",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IntentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    StockCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Side = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Quantity = table.Column<long>(type: "INTEGER", nullable: true),
                    Price = table.Column<long>(type: "INTEGER", nullable: true),
                    TradeType = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderAudit", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "OrderIntents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    TargetIntentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Product = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    StockCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Quantity = table.Column<long>(type: "INTEGER", nullable: false),
                    Price = table.Column<long>(type: "INTEGER", nullable: true),
                    TradeType = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    ConditionPrice = table.Column<long>(type: "INTEGER", nullable: true),
                    Exchange = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    FilledQuantity = table.Column<long>(type: "INTEGER", nullable: false),
                    FilledAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenQuantity = table.Column<long>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderIntents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderIntents_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TeamTradingHalts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Halted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamTradingHalts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrderAudit_At",
                table: "OrderAudit",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_OrderAudit_IntentId",
                table: "OrderAudit",
                column: "IntentId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderAudit_MemberId_At",
                table: "OrderAudit",
                columns: new[] { "MemberId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderIntents_ConnectionId_OrderNumber",
                table: "OrderIntents",
                columns: new[] { "ConnectionId", "OrderNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderIntents_MemberId_CreatedAt",
                table: "OrderIntents",
                columns: new[] { "MemberId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderIntents_State",
                table: "OrderIntents",
                column: "State");

            // The audit is append-only (SEC-18): the database itself refuses changing or removing a row.
            migrationBuilder.Sql("CREATE TRIGGER OrderAudit_NoUpdate BEFORE UPDATE ON OrderAudit BEGIN SELECT RAISE(ABORT, 'the order audit is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER OrderAudit_NoDelete BEFORE DELETE ON OrderAudit BEGIN SELECT RAISE(ABORT, 'the order audit is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS OrderAudit_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS OrderAudit_NoDelete;");

            migrationBuilder.DropTable(
                name: "MemberTradingLimits");

            migrationBuilder.DropTable(
                name: "OrderAudit");

            migrationBuilder.DropTable(
                name: "OrderIntents");

            migrationBuilder.DropTable(
                name: "TeamTradingHalts");
        }
    }
}
