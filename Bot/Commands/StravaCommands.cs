using Bot.Data.Entities;
using Bot.Data.Repositories;
using Bot.Discord.Commands;
using Bot.Discord.Rest;
using Bot.Scoring;
using Bot.Standings;
using Bot.Strava;
using Bot.Strava.Linking;
using Bot.Texts;

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
    private const string InServer = "guard.join_in_server";

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
        var language = Languages.FromLocale(ctx.Locale);
        var consentText = Catalog.Text(language, "strava.consent");
        var hidden = Catalog.Text(language, "strava.hidden");
        if (await members.GetParticipationAsync(challenge.Id, member.Id, ctx.CancellationToken) is { } joined)
        {
            // Linking joins with consent (the connect page says so); this is the way out, and back in.
            var wanted = reports ?? joined.ConsentToReports;
            var changed = wanted != joined.ConsentToReports;
            if (changed)
            {
                await members.SetConsentAsync(joined.ParticipationId, wanted, ctx.CancellationToken);
            }

            var how = (wanted, changed) switch
            {
                (true, false) => Catalog.Text(language, "strava.appear", consentText),
                (true, true) => Catalog.Text(language, "strava.appear_now", consentText),
                (false, false) => Catalog.Text(language, "strava.stay_out", hidden),
                (false, true) => Catalog.Text(language, "strava.stay_out_now", hidden),
            };
            await Replies.PrivateAsync(ctx, Catalog.Text(language, "strava.already_in", challenge.SeasonYear, how));
            return;
        }

        var jokers = RulesJson.Parse(challenge.RulesJson).Jokers;
        var consent = reports ?? true;
        await members.JoinAsync(challenge.Id, member.Id, jokers, consent, ctx.CancellationToken);
        var shown = consent ? consentText : Catalog.Text(language, "strava.chose_out", hidden);
        var relink = member.LinkState == LinkState.NeedsRelink ? Catalog.Text(language, "strava.relink") : "";
        await Replies.PrivateAsync(ctx, Catalog.Text(language, "strava.joined", challenge.SeasonYear, jokers, shown, relink));
    }

    [SlashCommand("unlink", "Remove your Strava link and delete your Strava data (your closed weeks stay in the ledger)")]
    [Ephemeral]
    [AllowDirectMessages]
    [RequireStrava]
    public async Task UnlinkAsync(InteractionContext ctx)
    {
        var outcome = await linking.UnlinkAsync((long)ctx.Invoker.Id, ctx.CancellationToken);
        await Replies.PrivateAsync(ctx, GuardText.Of(ctx, outcome == UnlinkOutcome.Unlinked ? "strava.unlinked" : "strava.nothing_to_unlink"));
    }

    private async Task SendLinkAsync(InteractionContext ctx)
    {
        // [RequireGuild] lets only a server's interactions in.
        var guild = ctx.GuildId.GetValueOrDefault();
        var language = Languages.FromLocale(ctx.Locale);
        if (links.Unavailable is not null)
        {
            await Replies.PrivateAsync(ctx, Catalog.Text(language, links.StravaEnabled ? "strava.no_base_url" : "guard.no_strava"));
            return;
        }

        // A relink shows Strava's consent page again, so scopes unticked last time can be granted.
        var earlier = await members.GetByDiscordUserIdAsync((long)ctx.Invoker.Id, ctx.CancellationToken);

        // The server's name is not in an interaction; without it the page says "this server".
        var server = await discord.GetGuildNameAsync(guild, ctx.CancellationToken);
        var labels = new LinkLabels(LinkLabels.AccountOf(ctx.Invoker), string.IsNullOrWhiteSpace(server) ? null : server);
        var url = await links.ConnectAsync((long)ctx.Invoker.Id, (long)guild, labels, force: earlier is { StravaAthleteId: not null }, ctx.CancellationToken);
        await Replies.PrivateAsync(ctx, Catalog.Text(language, "strava.link", url, labels.Account ?? Catalog.Text(language, "strava.this_account"), Catalog.Text(language, "strava.consent")));
    }
}
