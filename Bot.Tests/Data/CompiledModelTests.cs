using Bot.Data;
using Bot.Data.CompiledModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bot.Tests.Data;

/// <summary>
/// The bot runs on the compiled model in Bot.Data/CompiledModel (building the model at start cost resident memory:
/// README, Performance). It must say what the configurations say; after a model change (a new migration), regenerate
/// it: the command is in <see cref="Regenerate"/> and the README (Layout).
/// </summary>
[Category(TestCategories.Unit)]
public sealed class CompiledModelTests
{
    private const string Regenerate =
        "dotnet ef dbcontext optimize -p migrations -s migrations -o ../Bot.Data/CompiledModel -n Bot.Data.CompiledModel, " +
        "then delete Bot.Data/CompiledModel/ChallengeDbContextAssemblyAttributes.cs";

    [Test]
    public void CompiledModel_SameMappingAsTheConfigurations()
    {
        using var compiled = new ChallengeDbContext(Options(useCompiledModel: true));
        using var configured = new ChallengeDbContext(Options(useCompiledModel: false));

        var stale = Mapping(configured.Model).Except(Mapping(compiled.Model)).Concat(Mapping(compiled.Model).Except(Mapping(configured.Model)));

        Assert.That(stale, Is.Empty, "Bot.Data/CompiledModel is stale: " + Regenerate);
    }

    [Test]
    public void BotData_DoesNotPickTheCompiledModelByItself()
    {
        // The generator also writes ChallengeDbContextAssemblyAttributes.cs; with it EF would use the compiled model
        // everywhere, and the test above would compare the compiled model with itself.
        var attributes = typeof(ChallengeDbContext).Assembly.GetCustomAttributes(typeof(DbContextModelAttribute), inherit: false);

        Assert.That(attributes, Is.Empty, "delete Bot.Data/CompiledModel/ChallengeDbContextAssemblyAttributes.cs");
    }

    /// <summary>One line per mapped property, table, key, index and foreign key: what reads and writes depend on.</summary>
    private static string[] Mapping(IModel model) =>
    [
        .. model.GetEntityTypes().SelectMany(entity => entity.GetProperties().Select(property =>
            $"{entity.ClrType.Name}.{property.Name} {property.ClrType.Name} -> {entity.GetTableName()}.{property.GetColumnName()} " +
            $"{(property.GetTypeMapping() as RelationalTypeMapping)?.StoreType} null={property.IsNullable} converter={property.GetTypeMapping().Converter?.GetType().Name} " +
            $"generated={property.ValueGenerated} concurrency={property.IsConcurrencyToken}")),
        .. model.GetRelationalModel().Tables.SelectMany(table => new[]
            {
                $"table {table.Name} key {table.PrimaryKey?.Name}({string.Join(",", table.PrimaryKey?.Columns.Select(c => c.Name) ?? [])})",
            }
            .Concat(table.Indexes.Select(index => $"index {table.Name}.{index.Name} unique={index.IsUnique} ({string.Join(",", index.Columns.Select(c => c.Name))}) filter={index.Filter}"))
            .Concat(table.ForeignKeyConstraints.Select(fk =>
                $"fk {table.Name}.{fk.Name} ({string.Join(",", fk.Columns.Select(c => c.Name))}) -> {fk.PrincipalTable.Name} {fk.OnDeleteAction}"))),
    ];

    private static DbContextOptions<ChallengeDbContext> Options(bool useCompiledModel)
    {
        var options = new DbContextOptionsBuilder<ChallengeDbContext>();
        if (useCompiledModel)
        {
            options.UseModel(ChallengeDbContextModel.Instance);
        }

        return options.UseSqlite("Data Source=:memory:").Options;
    }
}
