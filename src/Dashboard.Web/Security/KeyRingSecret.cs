using System.Security.Cryptography;

namespace Dashboard.Web.Security;

/// <summary>
/// The 256-bit key that encrypts the Data Protection key ring, kept in a file readable only by the
/// service account (mode 0600). Created on first start.
/// </summary>
internal sealed class KeyRingSecret
{
    private KeyRingSecret(byte[] key) => Key = key;

    public byte[] Key { get; }

    public static KeyRingSecret LoadOrCreate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            var existing = Convert.FromBase64String(File.ReadAllText(path).Trim());
            if (existing.Length != 32)
            {
                throw new InvalidOperationException($"The key-ring secret at '{path}' is not a 256-bit key.");
            }

            return new KeyRingSecret(existing);
        }

        var key = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        return new KeyRingSecret(key);
    }
}
