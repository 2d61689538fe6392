using System.Security.Cryptography;
using System.Text;

namespace CareFleet.Fleet.Robots;

/// <summary>Names and secrets of a robot on the broker.</summary>
public static class RobotIdentity
{
    /// <summary>
    /// The broker user name is "{manufacturer}/{serialNumber}", which is unique because VDA 5050 topics are.
    /// </summary>
    public static string UserName(string manufacturer, string serialNumber) => $"{manufacturer}/{serialNumber}";

    public static bool TryParseUserName(string? userName, out string manufacturer, out string serialNumber)
    {
        manufacturer = serialNumber = string.Empty;
        if (string.IsNullOrEmpty(userName))
        {
            return false;
        }

        var slash = userName.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == userName.Length - 1 || userName.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        manufacturer = userName[..slash];
        serialNumber = userName[(slash + 1)..];
        return true;
    }

    /// <summary>A new random broker secret: 32 bytes, base64url.</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Robot secrets are 256 random bits, so a plain SHA-256 is enough to store them (a slow KDF protects
    /// guessable human passwords, and would make every reconnect of a 60-robot fleet cost seconds).
    /// </summary>
    public static string HashSecret(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Verify(string secret, string hash)
    {
        var computed = Encoding.ASCII.GetBytes(HashSecret(secret));
        var stored = Encoding.ASCII.GetBytes(hash);
        return CryptographicOperations.FixedTimeEquals(computed, stored);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
