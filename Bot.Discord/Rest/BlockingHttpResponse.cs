using System.Net;

namespace Bot.Discord.Rest;

/// <summary>A response read by <see cref="BlockingHttpConnection"/>.</summary>
internal sealed record BlockingHttpResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Content)
{
    public HttpResponseMessage ToMessage()
    {
        var message = new HttpResponseMessage((HttpStatusCode)Status) { Content = new ByteArrayContent(Content) };
        foreach (var (name, value) in Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }
}
