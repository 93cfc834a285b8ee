using Bot.Tests.Strava.Fakes;

namespace Bot.Tests.Strava;

/// <summary>The fake's browser step, which the end-to-end link test relies on.</summary>
[Category(TestCategories.Integration)]
public sealed class FakeStravaServerTests
{
    [Test]
    public async Task Authorize_ConsentingAthlete_RedirectsWithStateAndASingleUseCode()
    {
        await using var strava = await FakeStravaServer.StartAsync();
        strava.AddAthlete(900);
        strava.AuthorizingAthleteId = 900;
        strava.GrantedScope = "read";
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var response = await browser.GetAsync(
            $"{strava.OAuthBaseUrl}/authorize?client_id={FakeStravaServer.ClientId}&response_type=code&redirect_uri=http%3A%2F%2Fbot.test%2Fstrava%2Fcallback&scope=read%2Cactivity%3Aread_all&state=s%2B1");

        var location = response.Headers.Location!.ToString();
        var code = System.Web.HttpUtility.ParseQueryString(new Uri(location).Query)["code"];
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = FakeStravaServer.ClientId,
            ["client_secret"] = FakeStravaServer.ClientSecret,
            ["code"] = code!,
            ["grant_type"] = "authorization_code",
        });
        using var first = await browser.PostAsync($"{strava.OAuthBaseUrl}/token", form);
        using var second = await browser.PostAsync($"{strava.OAuthBaseUrl}/token", form);
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(302));
            Assert.That(location, Does.StartWith("http://bot.test/strava/callback?state=s%2B1&code="));
            Assert.That(location, Does.EndWith("&scope=read"));
            Assert.That((int)first.StatusCode, Is.EqualTo(200));
            Assert.That((int)second.StatusCode, Is.EqualTo(400), "a code works once");
        });
    }

    [Test]
    public async Task Authorize_Denied_RedirectsWithAccessDenied()
    {
        await using var strava = await FakeStravaServer.StartAsync();
        strava.DenyAuthorization = true;
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var response = await browser.GetAsync(
            $"{strava.OAuthBaseUrl}/authorize?client_id={FakeStravaServer.ClientId}&response_type=code&redirect_uri=http%3A%2F%2Fbot.test%2Fcb&scope=read&state=abc");

        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo("http://bot.test/cb?state=abc&error=access_denied"));
    }
}
