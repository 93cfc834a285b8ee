namespace Bot.Hosting;

/// <summary>What <c>/healthz</c> tells a caller outside the management surface: "healthy" or "unhealthy", nothing more.</summary>
internal sealed record HealthStatus(string Status);
