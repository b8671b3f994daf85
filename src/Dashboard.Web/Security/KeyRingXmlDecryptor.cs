using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Security;

/// <summary>Reverses <see cref="KeyRingXmlEncryptor"/>; Data Protection activates it with the service provider.</summary>
internal sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var secret = services.GetRequiredService<KeyRingSecret>();
        var nonce = Convert.FromBase64String((string?)encryptedElement.Element("nonce") ?? throw new CryptographicException("Encrypted key has no nonce."));
        var tag = Convert.FromBase64String((string?)encryptedElement.Element("tag") ?? throw new CryptographicException("Encrypted key has no tag."));
        var ciphertext = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? throw new CryptographicException("Encrypted key has no value."));
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(secret.Key, tag.Length))
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext);
        }

        try
        {
            return XElement.Parse(System.Text.Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
