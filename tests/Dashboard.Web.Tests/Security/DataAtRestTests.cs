using Dashboard.Web.Data;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Security;

/// <summary>Finding 6: the key-ring secret apart from the data, owner-only files and folders, second factors encrypted.</summary>
public sealed class DataAtRestTests
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    [Fact]
    public void OutsideDevelopmentASecretBesideTheDataIsRefusedWithWhatToDo()
    {
        var data = TempFolder();

        var none = Assert.Throws<InvalidOperationException>(() => KeyRingSecret.Resolve(null, null, data, development: false));
        var inside = Assert.Throws<InvalidOperationException>(() => KeyRingSecret.Resolve(null, Path.Combine(data, "keyring.secret"), data, development: false));

        Assert.Contains("Dashboard__KeyRingSecret", none.Message);
        Assert.Contains("Dashboard:KeyRingSecretPath", none.Message);
        Assert.Contains("inside the data folder", inside.Message);
        Assert.False(File.Exists(Path.Combine(data, "keyring.secret")));
    }

    [Fact]
    public void ASeparateSecretFileIsCreatedOwnerOnlyAndReadBackTheSame()
    {
        var data = TempFolder();
        var elsewhere = Path.Combine(TempFolder(), "secrets", "keyring.secret");

        var first = KeyRingSecret.Resolve(null, elsewhere, data, development: false);
        var again = KeyRingSecret.Resolve(null, elsewhere, data, development: false);

        Assert.Equal(first.Key, again.Key);
        Assert.Equal(32, first.Key.Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(OwnerFile, File.GetUnixFileMode(elsewhere));
            Assert.Equal(OwnerFolder, File.GetUnixFileMode(Path.GetDirectoryName(elsewhere)!));
        }
    }

    [Fact]
    public void ASecretFromTheEnvironmentMustBe32BytesOfBase64()
    {
        var data = TempFolder();
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

        Assert.Equal(key, KeyRingSecret.Resolve(Convert.ToBase64String(key), null, data, development: false).Key);
        Assert.Contains("not base64", Assert.Throws<InvalidOperationException>(() => KeyRingSecret.Resolve("not base64!", null, data, false)).Message);
        Assert.Contains("256-bit", Assert.Throws<InvalidOperationException>(() => KeyRingSecret.Resolve(Convert.ToBase64String(new byte[16]), null, data, false)).Message);
    }

    [Fact]
    public async Task AProductionHostWithoutASeparateSecretDoesNotStart()
    {
        await using var factory = new DashboardFactory(new Dictionary<string, string?> { ["Dashboard:KeyRingSecret"] = null });

        var refused = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Dashboard__KeyRingSecret", refused.ToString());
    }

    [Fact]
    public async Task EverythingInTheDataFolderIsOwnerOnlyIncludingWhatAnOlderInstallLeftOpen()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var data = Path.Combine(Path.GetTempPath(), "dashboard-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var leftOpen = Path.Combine(data, "notes.txt");
        await File.WriteAllTextAsync(leftOpen, "from an older install");
        File.SetUnixFileMode(leftOpen, OwnerFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await using var factory = new DashboardFactory(dataPath: data);
        var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("x", protector.Unprotect(protector.Protect("x")));
        await TestMembers.CreateAsync(factory.Services, "member@team.test", DashboardRoles.Viewer);

        Assert.Contains(Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories), f => f.EndsWith("dashboard.db", StringComparison.Ordinal));
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(data, "keys"), "*.xml"));
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(data));
        foreach (var folder in Directory.EnumerateDirectories(data, "*", SearchOption.AllDirectories))
        {
            Assert.True(File.GetUnixFileMode(folder) == OwnerFolder, $"{folder} is {File.GetUnixFileMode(folder)}");
        }

        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
        {
            Assert.True(File.GetUnixFileMode(file) == OwnerFile, $"{file} is {File.GetUnixFileMode(file)}");
        }
    }

    [Fact]
    public async Task AuthenticatorKeyAndRecoveryCodesAreNotStoredInPlainText()
    {
        await using var factory = new DashboardFactory();
        var id = await TestMembers.CreateAsync(factory.Services, "admin@team.test", DashboardRoles.Admin, twoFactor: true);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(id))!;
        var key = await users.GetAuthenticatorKeyAsync(user);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 3))!.ToList();

        var stored = await StoredValuesAsync(factory, id);

        Assert.False(string.IsNullOrEmpty(key));
        Assert.Equal(2, stored.Count);
        Assert.All(stored, v => Assert.DoesNotContain(key!, v, StringComparison.OrdinalIgnoreCase));
        Assert.All(stored, v => Assert.All(codes, c => Assert.DoesNotContain(c, v, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(key, await users.GetAuthenticatorKeyAsync(user));
        Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(user, codes[0])).Succeeded);
        Assert.Equal(2, await users.CountRecoveryCodesAsync(user));
    }

    [Fact]
    public async Task AKeyStoredInPlainTextByAnEarlierVersionIsEncryptedAndStillWorks()
    {
        await using var factory = new DashboardFactory();
        var id = await TestMembers.CreateAsync(factory.Services, "early@team.test", DashboardRoles.Trader);
        const string plainSeed = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync())
        {
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = plainSeed });
            await db.SaveChangesAsync();
            Assert.Equal(1, await StoredTokens.ProtectPlainRowsAsync(db, factory.Services.GetRequiredService<IDataProtectionProvider>(), CancellationToken.None));
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        Assert.DoesNotContain(plainSeed, Assert.Single(await StoredValuesAsync(factory, id)));
        Assert.Equal(plainSeed, await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(id))!));
    }

    private static async Task<List<string>> StoredValuesAsync(DashboardFactory factory, string userId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        return await db.UserTokens.Where(t => t.UserId == userId).Select(t => t.Value!).ToListAsync();
    }

    private static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "dashboard-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
