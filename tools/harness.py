"""Process plumbing shared by the benchmarks (``tools.bench``) and the scale-out tests.

Everything runs on loopback, on free ports, in temporary folders, with bounded waits:

* :class:`Proc`: a child process with its output in a log file, stopped by its own pid;
* :class:`Postgres` and :class:`Redis`: real servers (Debian's ``postgresql`` and ``redis-server``)
  in a temporary folder, with stop/start/restart for fault tests;
* :func:`stable_model`: a copy of the trained model once nobody is rewriting it;
* :func:`peak_rss_mb`, :func:`machine`: what the benchmark reports.

No Rasa import at module level: the bench imports this before deciding what to start.
"""

from __future__ import annotations

import contextlib
import glob
import os
import platform
import pwd
import shutil
import signal
import socket
import subprocess
import tarfile
import tempfile
import time
from pathlib import Path

from bot.serve import wait_until_up

ROOT = Path(__file__).resolve().parents[1]
LOOPBACK = "127.0.0.1"


def free_ports(n: int) -> list[int]:
    """``n`` different free loopback ports. All are held until all are chosen: asked one by one, the
    kernel may hand the same port out twice, and a Rasa server given its action server's port never
    starts (a CI run was lost to that)."""
    with contextlib.ExitStack() as held:
        ports = []
        for _ in range(n):
            s = held.enter_context(socket.socket())
            s.bind((LOOPBACK, 0))
            ports.append(s.getsockname()[1])
        return ports


def free_port() -> int:
    return free_ports(1)[0]


def wait_http(url: str, timeout: float = 180.0, process: subprocess.Popen | None = None) -> bool:
    """True once ``url`` answers 200 (polls every 0.5 s; False if ``process`` dies or on timeout)."""
    return wait_until_up(url, timeout, process)


# --- measurements ---------------------------------------------------------------------------
def _status_kb(pid: int, field: str) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def peak_rss_mb(pid: int) -> float | None:
    """The peak resident memory of a running process (``VmHWM``), in MB."""
    kb = _status_kb(pid, "VmHWM")
    return round(kb / 1024, 1) if kb is not None else None


def rss_mb(pid: int) -> float | None:
    kb = _status_kb(pid, "VmRSS")
    return round(kb / 1024, 1) if kb is not None else None


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    ram_kb = None
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemTotal:"):
                    ram_kb = int(line.split()[1])
                    break
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu_model": cpu,
        "ram_gb": round(ram_kb / 1024 / 1024, 1) if ram_kb else None,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }


# --- the trained model ----------------------------------------------------------------------
def stable_model(src: Path, dest_dir: Path, settle: float = 5.0, timeout: float = 1800.0) -> Path:
    """Copy ``src`` into ``dest_dir`` once it exists, is unchanged for ``settle`` s and opens as a tar.

    ``make train`` may be rewriting the model while the bench or the tests start: wait for it
    (bounded) rather than read half a file, and work on a private copy.
    """
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            st = src.stat()
            sig = (st.st_size, st.st_mtime_ns)
        except OSError:
            sig = None
        if sig is not None and sig == last:
            dest = Path(dest_dir) / src.name
            shutil.copy2(src, dest)
            try:
                with tarfile.open(dest, "r:gz") as tar:
                    tar.getmembers()
                if (src.stat().st_size, src.stat().st_mtime_ns) == sig:
                    return dest
            except (tarfile.TarError, OSError, EOFError):
                pass
        last = sig
        time.sleep(settle)
    raise TimeoutError(f"{src} did not appear or kept changing for {timeout:.0f} s (is make train running?)")


