using Bot.Data.Entities;

namespace Bot.Data.Repositories;

/// <summary>What a state lookup found: the outcome, and the stored row when there is one (detached).</summary>
public sealed record OAuthStateCheck(OAuthStateConsumption Outcome, OAuthState? State);
