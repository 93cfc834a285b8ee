using System.Collections.Concurrent;

namespace Bot.Tests.Strava.Fakes;

/// <summary>An athlete on the fake Strava with their activities.</summary>
internal sealed class FakeAthlete(long id, string firstName, string lastName)
{
    public long Id { get; } = id;

    public string FirstName { get; } = firstName;

    public string LastName { get; } = lastName;

    public ConcurrentDictionary<long, FakeActivity> Activities { get; } = new();

    public void Add(params FakeActivity[] activities)
    {
        foreach (var activity in activities)
        {
            Activities[activity.Id] = activity;
        }
    }
}
