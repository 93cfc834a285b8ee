namespace Bot.Web;

internal sealed record ApiWeek(int Week, long Points, string Status, decimal Amount);
