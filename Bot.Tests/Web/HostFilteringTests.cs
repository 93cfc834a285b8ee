using System.Net;
using Bot.Tests.Support;
using Bot.Web;

namespace Bot.Tests.Web;

/// <summary>With PUBLIC_BASE_URL set, the listener serves only its host name and the loopback names (AllowedHosts).</summary>
[Category(TestCategories.Integration)]
public sealed class HostFilteringTests
{
    private InProcessBot _web = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _web = await InProcessBot.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _web.DisposeAsync();

    [TestCase("evil.example", HttpStatusCode.BadRequest)]
    [TestCase("bot.example.test.evil.example", HttpStatusCode.BadRequest)]
    [TestCase("bot.example.test", HttpStatusCode.OK)]
    [TestCase("bot.example.test:443", HttpStatusCode.OK)]
    [TestCase("localhost:8080", HttpStatusCode.OK)]
    public async Task Request_HostHeader_ServedOnlyForThePublicHostAndLoopbackNames(string host, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/seasons", UriKind.Relative));
        request.Headers.Host = host;

        using var response = await _web.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }

    [Test]
    public void AllowedHosts_PublicBaseUrl_ItsHostTheLoopbackNamesAndTheSpecificListenHosts()
    {
        Assert.Multiple(() =>
        {
            Assert.That(WebServiceCollectionExtensions.AllowedHosts("https://bot.example.org:8443/base", "http://127.0.0.1:8080"),
                Is.EqualTo(new[] { "bot.example.org", "localhost", "127.0.0.1", "[::1]" }));
            Assert.That(WebServiceCollectionExtensions.AllowedHosts("http://[2001:db8::1]:8080", "http://10.0.0.5:8080;http://0.0.0.0:9090;http://[::]:9091"),
                Is.EqualTo(new[] { "[2001:db8::1]", "localhost", "127.0.0.1", "[::1]", "10.0.0.5" }), "the any-addresses name no host");
            Assert.That(WebServiceCollectionExtensions.AllowedHosts("https://BÜCHER.example", null), Is.EqualTo(new[] { "xn--bcher-kva.example", "localhost", "127.0.0.1", "[::1]" }));
            Assert.That(WebServiceCollectionExtensions.AllowedHosts(null, "http://10.0.0.5:8080"), Is.Null, "no public address: every host, as before");
        });
    }
}
