using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Dashboard.Kiwoom.Simulator.Accounts;

/// <summary>Accounts by app key; a key gets its account on its first token.</summary>
public sealed class AccountBook(IOptions<SimulatorOptions> options)
{
    private readonly ConcurrentDictionary<string, Account> _byKey = new(StringComparer.Ordinal);

    public IReadOnlyCollection<Account> All => _byKey.Values.ToArray();

    public int Limit => options.Value.MaxAccounts;

    private readonly object _opening = new();

    public Account For(string appKey) => _byKey.GetOrAdd(appKey, Create);

    /// <summary>The key's account, opened now if it has none and the cap (<see cref="SimulatorOptions.MaxAccounts"/>) allows.</summary>
    public bool TryOpen(string appKey, out Account account)
    {
        if (_byKey.TryGetValue(appKey, out account!))
        {
            return true;
        }

        // Counting and adding under one lock, so two new keys racing cannot both take the last place.
        lock (_opening)
        {
            if (_byKey.TryGetValue(appKey, out account!))
            {
                return true;
            }

            if (_byKey.Count >= options.Value.MaxAccounts)
            {
                return false;
            }

            account = For(appKey);
            return true;
        }
    }

    public Account? Find(string appKey) => _byKey.GetValueOrDefault(appKey);

    private Account Create(string appKey)
    {
        var configured = options.Value.Keys.FirstOrDefault(k => k.AppKey == appKey)?.Account;
        var number = string.IsNullOrEmpty(configured) ? NumberFor(appKey) : configured;
        return new Account(number, appKey, options.Value.InitialDeposit) { Conditions = DefaultConditions() };
    }

    // Stable per key so a member sees the same account number after a restart.
    private static string NumberFor(string appKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(appKey));
        var n = BitConverter.ToUInt64(hash, 0) % 1_000_000_000UL;
        return "5" + n.ToString("D9", CultureInfo.InvariantCulture);
    }

    private static SavedCondition[] DefaultConditions() =>
    [
        new("0", "급등주(+5% 이상)", ConditionRule.ChangeRateAbove, 5m),
        new("1", "급락주(-5% 이하)", ConditionRule.ChangeRateBelow, -5m),
        new("2", "거래량 상위(100만주 이상)", ConditionRule.VolumeAbove, 1_000_000m),
        new("3", "상한가 근접(+25% 이상)", ConditionRule.NearUpperLimit, 25m),
        new("4", "VI 발동 종목", ConditionRule.InVi, 0m),
    ];
}
