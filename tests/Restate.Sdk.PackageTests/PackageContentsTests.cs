using System.IO.Compression;
using System.Xml.Linq;

namespace Restate.Sdk.PackageTests;

/// <summary>What each package carries: the assembly with its XML docs, README, license, metadata, and a symbol package.</summary>
[Collection(SharedPackedSdk.Name)]
public sealed class PackageContentsTests(PackedSdk packed)
{
    public static TheoryData<string> Ids => new(PackedSdk.PackageIds);

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_package_has_the_assembly_its_docs_the_readme_and_the_license(string id)
    {
        var entries = Entries(packed.PackagePath(id));

        Assert.Contains($"lib/net10.0/{id}.dll", entries);
        Assert.Contains($"lib/net10.0/{id}.xml", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("LICENSE", entries);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_nuspec_names_the_license_readme_and_description(string id)
    {
        var metadata = Nuspec(packed.PackagePath(id));

        Assert.Equal("MIT", Element(metadata, "license").Value);
        Assert.Equal("expression", Element(metadata, "license").Attribute("type")?.Value);
        Assert.Equal("README.md", Element(metadata, "readme").Value);
        Assert.False(string.IsNullOrWhiteSpace(Element(metadata, "description").Value));
        Assert.False(string.IsNullOrWhiteSpace(Element(metadata, "authors").Value));
        Assert.Contains("restate", Element(metadata, "tags").Value, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void A_symbol_package_with_the_pdb_sits_next_to_the_package(string id)
    {
        Assert.Contains($"lib/net10.0/{id}.pdb", Entries(packed.SymbolPackagePath(id)));
    }

    [Fact]
    public void Restate_Sdk_carries_the_analyzers_and_their_code_fixes()
    {
        var entries = Entries(packed.PackagePath("Restate.Sdk"));

        Assert.Contains("analyzers/dotnet/cs/Restate.Sdk.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Restate.Sdk.Analyzers.CodeFixes.dll", entries);
    }

    [Fact]
    public void Restate_Sdk_Local_depends_on_the_clients_package_of_the_same_version()
    {
        var dependency = Nuspec(packed.PackagePath("Restate.Sdk.Local"))
            .Descendants()
            .Where(e => e.Name.LocalName == "dependency")
            .Single(d => d.Attribute("id")?.Value == "Restate.Sdk.Clients");

        Assert.Equal(packed.Version, dependency.Attribute("version")?.Value);
    }

    private static List<string> Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    private static XElement Nuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        var root = XDocument.Load(stream).Root!;
        return root.Element(root.Name.Namespace + "metadata") ?? throw new InvalidOperationException("The nuspec has no <metadata>.");
    }

    private static XElement Element(XElement metadata, string name) =>
        metadata.Element(metadata.Name.Namespace + name) ?? throw new InvalidOperationException($"The nuspec has no <{name}>.");
}
