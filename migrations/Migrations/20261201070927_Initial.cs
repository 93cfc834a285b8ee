using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bot.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activity_kinds",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    type = table.Column<string>(type: "TEXT", nullable: true),
                    sport_type = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_activity_kinds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "app_settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_app_settings", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "challenges",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    guild_id = table.Column<long>(type: "INTEGER", nullable: false),
                    season_year = table.Column<int>(type: "INTEGER", nullable: false),
                    rules_json = table.Column<string>(type: "TEXT", nullable: false),
                    time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_challenges", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "members",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    discord_user_id = table.Column<long>(type: "INTEGER", nullable: true),
                    strava_athlete_id = table.Column<long>(type: "INTEGER", nullable: true),
                    first_name = table.Column<string>(type: "TEXT", nullable: false),
                    last_name = table.Column<string>(type: "TEXT", nullable: false),
                    profile_medium_url = table.Column<string>(type: "TEXT", nullable: true),
                    access_token = table.Column<string>(type: "TEXT", nullable: true),
                    refresh_token = table.Column<string>(type: "TEXT", nullable: true),
                    token_expires_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    scopes = table.Column<string>(type: "TEXT", nullable: true),
                    link_state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_members", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "oauth_states",
                columns: table => new
                {
                    nonce = table.Column<string>(type: "TEXT", nullable: false),
                    discord_user_id = table.Column<long>(type: "INTEGER", nullable: false),
                    guild_id = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    used_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oauth_states", x => x.nonce);
                });

            migrationBuilder.CreateTable(
                name: "webhook_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    received_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    object_type = table.Column<string>(type: "TEXT", nullable: false),
                    object_id = table.Column<long>(type: "INTEGER", nullable: false),
                    aspect_type = table.Column<string>(type: "TEXT", nullable: false),
                    owner_id = table.Column<long>(type: "INTEGER", nullable: false),
                    subscription_id = table.Column<long>(type: "INTEGER", nullable: false),
                    event_time = table.Column<long>(type: "INTEGER", nullable: false),
                    updates_json = table.Column<string>(type: "TEXT", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    processed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "activities",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false),
                    member_id = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: true),
                    type = table.Column<string>(type: "TEXT", nullable: true),
                    sport_type = table.Column<string>(type: "TEXT", nullable: true),
                    kind_id = table.Column<int>(type: "INTEGER", nullable: false),
                    start_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    start_local_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    time_zone = table.Column<string>(type: "TEXT", nullable: true),
                    moving_time = table.Column<int>(type: "INTEGER", nullable: false),
                    elapsed_time = table.Column<int>(type: "INTEGER", nullable: false),
                    distance = table.Column<double>(type: "REAL", nullable: false),
                    total_elevation_gain = table.Column<double>(type: "REAL", nullable: false),
                    summary_polyline = table.Column<string>(type: "TEXT", nullable: true),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_activities", x => x.id);
                    table.ForeignKey(
                        name: "FK_activities_activity_kinds_kind_id",
                        column: x => x.kind_id,
                        principalTable: "activity_kinds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_activities_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "participations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    challenge_id = table.Column<long>(type: "INTEGER", nullable: false),
                    member_id = table.Column<long>(type: "INTEGER", nullable: false),
                    consent_to_reports = table.Column<bool>(type: "INTEGER", nullable: false),
                    jokers_left = table.Column<int>(type: "INTEGER", nullable: false),
                    legacy_constants_json = table.Column<string>(type: "TEXT", nullable: true),
                    joined_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participations", x => x.id);
                    table.CheckConstraint("ck_participations_jokers_left", "jokers_left >= 0");
                    table.ForeignKey(
                        name: "FK_participations_challenges_challenge_id",
                        column: x => x.challenge_id,
                        principalTable: "challenges",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_participations_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "strava_sync_states",
                columns: table => new
                {
                    member_id = table.Column<long>(type: "INTEGER", nullable: false),
                    last_backfill_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    backfilled_from_local_ticks = table.Column<long>(type: "INTEGER", nullable: true),
                    last_recheck_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_sync_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strava_sync_states", x => x.member_id);
                    table.ForeignKey(
                        name: "FK_strava_sync_states_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "joker_weeks",
                columns: table => new
                {
                    participation_id = table.Column<long>(type: "INTEGER", nullable: false),
                    week = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_joker_weeks", x => new { x.participation_id, x.week });
                    table.ForeignKey(
                        name: "FK_joker_weeks_participations_participation_id",
                        column: x => x.participation_id,
                        principalTable: "participations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "legacy_week_results",
                columns: table => new
                {
                    participation_id = table.Column<long>(type: "INTEGER", nullable: false),
                    week = table.Column<int>(type: "INTEGER", nullable: false),
                    result = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_legacy_week_results", x => new { x.participation_id, x.week });
                    table.CheckConstraint("ck_legacy_week_results_result", "result IN (0, 1, 2)");
                    table.ForeignKey(
                        name: "FK_legacy_week_results_participations_participation_id",
                        column: x => x.participation_id,
                        principalTable: "participations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_activities_kind_id",
                table: "activities",
                column: "kind_id");

            migrationBuilder.CreateIndex(
                name: "IX_activities_member_id_start_local_ticks",
                table: "activities",
                columns: new[] { "member_id", "start_local_ticks", "id", "kind_id", "moving_time", "elapsed_time" });

            migrationBuilder.CreateIndex(
                name: "IX_activity_kinds_type_sport_type",
                table: "activity_kinds",
                columns: new[] { "type", "sport_type" });

            migrationBuilder.CreateIndex(
                name: "IX_challenges_guild_id_season_year",
                table: "challenges",
                columns: new[] { "guild_id", "season_year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_members_discord_user_id",
                table: "members",
                column: "discord_user_id",
                unique: true,
                filter: "discord_user_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_members_strava_athlete_id",
                table: "members",
                column: "strava_athlete_id",
                unique: true,
                filter: "strava_athlete_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_oauth_states_expires_at_utc",
                table: "oauth_states",
                column: "expires_at_utc");

            migrationBuilder.CreateIndex(
                name: "IX_participations_challenge_id_member_id",
                table: "participations",
                columns: new[] { "challenge_id", "member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_participations_member_id",
                table: "participations",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_events_processed_at_utc_next_attempt_at_utc",
                table: "webhook_events",
                columns: new[] { "processed_at_utc", "next_attempt_at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activities");

            migrationBuilder.DropTable(
                name: "app_settings");

            migrationBuilder.DropTable(
                name: "joker_weeks");

            migrationBuilder.DropTable(
                name: "legacy_week_results");

            migrationBuilder.DropTable(
                name: "oauth_states");

            migrationBuilder.DropTable(
                name: "strava_sync_states");

            migrationBuilder.DropTable(
                name: "webhook_events");

            migrationBuilder.DropTable(
                name: "activity_kinds");

            migrationBuilder.DropTable(
                name: "participations");

            migrationBuilder.DropTable(
                name: "challenges");

            migrationBuilder.DropTable(
                name: "members");
        }
    }
}
