using Bot.Configuration;
using Bot.Discord.Commands;
using Bot.Discord.Entities;

namespace Bot.Commands;

/// <summary>
/// The invoker administers this server's challenge: Manage Server (or Administrator) here, or listed in
/// ADMIN_USER_IDS. Discord already hides /admin from others; this checks it again on every interaction.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequireAdminAttribute : InteractionCheckAttribute
{
    public override Task<string?> RefusalAsync(InteractionContext ctx) => Task.FromResult(
        ctx.GuildId is null ? GuardText.Of(ctx, "guard.guild_only")
        : IsAdmin(ctx, ctx.Services.GetRequiredService<ChallengeOptions>()) ? null
        : GuardText.Of(ctx, "guard.not_admin"));

    internal static bool IsAdmin(InteractionContext ctx, ChallengeOptions options) =>
        ctx.MemberPermissions is { } permissions && (permissions & (Permissions.ManageGuild | Permissions.Administrator)) != 0
        || options.IsAdminUser(ctx.Invoker.Id);
}
