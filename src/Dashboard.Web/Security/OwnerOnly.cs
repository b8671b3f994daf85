namespace Dashboard.Web.Security;

/// <summary>
/// File modes of what the dashboard keeps at rest (database, key ring, its secret, certificates): folders 0700,
/// files 0600, so other accounts on the machine read none of it. No-ops on Windows, where ACLs apply.
/// </summary>
internal static class OwnerOnly
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, FolderMode);
        File.SetUnixFileMode(path, FolderMode);
    }

    public static void TightenFile(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            File.SetUnixFileMode(path, FileMode);
        }
    }

    /// <summary>Options to create a file readable by its owner only.</summary>
    public static FileStreamOptions NewFile(System.IO.FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }

    /// <summary>
    /// The data folder and everything in it owner-only: creates it so, and tightens what an older install (or a
    /// library that ignores the umask) left readable by others.
    /// </summary>
    public static void TightenTree(string folder)
    {
        CreateFolder(folder);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var sub in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(sub, FolderMode);
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(file, FileMode);
        }
    }
}
