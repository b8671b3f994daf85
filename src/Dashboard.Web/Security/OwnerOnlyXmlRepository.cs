using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Dashboard.Web.Security;

/// <summary>
/// The file-system key repository, with each key file made owner-only (0600) as it is written: the library
/// creates it with the process umask (usually 0644).
/// </summary>
internal sealed class OwnerOnlyXmlRepository(FileSystemXmlRepository inner) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => inner.GetAllElements();

    public void StoreElement(XElement element, string friendlyName)
    {
        inner.StoreElement(element, friendlyName);
        foreach (var file in inner.Directory.EnumerateFiles("*.xml"))
        {
            OwnerOnly.TightenFile(file.FullName);
        }
    }
}
