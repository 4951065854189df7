"""The same shard function on a Dask LocalCluster (loopback, 2 worker processes) gives the local run's output."""
from __future__ import annotations

import functools
from pathlib import Path

import pytest
from io_fakeproc import make_process

from newsclaims.io.runner import run_corpus

pytest.importorskip("distributed")


def test_dask_local_cluster_equals_local_run(tmp_path: Path, corpus_jsonl: Path) -> None:
    local = run_corpus([corpus_jsonl], tmp_path / "local", process=make_process, shard_size=10, progress=False)
    loads = tmp_path / "loads"
    loads.mkdir()
    factory = functools.partial(make_process, loads_dir=str(loads))
    dask = run_corpus([corpus_jsonl], tmp_path / "dask", process=factory, shard_size=10, engine="dask",
                      formats=("jsonl", "parquet"), progress=False)
    assert dask["counts"] == local["counts"] and dask["shards"]["total"] == 7
    for name in ("documents.jsonl", "claims.jsonl", "errors.jsonl"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
    pids = (loads / "loads.txt").read_text().split()
    assert 1 <= len(pids) <= 2 and len(set(pids)) == len(pids)  # once per worker, not once per shard


def test_dask_with_an_existing_client(tmp_path: Path, corpus_jsonl: Path) -> None:
    from distributed import Client, LocalCluster

    # processes=False: an in-process cluster (inproc transport, no sockets at all)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        manifest = run_corpus([corpus_jsonl], tmp_path / "out", process=make_process, shard_size=30,
                              engine="dask", scheduler=client, progress=False)
        assert client.status == "running"  # a client we were given is not closed by the run
    assert manifest["counts"]["documents_read"] == 60 and manifest["counts"]["documents_failed"] == 1
