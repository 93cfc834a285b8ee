using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bot.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ChannelPostsAndReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "channel_settings",
                columns: table => new
                {
                    guild_id = table.Column<long>(type: "INTEGER", nullable: false),
                    channel_id = table.Column<long>(type: "INTEGER", nullable: true),
                    recap_minute_of_day = table.Column<int>(type: "INTEGER", nullable: false),
                    milestones_on = table.Column<bool>(type: "INTEGER", nullable: false),
                    set_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    milestones_since_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_post_outcome = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    last_post_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channel_settings", x => x.guild_id);
                    table.CheckConstraint("ck_channel_settings_minute", "recap_minute_of_day >= 0 AND recap_minute_of_day < 1440");
                });

            migrationBuilder.CreateTable(
                name: "post_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    guild_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    season_year = table.Column<int>(type: "INTEGER", nullable: false),
                    week = table.Column<int>(type: "INTEGER", nullable: false),
                    discord_user_id = table.Column<long>(type: "INTEGER", nullable: false),
                    claimed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    sent_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_post_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reminder_settings",
                columns: table => new
                {
                    guild_id = table.Column<long>(type: "INTEGER", nullable: false),
                    discord_user_id = table.Column<long>(type: "INTEGER", nullable: false),
                    day = table.Column<int>(type: "INTEGER", nullable: false),
                    minute_of_day = table.Column<int>(type: "INTEGER", nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    switched_off_notice = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reminder_settings", x => new { x.guild_id, x.discord_user_id });
                    table.CheckConstraint("ck_reminder_settings_minute", "minute_of_day >= 0 AND minute_of_day < 1440");
                });

            migrationBuilder.CreateIndex(
                name: "IX_post_records_guild_id_kind_season_year_week_discord_user_id",
                table: "post_records",
                columns: new[] { "guild_id", "kind", "season_year", "week", "discord_user_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "channel_settings");

            migrationBuilder.DropTable(
                name: "post_records");

            migrationBuilder.DropTable(
                name: "reminder_settings");
        }
    }
}
