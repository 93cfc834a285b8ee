using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Bot.Tests.Data;

[Category(TestCategories.Integration)]
public sealed class SqlitePragmaInterceptorTests
{
    [Test]
    public async Task ConnectionOpened_FromTheFactory_HasWalForeignKeysAndBusyTimeout()
    {
        await using var database = await TempDatabase.CreateAsync();
        await using var context = await database.CreateContextAsync();

        await context.Database.OpenConnectionAsync();
        var connection = context.Database.GetDbConnection();

        Assert.That(await PragmaAsync(connection, "journal_mode"), Is.EqualTo("wal"));
        Assert.That(await PragmaAsync(connection, "foreign_keys"), Is.EqualTo("1"));
        Assert.That(long.Parse(await PragmaAsync(connection, "busy_timeout"), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0));
    }

    [Test]
    public async Task ConnectionOpened_Synchronously_AlsoSetsForeignKeys()
    {
        await using var database = await TempDatabase.CreateAsync();
        await using var context = await database.CreateContextAsync();

        context.Database.OpenConnection();

        Assert.That(await PragmaAsync(context.Database.GetDbConnection(), "foreign_keys"), Is.EqualTo("1"));
    }

    private static async Task<string> PragmaAsync(DbConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
