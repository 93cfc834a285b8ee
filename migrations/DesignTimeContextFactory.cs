using Bot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Bot.Migrations;

/// <summary>Lets <c>dotnet ef</c> build the context without the Bot's host.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<ChallengeDbContext>
{
    public ChallengeDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ChallengeDbContext>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(DataServiceCollectionExtensions.MigrationsAssembly))
            .Options;
        return new ChallengeDbContext(options);
    }
}