# --- child processes ------------------------------------------------------------------------
class Proc:
    """A child process writing to ``log``; ``stop`` ends it (and only it) by its pid."""

    def __init__(self, cmd: list[str], log: Path, env: dict | None = None, cwd: Path | str | None = None,
                 user: str | None = None):
        self.cmd, self.log, self.env, self.cwd, self.user = cmd, Path(log), env, cwd, user
        self.popen: subprocess.Popen | None = None
        self.started_at = 0.0

    def start(self) -> Proc:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        out = self.log.open("ab")
        kwargs = {"user": self.user} if self.user else {}
        self.started_at = time.monotonic()
        self.popen = subprocess.Popen(self.cmd, env=self.env, cwd=self.cwd, stdout=out, stderr=subprocess.STDOUT,
                                      stdin=subprocess.DEVNULL, **kwargs)
        out.close()
        return self

    @property
    def pid(self) -> int:
        assert self.popen is not None
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def stop(self, timeout: float = 20.0, sig: int = signal.SIGTERM) -> None:
        if not self.alive():
            return
        assert self.popen is not None
        self.popen.send_signal(sig)
        try:
            self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            self.popen.wait(timeout=10)

    def tail(self, chars: int = 4000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


# --- PostgreSQL and Redis -------------------------------------------------------------------
def postgres_bin() -> Path | None:
    """The folder of ``initdb``/``pg_ctl``: PATH, else the newest /usr/lib/postgresql/*/bin."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                      key=lambda p: [int(x) if x.isdigit() else 0 for x in Path(p).parts[-3].split(".")])
    return Path(versions[-1]).parent if versions else None


def redis_bin() -> Path | None:
    found = shutil.which("redis-server") or ("/usr/bin/redis-server" if os.path.exists("/usr/bin/redis-server") else None)
    return Path(found) if found else None


def ensure_services(install: bool = True) -> str | None:
    """None when PostgreSQL and Redis can run here, else why not (after trying scripts/ci-services)."""
    if (postgres_bin() is None or redis_bin() is None) and install:
        subprocess.run([str(ROOT / "scripts" / "ci-services")], capture_output=True, timeout=900, check=False)
    missing = [name for name, ok in (("postgresql", postgres_bin()), ("redis-server", redis_bin())) if not ok]
    if missing:
        return (f"{' and '.join(missing)} not found and could not be installed "
                f"(run scripts/ci-services as root, or: apt-get install {' '.join(missing)})")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run initdb as (initdb refuses root)"
    return None


class Postgres:
    """A throw-away PostgreSQL cluster on loopback: ``start``, ``stop``, ``restart``, ``close``."""

    def __init__(self, user: str = "bot", password: str = "bot-scale-test-pw", db: str = "bot", port: int = 0):
        self.bin = postgres_bin()
        if self.bin is None:
            raise RuntimeError("PostgreSQL binaries not found")
        self.user, self.password, self.db = user, password, db
        self.port = port or free_port()  # (given, when another server's port is chosen with it: free_ports)
        self.dir = Path(tempfile.mkdtemp(prefix="bot-pg-"))
        self.data = self.dir / "data"
        self.log = self.dir / "postgres.log"
        self.run_as = None
        if os.geteuid() == 0:
            self.run_as = "postgres"
            entry = pwd.getpwnam("postgres")
            os.chown(self.dir, entry.pw_uid, entry.pw_gid)
        pwfile = self.dir / "pw"
        pwfile.write_text(password + "\n")
        if self.run_as:
            os.chown(pwfile, pwd.getpwnam("postgres").pw_uid, -1)
        self._run([str(self.bin / "initdb"), "-D", str(self.data), "-U", user, f"--pwfile={pwfile}",
                   "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-sync"], timeout=180)
        pwfile.unlink()

    def _run(self, cmd: list[str], timeout: float = 120) -> subprocess.CompletedProcess:
        kwargs = {"user": self.run_as} if self.run_as else {}
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=self.dir, **kwargs)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd[:2])} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
        return done

    def start(self) -> None:
        options = (f"-p {self.port} -c listen_addresses={LOOPBACK} -k {self.dir} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60",
                   "-o", options, "start"], timeout=90)

    def stop(self, mode: str = "fast") -> None:
        self._run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop"], timeout=90)

    def restart(self) -> None:
        self.stop()
        self.start()

    def create_db(self) -> None:
        env = {**os.environ, "PGPASSWORD": self.password}
        subprocess.run([str(self.bin / "createdb"), "-h", LOOPBACK, "-p", str(self.port), "-U", self.user, self.db],
                       check=True, capture_output=True, env=env, timeout=60)

    def connect(self):
        import psycopg2

        return psycopg2.connect(host=LOOPBACK, port=self.port, user=self.user, password=self.password,
                                dbname=self.db, connect_timeout=10)

    @property
    def env(self) -> dict[str, str]:
        return {"BOT_DB_HOST": LOOPBACK, "BOT_DB_PORT": str(self.port), "BOT_DB_NAME": self.db,
                "BOT_DB_USER": self.user, "BOT_DB_PASSWORD": self.password}

    def close(self) -> None:
        try:
            self.stop("immediate")
        except (RuntimeError, subprocess.TimeoutExpired):
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


class Redis:
    """A throw-away Redis on loopback, without persistence."""

    def __init__(self, port: int = 0):
        self.bin = redis_bin()
        if self.bin is None:
            raise RuntimeError("redis-server not found")
        self.port = port or free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="bot-redis-"))
        self.proc: Proc | None = None

    def start(self) -> None:
        cmd = [str(self.bin), "--port", str(self.port), "--bind", LOOPBACK, "--save", "", "--appendonly", "no",
               "--dir", str(self.dir), "--daemonize", "no"]
        self.proc = Proc(cmd, self.dir / "redis.log").start()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.ping():
                return
            if not self.proc.alive():
                break
            time.sleep(0.1)
        raise RuntimeError("redis-server did not start:\n" + self.proc.tail())

    def ping(self) -> bool:
        try:
            with socket.create_connection((LOOPBACK, self.port), timeout=1) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.proc:
            self.proc.stop()

    def restart(self) -> None:
        self.stop()
        self.start()

    @property
    def env(self) -> dict[str, str]:
        return {"BOT_REDIS_HOST": LOOPBACK, "BOT_REDIS_PORT": str(self.port)}

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def endpoints_problem(path: Path | str, env: dict[str, str]) -> str | None:
    """None when every ``${VAR}`` of the endpoints file expands under ``env``, else what is wrong.

    Rasa expands ``${VAR}`` only in plain (unquoted) YAML scalars: ``url: "${BOT_ACTION_URL}"``
    stays the literal text, and the server then calls an action server named ``${BOT_ACTION_URL}``.
    """
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        from rasa.utils.endpoints import read_endpoint_config

        for section in ("action_endpoint", "tracker_store", "lock_store"):
            config = read_endpoint_config(str(path), section)
            if config is None:
                continue
            values = {"url": config.url, **{k: v for k, v in (config.kwargs or {}).items()}}
            bad = {k: v for k, v in values.items() if isinstance(v, str) and "${" in v}
            if bad:
                return (f"{path}: {section} keeps unexpanded placeholders {bad}: Rasa expands ${{VAR}} only "
                        "in unquoted YAML values (write url: ${BOT_ACTION_URL}, without quotes)")
    except Exception as exc:  # noqa: BLE001 - report any reading problem
        return f"{path}: cannot be read with the test environment: {type(exc).__name__}: {exc}"
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return None


# --- a bot: action server, then Rasa server (the order bot.serve uses) ------------------------
class BotProcesses:
    """An action server and a Rasa server started one after the other, like ``bot.serve``.

    ``startup_s`` is the time from starting the action server until the REST webhook answers.
    """

    def __init__(self, actions_cmd: list[str], rasa_cmd: list[str], env: dict, work: Path, port: int,
                 actions_port: int, cwd: Path | str = ROOT, name: str = "bot"):
        self.actions = Proc(actions_cmd, Path(work) / f"{name}-actions.log", env, cwd)
        self.rasa = Proc(rasa_cmd, Path(work) / f"{name}-rasa.log", env, cwd)
        self.url = f"http://{LOOPBACK}:{port}"
        self.actions_url = f"http://{LOOPBACK}:{actions_port}"
        self.env = env
        self.startup_s: float | None = None

    def start(self, timeout: float = 400.0) -> BotProcesses:
        started = time.monotonic()
        self.actions.start()
        if not wait_http(f"{self.actions_url}/health", timeout, self.actions.popen):
            self.stop()
            raise RuntimeError("the action server did not start:\n" + self.actions.tail())
        self.rasa.start()
        if not wait_http(f"{self.url}/webhooks/rest/", timeout, self.rasa.popen):
            self.stop()
            raise RuntimeError("the Rasa server did not start:\n" + self.rasa.tail())
        self.startup_s = time.monotonic() - started
        return self

    def stop(self) -> None:
        self.rasa.stop()
        self.actions.stop()


def literal_endpoints(path: Path, action_url: str, sqlite_path: Path | None) -> Path:
    """An endpoints file with literal values: the shipped tracker store on SQLite, or none."""
    lines = ["action_endpoint:", f"  url: {action_url}", "  enable_selective_domain: true"]
    if sqlite_path is not None:
        lines += ["tracker_store:", "  type: bot.rasa_ext.tracker_store.PrivateSQLTrackerStore",
                  "  dialect: sqlite", f"  db: {sqlite_path}"]
    path.write_text("\n".join(lines) + "\n")
    return path
