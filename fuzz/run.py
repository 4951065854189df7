"""Run the atheris harnesses for a fixed time and summarize executions and crashes.

    python fuzz/run.py --minutes 12 --target extract
    python fuzz/run.py --minutes 8 --target readers
    python fuzz/run.py --minutes 5 --target all        # each target gets the minutes, one after the other

Each target fuzzes a working copy of its seeds (fuzz/work/<target>/corpus/, so fuzz/seeds/ stays clean);
crashes go to fuzz/crashes/<target>/. libFuzzer stops at the first crash, so the run is restarted for the
time that is left, with every bug signature seen so far (fuzz/work/<target>/known.json) ignored by the
harness: one run finds several distinct bugs instead of the same one again. At the end each crash is
minimized (``-minimize_crash=1``, only inputs with the same signature count) to ``<crash>.min``.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
TARGETS = {"extract": "fuzz_extract.py", "readers": "fuzz_readers.py"}
MAX_LEN = {"extract": 2200, "readers": 8192}

_EXECS_DONE = re.compile(r"^Done (\d+) runs in (\d+) second")
_STAT_EXECS = re.compile(r"^stat::number_of_executed_units:\s*(\d+)")
_STATUS = re.compile(r"^#(\d+)\s+(?:INITED|NEW|REDUCE|pulse|DONE|RELOAD)")
_ARTIFACT = re.compile(r"Test unit written to (\S+)")
_SIGNATURE = re.compile(r"^FUZZ-SIGNATURE: (.+)$")


def _fuzz_once(target: str, seconds: int, work: Path, crashes: Path, extra: list[str]) -> dict:
    corpus = work / "corpus"
    log = work / f"log-{int(time.time())}.txt"
    env = dict(os.environ, FUZZ_KNOWN_SIGNATURES=str(work / "known.json"), FUZZ_TMP=str(work / "tmp"))
    env.pop("FUZZ_ONLY_SIGNATURE", None)
    cmd = [PYTHON, str(HERE / TARGETS[target]), str(corpus), f"-max_total_time={seconds}",
           f"-artifact_prefix={crashes}/", f"-max_len={MAX_LEN[target]}", "-timeout=30", "-rss_limit_mb=4096",
           "-print_final_stats=1", *extra]
    if (HERE / f"{target}.dict").exists():
        cmd.append(f"-dict={HERE / f'{target}.dict'}")
    started = time.time()
    with open(log, "w", encoding="utf-8") as out:
        proc = subprocess.run(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    elapsed = time.time() - started
    execs, artifact, sig = 0, None, None
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        for rx in (_STAT_EXECS, _EXECS_DONE, _STATUS):
            m = rx.match(line)
            if m:
                execs = max(execs, int(m.group(1)))
        m = _ARTIFACT.search(line)
        if m:
            artifact = m.group(1)
        m = _SIGNATURE.match(line)
        if m:
            sig = m.group(1).strip()
    if artifact and sig is None:
        sig = "timeout" if "timeout-" in artifact else "oom" if "oom-" in artifact else "unknown-crash"
    return {"returncode": proc.returncode, "seconds": elapsed, "execs": execs, "artifact": artifact,
            "signature": sig, "log": str(log)}


def _minimize(target: str, crash: str, signature: str, work: Path, seconds: int) -> str:
    out = crash + ".min"
    # libFuzzer re-executes the harness script itself (its "#!/usr/bin/env python" line): put this
    # interpreter first on PATH so that it runs in the same environment.
    env = dict(os.environ, FUZZ_ONLY_SIGNATURE=signature, FUZZ_TMP=str(work / "tmp"),
               PATH=os.path.dirname(PYTHON) + os.pathsep + os.environ.get("PATH", ""))
    cmd = [PYTHON, str(HERE / TARGETS[target]), "-minimize_crash=1", f"-max_total_time={seconds}", "-timeout=30",
           f"-exact_artifact_path={out}", crash]
    with open(work / "minimize.log", "a", encoding="utf-8") as log:
        subprocess.run(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    return out if os.path.exists(out) else crash


def run_target(target: str, minutes: float, *, minimize_seconds: int, extra: list[str]) -> dict:
    work, crashes = HERE / "work" / target, HERE / "crashes" / target
    corpus = work / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    crashes.mkdir(parents=True, exist_ok=True)
    for seed in (HERE / "seeds" / target).iterdir():
        if not (corpus / seed.name).exists():
            shutil.copy(seed, corpus / seed.name)
    known_path = work / "known.json"
    known: list[str] = json.loads(known_path.read_text()) if known_path.exists() else []
    deadline = time.time() + minutes * 60
    runs, found = [], []
    while True:
        left = int(deadline - time.time())
        if left < 20:
            break
        result = _fuzz_once(target, left, work, crashes, extra)
        runs.append(result)
        print(f"[{target}] run {len(runs)}: {result['execs']} execs in {result['seconds']:.0f}s"
              + (f", crash {result['signature']} -> {result['artifact']}" if result["artifact"] else ""), flush=True)
        if not result["artifact"]:
            if result["returncode"] != 0:
                print(f"[{target}] harness failed without an artifact; see {result['log']}", flush=True)
            break
        found.append({"signature": result["signature"], "crash": result["artifact"]})
        if result["signature"] in known:  # a timeout/oom (no signature to ignore): do not loop on it
            print(f"[{target}] signature {result['signature']} repeated; stopping", flush=True)
            break
        known.append(result["signature"])
        known_path.write_text(json.dumps(known, indent=1))
    for item in found:
        if minimize_seconds > 0 and not item["signature"].startswith(("timeout", "oom", "unknown")):
            item["minimized"] = _minimize(target, item["crash"], item["signature"], work, minimize_seconds)
    execs = sum(r["execs"] for r in runs)
    seconds = sum(r["seconds"] for r in runs)
    return {"target": target, "minutes": minutes, "restarts": len(runs), "execs": execs, "seconds": round(seconds),
            "execs_per_s": round(execs / seconds, 1) if seconds else 0.0, "crashes": found}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--minutes", type=float, required=True, help="fuzzing time per target")
    p.add_argument("--target", choices=[*TARGETS, "all"], default="all")
    p.add_argument("--minimize-seconds", type=int, default=60, help="time to minimize each crash (0: skip)")
    p.add_argument("--fresh", action="store_true", help="forget known signatures of earlier runs")
    p.add_argument("libfuzzer_args", nargs="*", help="extra libFuzzer flags, after --")
    args = p.parse_args(argv)
    targets = list(TARGETS) if args.target == "all" else [args.target]
    summaries = []
    for target in targets:
        if args.fresh:
            (HERE / "work" / target / "known.json").unlink(missing_ok=True)
        summaries.append(run_target(target, args.minutes, minimize_seconds=args.minimize_seconds,
                                    extra=args.libfuzzer_args))
    print("\n=== fuzz summary ===")
    for s in summaries:
        print(f"target={s['target']} minutes={s['minutes']} executions={s['execs']} "
              f"exec/s={s['execs_per_s']} restarts={s['restarts']} crashes={len(s['crashes'])}")
        for c in s["crashes"]:
            print(f"  {c['signature']}: {c['crash']}" + (f" (minimized: {c['minimized']})" if c.get("minimized") else ""))
    (HERE / "work" / "summary.json").write_text(json.dumps(summaries, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
