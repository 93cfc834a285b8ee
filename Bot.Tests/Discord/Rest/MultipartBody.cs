using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Bot.Tests.Discord.Rest;

/// <summary>A <c>multipart/form-data</c> body as a server reads it: its parts by name, with file names and bytes.</summary>
internal sealed record MultipartBody(IReadOnlyList<MultipartBody.Part> Parts)
{
    public Part this[string name] => Parts.Single(p => p.Name == name);

    public static async Task<MultipartBody> ParseAsync(string? contentType, byte[] body)
    {
        var type = MediaTypeHeaderValue.Parse(contentType ?? throw new ArgumentException("no Content-Type", nameof(contentType)));
        if (type.MediaType != "multipart/form-data")
        {
            throw new ArgumentException($"Content-Type is {type.MediaType}, not multipart/form-data", nameof(contentType));
        }

        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(type.Boundary).Value!, new MemoryStream(body));
        var parts = new List<Part>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var data = new MemoryStream();
            await section.Body.CopyToAsync(data);
            parts.Add(new Part(
                HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "",
                HeaderUtilities.RemoveQuotes(disposition.FileName).Value,
                section.ContentType,
                data.ToArray()));
        }

        return new MultipartBody(parts);
    }

    public sealed record Part(string Name, string? FileName, string? ContentType, byte[] Data)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Data);
    }
}
