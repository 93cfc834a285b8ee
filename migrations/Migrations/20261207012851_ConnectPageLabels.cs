using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bot.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ConnectPageLabels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "force_approval",
                table: "oauth_states");

            migrationBuilder.DropColumn(
                name: "guild_name",
                table: "oauth_states");

            migrationBuilder.DropColumn(
                name: "user_label",
                table: "oauth_states");
        }
    }
}
