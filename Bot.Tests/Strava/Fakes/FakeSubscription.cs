namespace Bot.Tests.Strava.Fakes;

internal sealed record FakeSubscription(long Id, string CallbackUrl);
