using System.Text;
using Bot.Strava.Linking;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Strava.Linking;

/// <summary>The pages around Strava's consent: a hostile name is text, never markup; no page runs script, is framed or cached.</summary>
[Category(TestCategories.Unit)]
public sealed class HtmlPageTests
{
    private const string Hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";

    private static async Task<(string Html, IHeaderDictionary Headers, int Status)> RenderAsync(IResult page)
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        using var body = new MemoryStream();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = body;
        await page.ExecuteAsync(context);
        return (Encoding.UTF8.GetString(body.ToArray()), context.Response.Headers, context.Response.StatusCode);
    }

    [Test]
    public async Task Render_ScriptInTheServerName_EncodedInTitleAndParagraphs()
    {
        var (html, _, status) = await RenderAsync(HtmlPage.Render(200, $"Connect Strava for @ada in {Hostile}", $"Made for the challenge in {Hostile}."));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(200));
            Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("<img"));
            Assert.That(html, Does.Contain("in &lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
            Assert.That(System.Net.WebUtility.HtmlDecode(html), Does.Contain($"Made for the challenge in {Hostile}."), "the name reads back as written");
        });
    }

    [Test]
    public async Task Render_LinkWithQuotesAndAmpersands_StaysOneHrefAttribute()
    {
        var (html, _, _) = await RenderAsync(HtmlPage.Render(200, "Connect", ("Connect with Strava", "https://strava.test/authorize?a=1&state=x\"onmouseover=\"alert(1)"), "text"));

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("href=\"https://strava.test/authorize?a=1&amp;state=x&quot;onmouseover=&quot;alert(1)\">Connect with Strava</a>"));
            Assert.That(html, Does.Not.Contain("\"onmouseover"));
        });
    }

    [Test]
    public async Task Render_AnyPage_NoScriptNoFramingNoCachingNoReferrer()
    {
        var (html, headers, _) = await RenderAsync(HtmlPage.Render(400, "Link not accepted", "why"));

        Assert.Multiple(() =>
        {
            Assert.That(headers.ContentType.ToString(), Is.EqualTo("text/html; charset=utf-8"));
            Assert.That(headers.ContentSecurityPolicy.ToString(), Does.Contain("default-src 'none'").And.Contain("frame-ancestors 'none'").And.Not.Contain("script-src"));
            Assert.That(headers.XFrameOptions.ToString(), Is.EqualTo("DENY"));
            Assert.That(headers.CacheControl.ToString(), Is.EqualTo("no-store"));
            Assert.That(headers["Referrer-Policy"].ToString(), Is.EqualTo("no-referrer"));
            Assert.That(html, Does.Not.Contain("<script"));
        });
    }
}
