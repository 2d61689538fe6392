namespace CareFleet.Dashboard;

/// <summary>Where a "go back to" parameter may send the browser: only a path on this site.</summary>
public static class LocalRedirects
{
    /// <summary>
    /// The path when it is local, else "/". "//host" and "/\host" are rejected: browsers read them as another
    /// site (and ASP.NET's LocalRedirect would throw on them).
    /// </summary>
    public static string OrHome(string? path) =>
        path is { Length: > 0 } && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\')) ? path : "/";
}
