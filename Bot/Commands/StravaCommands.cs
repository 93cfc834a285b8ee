using Bot.Data.Entities;
using Bot.Data.Repositories;
using Bot.Discord.Commands;
using Bot.Discord.Rest;
using Bot.Scoring;
using Bot.Standings;
using Bot.Strava;
using Bot.Strava.Linking;

namespace Bot.Commands;

/// <summary>
/// Linking Strava: /strava_auth (alias /link) answers privately with a one-time link to our connect page (which
/// names the Discord account and server it was made for), /join puts an already linked member into this
/// server's challenge or changes whether they appear in channel reports, /unlink removes the link and every piece
/// of Strava data (the computed results of closed weeks stay in the ledger).
/// </summary>
internal sealed class StravaCommands(StravaAuthorizeLinks links, IStravaLinking linking, MemberRepository members, DiscordRestClient discord)
    : ApplicationCommandModule
{
    internal const string Consent =
        "This server's channel reports show only what the bot computes: your points, passed or failed, and amounts owed. "
        + "Never your activities' names, distances, durations or maps — those only you see, privately (`/me`).";

    private const string InServer = "guard.join_in_server";

    private const string Hidden = "the channel shows only how many members are hidden. Your own standing stays available to you in `/me`.";

    [SlashCommand("strava_auth", "Link your Strava account and join this server's challenge (only you see the link)")]
    [Ephemeral]
    [RequireGuild(RefusalKey = InServer)]
    public Task StravaAuthAsync(InteractionContext ctx) => SendLinkAsync(ctx);

    [SlashCommand("link", "Same as /strava_auth: link your Strava account (only you see the link)")]
    [Ephemeral]
    [RequireGuild(RefusalKey = InServer)]
    public Task LinkAsync(InteractionContext ctx) => SendLinkAsync(ctx);

    [SlashCommand("join", "Join this server's challenge with your already linked Strava account")]
    [Ephemeral]
    [RequireGuild]
    public async Task JoinAsync(
        InteractionContext ctx,
        [RequireLinked] MemberRow member,
        [RequireChallenge] ChallengeContext found,
        [Option("reports", "Appear in channel reports (points, pass/fail, amounts only); default yes; changes it when already in")] bool? reports = null)
    {
        var challenge = found.Challenge;
        if (await members.GetParticipationAsync(challenge.Id, member.Id, ctx.CancellationToken) is { } joined)
        {
            // Linking joins with consent (the connect page says so); this is the way out, and back in.
            var wanted = reports ?? joined.ConsentToReports;
            var changed = wanted != joined.ConsentToReports;
            if (changed)
            {
                await members.SetConsentAsync(joined.ParticipationId, wanted, ctx.CancellationToken);
            }

            var now = changed ? "now " : "";
            var how = wanted ? $"You {now}appear in channel reports. {Consent}" : $"You {now}stay out of channel reports: {Hidden}";
            await Replies.PrivateAsync(ctx, $"You are already in this server's season {challenge.SeasonYear}.\n{how}");
            return;
        }

        var jokers = RulesJson.Parse(challenge.RulesJson).Jokers;
        var consent = reports ?? true;
        await members.JoinAsync(challenge.Id, member.Id, jokers, consent, ctx.CancellationToken);
        var shown = consent ? Consent : $"You chose not to appear in channel reports: {Hidden}";
        var relink = member.LinkState == LinkState.NeedsRelink ? "\n⚠️ Strava needs you to authorize again before new activities count: run `/strava_auth`." : "";
        await Replies.PrivateAsync(ctx, $"✅ You joined season {challenge.SeasonYear} with {jokers} joker(s).\n{shown}{relink}");
    }

    [SlashCommand("unlink", "Remove your Strava link and delete your Strava data (your closed weeks stay in the ledger)")]
    [Ephemeral]
    [AllowDirectMessages]
    [RequireStrava]
    public async Task UnlinkAsync(InteractionContext ctx)
    {
        var outcome = await linking.UnlinkAsync((long)ctx.Invoker.Id, ctx.CancellationToken);
        await Replies.PrivateAsync(ctx, outcome == UnlinkOutcome.Unlinked
            ? "Your Strava link is removed: the bot's access on Strava is revoked, and your tokens, stored activities (with their titles and routes) and sync state are deleted. "
                + "Your computed results of closed weeks (points, passed or failed, amounts) stay in the ledger, so the pot still shows what you owed; the channel shows you as left. "
                + "Run `/strava_auth` to link again."
            : "You have no Strava link, so there was nothing to remove.");
    }

    private async Task SendLinkAsync(InteractionContext ctx)
    {
        // [RequireGuild] lets only a server's interactions in.
        var guild = ctx.GuildId.GetValueOrDefault();
        if (links.Unavailable is { } why)
        {
            await Replies.PrivateAsync(ctx, why);
            return;
        }

        // A relink shows Strava's consent page again, so scopes unticked last time can be granted.
        var earlier = await members.GetByDiscordUserIdAsync((long)ctx.Invoker.Id, ctx.CancellationToken);

        // The server's name is not in an interaction; without it the page says "this server".
        var server = await discord.GetGuildNameAsync(guild, ctx.CancellationToken);
        var labels = new LinkLabels(LinkLabels.AccountOf(ctx.Invoker), string.IsNullOrWhiteSpace(server) ? null : server);
        var url = await links.ConnectAsync((long)ctx.Invoker.Id, (long)guild, labels, force: earlier is { StravaAthleteId: not null }, ctx.CancellationToken);
        await Replies.PrivateAsync(ctx,
            $"Link your Strava account: {url}\nOpen it only yourself and share it with no one: it is made for {labels.AccountText} and links whoever continues on it to this Discord account. "
            + $"It works once and expires in 10 minutes. Leave \"View data about your activities\" ticked on Strava.\n{Consent}");
    }
}
