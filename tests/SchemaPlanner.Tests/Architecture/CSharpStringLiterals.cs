using System.Text;

namespace SchemaPlanner.Tests.Architecture;

/// <summary>One string literal of a C# file: its first line and its text, an interpolation hole kept as <c>{expression}</c>.</summary>
internal sealed record CSharpStringLiteral(int Line, string Text);

/// <summary>
/// The string literals of C# source: regular (<c>"…"</c>), verbatim (<c>@"…"</c>), raw (<c>"""…"""</c>) and
/// interpolated (<c>$"…"</c>, <c>$@"…"</c>, <c>@$"…"</c>, <c>$$"""…"""</c>), skipping comments and character
/// literals. Literals nested in an interpolation hole are literals too, listed after the one holding them.
/// </summary>
internal static class CSharpStringLiterals
{
    public static List<CSharpStringLiteral> Read(string source)
    {
        var found = new List<CSharpStringLiteral>();
        var scanner = new Scanner(source, found);
        scanner.Run(source.Length);
        return found;
    }

    private sealed class Scanner(string s, List<CSharpStringLiteral> found)
    {
        private int i;

        public void Run(int end)
        {
            while (i < end)
            {
                Step();
            }
        }

        /// <summary>Reads one token of code: a comment, a character literal, a string literal or one other character.</summary>
        private void Step()
        {
            if (At("//"))
            {
                var eol = s.IndexOf('\n', i);
                i = eol < 0 ? s.Length : eol;
            }
            else if (At("/*"))
            {
                var close = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? s.Length : close + 2;
            }
            else if (s[i] == '\'')
            {
                i++;
                while (i < s.Length && s[i] != '\'')
                {
                    i += s[i] == '\\' ? 2 : 1;
                }

                i++;
            }
            else if (StringStart() is var (dollars, verbatim, quotes))
            {
                ReadString(dollars, verbatim, quotes);
            }
            else
            {
                i++;
            }
        }

        private bool At(string text) => string.CompareOrdinal(s, i, text, 0, text.Length) == 0;

        /// <summary>At a literal's prefix (not inside an identifier such as <c>x@"</c>): its dollars, @ and opening quotes.</summary>
        private (int Dollars, bool Verbatim, int Quotes)? StringStart()
        {
            if (i > 0 && (char.IsLetterOrDigit(s[i - 1]) || s[i - 1] == '_'))
            {
                return null;
            }

            var j = i;
            var dollars = 0;
            var verbatim = false;
            while (j < s.Length && (s[j] == '$' || s[j] == '@'))
            {
                if (s[j] == '@')
                {
                    verbatim = true;
                }
                else
                {
                    dollars++;
                }

                j++;
            }

            var quotes = 0;
            while (j + quotes < s.Length && s[j + quotes] == '"')
            {
                quotes++;
            }

            return quotes == 0 ? null : (dollars, verbatim, quotes);
        }

        private void ReadString(int dollars, bool verbatim, int quotes)
        {
            var line = LineAt(i);
            while (s[i] != '"')
            {
                i++;
            }

            var raw = !verbatim && quotes >= 3;
            if (!raw && !verbatim && quotes == 2)
            {
                i += 2;
                found.Add(new CSharpStringLiteral(line, ""));
                return;
            }

            i += raw ? quotes : 1;
            var text = new StringBuilder();
            var index = found.Count;
            found.Add(null!);
            var nested = new List<CSharpStringLiteral>();
            while (i < s.Length)
            {
                if (raw && RunOf('"') >= quotes)
                {
                    i += quotes;
                    break;
                }

                if (!raw && s[i] == '"')
                {
                    if (verbatim && i + 1 < s.Length && s[i + 1] == '"')
                    {
                        text.Append('"');
                        i += 2;
                        continue;
                    }

                    i++;
                    break;
                }

                if (!raw && !verbatim && s[i] == '\\')
                {
                    text.Append(s[i + 1] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', var c => c });
                    i += 2;
                    continue;
                }

                if (dollars > 0 && s[i] == '{')
                {
                    var run = RunOf('{');
                    if (!raw && run >= 2)
                    {
                        text.Append('{');
                        i += 2;
                        continue;
                    }

                    var opener = raw ? dollars : 1;
                    if (run >= opener)
                    {
                        text.Append('{', run - opener);
                        i += run;
                        text.Append('{').Append(Hole()).Append('}');
                        i += raw ? dollars : 1;
                        continue;
                    }
                }

                if (dollars > 0 && !raw && s[i] == '}' && i + 1 < s.Length && s[i + 1] == '}')
                {
                    text.Append('}');
                    i += 2;
                    continue;
                }

                text.Append(s[i]);
                i++;
            }

            found[index] = new CSharpStringLiteral(line, text.ToString());
        }

        /// <summary>An interpolation hole's expression, up to its closing brace, reading literals nested in it.</summary>
        private string Hole()
        {
            var start = i;
            var depth = 0;
            while (i < s.Length)
            {
                var c = s[i];
                if (c is '(' or '[' or '{')
                {
                    depth++;
                }
                else if (c is ')' or ']')
                {
                    depth--;
                }
                else if (c == '}')
                {
                    if (depth == 0)
                    {
                        return s[start..i];
                    }

                    depth--;
                }
                else if (c is '"' or '$' or '@' or '\'' || At("/*") || At("//"))
                {
                    var before = i;
                    Step();
                    if (i > before)
                    {
                        continue;
                    }
                }

                i++;
            }

            return s[start..i];
        }

        private int RunOf(char c)
        {
            var n = 0;
            while (i + n < s.Length && s[i + n] == c)
            {
                n++;
            }

            return n;
        }

        private int LineAt(int position)
        {
            var line = 1;
            for (var k = 0; k < position; k++)
            {
                if (s[k] == '\n')
                {
                    line++;
                }
            }

            return line;
        }
    }
}
