namespace Bot.Standings.Api;

internal sealed record ApiWeek(int Week, long Points, string Status, decimal Amount);
