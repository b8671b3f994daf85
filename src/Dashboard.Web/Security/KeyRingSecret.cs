using System.Security.Cryptography;

namespace Dashboard.Web.Security;

/// <summary>
/// The 256-bit key that encrypts the Data Protection key ring. Outside Development it must come from somewhere
/// other than the data folder (an environment variable or a separate file such as a mounted secret): a copy of
/// the data folder alone (a backup, a stolen volume) must not be enough to read the stored credentials.
/// </summary>
internal sealed class KeyRingSecret
{
    public const string ValueSetting = "Dashboard:KeyRingSecret";
    public const string PathSetting = "Dashboard:KeyRingSecretPath";

    private KeyRingSecret(byte[] key) => Key = key;

    public byte[] Key { get; }

    /// <summary>
    /// From <see cref="ValueSetting"/> (base64), else the file at <see cref="PathSetting"/> (created 0600 when
    /// missing), else in Development only a file beside the key ring. Throws with what to do when none fits.
    /// </summary>
    public static KeyRingSecret Resolve(string? base64, string? path, string dataPath, bool development)
    {
        if (!string.IsNullOrWhiteSpace(base64))
        {
            return new KeyRingSecret(Decode(base64, $"the setting {ValueSetting}"));
        }

        if (!string.IsNullOrWhiteSpace(path))
        {
            var full = Path.GetFullPath(path);
            if (!development && IsInside(full, dataPath))
            {
                throw new InvalidOperationException(
                    $"{PathSetting} ('{full}') is inside the data folder '{dataPath}'. Keep the key-ring secret elsewhere " +
                    "(for example /etc/kiwoom-dashboard/keyring.secret or a mounted secret), so that a copy of the data folder cannot read it.");
            }

            return LoadOrCreate(full);
        }

        if (development)
        {
            return LoadOrCreate(Path.Combine(dataPath, "keyring.secret"));
        }

        throw new InvalidOperationException(
            $"Outside Development the key-ring secret must not sit beside the key ring. Set {PathSetting} to a file outside '{dataPath}' " +
            "(created with mode 0600 on first start if missing), or set the environment variable Dashboard__KeyRingSecret to 32 random bytes " +
            "in base64 (`head -c 32 /dev/urandom | base64`). Keep it: without it the stored credentials cannot be read. See docs/security.md.");
    }

    public static KeyRingSecret LoadOrCreate(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            OwnerOnly.CreateFolder(folder);
        }

        if (File.Exists(path))
        {
            OwnerOnly.TightenFile(path);
            return new KeyRingSecret(Decode(File.ReadAllText(path), $"the file '{path}'"));
        }

        var key = RandomNumberGenerator.GetBytes(32);
        using (var stream = new FileStream(path, OwnerOnly.NewFile(FileMode.CreateNew)))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        return new KeyRingSecret(key);
    }

    private static byte[] Decode(string base64, string where)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The key-ring secret in {where} is not base64.");
        }

        return key.Length == 32 ? key : throw new InvalidOperationException($"The key-ring secret in {where} is not a 256-bit key (32 bytes in base64).");
    }

    private static bool IsInside(string path, string folder)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return path.StartsWith(root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}
