#!/usr/bin/env python3
"""Writes docs/recipes/<name>.md for every recipe from its class comment, its IsRequiredFor comment, its priority
and its row of the README's recipe table. Run after changing a recipe's comment or README row; review the diff."""
import glob, html, os, re

os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
readme = open("README.md").read()
rows = {}
for line in readme.split("\n"):
    m = re.match(r"^\| ((?:\[?`[a-z\-]+`(?:\]\([^)]*\))?(?: / )?)+) \| (.*?) \| (.*) \|$", line)
    if m:
        for name in re.findall(r"`([a-z\-]+)`", m.group(1)):
            rows[name] = (m.group(2), m.group(3))
consts = dict(re.findall(r'public const string (\w+) = "([a-z\-]+)";', open("src/SchemaPlanner.Diff/Safety/Recipes.cs").read()))


def xml2md(t):
    t = re.sub(r'<see cref="([^"]+)"\s*/>', lambda m: "`" + m.group(1).split(".")[-1] + "`", t)
    t = re.sub(r'<paramref name="([^"]+)"\s*/>', r"`\1`", t)
    t = re.sub(r"</?c>", "`", t)
    t = t.replace("<para>", "\n\n").replace("</para>", "\n")
    t = re.sub(r"<[^>]+>", "", t)
    t = html.unescape(t)
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", t)]
    return "\n\n".join(p for p in paragraphs if p)


def comment(block):
    return "\n".join(l.strip()[3:] for l in block.split("\n") if l.strip().startswith("///"))


for path in sorted(glob.glob("src/SchemaPlanner.Diff/Planning/Recipes/*/*Recipe.cs")):
    source = open(path).read()
    name = consts[re.search(r"override string Name => Safety\.Recipes\.(\w+);", source).group(1)]
    priority = re.search(r"override int Priority => (\d+);", source).group(1)
    doc = xml2md(comment(re.search(r"((?:^///.*\n)+)public sealed (?:partial )?class", source, re.M).group(1)))
    required = re.search(r"((?:^    ///.*\n)+)    public override bool IsRequiredFor", source, re.M)
    required_text = xml2md(comment(required.group(1))) if required else None
    for_what, releases = rows.get(name, ("", ""))
    files = sorted(glob.glob(os.path.dirname(path) + "/*.cs"))
    out = f"# `{name}`\n\n"
    if for_what:
        out += f"**For:** {for_what}\n\n**Releases:** {releases}\n\n"
    out += "## How it works\n\n" + doc + "\n\n## When the planner picks it\n\n"
    out += f"Priority {priority} (lower wins when a change's hazards name several recipes; see `Recipe.Priority`). "
    out += "It plans a change when a blocking hazard of the change names it"
    out += (", and always (whatever the hazards say, unless an `allow` entry accepts the plain DDL) when: " + required_text) if required_text else "."
    out += "\n\n## Code\n\n" + "".join(f"- [`{f}`](../../{f})\n" for f in files)
    open(f"docs/recipes/{name}.md", "w").write(out)
