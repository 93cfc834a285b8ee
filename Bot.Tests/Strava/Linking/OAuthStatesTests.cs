using Bot.Data.Entities;
using Bot.Data.Repositories;
using Bot.Strava.Linking;
using Bot.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Strava.Linking;

/// <summary>The OAuth state and its signing key on a real SQLite file: generated once and kept, or taken from STATE_SIGNING_KEY.</summary>
[Category(TestCategories.Integration)]
public sealed class OAuthStatesTests
{
    private TempDatabase _database = null!;
    private FakeTimeProvider _time = null!;

    [SetUp]
    public async Task SetUp()
    {
        _database = await TempDatabase.CreateAsync();
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
    }

    [TearDown]
    public async Task TearDown() => await _database.DisposeAsync();

    private OAuthStates States(string? configuredKey = null) => new(
        new StateSigningKey(Options.Create(new WebOptions { StateSigningKey = configuredKey }), _database.Get<AppSettingRepository>()),
        _database.Get<OAuthStateRepository>(),
        _time);

    [Test]
    public async Task Redeem_AfterRestartWithGeneratedKey_StateStillAccepted()
    {
        var state = await States().IssueAsync(301, 42, LinkLabels.Unknown, forceApproval: false, CancellationToken.None);

        // A new instance is what a restarted process has: the key must come back from the database.
        var check = await States().RedeemAsync(state, CancellationToken.None);

        await using var context = await _database.CreateContextAsync();
        var stored = await context.AppSettings.SingleAsync(s => s.Key == StateSigningKey.SettingKey);
        Assert.Multiple(() =>
        {
            Assert.That((check.Problem, check.DiscordUserId, check.GuildId), Is.EqualTo(((StateProblem?)null, 301L, 42L)));
            Assert.That(Convert.FromBase64String(stored.Value), Has.Length.EqualTo(32));
        });
    }

    [Test]
    public async Task Redeem_ConfiguredKey_UsedInsteadOfAStoredOneAndOtherKeysAreForgeries()
    {
        var configured = States(new string('k', 40));
        var state = await configured.IssueAsync(301, 42, LinkLabels.Unknown, forceApproval: false, CancellationToken.None);

        var withOtherKey = await States(new string('x', 40)).RedeemAsync(state, CancellationToken.None);
        var withSameKey = await States(new string('k', 40)).RedeemAsync(state, CancellationToken.None);

        await using var context = await _database.CreateContextAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(withOtherKey.Problem, Is.EqualTo(StateProblem.Forged));
            Assert.That(withSameKey.IsValid, Is.True);
            Assert.That(await context.AppSettings.CountAsync(), Is.Zero, "no key generated when one is configured");
        });
    }

    [Test]
    public async Task Redeem_Twice_SecondIsReplayed()
    {
        var states = States();
        var state = await states.IssueAsync(301, 42, LinkLabels.Unknown, forceApproval: false, CancellationToken.None);

        var first = await states.RedeemAsync(state, CancellationToken.None);
        var second = await states.RedeemAsync(state, CancellationToken.None);

        Assert.That((first.IsValid, second.Problem), Is.EqualTo((true, (StateProblem?)StateProblem.Replayed)));
    }

    [Test]
    public async Task Peek_Twice_LeavesTheStateForTheCallbackWithItsLabels()
    {
        var states = States();
        var state = await states.IssueAsync(301, 42, new LinkLabels("Ada (@ada)", "Runners"), forceApproval: true, CancellationToken.None);

        var first = await states.PeekAsync(state, CancellationToken.None);
        var second = await states.PeekAsync(state, CancellationToken.None);
        var redeemed = await states.RedeemAsync(state, CancellationToken.None);
        var afterwards = await states.PeekAsync(state, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((first.Problem, first.DiscordUserId, first.GuildId, first.Labels, first.ForceApproval),
                Is.EqualTo(((StateProblem?)null, 301L, 42L, new LinkLabels("Ada (@ada)", "Runners"), true)));
            Assert.That(second.IsValid, Is.True, "a second look does not spend it");
            Assert.That((redeemed.IsValid, redeemed.Labels.Account), Is.EqualTo((true, "Ada (@ada)")), "the callback still redeems it");
            Assert.That(afterwards.Problem, Is.EqualTo(StateProblem.Replayed), "a used state is refused on the page too");
        });
    }

    [Test]
    public async Task Peek_Expired_RefusedAsExpired()
    {
        var states = States();
        var state = await states.IssueAsync(301, 42, LinkLabels.Unknown, forceApproval: false, CancellationToken.None);
        _time.Advance(OAuthStates.Lifetime);

        var check = await states.PeekAsync(state, CancellationToken.None);

        Assert.That(check.Problem, Is.EqualTo(StateProblem.Expired));
    }

    [Test]
    public async Task Issue_LabelsLongerThanTheColumn_StoredCutToTheBoundOnACharacterBoundary()
    {
        var states = States();
        var server = new string('s', OAuthState.LabelMaxLength - 1) + "😀 and more";
        var state = await states.IssueAsync(301, 42, new LinkLabels(new string('a', 300), server), forceApproval: false, CancellationToken.None);

        var check = await states.PeekAsync(state, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(check.Labels.Account, Is.EqualTo(new string('a', OAuthState.LabelMaxLength)));
            Assert.That(check.Labels.Server, Is.EqualTo(new string('s', OAuthState.LabelMaxLength - 1)), "never half an emoji");
        });
    }

    [Test]
    public async Task Issue_LaterState_RemovesExpiredRows()
    {
        var states = States();
        await states.IssueAsync(301, 42, LinkLabels.Unknown, forceApproval: false, CancellationToken.None);
        _time.Advance(OAuthStates.Lifetime + TimeSpan.FromSeconds(1));

        await states.IssueAsync(302, 42, LinkLabels.Unknown, forceApproval: false, CancellationToken.None);

        await using var context = await _database.CreateContextAsync();
        Assert.That(await context.OAuthStates.Select(s => s.DiscordUserId).ToListAsync(), Is.EqualTo(new[] { 302L }));
    }
}
