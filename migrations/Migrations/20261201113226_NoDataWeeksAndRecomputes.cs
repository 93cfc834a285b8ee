using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bot.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class NoDataWeeksAndRecomputes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "no_data_since_utc",
                table: "members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "week_recomputes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    challenge_id = table.Column<long>(type: "INTEGER", nullable: false),
                    member_id = table.Column<long>(type: "INTEGER", nullable: false),
                    week = table.Column<int>(type: "INTEGER", nullable: false),
                    old_status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    old_amount = table.Column<decimal>(type: "TEXT", nullable: false),
                    new_status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    new_amount = table.Column<decimal>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_week_recomputes", x => x.id);
                    table.ForeignKey(
                        name: "FK_week_recomputes_challenges_challenge_id",
                        column: x => x.challenge_id,
                        principalTable: "challenges",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_week_recomputes_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_week_recomputes_challenge_id_at_utc",
                table: "week_recomputes",
                columns: new[] { "challenge_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "IX_week_recomputes_member_id",
                table: "week_recomputes",
                column: "member_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "week_recomputes");

            migrationBuilder.DropColumn(
                name: "no_data_since_utc",
                table: "members");
        }
    }
}
