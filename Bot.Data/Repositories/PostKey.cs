using Bot.Data.Entities;

namespace Bot.Data.Repositories;

/// <summary>What makes a post unique: server, <see cref="PostKinds">kind</see>, week and subject (0 for the whole server).</summary>
public readonly record struct PostKey(long GuildId, string Kind, int SeasonYear, int Week, long DiscordUserId = 0);
