using System.Net;
using System.Text;

namespace Bot.Strava.Linking;

/// <summary>
/// The small pages the browser sees around Strava's consent screen. Every value is HTML-encoded; a link is
/// drawn as a button. The pages carry one-time states, so none is cached, framed or sent on as a referrer,
/// and none runs a script.
/// </summary>
internal static class HtmlPage
{
    private const string Policy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private const string ButtonStyle = "display:inline-block;padding:.6em 1.2em;background:#fc4c02;color:#fff;border-radius:4px;text-decoration:none;font-weight:bold";

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
            html.Append("<p><a style=\"").Append(ButtonStyle).Append("\" href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">")
                .Append(WebUtility.HtmlEncode(text)).Append("</a></p>");
        }

        html.Append("</body></html>");
        return new Page(html.ToString(), status);
    }

    private sealed class Page(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            headers.CacheControl = "no-store";
            headers.ContentSecurityPolicy = Policy;
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status).ExecuteAsync(httpContext);
        }
    }
}
