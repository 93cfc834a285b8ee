using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;
using Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Web;

/// <summary>
/// /api/*, /metrics and the detailed /healthz answer only loopback clients and MANAGEMENT_TOKEN holders. The outside
/// client is real: the bot listens on this machine's non-loopback IPv4 address too, and the test connects from that
/// address, so the bot sees a non-loopback peer.
/// </summary>
[Category(TestCategories.Integration)]
public sealed class ManagementAccessTests
{
    private const string Token = "management-token-for-tests-0123456789abcdef";
    private InProcessBot _host = null!;
    private HttpClient _outside = null!;
    private HttpClient _loopback = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (NonLoopbackIPv4() is not { } address)
        {
            Skip.Because("this machine has no non-loopback IPv4 address to make an outside client from");
            return;
        }

        _host = await InProcessBot.StartAsync(extra: new Dictionary<string, string?>
        {
            ["HTTP_URLS"] = $"http://{address}:0;http://127.0.0.1:0",
            ["MANAGEMENT_TOKEN"] = Token,
            ["METRICS_PROMETHEUS"] = "true",
        });
        var addresses = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        _outside = ClientFrom(address, addresses.Single(a => a.Host == address.ToString()));
        _loopback = ClientFrom(IPAddress.Loopback, addresses.Single(a => a.Host == "127.0.0.1"));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _outside?.Dispose();
        _loopback?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [TestCase("/api/seasons", null)]
    [TestCase("/api/standings?guild=4242", null)]
    [TestCase("/metrics", null)]
    [TestCase("/api/seasons", "Bearer wrong-token-of-the-same-kind-0123456789abcdef")]
    [TestCase("/metrics", "Bearer " + Token + "x")]
    [TestCase("/api/seasons", "Basic " + Token)]
    [TestCase("/api/seasons", "Bearer ")]
    public async Task ManagementRoute_FromOutsideWithoutTheToken_OneLine404AndNoData(string path, string? authorization)
    {
        var (status, body) = await GetAsync(_outside, path, authorization);

        Assert.That((status, body), Is.EqualTo((HttpStatusCode.NotFound, "not found\n")));
    }

    [TestCase("/api/seasons", HttpStatusCode.OK, "\"guilds\"")]
    [TestCase("/api/standings?guild=x", HttpStatusCode.BadRequest, "guild must be")]
    [TestCase("/metrics", HttpStatusCode.OK, "")]
    public async Task ManagementRoute_FromOutsideWithTheToken_Served(string path, HttpStatusCode expected, string mention)
    {
        var (status, body) = await GetAsync(_outside, path, "Bearer " + Token);

        Assert.That(status, Is.EqualTo(expected), body);
        Assert.That(body, Does.Contain(mention));
    }

    [TestCase("/api/seasons", HttpStatusCode.OK)]
    [TestCase("/api/standings?guild=x", HttpStatusCode.BadRequest)]
    [TestCase("/metrics", HttpStatusCode.OK)]
    public async Task ManagementRoute_FromLoopbackWithoutAToken_Served(string path, HttpStatusCode expected)
    {
        var (status, body) = await GetAsync(_loopback, path, null);

        Assert.That(status, Is.EqualTo(expected), body);
    }

    [TestCase("X-Forwarded-For", "203.0.113.9")]
    [TestCase("Forwarded", "for=203.0.113.9")]
    public async Task ManagementRoute_FromLoopbackRelayedByAProxy_OneLine404(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/seasons", UriKind.Relative));
        request.Headers.Add(header, value);

        using var response = await _loopback.SendAsync(request);

        Assert.That((response.StatusCode, await response.Content.ReadAsStringAsync()), Is.EqualTo((HttpStatusCode.NotFound, "not found\n")));
    }

    [TestCase(null)]
    [TestCase("Bearer wrong-token-of-the-same-kind-0123456789abcdef")]
    public async Task Healthz_FromOutsideWithoutTheToken_StatusOnly(string? authorization)
    {
        var (status, body) = await GetAsync(_outside, "/healthz", authorization);

        using var json = JsonDocument.Parse(body);
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        var value = json.RootElement.GetProperty("status").GetString();
        Assert.That(names, Is.EqualTo(new[] { "status" }), body);
        Assert.That((status, value), Is.EqualTo((HttpStatusCode.OK, "healthy")).Or.EqualTo((HttpStatusCode.ServiceUnavailable, "unhealthy")));
    }

    [Test]
    public async Task Healthz_FromOutsideWithTheTokenOrFromLoopback_Detailed()
    {
        var (_, withToken) = await GetAsync(_outside, "/healthz", "Bearer " + Token);
        var (_, local) = await GetAsync(_loopback, "/healthz", null);

        Assert.That(withToken, Does.Contain("\"database_reachable\"").And.Contain("\"webhook_events_pending\""));
        Assert.That(local, Does.Contain("\"database_reachable\"").And.Contain("\"discord_connected\""));
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>An HTTP client whose connections leave from <paramref name="source"/>.</summary>
    private static HttpClient ClientFrom(IPAddress source, Uri baseAddress)
    {
        var client = SourceAddressClient.Create(source);
        client.BaseAddress = baseAddress;
        return client;
    }

    private static IPAddress? NonLoopbackIPv4() => NetworkInterface.GetAllNetworkInterfaces()
        .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
        .SelectMany(n => n.GetIPProperties().UnicastAddresses)
        .Select(u => u.Address)
        .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}
