using System.Net;
using System.Text.RegularExpressions;

namespace Bot.Tests.Support;

/// <summary>Reads the connect page as a browser would follow it.</summary>
internal static partial class ConnectPageHtml
{
    [GeneratedRegex("<a [^>]*href=\"([^\"]+)\"[^>]*>Connect with Strava</a>")]
    private static partial Regex Button();

    [GeneratedRegex(@"https?://\S+/strava/connect\?state=[^\s)>\]""]+")]
    private static partial Regex Link();

    /// <summary>The connect page link in a /strava_auth answer.</summary>
    public static Uri LinkIn(string answer)
    {
        var match = Link().Match(answer);
        Assert.That(match.Success, Is.True, "a connect page link in the answer: " + answer);
        return new Uri(match.Value);
    }

    /// <summary>Where the page's "Connect with Strava" button goes; null when it has none.</summary>
    public static Uri? ButtonTarget(string html) => Button().Match(html) is { Success: true } match ? new Uri(WebUtility.HtmlDecode(match.Groups[1].Value)) : null;
}
