#!/usr/bin/env python3
"""Crash safety: placements-cli killed with SIGKILL at random moments.

During the demo data, a large import, an export and a run of single edits, each
many times over. After every kill the database passes PRAGMA integrity_check, the
demo data and the import are wholly there or wholly absent, every edit that
reported success is there, and no partial export stands at the target path.

    test-crash.py PLACEMENTS_CLI [--kills N] [--clients N] [--seed N]

Prints one line per scenario and the figures at the end; exits 1 on the first
failure. The moments are drawn from 0 to the time an uninterrupted run took.
"""
import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

failures = []
figures = {"kills": 0, "records": 0, "partial-files": 0, "temporary-files-left": 0}


def fail(message):
    print("not ok: " + message, file=sys.stderr)
    sys.exit(1)


def run(cli, db, *args, check=True):
    result = subprocess.run([cli, "--db", db, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    if check and result.returncode != 0:
        fail("placements-cli %s: %s" % (" ".join(args), result.stderr.strip()))
    return result


def query(db, sql, *params):
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def integrity(db):
    rows = query(db, "PRAGMA integrity_check")
    if rows != [("ok",)]:
        fail("%s after a kill: integrity_check says %r" % (db, rows[:5]))


def timed(cli, db, *args):
    start = time.monotonic()
    run(cli, db, *args)
    return time.monotonic() - start


def kill_during(cli, db, moment, *args):
    """Starts placements-cli, kills it after @moment seconds; True if it was killed."""
    process = subprocess.Popen([cli, "--db", db, *args], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=moment)
        return False
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return True


def count(db, table):
    return query(db, "SELECT count(*) FROM %s" % table)[0][0]


def scenario_demo(cli, work, kills, clients, rng):
    reference = os.path.join(work, "demo-reference.db")
    duration = timed(cli, reference, "demo", "--clients", str(clients), "--seed", "7")
    expected = count(reference, "client")
    killed = 0
    for i in range(kills):
        db = os.path.join(work, "demo-%d.db" % i)
        if kill_during(cli, db, rng.uniform(0, duration), "demo", "--clients", str(clients),
                       "--seed", "7"):
            killed += 1
        if not os.path.exists(db):
            continue
        integrity(db)
        tables = {row[0] for row in query(db, "SELECT name FROM sqlite_master")}
        found = count(db, "client") if "client" in tables else 0
        if found not in (0, expected):
            fail("demo killed: %d of %d clients" % (found, expected))
        figures["records"] += found
        os.unlink(db)
    figures["kills"] += killed
    print("ok: demo (%d clients, %.2f s) killed %d times" % (expected, duration, killed))


def make_export(cli, work, clients):
    source = os.path.join(work, "source.db")
    run(cli, source, "demo", "--clients", str(clients), "--seed", "11")
    receiver = query(source, "SELECT o.exchange_id FROM consent c JOIN organisation o "
                     "ON o.uuid = c.receiver_uuid GROUP BY o.uuid "
                     "ORDER BY count(*) DESC, o.uuid LIMIT 1")[0][0]
    sender = query(source, "SELECT exchange_id FROM organisation WHERE kind = "
                   "'care-provider' AND exchange_id <> ? ORDER BY uuid LIMIT 1", receiver)[0][0]
    run(cli, source, "own-organisation", sender)
    return source, receiver


def scenario_import(cli, work, kills, source, receiver, rng):
    message = os.path.join(work, "message.xml")
    run(cli, source, "export", message, "--to", receiver)
    template = os.path.join(work, "import-template.db")
    run(cli, template, "own-organisation", "--from-file", message)
    reference = os.path.join(work, "import-reference.db")
    shutil.copy(template, reference)
    duration = timed(cli, reference, "import", message)
    expected = count(reference, "client")
    if expected == 0:
        fail("the import brought no clients")
    killed = 0
    for i in range(kills):
        db = os.path.join(work, "import-%d.db" % i)
        shutil.copy(template, db)
        if kill_during(cli, db, rng.uniform(0, duration), "import", message):
            killed += 1
        integrity(db)
        found = count(db, "client")
        messages = count(db, "exchange_message")
        if (found, messages) not in ((0, 0), (expected, 1)):
            fail("import killed: %d of %d clients, %d messages" % (found, expected, messages))
        figures["records"] += count(db, "placement") + found
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.unlink(db + suffix)
    figures["kills"] += killed
    print("ok: import (%d clients, %.2f s) killed %d times" % (expected, duration, killed))


def scenario_export(cli, work, kills, source, receiver, rng):
    folder = os.path.join(work, "exports")
    os.mkdir(folder)
    target = os.path.join(folder, "out.xml")
    duration = timed(cli, source, "export", target, "--to", receiver)
    os.unlink(target)
    killed = 0
    for i in range(kills):
        if kill_during(cli, source, rng.uniform(0, duration), "export", target, "--to",
                       receiver):
            killed += 1
        integrity(source)
        if os.path.exists(target):
            # Whatever stands at the target path is a whole message.
            try:
                root = ET.parse(target).getroot()
            except ET.ParseError as error:
                figures["partial-files"] += 1
                fail("export killed: a partial file at the target path (%s)" % error)
            if not root.tag.endswith("message"):
                fail("export killed: %s is not a message" % target)
            figures["records"] += len(root.findall("./{*}records/*"))
            os.unlink(target)
        figures["temporary-files-left"] = len([name for name in os.listdir(folder)
                                               if name.startswith(".out.xml.")])
    figures["kills"] += killed
    print("ok: export (%.2f s) killed %d times" % (duration, killed))


def scenario_edits(cli, work, kills, rng):
    db = os.path.join(work, "edits.db")
    run(cli, db, "init")
    start = time.monotonic()
    run(cli, db, "add", "clients", "family-name=Meting")
    one = time.monotonic() - start
    killed = 0
    saved = []
    for i in range(kills):
        # A run of edits, one process each, the one running at the moment killed.
        moment = time.monotonic() + rng.uniform(0, 8 * one)
        n = 0
        while True:
            n += 1
            name = "Bewerking%d_%d" % (i, n)
            process = subprocess.Popen([cli, "--db", db, "add", "clients",
                                        "family-name=" + name, "given-name=Kill"],
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                       text=True)
            try:
                out, _ = process.communicate(timeout=max(0, moment - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGKILL)
                process.communicate()
                killed += 1
                break
            if process.returncode == 0 and out.strip():
                saved.append((out.strip(), name))
        integrity(db)
        for uuid, name in saved:
            rows = query(db, "SELECT family_name FROM client WHERE uuid = ?", uuid)
            if rows != [(name,)]:
                fail("edit %s (%s) reported saved but is %r" % (uuid, name, rows))
        figures["records"] += len(saved)
    figures["kills"] += killed
    print("ok: single edits (%.3f s each) killed %d times, %d saved edits present"
          % (one, killed, len(saved)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cli")
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--clients", type=int, default=300)
    parser.add_argument("--seed", type=int, default=None)
    options = parser.parse_args()

    seed = options.seed if options.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    cli = os.path.realpath(options.cli)
    print("# seed %d, %d kills per scenario, %d clients" % (seed, options.kills, options.clients))
    work = tempfile.mkdtemp(prefix="crash-", dir=os.environ.get("TMPDIR"))
    started = time.monotonic()
    try:
        scenario_demo(cli, work, options.kills, options.clients, rng)
        source, receiver = make_export(cli, work, options.clients)
        scenario_import(cli, work, options.kills, source, receiver, rng)
        scenario_export(cli, work, options.kills, source, receiver, rng)
        scenario_edits(cli, work, options.kills, rng)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("kills survived: %d; records checked: %d; partial files at the target: %d; "
          "export temporary files left: %d; %.1f s"
          % (figures["kills"], figures["records"], figures["partial-files"],
             figures["temporary-files-left"], time.monotonic() - started))


if __name__ == "__main__":
    main()
