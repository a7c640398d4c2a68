#!/usr/bin/env python3
"""Draws the front page's chart from the FIGURE lines that each module's compare/compare.sh
prints last: Java and Python as a fraction of the practical limit (C, dd, find) on each
measured path, as SVG on standard output.

    python3 .ci/figures/chart.py OUTPUT... > figures.svg

OUTPUT is a saved compare.sh output (or a folder of them); see .ci/figures/measure-all.
A fraction is Java's (or Python's) rate over the limit's rate, or for a time the limit's time
over theirs: 1 is as fast as the limit, 0.5 half as fast; above 1 is faster than the limit.
"""
import html
import os
import sys

TITLES = {
    "spawn": "start and reap a child process",
    "pipe": "bytes through a pipe",
    "sockets_tcp": "book socket protocol, TCP",
    "sockets_unix": "book socket protocol, Unix socket",
    "queue": "items through a producer/consumer queue",
    "walk": "walk a 200,000-file tree",
    "sleepers": "10,000 sleepers of 1 s",
}
ORDER = list(TITLES)


def figures(paths):
    found = {}
    for path in paths:
        files = [os.path.join(path, f) for f in sorted(os.listdir(path))] if os.path.isdir(path) else [path]
        for name in files:
            with open(name, encoding="utf-8", errors="replace") as text:
                for line in text:
                    if line.startswith("FIGURE "):
                        fields = dict(w.split("=", 1) for w in line.split()[1:] if "=" in w)
                        found[fields["path"]] = fields
    return found


def fraction(fig, who):
    value, limit = float(fig[who]), float(fig["limit"])
    return value / limit if fig["better"] == "higher" else limit / value


def svg(found):
    rows = [p for p in ORDER if p in found] + sorted(p for p in found if p not in ORDER)
    if not rows:
        sys.exit("chart.py: no FIGURE lines in the outputs given")
    left, width, bar, gap, top = 300, 420, 14, 16, 56
    top_value = max([1.2] + [fraction(found[p], w) for p in rows for w in ("java", "python")])
    scale = width / top_value
    height = top + len(rows) * (2 * bar + gap) + 70
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 200}" height="{height}" '
           f'font-family="sans-serif" font-size="12">',
           f'<rect x="0" y="0" width="{left + width + 200}" height="{height}" fill="white"/>',
           f'<text x="10" y="22" font-size="15" font-weight="bold">Java and Python as a fraction of the '
           f'practical limit (1 = as fast as C, dd or find)</text>']
    y = top
    for p in rows:
        fig = found[p]
        title = TITLES.get(p, p)
        limit = fig.get("limit_name", "limit").replace("_", " ")
        out.append(f'<text x="10" y="{y + bar + 2}">{html.escape(title)}</text>')
        out.append(f'<text x="10" y="{y + 2 * bar + 2}" fill="#555" font-size="10">limit: {html.escape(limit)} '
                   f'{html.escape(fig["limit"])} {html.escape(fig["unit"])}, load {html.escape(fig.get("load", "?"))}</text>')
        for i, (who, colour) in enumerate((("java", "#d9822b"), ("python", "#3572a5"))):
            f = fraction(fig, who)
            yy = y + i * bar
            out.append(f'<rect x="{left}" y="{yy}" width="{max(1, f * scale):.1f}" height="{bar - 2}" fill="{colour}"/>')
            out.append(f'<text x="{left + f * scale + 4:.1f}" y="{yy + bar - 4}">{who.capitalize()} {f:.2f} '
                       f'({html.escape(fig[who])} {html.escape(fig["unit"])})</text>')
        y += 2 * bar + gap
    one = left + scale
    out.append(f'<line x1="{one:.1f}" y1="{top - 8}" x2="{one:.1f}" y2="{y}" stroke="black" stroke-dasharray="4 3"/>')
    out.append(f'<text x="{one - 20:.1f}" y="{top - 12}">limit</text>')
    out.append(f'<line x1="{left}" y1="{top - 8}" x2="{left}" y2="{y}" stroke="#999"/>')
    out.append(f'<rect x="10" y="{y + 14}" width="12" height="12" fill="#d9822b"/><text x="28" y="{y + 24}">Java</text>')
    out.append(f'<rect x="80" y="{y + 14}" width="12" height="12" fill="#3572a5"/><text x="98" y="{y + 24}">Python</text>')
    out.append(f'<text x="10" y="{y + 48}" fill="#555">From the last line of each module\'s compare/compare.sh; '
               f'redraw with .ci/figures/measure-all. Load: the 1-minute average just before the run, on {os.cpu_count()} cores.</text>')
    out.append('</svg>')
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.stdout.write(svg(figures(sys.argv[1:])))
