using System.Globalization;
using System.Net.Http.Headers;
using Bot.Discord.Entities;

namespace Bot.Discord.Rest;

/// <summary>
/// The <see cref="HttpRequestMessage"/> for one attempt of a REST call: the URL under the API base, the bot token on
/// bot routes (never on interaction and webhook routes), and the body as JSON or, with files, as multipart.
/// </summary>
internal sealed class RestRequestBuilder(DiscordClientOptions options)
{
    private readonly string _baseUrl = options.ApiBaseUrl.ToString().TrimEnd('/');

    public static string UserAgent(DiscordClientOptions options) =>
        string.Create(CultureInfo.InvariantCulture, $"DiscordBot ({options.UserAgentUrl}, {options.UserAgentVersion})");

    // Built afresh for every attempt: a sent HttpContent cannot be sent again after a 429.
    public HttpRequestMessage Build(RestRoute route, byte[]? body, IReadOnlyList<DiscordAttachment>? files)
    {
        var request = new HttpRequestMessage(route.Method, _baseUrl + route.Path);
        if (route.Kind == RestRouteKind.Bot)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Token);
        }

        if (files is { Count: > 0 })
        {
            request.Content = Multipart(body, files);
        }
        else if (body is not null)
        {
            request.Content = Json(body);
        }

        return request;
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static MultipartFormDataContent Multipart(byte[]? body, IReadOnlyList<DiscordAttachment> files)
    {
        var multipart = new MultipartFormDataContent();
        if (body is not null)
        {
            // Quoted as in Discord's examples; .NET would send the bare token.
            multipart.Add(Json(body), "\"payload_json\"");
        }

        for (var i = 0; i < files.Count; i++)
        {
            var file = new ByteArrayContent(files[i].Content);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(files[i].ContentType);
            multipart.Add(file, string.Create(CultureInfo.InvariantCulture, $"files[{i}]"), files[i].FileName);
        }

        return multipart;
    }
}
