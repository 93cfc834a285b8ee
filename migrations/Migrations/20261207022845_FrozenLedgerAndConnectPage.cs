using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bot.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class FrozenLedgerAndConnectPage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "frozen_at_utc",
                table: "participations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "force_approval",
                table: "oauth_states",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "guild_name",
                table: "oauth_states",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "user_label",
                table: "oauth_states",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "left_at_utc",
                table: "members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "frozen_week_results",
                columns: table => new
                {
                    participation_id = table.Column<long>(type: "INTEGER", nullable: false),
                    week = table.Column<int>(type: "INTEGER", nullable: false),
                    points = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    streak = table.Column<int>(type: "INTEGER", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_frozen_week_results", x => new { x.participation_id, x.week });
                    table.ForeignKey(
                        name: "FK_frozen_week_results_participations_participation_id",
                        column: x => x.participation_id,
                        principalTable: "participations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "frozen_week_results");

            migrationBuilder.DropColumn(
                name: "frozen_at_utc",
                table: "participations");

            migrationBuilder.DropColumn(
                name: "force_approval",
                table: "oauth_states");

            migrationBuilder.DropColumn(
                name: "guild_name",
                table: "oauth_states");

            migrationBuilder.DropColumn(
                name: "user_label",
                table: "oauth_states");

            migrationBuilder.DropColumn(
                name: "left_at_utc",
                table: "members");
        }
    }
}
