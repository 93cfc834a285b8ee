using System.Globalization;
using Bot.Data;
using Bot.Data.Queries;
using Bot.Scoring;
using Dapper;
using Microsoft.EntityFrameworkCore;

namespace Bot.Benchmarks.Prototypes;

/// <summary>
/// Proposed shape of the /total read: the same three queries in one snapshot (activities with
/// <see cref="ProposedSeasonRead.Activities"/>'s ORDER BY), but each activity row goes straight into
/// its member's <see cref="ActivityInput"/> array — no <see cref="SeasonActivityRow"/> object per row,
/// no second pass to group them.
/// </summary>
internal sealed class FusedSeasonRead(IDbContextFactory<ChallengeDbContext> contextFactory)
{
    public async Task<SeasonInput> ReadInputAsync(
        long challengeId, int season, DateOnly asOf, Rules rules, DateTime fromLocalInclusive, DateTime toLocalExclusive,
        CancellationToken cancellationToken = default)
    {
        var snapshot = await ReadSnapshot.OpenAsync(contextFactory, cancellationToken);
        await using (snapshot)
        {
            var parameters = new { ChallengeId = challengeId, FromTicks = fromLocalInclusive.Ticks, ToTicks = toLocalExclusive.Ticks };
            var members = new List<(long ParticipationId, long MemberId, string Id, string Name)>();
            var reader = await snapshot.Connection.ExecuteReaderAsync(
                new CommandDefinition(SeasonSql.Members, parameters, snapshot.Transaction, cancellationToken: cancellationToken));
            await using (reader)
            {
                while (reader.Read())
                {
                    var id = reader.IsDBNull(2) ? string.Empty : reader.GetInt64(2).ToString(CultureInfo.InvariantCulture);
                    members.Add((reader.GetInt64(0), reader.GetInt64(1), id, $"{reader.GetString(3)} {reader.GetString(4)}"));
                }
            }

            var indexByMember = new Dictionary<long, int>(members.Count);
            var indexByParticipation = new Dictionary<long, int>(members.Count);
            for (var i = 0; i < members.Count; i++)
            {
                indexByMember.Add(members[i].MemberId, i);
                indexByParticipation.Add(members[i].ParticipationId, i);
            }

            var kinds = new ActivityKinds();
            var activities = new ActivityInput[members.Count][];
            reader = await snapshot.Connection.ExecuteReaderAsync(
                new CommandDefinition(ProposedSeasonRead.Activities, parameters, snapshot.Transaction, cancellationToken: cancellationToken));
            await using (reader)
            {
                var buffer = new List<ActivityInput>(capacity: 1024);
                var current = -1L;
                while (reader.Read())
                {
                    var memberId = reader.GetInt64(0);
                    if (memberId != current)
                    {
                        Flush(current);
                        current = memberId;
                    }

                    buffer.Add(new ActivityInput(
                        reader.GetInt64(1),
                        kinds.Intern(reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)),
                        reader.GetInt64(4),
                        Math.Max(0, reader.GetInt32(5)),
                        Math.Max(0, reader.GetInt32(6))));
                }

                Flush(current);

                void Flush(long memberId)
                {
                    if (buffer.Count > 0)
                    {
                        activities[indexByMember[memberId]] = [.. buffer];
                        buffer.Clear();
                    }
                }
            }

            var jokers = new List<int>?[members.Count];
            reader = await snapshot.Connection.ExecuteReaderAsync(
                new CommandDefinition(SeasonSql.Jokers, parameters, snapshot.Transaction, cancellationToken: cancellationToken));
            await using (reader)
            {
                while (reader.Read())
                {
                    (jokers[indexByParticipation[reader.GetInt64(0)]] ??= []).Add(reader.GetInt32(1));
                }
            }

            var inputs = new MemberInput[members.Count];
            for (var i = 0; i < inputs.Length; i++)
            {
                inputs[i] = new MemberInput(members[i].Id, members[i].Name, jokers[i] ?? [], activities[i] ?? []);
            }

            return new SeasonInput(season, asOf, rules, kinds, inputs);
        }
    }
}
