using Bot.Discord.Entities;
using Bot.Discord.Interactions;
using Bot.Discord.Rest;

namespace Bot.Discord.Commands;

/// <summary>
/// What a command handler sees of its interaction, and how it answers. Every answer goes through the
/// interaction's state machine: after a defer, "respond" edits the original message; nothing ever
/// sends a second initial response. Failures (10062, an expired token, a message over Discord's
/// limits) come back as <see cref="DiscordResult"/>, not as exceptions.
/// </summary>
public sealed class InteractionContext
{
    private readonly InteractionResponder _responder;

    internal InteractionContext(InteractionResponder responder, IServiceProvider services, CancellationToken cancellationToken)
    {
        _responder = responder;
        Services = services;
        CancellationToken = cancellationToken;
    }

    public ulong InteractionId => _responder.Interaction.Id;

    /// <summary>The full command name, e.g. "admin rules set".</summary>
    public string CommandName => _responder.Interaction.CommandPath;

    /// <summary>Who ran the command, in a guild or in a DM alike.</summary>
    public DiscordUser Invoker => _responder.Interaction.Invoker;

    /// <summary>DSharpPlus' name for <see cref="Invoker"/>.</summary>
    public DiscordUser User => Invoker;

    public ulong? GuildId => _responder.Interaction.GuildId;

    public ulong ChannelId => _responder.Interaction.ChannelId;

    /// <summary>The invoker's permissions in the channel; null in DMs.</summary>
    public Permissions? MemberPermissions => _responder.Interaction.MemberPermissions;

    /// <summary>The largest file an answer may carry: the interaction's <c>attachment_size_limit</c>, else Discord's default 25 MiB.</summary>
    public long AttachmentSizeLimit => _responder.Interaction.AttachmentSizeLimit ?? DiscordLimits.AttachmentBytes;

    /// <summary>The invoker's client language (<c>locale</c>, e.g. "de", "en-US"): answers to them speak it. Null when Discord did not say.</summary>
    public string? Locale => _responder.Interaction.Locale;

    /// <summary>The server's preferred language (<c>guild_locale</c>), for what others read; null in DMs.</summary>
    public string? GuildLocale => _responder.Interaction.GuildLocale;

    /// <summary>The interaction's DI scope.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Cancelled when the bot shuts down.</summary>
    public CancellationToken CancellationToken { get; }

    public InteractionResponseState ResponseState => _responder.State;

    public Task<DiscordResult> DeferAsync(bool ephemeral = false, CancellationToken cancellationToken = default) =>
        _responder.DeferAsync(ephemeral, Token(cancellationToken));

    public Task<DiscordResult> CreateResponseAsync(string content, bool ephemeral = false, CancellationToken cancellationToken = default) =>
        CreateResponseAsync(new DiscordInteractionResponseBuilder().WithContent(content).AsEphemeral(ephemeral), cancellationToken);

    public Task<DiscordResult> CreateResponseAsync(DiscordEmbed embed, bool ephemeral = false, CancellationToken cancellationToken = default) =>
        CreateResponseAsync(new DiscordInteractionResponseBuilder().AddEmbed(embed).AsEphemeral(ephemeral), cancellationToken);

    /// <summary>The initial response, or (after a defer) an edit of the original message.</summary>
    public Task<DiscordResult> CreateResponseAsync(DiscordInteractionResponseBuilder builder, CancellationToken cancellationToken = default) =>
        Problem(builder.Validate(), builder.Files) is { } problem ? InvalidAsync(problem) : _responder.RespondAsync(builder.ToPayload(builder.IsEphemeral), Token(cancellationToken));

    public Task<DiscordResult> EditResponseAsync(DiscordWebhookBuilder builder, CancellationToken cancellationToken = default) =>
        Problem(builder.Validate(), builder.Files) is { } problem ? InvalidAsync(problem) : _responder.EditOriginalAsync(builder.ToPayload(ephemeral: false), Token(cancellationToken));

    public Task<DiscordResult> FollowUpAsync(DiscordFollowupMessageBuilder builder, CancellationToken cancellationToken = default) =>
        Problem(builder.Validate(), builder.Files) is { } problem ? InvalidAsync(problem) : _responder.FollowupAsync(builder.ToPayload(builder.IsEphemeral), Token(cancellationToken));

    /// <summary>
    /// Long output as pages: the first page answers (or edits the deferred message), the rest follow
    /// up, one embed each, so nothing is cut off and nothing exceeds Discord's limits.
    /// </summary>
    public async Task<DiscordResult> RespondPagedAsync(string title, string text, int? color = null, bool ephemeral = false, CancellationToken cancellationToken = default)
    {
        var pages = DiscordPages.ToEmbeds(title, text, color);
        var result = await CreateResponseAsync(new DiscordInteractionResponseBuilder().AddEmbed(pages[0]).AsEphemeral(ephemeral), cancellationToken).ConfigureAwait(false);
        foreach (var page in pages.Skip(1))
        {
            if (!result.IsSuccess)
            {
                break;
            }

            result = await FollowUpAsync(new DiscordFollowupMessageBuilder().AddEmbed(page).AsEphemeral(ephemeral), cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    // Files go as multipart on the webhook edit and followup; the initial callback here is JSON only,
    // so a file before any acknowledgement would be dropped silently. Refused instead: defer first.
    private string? Problem(string? invalid, IReadOnlyList<DiscordAttachment> files)
    {
        if (invalid is not null || files.Count == 0)
        {
            return invalid;
        }

        if (ResponseState == InteractionResponseState.Unacknowledged)
        {
            return "files can be sent only after the interaction is deferred (edit the response or follow up)";
        }

        var limit = AttachmentSizeLimit;
        return files.FirstOrDefault(f => f.Content.Length > limit) is { } large
            ? $"{large.FileName} has {large.Content.Length} bytes; this interaction allows files up to {limit}"
            : null;
    }

    private CancellationToken Token(CancellationToken cancellationToken) => cancellationToken.CanBeCanceled ? cancellationToken : CancellationToken;

    private static Task<DiscordResult> InvalidAsync(string problem) =>
        Task.FromResult(DiscordResult.Local(DiscordResultKind.InvalidMessage, problem));
}
