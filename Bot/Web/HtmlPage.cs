using System.Net;
using System.Text;

namespace Bot.Web;

/// <summary>The small pages the browser sees after Strava's consent screen. Every value is HTML-encoded.</summary>
internal static class HtmlPage
{
    public static IResult Render(int status, string title, params string[] paragraphs) => Render(status, title, null, paragraphs);

    public static IResult Render(int status, string title, (string Text, string Url)? link, params string[] paragraphs)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        html.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append(" · ChallengeBot</title></head><body style=\"font-family:sans-serif;max-width:40em;margin:2em auto\">");
        html.Append("<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>");
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        }

        if (link is var (text, url))
        {
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(text)).Append("</a></p>");
        }

        html.Append("</body></html>");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
