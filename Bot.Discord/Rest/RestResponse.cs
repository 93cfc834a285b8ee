using System.Text.Json;

namespace Bot.Discord.Rest;

/// <summary>A result and, on success, the response body (an owned copy) when there was one.</summary>
internal sealed record RestResponse(DiscordResult Result, JsonElement? Body = null);
