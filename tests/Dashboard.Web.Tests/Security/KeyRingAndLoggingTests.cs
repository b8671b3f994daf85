using System.Text.RegularExpressions;
using Dashboard.Kiwoom;
using Dashboard.Web.Connections;
using Dashboard.Web.Data;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.Web.Tests.Security;

/// <summary>SEC-16 (key ring persisted and encrypted at rest) and SEC-17 (no secrets in logs).</summary>
public sealed class KeyRingAndLoggingTests : IAsyncLifetime
{
    private const string AppKey = "PSapp7Q2w9Zk4LmN8xV3TESTKEY";
    private const string SecretKey = "SECRET5t7Yh2Jk9Lp3Qw8TESTVALUE";
    private const string Account = "8123456711";

    private readonly DashboardFactory factory = new(tester: new FailingTester());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task KeyRingIsWrittenToTheDataFolderEncryptedAndWithoutWarnings()
    {
        var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("x", protector.Unprotect(protector.Protect("x")));

        var keys = Directory.GetFiles(Path.Combine(factory.DataPath, "keys"), "key-*.xml");
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var xml = await File.ReadAllTextAsync(key);
            Assert.Contains("encryptedSecret", xml);
            Assert.DoesNotContain("<masterKey", xml);
        }

        Assert.DoesNotContain(factory.Logs.GetSnapshot(), r => r.Message.Contains("No XML encryptor configured", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.GetSnapshot(), r => r.Message.Contains("unencrypted", StringComparison.OrdinalIgnoreCase));

        Assert.False(File.Exists(Path.Combine(factory.DataPath, "keyring.secret")), "in Production the secret never sits beside the key ring");
    }

    [Fact]
    public async Task LogsNeverContainKeysSecretsTokensOrFullAccountNumbers()
    {
        var client = factory.CreateClient();
        await Browserless.RegisterAsync(client, "first@team.test", "tigerlilypad", setupCode: TestMembers.SetupCode(factory));
        await Browserless.LoginAsync(factory.CreateClient(), "first@team.test", "not the password");
        var userId = await TestMembers.CreateAsync(factory.Services, "trader@team.test", DashboardRoles.Trader);
        var member = await TestMembers.PrincipalAsync(factory.Services, userId);
        var saved = await factory.Services.GetRequiredService<ConnectionService>()
            .AddAsync(member, new ConnectionInput { Label = "Live", Environment = KiwoomEnvironment.Production, AppKey = AppKey, SecretKey = SecretKey });
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<ConnectionTestService>().TestAsync(member, saved.Id!.Value);
            Assert.Equal(ConnectionTestStatus.Succeeded, outcome.Status);
            Assert.DoesNotContain(Account, outcome.ToString());
        }

        var records = factory.Logs.GetSnapshot();
        Assert.NotEmpty(records);
        var secrets = new Regex($"{AppKey}|{SecretKey}|{FailingTester.Token}|{Account}|tigerlilypad");
        foreach (var record in records)
        {
            var text = record.Message + " " + record.Exception + " " + string.Join(" ", record.StructuredState?.Select(p => p.Value) ?? []);
            Assert.False(secrets.IsMatch(text), $"Secret in log: {record.Category} {record.Message}");
        }
    }

    /// <summary>Stands in for the REST client: "issues" a token and reads an account number, both of which must stay out of logs.</summary>
    private sealed class FailingTester : IConnectionTester
    {
        public const string Token = "TOKENabc123def456ghi789";

        public Task<ConnectionTestOutcome> TestAsync(KiwoomCredential credential, CancellationToken ct = default) =>
            Task.FromResult(new ConnectionTestOutcome(ConnectionTestStatus.Succeeded, DateTimeOffset.UtcNow.AddHours(23), Account));
    }
}
