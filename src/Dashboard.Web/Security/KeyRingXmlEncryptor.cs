using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Dashboard.Web.Security;

/// <summary>
/// Encrypts Data Protection key XML at rest with AES-256-GCM under the key-ring secret, so a copy of the
/// keys folder alone (a backup, a leaked volume) does not expose the credential keys (SEC-16).
/// </summary>
internal sealed class KeyRingXmlEncryptor(KeyRingSecret secret) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(secret.Key, tag.Length))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement("encryptedKey",
            new XComment(" Encrypted with the dashboard key-ring secret (AES-256-GCM). "),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(KeyRingXmlDecryptor));
    }
}
