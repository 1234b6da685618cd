namespace PowerService.Tests.Support;

/// <summary>Files for a person to look at (screenshots, rendered documents): artifacts/ at the repository root, not committed.</summary>
public static class Artifacts
{
    public static string PathFor(string folder, string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PowerService.sln"))) dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", folder);
        Directory.CreateDirectory(path);
        return Path.Combine(path, name);
    }
}
