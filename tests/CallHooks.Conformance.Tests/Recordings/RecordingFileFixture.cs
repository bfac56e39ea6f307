using CallHooks.Conformance.Recordings;

namespace CallHooks.Conformance.Tests.Recordings;

/// <summary>Writes a recording into a fresh folder per test and reads it back through <see cref="RecordingFiles.Read"/>.</summary>
public abstract class RecordingFileFixture
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("callhooks-recordings-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(folder, recursive: true);

    protected string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    internal RecordingRead Read(string name, string text) => RecordingFiles.Read(Write(name, text));

    /// <summary>The message of the <see cref="RecordingFormatException"/> reading <paramref name="text"/> throws.</summary>
    protected string Refusal(string name, string text) =>
        Assert.Throws<RecordingFormatException>(() => RecordingFiles.Read(Write(name, text)))!.Message;
}
