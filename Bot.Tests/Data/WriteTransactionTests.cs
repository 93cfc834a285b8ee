using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Bot.Tests.Data;

[Category(TestCategories.Integration)]
public sealed class WriteTransactionTests
{
    [Test]
    public async Task BeginTransactionAsync_BeforeAnyWrite_AlreadyHoldsTheWriteLock()
    {
        await using var database = await TempDatabase.CreateAsync();
        await using var context = await database.CreateContextAsync();

        // The repositories' transactions: if this were a deferred BEGIN, no lock would be held yet.
        await using var transaction = await context.Database.BeginTransactionAsync();

        await using var other = new SqliteConnection($"Data Source={database.Path};Pooling=False;Default Timeout=1");
        await other.OpenAsync();
        await using var command = other.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=0;";
        await command.ExecuteNonQueryAsync();
        command.CommandText = "BEGIN IMMEDIATE;";
        var exception = Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        Assert.That(exception.SqliteErrorCode, Is.EqualTo(5), "SQLITE_BUSY: another writer holds the lock");
    }

    [Test]
    public async Task DateTimeColumns_ReadBack_HaveKindUtc()
    {
        await using var database = await TempDatabase.CreateAsync();
        var member = await TestData.AddMemberAsync(database, "Anna");
        var syncState = new Bot.Data.Entities.StravaSyncState
        {
            MemberId = member.Id,
            LastSyncAtUtc = new DateTime(2024, 5, 1, 8, 0, 0, DateTimeKind.Utc),
        };
        await TestData.AddAsync(database, syncState);

        await using var context = await database.CreateContextAsync();
        var stored = await context.Members.AsNoTracking().SingleAsync();
        var storedSync = await context.StravaSyncStates.AsNoTracking().SingleAsync();

        Assert.That(stored.CreatedAtUtc.Kind, Is.EqualTo(DateTimeKind.Utc));
        Assert.That(stored.CreatedAtUtc, Is.EqualTo(TestData.Now));
        Assert.That(storedSync.LastSyncAtUtc!.Value.Kind, Is.EqualTo(DateTimeKind.Utc));
    }
}
