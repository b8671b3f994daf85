using Dashboard.Kiwoom.Generator;

// Usage: dotnet run --project src/Dashboard.Kiwoom.Generator [-- --repo <root>]
// Without --repo the root is the first folder above the working directory holding Dashboard.sln.
var root = args.Length == 2 && args[0] == "--repo" ? Path.GetFullPath(args[1]) : FindRoot(Directory.GetCurrentDirectory());
if (args.Length != 0 && args.Length != 2 || args.Length == 2 && args[0] != "--repo")
{
    Console.Error.WriteLine("usage: Dashboard.Kiwoom.Generator [--repo <repository root>]");
    return 2;
}

if (root is null || !File.Exists(Path.Combine(root, "Dashboard.sln")))
{
    Console.Error.WriteLine("Dashboard.sln not found; pass --repo <repository root>.");
    return 2;
}

foreach (var file in KiwoomCodeGenerator.Write(root))
{
    Console.WriteLine(Path.Combine(KiwoomCodeGenerator.OutputFolder, file));
}

return 0;

static string? FindRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
        {
            return dir.FullName;
        }
    }

    return null;
}
