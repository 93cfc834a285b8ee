using Bot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bot.Tests.Data;

[Category(TestCategories.Integration)]
public sealed class DatabaseMigratorTests
{
    [Test]
    public async Task MigrateAsync_EmptyFile_AppliesAllMigrations()
    {
        await using var database = await TempDatabase.CreateAsync(migrate: false);
        await File.WriteAllBytesAsync(database.Path, []);

        await database.Get<DatabaseMigrator>().MigrateAsync();

        await using var context = await database.CreateContextAsync();
        var pending = await context.Database.GetPendingMigrationsAsync();
        var applied = await context.Database.GetAppliedMigrationsAsync();
        Assert.That(pending, Is.Empty);
        Assert.That(applied, Is.Not.Empty);
        Assert.That(await context.Challenges.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task MigrateAsync_SecondRun_ChangesNothing()
    {
        await using var database = await TempDatabase.CreateAsync();
        var migrator = database.Get<DatabaseMigrator>();

        await migrator.MigrateAsync();

        await using var context = await database.CreateContextAsync();
        Assert.That(await context.Database.GetPendingMigrationsAsync(), Is.Empty);
    }

    [Test]
    public async Task MigrateAsync_DatabaseOneMigrationBehind_AppliesTheLastOne()
    {
        await using var database = await TempDatabase.CreateAsync(migrate: false);
        string last;
        await using (var older = await database.CreateContextAsync())
        {
            var all = older.Database.GetMigrations().ToArray();
            last = all[^1];
            await older.GetService<IMigrator>().MigrateAsync(all[^2]);
        }

        await database.Get<DatabaseMigrator>().MigrateAsync();

        await using var context = await database.CreateContextAsync();
        Assert.That(await context.Database.GetPendingMigrationsAsync(), Is.Empty);
        Assert.That(await context.Database.GetAppliedMigrationsAsync(), Does.Contain(last));
    }

    [Test]
    public async Task MigrateAsync_TextFile_ThrowsOneLineDataStoreExceptionAndLeavesFileUnchanged()
    {
        await using var database = await TempDatabase.CreateAsync(migrate: false);
        var bytes = "this is not a database\nbut a text file with some lines\n"u8.ToArray();
        await File.WriteAllBytesAsync(database.Path, bytes);

        var exception = Assert.ThrowsAsync<DataStoreException>(() => database.Get<DatabaseMigrator>().MigrateAsync());

        Assert.That(exception.Message, Is.EqualTo($"'{database.Path}' is not a SQLite database"));
        Assert.That(exception.Message, Does.Not.Contain('\n'));
        Assert.That(await File.ReadAllBytesAsync(database.Path), Is.EqualTo(bytes));
        Assert.That(Directory.GetFiles(database.Directory), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task OpenConnection_TextFileBehindTheMigratorsBack_ThrowsDataStoreException()
    {
        await using var database = await TempDatabase.CreateAsync(migrate: false);
        var bytes = new byte[4096];
        Array.Fill(bytes, (byte)'x');
        await File.WriteAllBytesAsync(database.Path, bytes);

        await using var context = await database.CreateContextAsync();
        var exception = Assert.ThrowsAsync<DataStoreException>(() => context.Database.OpenConnectionAsync());

        Assert.That(exception.Message, Is.EqualTo($"'{database.Path}' is not a SQLite database"));
        Assert.That(await File.ReadAllBytesAsync(database.Path), Is.EqualTo(bytes));
    }
}
