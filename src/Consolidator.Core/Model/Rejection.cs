namespace Consolidator.Core.Model;

/// <summary>
/// Why a whole file cannot be used, in Japanese and English, with what the sender can do.
/// Written to 取込履歴, to <c>&lt;name&gt;.error.txt</c> in rejected/ and by <c>validate</c>.
/// </summary>
public sealed record Rejection(string Code, string MessageJa, string MessageEn, string FixJa, string FixEn)
{
    public override string ToString() => $"{MessageJa} / {MessageEn}";
}

/// <summary>Thrown by readers for a file that cannot be read at all; caught once per file.</summary>
public sealed class UnreadableFileException : Exception
{
    public UnreadableFileException(Rejection rejection, Exception? inner = null)
        : base(rejection.MessageEn, inner) => Rejection = rejection;

    public UnreadableFileException() : this(new Rejection("unreadable", "読み込めません。", "Unreadable.", "", "")) { }

    public UnreadableFileException(string message) : this(new Rejection("unreadable", message, message, "", "")) { }

    public UnreadableFileException(string message, Exception inner) : this(new Rejection("unreadable", message, message, "", ""), inner) { }

    public Rejection Rejection { get; }
}
