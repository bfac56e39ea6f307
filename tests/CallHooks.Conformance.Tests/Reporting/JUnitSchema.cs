using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace CallHooks.Conformance.Tests.Reporting;

/// <summary>Validates junit.xml against the schema kept next to these tests (found by walking up to the solution).</summary>
internal static class JUnitSchema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    /// <summary>Every validation error and warning, empty when the document is valid.</summary>
    public static IReadOnlyList<string> Validate(byte[] xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
            DtdProcessing = DtdProcessing.Prohibit,
        };
        settings.ValidationEventHandler += (_, args) => problems.Add($"{args.Severity} line {args.Exception.LineNumber}: {args.Message}");

        using var stream = new MemoryStream(xml);
        using var reader = XmlReader.Create(stream, settings);
        while (reader.Read()) { }

        return problems;
    }

    public static XDocument Parse(byte[] xml)
    {
        using var stream = new MemoryStream(xml);
        return XDocument.Load(stream);
    }

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(
            Path.Combine(SolutionDirectory(), "tests", "CallHooks.Conformance.Tests", "Reporting", "junit.xsd")
        );
        set.Add(targetNamespace: null, reader);
        set.Compile();
        return set;
    }

    private static string SolutionDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CallHooks.Conformance.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("CallHooks.Conformance.sln not found above " + AppContext.BaseDirectory);
    }
}
