using System.Security.Cryptography;
using System.Text;

namespace SchemaPlanner.Planning.Deploy;

/// <summary>
/// The checksum plan.json keeps for each step file (<c>sha256:&lt;hex&gt;</c> of the bytes written), so that
/// <c>apply</c> refuses a file edited after it was planned.
/// </summary>
public static class FileChecksum
{
    /// <summary>The checksum of <paramref name="text"/> as the plan writer writes it: UTF-8 without BOM, LF line ends.</summary>
    public static string OfText(string text) => Of(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal)));

    public static string Of(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
}
