#!/usr/bin/env python3
"""Save-to-updated-output latency of `loa watch` after one explainer edit.

Starts `loa watch` on a site, waits for its first build, then edits one explainer
several times (in turn: an answer's text, a question's title, the explainer's title, its
weight) and reports, per edit: the milliseconds loa itself prints for the rebuild, and the
wall-clock time from the write to the updated page being on disk (the explainer's page;
the pillar page for a weight), which includes the 30 ms debounce and the file-system event.
Usage: bench/incremental.py SITE [EDITS] [--feed-limit N]
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

args = sys.argv[1:]
# `--feed-limit N`: run with that `feed_limit` in site.yaml (put back afterwards). The
# benchmark sites list every explainer in their feeds, as Hugo does; loa's default is 50.
feed_limit = None
if "--feed-limit" in args:
    at = args.index("--feed-limit")
    feed_limit = int(args[at + 1])
    del args[at:at + 2]
site = args[0]
edits = int(args[1]) if len(args) > 1 else 5
config_path = os.path.join(site, "site.yaml")
config = open(config_path, encoding="utf-8").read()
if feed_limit is not None:
    patched = re.sub(r"^feed_limit: .*$\n?", "", config, flags=re.M).rstrip("\n")
    open(config_path, "w", encoding="utf-8").write(f"{patched}\nfeed_limit: {feed_limit}\n")
loa = os.environ.get("LOA", "target/release/loa")
out = tempfile.mkdtemp(prefix="loa-incremental-")
proc = subprocess.Popen([loa, "watch", "--source", site, "--output", out],
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                        env={**os.environ, "LANG": "C"})
first = None
for line in proc.stdout:
    if first is None:
        first = line.strip()
    if line.startswith("Watching"):
        break

# The first explainer of the default language's first pillar.
content = os.path.join(site, "content")
lang = sorted(os.listdir(content))[0]
vi = os.path.join(content, "vi") if os.path.isdir(os.path.join(content, "vi")) else os.path.join(content, lang)
pillar = sorted(d for d in os.listdir(vi) if os.path.isdir(os.path.join(vi, d)))[0]
name = sorted(f for f in os.listdir(os.path.join(vi, pillar)) if f.endswith(".md") and f != "_index.md")[0]
path = os.path.join(vi, pillar, name)
original = open(path, encoding="utf-8").read()
page = os.path.join(out, pillar, name[:-3], "index.html")

pillar_page = os.path.join(out, pillar, "index.html")
original_weight = int(re.search(r"^weight: (-?\d+)$", original, flags=re.M).group(1))
KINDS = ["answer text", "question title", "explainer title", "weight"]
rows = []
try:
    for i in range(edits):
        kind = KINDS[i % len(KINDS)]
        marker = f"loa-edit-{i}-{time.time_ns()}"
        text = open(path, encoding="utf-8").read()
        # The file whose change shows the edit is done, and how to tell.
        watched, changed = page, lambda now: marker in now
        if kind == "answer text":
            # Append a sentence to the last answer: the body changes, the outline does not.
            text = text.rstrip("\n") + f" {marker}.\n"
        elif kind == "question title":
            text = re.sub(r"^## (.*?)( \{#[^}]*\})?$", lambda m: f"## {m.group(1)} {marker}{m.group(2) or ''}",
                          text, count=1, flags=re.M)
        elif kind == "explainer title":
            # Listed on the pillar and audience pages, and in the pages beside it.
            text = re.sub(r'^title: "?(.*?)"?$', lambda m: f'title: "{m.group(1)} {marker}"',
                          text, count=1, flags=re.M)
        else:
            # To the top of its pillar, and next time back: the pillar page's order changes.
            before = open(pillar_page, encoding="utf-8").read()
            weight = -1000 if (i // len(KINDS)) % 2 == 0 else original_weight
            text = re.sub(r"^weight: .*$", f"weight: {weight}", text, count=1, flags=re.M)
            watched, changed = pillar_page, lambda now, before=before: now != before
        start = time.perf_counter()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        line = proc.stdout.readline().strip()
        while not changed(open(watched, encoding="utf-8").read()):
            time.sleep(0.001)
        wall = (time.perf_counter() - start) * 1000
        said = re.search(r"in (\d+) ms", line)
        rows.append((kind, int(said.group(1)) if said else None, wall, line))
        time.sleep(0.3)
finally:
    open(path, "w", encoding="utf-8").write(original)
    proc.terminate()
    proc.wait()
    open(config_path, "w", encoding="utf-8").write(config)
    # A 10,000 × 3 output is 1.7 GB: left behind, a few runs fill the disk.
    shutil.rmtree(out, ignore_errors=True)

limit = "" if feed_limit is None else f" (feed_limit: {feed_limit})"
print(f"site: {site}{limit}\nfirst build: {first}\n")
print("| edit | loa's rebuild (ms) | save → page on disk (ms) | loa said |")
print("| --- | ---: | ---: | --- |")
for kind, ms, wall, line in rows:
    print(f"| {kind} | {ms} | {wall:.0f} | `{line}` |")
